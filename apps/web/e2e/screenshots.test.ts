import { after, before, describe, test } from 'node:test';
import { SCREENSHOTS, startStack, type Stack } from './support.ts';
import { screenshotTour } from './journeys.ts';

// Only with SCREENSHOTS=1 (so CI never rewrites docs/screenshots): the main screens with the demo data in the
// combinations the journeys do not cover (English desktop, Chinese phone) and the admin screens in all four.
describe('screenshots of the main screens', { skip: !SCREENSHOTS, timeout: 900_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });
  test('English on a desktop', async () => {
    await screenshotTour(stack, { lang: 'en', phone: false });
  });
  test('Chinese on a phone', async () => {
    await screenshotTour(stack, { lang: 'zh-CN', phone: true });
  });
  test('admin screens in Chinese on a desktop and English on a phone', async () => {
    await screenshotTour(stack, { lang: 'zh-CN', phone: false }, true);
    await screenshotTour(stack, { lang: 'en', phone: true }, true);
  });
});
