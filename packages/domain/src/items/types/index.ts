import type { ItemTypeDeclaration } from '../item-type.ts';
import { appeal } from './appeal.ts';
import { conductComplaint } from './conduct-complaint.ts';
import { petition } from './petition.ts';
import { publicOrderComplaint } from './public-order-complaint.ts';

/** The catalog: adding an item type is adding its declaration here. */
export const itemTypes: readonly ItemTypeDeclaration[] = [appeal, publicOrderComplaint, conductComplaint, petition];

const byCode = new Map(itemTypes.map((t) => [t.code, t]));
export function itemType(code: string): ItemTypeDeclaration | undefined {
  return byCode.get(code);
}
