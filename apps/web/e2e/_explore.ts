import { startStack, signIn } from './support.ts';
const stack = await startStack();
const errors: string[] = [];
const go = async (user: string | null, lang: 'zh-CN' | 'en', phone: boolean, urls: [string, string][]) => {
  const { page } = await stack.newPage({ lang, phone });
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 40[14]/.test(m.text())) errors.push(`${user} ${page.url()}: ${m.text().slice(0, 300)}`); });
  page.on('pageerror', (e) => errors.push(`${user} pageerror ${e.message}`));
  if (user) await signIn(page, user);
  for (const [url, name] of urls) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  }
  return page;
};
try {
  const p = await go('leader.zhangdian', 'en', true, [['/dashboard/liaison-coverage', 'coverage-en-phone'], ['/workbench/liaison/mine', 'x']]);
  const r = await p.evaluate(async () => (await fetch('/api/v1/liaison/enterprises?q=%E9%BD%90%E9%B2%81')).json());
  const id = (r as { enterprises: { id: string }[] }).enterprises[0].id;
  await p.goto(`/workbench/enterprises/${id}`); await p.waitForLoadState('networkidle'); await p.waitForTimeout(800);
  await p.screenshot({ path: '/tmp/shots/file-en-phone.png', fullPage: true });
  await p.evaluate(() => localStorage.setItem('jqt.lang', 'zh-CN')); await p.setViewportSize({ width: 1366, height: 900 }); await p.reload(); await p.waitForLoadState('networkidle'); await p.waitForTimeout(800);
  await p.screenshot({ path: '/tmp/shots/file-zh.png', fullPage: true });
} finally {
  console.log(errors.join('\n'));
  await stack.stop();
}
