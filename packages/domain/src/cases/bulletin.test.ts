import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personalDataIn } from '../items/text-checks.ts';
import { caseBulletinProposal } from './bulletin.ts';

test('a case bulletin proposal names the category, unit, dates and the recovered total, and no one', () => {
  const p = caseBulletinProposal({ category: '合同诈骗', measure: 11, unitName: '淄博市公安局经济犯罪侦查支队', registeredOn: '2026-03-02', filedOn: '2026-03-04', concludedOn: '2026-09-30', recoveredTotal: 1_280_000 });
  assert.equal(p.title, '淄博市公安局经济犯罪侦查支队侦破一起合同诈骗案');
  assert.match(p.body, /2026年3月2日，淄博市公安局经济犯罪侦查支队接到辖区某企业报案后依法受案，2026年3月4日依法立案侦查，2026年9月30日案件侦查终结，为企业挽回经济损失 128 万元/);
  assert.match(p.body, /侵害企业合法权益的经济犯罪/);
  for (const t of [p.title, p.summary, p.body]) assert.deepEqual(personalDataIn(t), []);
  assert.ok(p.title.length <= 100 && p.summary.length <= 300, 'within the publication limits');
});

test('without recoveries or dates the text still reads, and M13 names its own topic', () => {
  const p = caseBulletinProposal({ category: '假冒注册商标', measure: 13, unitName: '食药环知支队', registeredOn: null, filedOn: null, concludedOn: null, recoveredTotal: 0 });
  assert.doesNotMatch(p.body, /挽回/);
  assert.match(p.body, /^为依法严厉打击侵犯知识产权和制售伪劣商品犯罪，食药环知支队接到辖区某企业报案后依法受案。/);
  assert.match(caseBulletinProposal({ category: 'x', measure: null, unitName: 'u', registeredOn: null, filedOn: null, concludedOn: null, recoveredTotal: 800 }).summary, /800 元/);
});
