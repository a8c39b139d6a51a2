import type { AppContext } from '../../context.ts';

/** Placeholder until the demo city lands. */
export async function seedDemo(_ctx: AppContext): Promise<void> {}
