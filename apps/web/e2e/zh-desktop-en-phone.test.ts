import { after, before, describe, test } from 'node:test';
import { startStack, type Stack } from './support.ts';
import { dashboardRenders, enterpriseRates, officerAnswers, officerSeesRating, publicComplaint, registerAndFileAppeal } from './journeys.ts';

describe('journeys: Chinese on a desktop (with axe scans), English on a 390 px phone', { timeout: 600_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  for (const v of [
    { lang: 'zh-CN', phone: false, axe: true },
    { lang: 'en', phone: true },
  ] as const) {
    const name = `${v.lang}${v.phone ? ' phone' : ''}`;
    const seed = (Date.now() % 1e8) + (v.phone ? 1 : 0);
    let filed: Awaited<ReturnType<typeof registerAndFileAppeal>>;
    test(`${name}: an enterprise registers and files an appeal`, async () => {
      filed = await registerAndFileAppeal(stack, v, seed);
    });
    test(`${name}: officer.zhangdian signs in with TOTP, accepts and answers it`, async () => {
      await officerAnswers(stack, v, filed);
    });
    test(`${name}: the enterprise rates the answer`, async () => {
      await enterpriseRates(filed.page, v, filed);
      await filed.page.context().close();
    });
    test(`${name}: the officer sees the enterprise's rating and that closing is next`, async () => {
      await officerSeesRating(stack, v, filed);
    });
    test(`${name}: a member of the public files a 12389 conduct complaint`, async () => {
      await publicComplaint(stack, v);
    });
    test(`${name}: the leaders' dashboard renders its charts with data`, async () => {
      await dashboardRenders(stack, v);
    });
  }
});
