/**
 * The `list` field of ItemForm (batch inspection, M8: rows of VIN + plate + model) with live per-cell checks and the
 * server's row errors, and the public verification pages a QR code opens: a receipt (/verify/:number?s=) and a truck
 * pass code (/pass-codes/:code?s=), genuine and tampered. Chinese on a desktop (axe), English on a 390 px phone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeVin } from '@jqt/domain';
import { paths } from '../src/config/paths.ts';
import { type Stack, apiSession, beijingDate, confirmAction, fillItemForm, horizontalOverflow, seriousViolations, shot, signIn, startStack, choose } from './support.ts';

type Schema = Parameters<typeof fillItemForm>[2];
const FORM = 'new-batch-inspection';

/** A VIN whose check digit (position 9) is wrong. */
function badVin(seed: number): string {
  const v = makeVin(seed);
  return `${v.slice(0, 8)}${v[8] === '0' ? '1' : '0'}${v.slice(9)}`;
}
const cell = (row: number, col: string) => `#${FORM}_vehicles_${row}_${col}`;
const cellError = (page: Page, row: number, col: string) => page.locator(`.ant-form-item-has-error ${cell(row, col)}`);

async function fillBatch(page: Page, schema: Schema, vins: string[], lang: 'zh' | 'en') {
  await fillItemForm(page, FORM, schema, {
    business: lang === 'en' ? 'Freight' : '货运',
    preferredStation: lang === 'en' ? 'Zhangdian North Vehicle Inspection Station' : '张店区北部机动车检测站',
    preferredDate: beijingDate(7),
    contactName: lang === 'en' ? 'Mr Zhang' : '张经理',
    contactPhone: '13800138000',
  });
  await page.keyboard.press('Escape');
  for (const [i, vin] of vins.entries()) await page.locator(cell(i, 'vin')).fill(vin);
  await page.locator(cell(0, 'plate')).fill('鲁C12345');
  await page.locator(cell(0, 'model')).fill('ZZ4257V324HE1');
}

/** The first working day at least `after` days from today (Beijing), from the platform's calendar. */
async function workdayAfter(baseURL: string, after: number): Promise<string> {
  const days = (await (await fetch(`${baseURL}/api/v1/calendar/days?from=${beijingDate(after)}&to=${beijingDate(after + 20)}`)).json()) as { date: string; workday: boolean }[];
  return days.find((d) => d.workday)!.date;
}

/** The signed link of a receipt (whatever path the server prints: the API or the web page). */
function signedReceiptLink(html: string) {
  const m = /verify\/([A-Z0-9-]+)\?s=([A-Za-z0-9_-]+)/.exec(html);
  assert.ok(m, 'the receipt carries a signed verification link');
  return { number: m[1], s: m[2] };
}

/** One character of a signature changed. */
const tamper = (s: string) => `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`;

describe('list fields and public verification pages', { timeout: 600_000 }, () => {
  let stack: Stack;
  let schema: Schema;
  const seed = Date.now() % 1e6;
  const batch = { id: '' };

  before(async () => {
    stack = await startStack();
    const types = (await (await fetch(`${stack.baseURL}/api/v1/item-types`)).json()) as { code: string; form: Schema }[];
    schema = types.find((x) => x.code === 'batch-inspection')!.form;
  });
  after(async () => {
    await stack?.stop();
  });

  test('zh desktop: 5 vehicles; a bad VIN is flagged on its row as typed, fixed, and the batch is filed', async () => {
    const { page, context } = await stack.newPage({ lang: 'zh-CN' });
    await signIn(page, 'ent.demo1');
    await page.goto(paths.enterprise.newItem('batch-inspection'));
    await page.locator(cell(4, 'vin')).waitFor();
    // the declaration's minimum: 5 rows to start with, none removable below it
    assert.equal(await page.locator('[data-field="vehicles"] [data-row]').count(), 5);
    assert.equal(await page.getByTestId('vehicles-remove-0').isDisabled(), true);
    const vins = [0, 1, 2, 3, 4].map((i) => makeVin(seed + i));
    vins[2] = badVin(seed + 2);
    await fillBatch(page, schema, vins, 'zh');
    await cellError(page, 2, 'vin').waitFor();
    // every other field settled (no message still fading in or out when axe looks)
    await page.waitForFunction(() => document.querySelectorAll('.ant-form-item-has-error').length === 1 && !document.querySelector('.ant-form-show-help-item-leave, .ant-form-show-help-item-appear'));
    const message = await page.locator(`[data-row="2"] [data-cell="vin"] .ant-form-item-explain`).innerText();
    assert.match(message, /校验位/, `the row's own message: ${message}`);
    for (const r of [0, 1, 3, 4]) assert.equal(await cellError(page, r, 'vin').count(), 0, `row ${r + 1} has no error`);
    await shot(page, 'batch-inspection-form-zh');
    assert.deepEqual(await seriousViolations(page), [], 'the list form passes axe');
    // a sixth row can be added and removed again
    await page.getByTestId('vehicles-add').click();
    assert.equal(await page.locator('[data-field="vehicles"] [data-row]').count(), 6);
    await page.getByTestId('vehicles-remove-5').click();
    assert.equal(await page.locator('[data-field="vehicles"] [data-row]').count(), 5);
    // fixed: the error leaves the row
    await page.locator(cell(2, 'vin')).fill(makeVin(seed + 2));
    await page.waitForFunction(() => !document.querySelector('.ant-form-item-has-error'));
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/v1/items') && r.method() === 'POST');
    await page.getByTestId('item-form-submit').click();
    const body = (await posted).postDataJSON() as { data: { vehicles: { vin: string; plate?: string }[] } };
    assert.deepEqual(body.data.vehicles.map((v) => v.vin), [0, 1, 2, 3, 4].map((i) => makeVin(seed + i)));
    assert.equal(body.data.vehicles[0].plate, '鲁C12345');
    assert.equal(body.data.vehicles[1].plate, undefined, 'empty optional cells are left out');
    await page.waitForURL(/\/enterprise\/items\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="item-detail"][data-status="submitted"]').waitFor();
    batch.id = page.url().split('/').pop()!;
    // the vehicles are shown as a table on the item
    for (const i of [0, 4]) await page.getByText(makeVin(seed + i)).waitFor();
    await page.getByTestId('item-inspection').getByText('尚未安排').waitFor();
    await context.close();
  });

  test('zh desktop: the vehicle office books the inspection with the answer form; the enterprise sees station, day and slot', async () => {
    const { page, context } = await stack.newPage({ lang: 'zh-CN' });
    await signIn(page, 'officer.cheguansuo');
    await page.goto(paths.workbench.item(batch.id));
    await page.locator('[data-testid="item-detail"][data-status="submitted"]').waitFor();
    await page.locator('[data-action="accept"]').click();
    await page.getByTestId('action-confirm').click();
    await page.locator('[data-testid="item-detail"]:not([data-status="submitted"])').waitFor();
    await page.locator('[data-action="answer"]').click();
    // the declared answer form: station, date, slot (all required: the dialog says so before the server does)
    await page.locator('#action_answerForm_inspectionStation').waitFor();
    await page.locator('#action_note').fill('已安排集中上线查验，请按时携带购车发票和合格证。');
    await page.getByTestId('action-confirm').click();
    await page.locator('.ant-form-item-has-error #action_answerForm_inspectionDate').waitFor();
    await choose(page, 'action_answerForm_inspectionStation', '张店区东部机动车检测站');
    const day = await workdayAfter(stack.baseURL, 3);
    const date = page.locator('#action_answerForm_inspectionDate');
    await date.click();
    await date.fill(day);
    await date.press('Enter');
    await choose(page, 'action_answerForm_inspectionSlot', '08:30–10:30');
    // each choice has taken before the dialog is confirmed
    for (const [field, text] of [['inspectionStation', '张店区东部机动车检测站'], ['inspectionSlot', '08:30–10:30']]) {
      await page.locator(`[data-field="${field}"] .ant-select-content, [data-field="${field}"] .ant-select-selection-item`).filter({ hasText: text }).first().waitFor();
    }
    assert.equal(await date.inputValue(), day);
    await shot(page, 'batch-inspection-booking-zh');
    await confirmAction(page);
    await page.locator('[data-testid="item-detail"][data-status="answered"]').waitFor();
    const booking = await page.getByTestId('item-inspection').innerText();
    assert.match(booking, /张店区东部机动车检测站/);
    assert.match(booking, new RegExp(`${day}[\\s\\S]*08:30–10:30`));
    await page.getByTestId('item-inspection').evaluate((el) => { el.scrollIntoView({ block: 'start' }); window.scrollBy(0, -80); });
    await shot(page, 'batch-inspection-item-zh', { here: true });
    await context.close();
  });

  test('en phone: rows stack at 390 px, and a server error names the row (vehicles.3.vin)', async () => {
    const { page, context } = await stack.newPage({ lang: 'en', phone: true });
    await signIn(page, 'ent.demo1');
    await page.goto(paths.enterprise.newItem('batch-inspection'));
    await page.locator(cell(4, 'vin')).waitFor();
    // with the live check unreachable the browser lets the value through: the server's 422 must still land on row 4
    await page.route('**/api/v1/validate', (r) => r.abort());
    stack.allowConsole(/Failed to load resource: net::ERR_FAILED/);
    const vins = [0, 1, 2, 3, 4].map((i) => makeVin(seed + 10 + i));
    vins[3] = badVin(seed + 13);
    await fillBatch(page, schema, vins, 'en');
    await page.getByText('Row 4', { exact: true }).waitFor();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/items') && r.request().method() === 'POST');
    await page.getByTestId('item-form-submit').click();
    const res = await answered;
    assert.equal(res.status(), 422);
    const problem = (await res.json()) as { errors: { path: string }[] };
    assert.deepEqual(problem.errors.map((e) => e.path), ['data.vehicles.3.vin']);
    await cellError(page, 3, 'vin').waitFor();
    const message = await page.locator(`[data-row="3"] [data-cell="vin"] .ant-form-item-explain`).innerText();
    assert.match(message, /check digit/i, `English message on row 4: ${message}`);
    for (const r of [0, 1, 2, 4]) assert.equal(await cellError(page, r, 'vin').count(), 0, `row ${r + 1} has no error`);
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    // the cells stack: VIN above plate within one row
    const vinBox = (await page.locator(cell(3, 'vin')).boundingBox())!;
    const plateBox = (await page.locator(cell(3, 'plate')).boundingBox())!;
    assert.ok(plateBox.y > vinBox.y + vinBox.height, 'plate below VIN on a phone');
    await page.locator('[data-row="3"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'batch-inspection-form-en-phone', { here: true });
    await page.unroute('**/api/v1/validate');
    await page.locator(cell(3, 'vin')).fill(makeVin(seed + 13));
    await page.waitForFunction(() => !document.querySelector('.ant-form-item-has-error'));
    await page.getByTestId('item-form-submit').click();
    await page.waitForURL(/\/enterprise\/items\/[0-9a-f-]{36}$/);
    await page.getByText(makeVin(seed + 13)).waitFor();
    assert.ok((await horizontalOverflow(page)) <= 0, 'the item with its vehicle table fits 390 px');
    await context.close();
  });

  test('receipt QR: genuine shows the disclosed facts in green; a tampered link is red with 12389 (zh desktop, en phone)', async () => {
    const ent = await apiSession(stack.baseURL, 'ent.demo1');
    let item: { id: string; number: string; status: string } | undefined;
    for (const status of ['accepted', 'in_progress', 'answered']) {
      item ??= (await ent.json<{ items: { id: string; number: string; status: string }[] }>(`/items?status=${status}`)).items[0];
    }
    assert.ok(item, 'the demo enterprise has an accepted item');
    const link = signedReceiptLink(await ent.text(`/items/${item.id}/receipt`));
    assert.equal(link.number, item.number);

    const zh = await stack.newPage({ lang: 'zh-CN' });
    await zh.page.goto(paths.verifyReceipt(link.number, link.s));
    await zh.page.locator('[data-testid="verdict"][data-verdict="genuine"]').waitFor();
    await zh.page.getByRole('heading', { name: '真实有效' }).waitFor();
    assert.equal((await zh.page.getByTestId('verify-number').innerText()).trim(), item.number);
    assert.equal(await zh.page.getByTestId('verify-status').getAttribute('data-status'), item.status);
    const facts = await zh.page.getByTestId('verify-facts').innerText();
    assert.match(facts, /承办单位/);
    assert.doesNotMatch(facts, /1[3-9]\d{9}|\d{17}[\dX]/, 'no phone or ID number is disclosed');
    assert.deepEqual(await seriousViolations(zh.page), []);
    await shot(zh.page, 'verify-receipt-zh');
    await zh.page.goto(paths.verifyReceipt(link.number, tamper(link.s)));
    await zh.page.locator('[data-testid="verdict"][data-verdict="not-genuine"]').waitFor();
    await zh.page.getByRole('heading', { name: '无法核验' }).waitFor();
    assert.match(await zh.page.getByTestId('verdict').innerText(), /12389/);
    assert.equal(await zh.page.getByTestId('verify-facts').count(), 0, 'nothing is shown for a tampered link');
    assert.deepEqual(await seriousViolations(zh.page), []);
    await shot(zh.page, 'verify-receipt-tampered-zh');
    await zh.context.close();

    const en = await stack.newPage({ lang: 'en', phone: true });
    await en.page.goto(paths.verifyReceipt(link.number, link.s));
    await en.page.getByRole('heading', { name: 'Genuine' }).waitFor();
    assert.ok((await horizontalOverflow(en.page)) <= 0, 'no sideways scroll at 390 px');
    await shot(en.page, 'verify-receipt-en-phone');
    await en.page.goto(paths.verifyReceipt(link.number)); // no signature at all
    await en.page.getByRole('heading', { name: 'Not genuine' }).waitFor();
    assert.match(await en.page.getByTestId('verdict').innerText(), /12389/);
    await shot(en.page, 'verify-receipt-tampered-en-phone');
    await en.context.close();
  });

  test('pass-code QR on a roadside phone: valid, tampered, then revoked (en phone, zh desktop)', async () => {
    const ent = await apiSession(stack.baseURL, 'ent.demo1');
    const created = await ent.json<{ id: string; status: string }>('/items', {
      body: {
        type: 'truck-pass',
        data: {
          kind: 'temporary',
          plate: '鲁C8K261',
          newEnergy: false,
          totalMassKg: 25000,
          lengthMm: 9000,
          body: 'box',
          validFrom: beijingDate(0),
          validTo: beijingDate(2),
          roadClasses: 'ordinary',
          roadIds: 'zd-gongqingtuan-rd',
          contactName: '张经理',
          contactPhone: '13800138000',
        },
      },
    });
    assert.equal(created.status, 'closed', 'a temporary code is issued in the request');
    const detail = await ent.json<{ outputs: { passCodes: { id: string; code: string; verifyUrl: string }[] } }>(`/items/${created.id}`);
    const pass = detail.outputs.passCodes[0];
    const s = new URL(pass.verifyUrl, stack.baseURL).searchParams.get('s')!;

    // the holder sees the code with its QR and the check link on the item
    const holder = await stack.newPage({ lang: 'zh-CN' });
    await signIn(holder.page, 'ent.demo1');
    await holder.page.goto(paths.enterprise.item(created.id));
    await holder.page.locator(`[data-testid="pass-code-outputs"] [data-code="${pass.code}"]`).waitFor();
    await holder.page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.jqt-pass-qr');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await holder.page.getByTestId('pass-code-outputs').evaluate((el) => { el.scrollIntoView({ block: 'start' }); window.scrollBy(0, -80); });
    await shot(holder.page, 'pass-code-item-zh', { here: true });
    await holder.context.close();

    const officer = await stack.newPage({ lang: 'en', phone: true });
    const page = officer.page;
    await page.goto(paths.verifyPassCode(pass.code, s));
    await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor();
    await page.getByRole('heading', { name: 'Valid' }).waitFor();
    await page.getByTestId('pass-roads').getByText('共青团路', { exact: false }).waitFor(); // road names come in after the code
    const plate = (await page.getByTestId('pass-plate').innerText()).trim();
    assert.match(plate, /^鲁C.*61$/, `masked plate to compare with the truck (${plate})`);
    assert.notEqual(plate, '鲁C8K261', 'the plate is masked');
    assert.match(await page.getByTestId('pass-roads').innerText(), /共青团路/);
    assert.match(await page.getByTestId('pass-window').innerText(), new RegExp(`from ${beijingDate(0)} 00:00[\\s\\S]*until ${beijingDate(2)} 24:00`));
    const size = await page.getByTestId('pass-plate').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 32, `the plate is big on a phone (${size}px)`);
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 390 px');
    await shot(page, 'verify-pass-code-en-phone');

    await page.goto(paths.verifyPassCode(pass.code, tamper(s)));
    await page.locator('[data-testid="verdict"][data-verdict="not-genuine"]').waitFor();
    await page.getByRole('heading', { name: 'Not genuine' }).waitFor();
    assert.equal(await page.getByTestId('pass-plate').count(), 0, 'nothing of a forged code is shown');
    await shot(page, 'verify-pass-code-tampered-en-phone');

    // the QR codes issued before the page existed carried /verify/pass/:code: the same page answers
    await page.goto(`/verify/pass/${pass.code}?s=${s}`);
    await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor();

    const zhValid = await stack.newPage({ lang: 'zh-CN' });
    await zhValid.page.goto(paths.verifyPassCode(pass.code, s));
    await zhValid.page.getByRole('heading', { name: '有效' }).waitFor();
    await zhValid.page.getByTestId('pass-roads').getByText('共青团路', { exact: false }).waitFor();
    assert.deepEqual(await seriousViolations(zhValid.page), []);
    await shot(zhValid.page, 'verify-pass-code-zh');
    await zhValid.context.close();

    const jiaojing = await apiSession(stack.baseURL, 'officer.jiaojing');
    await jiaojing.json(`/traffic/pass-codes/${pass.id}/revoke`, { body: { reason: '车辆信息与实际不符' } });
    await page.getByTestId('verify-again').click();
    await page.locator('[data-testid="verdict"][data-verdict="revoked"]').waitFor();
    await page.getByRole('heading', { name: 'Revoked' }).waitFor();
    await officer.context.close();

    const zh = await stack.newPage({ lang: 'zh-CN' });
    await zh.page.goto(paths.verifyPassCode(pass.code, s));
    await zh.page.getByRole('heading', { name: '已注销' }).waitFor();
    assert.deepEqual(await seriousViolations(zh.page), []);
    await shot(zh.page, 'verify-pass-code-revoked-zh');
    await zh.context.close();
  });
});
