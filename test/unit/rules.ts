// The table of due rules shared by the unit tests of core/due.ts: each rule is checked on the
// days around its boundary, and a test file names its own people and day.
import { describe, expect, it } from 'vitest';
import { type ContactActivity, type DueInput, type DueKind, type DueState, dueItems } from '../../src/core/due.js';
import type { ContactRef, IsoDate } from '../../src/core/types.js';

export function activityBuilder(contact: ContactRef, day: IsoDate) {
  return (over: Partial<ContactActivity> = {}): ContactActivity => ({
    contact,
    cadenceDays: 90,
    snoozedUntil: null,
    archived: false,
    metOn: day,
    interactionCount: 1,
    lastOn: day,
    lastTwoNoReply: false,
    ...over,
  });
}

export function input(parts: Partial<DueInput>): DueInput {
  return { pledges: [], thanks: [], leads: [], activity: [], ...parts };
}

export interface Expected {
  state: DueState;
  due: string;
  daysOverdue: number;
}

export interface RuleCase {
  rule: string;
  input: DueInput;
  id: string;
  kind: DueKind;
  /** today → the item expected that day, or null when there is none with that id. */
  days: Array<[string, Expected | null]>;
}

export const due = (d: string, daysOverdue: number): Expected => ({ state: 'due', due: d, daysOverdue });

/** Each rule on each of its days: exactly the item expected under its id, or none. */
export function checkRules(title: string, rules: RuleCase[]): void {
  describe.each(rules)(`${title}$rule`, ({ input: data, id, kind, days }) => {
    it.each(days)('on %s', (today, expected) => {
      const items = dueItems(data, today).filter((i) => i.id === id);
      if (expected === null) {
        expect(items).toEqual([]);
        return;
      }
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ id, kind, ...expected });
    });
  });
}
