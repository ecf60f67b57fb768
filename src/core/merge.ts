// What merging a duplicate contact into the one kept does to the kept contact's fields:
// nothing the duplicate knew is lost. An empty field is filled; a field where both have
// different values keeps the kept contact's value and the duplicate's goes into the notes,
// as do the duplicate's tags beyond the most one contact may have.
import { MAX_TAGS } from './tags.js';
import type { Contact, IsoDate } from './types.js';

/** The fields a merge can change on the contact kept (store/contacts.ts `ContactFields`). */
export interface MergePatch {
  company?: string | null;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  url?: string | null;
  metWhere?: string | null;
  metOn?: IsoDate | null;
  cadenceDays?: number | null;
  introducedBy?: number | null;
  notes?: string | null;
  tags?: string[];
}

/** A field whose two values differ: the kept one stays, the other is added to the notes. */
export interface MergeDifference {
  field: string;
  kept: string;
  other: string;
}

export interface MergePlan {
  patch: MergePatch;
  /** Labels of the fields filled from the duplicate. */
  filled: string[];
  differences: MergeDifference[];
  /** The duplicate's tags beyond the cap of tags per contact, added to the notes. */
  tagsLeftOut: string[];
}

const FIELDS = [
  ['company', 'company'],
  ['role', 'role'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['url', 'url'],
  ['metWhere', 'where met'],
  ['metOn', 'date met'],
  ['cadenceDays', 'cadence'],
] as const;

function shown(field: (typeof FIELDS)[number][0], value: string | number): string {
  return field === 'cadenceDays' ? `every ${value} days` : String(value);
}

/**
 * The plan for merging `other` into `keep` on `today`. The duplicate's differing values,
 * its notes and its name (when it differs) are appended to the kept notes under one line
 * that says where they came from, so a later reader knows which contact said what.
 */
export function planMerge(keep: Contact, other: Contact, today: IsoDate): MergePlan {
  const patch: MergePatch = {};
  const filled: string[] = [];
  const differences: MergeDifference[] = [];
  for (const [field, label] of FIELDS) {
    const a = keep[field];
    const b = other[field];
    if (b === null || a === b) continue;
    if (a === null) {
      (patch as Record<string, unknown>)[field] = b;
      filled.push(label);
    } else {
      differences.push({ field: label, kept: shown(field, a), other: shown(field, b) });
    }
  }
  const otherIntro = other.introducedBy !== null && other.introducedBy.id !== keep.id ? other.introducedBy : null;
  if (otherIntro !== null) {
    if (keep.introducedBy === null) {
      patch.introducedBy = otherIntro.id;
      filled.push('introduced by');
    } else if (keep.introducedBy.id !== otherIntro.id) {
      differences.push({ field: 'introduced by', kept: `${keep.introducedBy.name} (#${keep.introducedBy.id})`, other: `${otherIntro.name} (#${otherIntro.id})` });
    }
  }
  // The duplicate's tags join the kept ones up to the cap; the rest go into the notes.
  const have = new Set(keep.tags);
  const added = other.tags.filter((t) => !have.has(t));
  const room = Math.max(0, MAX_TAGS - keep.tags.length);
  const tagsLeftOut = added.slice(room);
  if (room > 0 && added.length > 0) {
    patch.tags = [...keep.tags, ...added.slice(0, room)];
    filled.push('tags');
  }

  const carried: string[] = [];
  if (other.name !== keep.name) carried.push(`name: ${other.name}`);
  for (const d of differences) carried.push(`${d.field}: ${d.other}`);
  if (tagsLeftOut.length > 0) carried.push(`tags: ${tagsLeftOut.join(', ')}`);
  const otherNotes = other.notes !== null && other.notes !== keep.notes ? other.notes : null;
  if (keep.notes === null && otherNotes !== null && carried.length === 0) {
    patch.notes = otherNotes;
    filled.push('notes');
  } else if (otherNotes !== null || carried.length > 0) {
    if (otherNotes !== null && keep.notes !== null) differences.push({ field: 'notes', kept: keep.notes, other: otherNotes });
    const block = [`Merged from ${other.name} (#${other.id}) on ${today}:`, ...carried, ...(otherNotes !== null ? [otherNotes] : [])].join('\n');
    patch.notes = keep.notes === null ? block : `${keep.notes}\n\n${block}`;
  }
  return { patch, filled, differences, tagsLeftOut };
}
