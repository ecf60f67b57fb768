import { describe, expect, it } from 'vitest';
import { randomBytes, randomUuid } from '../../src/store/random.js';

describe('random uuids and bytes, without loading node:crypto', () => {
  it('a uuid is version 4, variant 1, in lower-case hex', () => {
    for (let i = 0; i < 200; i++) expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('uuids and bytes do not repeat', () => {
    expect(new Set(Array.from({ length: 2000 }, randomUuid)).size).toBe(2000);
    const a = randomBytes(32);
    const b = randomBytes(32);
    expect(a.length).toBe(32);
    expect(a.equals(b)).toBe(false);
  });

  it('every bit takes both values', () => {
    let or = 0;
    let and = 0xff;
    for (let i = 0; i < 64; i++) {
      for (const byte of randomBytes(16)) {
        or |= byte;
        and &= byte;
      }
    }
    expect([or, and]).toEqual([0xff, 0]);
  });
});
