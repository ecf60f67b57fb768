// The merge rules of net sync (core/sync.ts), table by table.
import { describe, expect, it } from 'vitest';
import { type Change, clockLocal, clockOf, emptyRegisters, exists, mergeChange, mergeRegisters, staleDevices } from '../../src/core/sync.js';
import { nextHlc } from '../../src/store/history.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const R = '00000000-0000-4000-8000-000000000001';
const at = (ms: number, device = A, n = 0) => clockOf(`${String(ms).padStart(15, '0')}.000000`, device, n);
const make = (c: string, v: Record<string, unknown>): Change => ({ c, t: 'contacts', r: R, f: null, v });
const edit = (c: string, f: string, v: unknown): Change => ({ c, t: 'contacts', r: R, f, v });
const removal = (c: string): Change => ({ c, t: 'contacts', r: R, f: null, v: null });

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('mergeChange', () => {
  const cases: Array<{ name: string; changes: Change[]; alive: boolean; fields: Record<string, unknown> }> = [
    { name: 'later edit of a field wins', changes: [make(at(1), { name: 'Ann', company: 'X' }), edit(at(2), 'company', 'Y'), edit(at(3), 'company', 'Z')], alive: true, fields: { name: 'Ann', company: 'Z' } },
    { name: 'same time: the larger device id wins', changes: [make(at(1), { name: 'Ann' }), edit(at(2, A), 'name', 'from A'), edit(at(2, B), 'name', 'from B')], alive: true, fields: { name: 'from B' } },
    { name: 'same command: the later change wins', changes: [make(at(1), { name: 'Ann' }), edit(at(2, A, 0), 'name', 'first'), edit(at(2, A, 1), 'name', 'second')], alive: true, fields: { name: 'second' } },
    { name: 'a removal wins over an older edit', changes: [make(at(1), { name: 'Ann' }), edit(at(2), 'name', 'Anne'), removal(at(3))], alive: false, fields: { name: 'Anne' } },
    { name: 'an edit after a removal does not bring it back', changes: [make(at(1), { name: 'Ann' }), removal(at(2)), edit(at(3, B), 'name', 'Anne')], alive: false, fields: { name: 'Anne' } },
    { name: 'a creation after a removal (undo) brings it back, newer edits kept', changes: [make(at(1), { name: 'Ann', company: 'X' }), removal(at(2)), edit(at(4, B), 'company', 'Y'), make(at(3), { name: 'Ann', company: 'X' })], alive: true, fields: { name: 'Ann', company: 'Y' } },
  ];
  for (const c of cases) {
    it(`${c.name}, in every order`, () => {
      for (const order of permutations(c.changes)) {
        const regs = emptyRegisters();
        for (const ch of order) mergeChange(regs, ch);
        expect(exists(regs)).toBe(c.alive);
        expect(Object.fromEntries(Object.entries(regs.f).map(([k, [, v]]) => [k, v]))).toEqual(c.fields);
      }
    });
  }

  it('registers merged from a snapshot equal the changes merged one by one', () => {
    const changes = cases[5]?.changes ?? [];
    const one = emptyRegisters();
    for (const ch of changes) mergeChange(one, ch);
    const half = emptyRegisters();
    for (const ch of changes.slice(0, 2)) mergeChange(half, ch);
    const other = emptyRegisters();
    for (const ch of changes.slice(2)) mergeChange(other, ch);
    mergeRegisters(half, other);
    expect(half).toEqual(one);
  });
});

describe('clockLocal', () => {
  const h = (ms: number, c = 0) => `${String(ms).padStart(15, '0')}.${String(c).padStart(6, '0')}`;
  const next = (x: string) => nextHlc(x, 0);
  it('keeps a command’s clock, numbers its changes, and never goes back', () => {
    expect(clockLocal([{ hlc: h(5) }, { hlc: h(5) }, { hlc: h(7) }, { hlc: h(6) }], A, null, next)).toEqual([
      clockOf(h(5), A, 0),
      clockOf(h(5), A, 1),
      clockOf(h(7), A, 0),
      clockOf(h(7), A, 1),
    ]);
  });
  it('moves past what other devices have been seen to write', () => {
    expect(clockLocal([{ hlc: h(5) }], A, h(9), next)).toEqual([clockOf(h(9, 1), A, 0)]);
    expect(clockLocal([{ hlc: h(9) }], A, h(9), next)).toEqual([clockOf(h(9, 1), A, 0)]);
    expect(clockLocal([{ hlc: h(10) }], A, h(9), next)).toEqual([clockOf(h(10), A, 0)]);
  });
});

describe('staleDevices', () => {
  const today = '2026-10-31';
  it.each([
    ['2026-10-02', false],
    ['2026-10-01', true],
    ['2026-09-30', true],
    ['2026-10-31', false],
    [null, false],
  ] as const)('last synced %s: stale %s', (syncedOn, stale) => {
    expect(staleDevices([{ syncedOn }], today).length === 1).toBe(stale);
  });
});
