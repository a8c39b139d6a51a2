// 打包办 packages: every package names existing types the server accepts together, and its shared fields mean one thing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemPackages } from './packages.ts';
import { itemType } from './types/index.ts';

test('every package holds two or more existing enterprise types of M3–M6, each once', () => {
  for (const p of itemPackages) {
    assert.ok(p.types.length >= 2, p.code);
    assert.equal(new Set(p.types).size, p.types.length, p.code);
    for (const code of p.types) {
      const t = itemType(code);
      assert.ok(t, `${p.code}: ${code}`);
      assert.ok([3, 4, 5, 6].includes(t.measure), `${p.code}: ${code} is packageable`);
      assert.ok(t.submitters.includes('enterprise'), `${p.code}: ${code} is filed by enterprises`);
    }
  }
  assert.equal(new Set(itemPackages.map((p) => p.code)).size, itemPackages.length);
});

test('a shared field is in every type of its package, of one kind', () => {
  for (const p of itemPackages) {
    for (const name of p.shared) {
      const fields = p.types.map((code) => itemType(code)!.form.find((f) => f.name === name));
      assert.ok(fields.every(Boolean), `${p.code}: ${name} in every type`);
      assert.equal(new Set(fields.map((f) => f!.kind)).size, 1, `${p.code}: ${name} of one kind`);
    }
  }
});
