import { DEMO_PASSWORD, seedDemo } from '../src/db/seed/demo.ts';
import { makeTestApp, signIn, type TestApp, type TestUser } from './helpers.ts';

export interface DemoApp {
  t: TestApp;
  /** How long the whole demo took to seed. */
  seedMs: number;
  /** Signs a demo account in (the demo's one password, TOTP where the role needs it). */
  demo(username: string, role: TestUser['role']): Promise<TestUser>;
}

/** A test app whose clock stands at `now`, with the whole demo seeded through the real services. */
export async function makeDemoApp(now: string): Promise<DemoApp> {
  const t = await makeTestApp();
  t.setNow(now);
  const started = Date.now();
  await seedDemo(t.ctx);
  const seedMs = Date.now() - started;
  const demo = async (username: string, role: TestUser['role']): Promise<TestUser> => ({
    id: '',
    username,
    role,
    unitId: null,
    enterpriseId: null,
    cookie: await signIn(t, username, DEMO_PASSWORD, role),
  });
  return { t, seedMs, demo };
}
