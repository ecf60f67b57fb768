// Merging two devices' changes (net sync). Pure: the store feeds it records' registers and
// changes, and writes back what it returns.
//
// The model. Every record is a set of registers: one for whether it exists, one per field.
// Each register keeps the value with the highest clock it has seen, the clock being the
// hybrid logical clock of the command that wrote it, then the device id, then the change's
// place in that device's history (so two writes never tie). A removal sets the existence
// register to "removed": it wins over anything older, and a later edit does not bring the
// record back (only a later creation does, as `net undo` of a removal makes). Registers
// keep their values while a record is removed, so a record brought back has the fields it
// would have had anywhere else. Taking the larger clock is commutative, associative and
// idempotent, so the registers, and the records made from them, do not depend on the
// order in which devices' changes arrive, nor on how they are batched.

import { daysBetween } from './dates.js';
import type { IsoDate } from './types.js';

/** `<hlc> <device> <n>`: fixed widths, so comparing the text compares the clocks. */
export type Clock = string;

export const CLOCK_RE = /^\d{15}\.\d{6} [0-9a-f-]{36} \d{9}$/;

export function clockOf(hlc: string, device: string, n: number): Clock {
  return `${hlc} ${device} ${String(n).padStart(9, '0')}`;
}

/** The hybrid logical clock part of a clock. */
export function hlcOfClock(c: Clock): string {
  return c.slice(0, 22);
}

/**
 * One change as it travels between devices: the record (its table and uuid; for a link
 * table, the uuids of its key, space-separated), the field (null: the whole record, `v` its
 * fields when made, null when removed) and the new value. References are uuids.
 */
export interface Change {
  c: Clock;
  t: string;
  r: string;
  f: string | null;
  v: unknown;
}

/** A record's registers: existence (`true` made, `false` removed) and each field. */
export interface Registers {
  e: [Clock, boolean] | null;
  f: Record<string, [Clock, unknown]>;
}

export function emptyRegisters(): Registers {
  return { e: null, f: {} };
}

/** What a merge changed in a record's registers. */
export interface Merged {
  /** Whether the existence register took a new value. */
  existence: boolean;
  /** Fields whose register took a new value. */
  fields: string[];
}

function setField(regs: Registers, field: string, clock: Clock, value: unknown, out: Merged): void {
  const cur = regs.f[field];
  if (cur !== undefined && cur[0] >= clock) return;
  regs.f[field] = [clock, value];
  if (!out.fields.includes(field)) out.fields.push(field);
}

function setExistence(regs: Registers, clock: Clock, alive: boolean, out: Merged): void {
  if (regs.e !== null && regs.e[0] >= clock) return;
  const was = regs.e?.[1] ?? null;
  regs.e = [clock, alive];
  if (was !== alive) out.existence = true;
}

/** Merges one change into a record's registers (in place). */
export function mergeChange(regs: Registers, ch: Change, out: Merged = { existence: false, fields: [] }): Merged {
  if (ch.f !== null) {
    setField(regs, ch.f, ch.c, ch.v, out);
  } else if (ch.v === null) {
    setExistence(regs, ch.c, false, out);
  } else {
    setExistence(regs, ch.c, true, out);
    for (const [k, v] of Object.entries(ch.v as Record<string, unknown>)) setField(regs, k, ch.c, v, out);
  }
  return out;
}

/** Merges another copy of a record's registers (a snapshot's) into `regs` (in place). */
export function mergeRegisters(regs: Registers, other: Registers, out: Merged = { existence: false, fields: [] }): Merged {
  if (other.e !== null) setExistence(regs, other.e[0], other.e[1], out);
  for (const [k, [c, v]] of Object.entries(other.f)) setField(regs, k, c, v, out);
  return out;
}

/** Whether the record exists by its registers alone (its references aside). */
export function exists(regs: Registers): boolean {
  return regs.e?.[1] === true;
}

/** The highest clock in a record's registers. */
export function latestClock(regs: Registers): Clock | null {
  let max: Clock | null = regs.e?.[0] ?? null;
  for (const [c] of Object.values(regs.f)) if (max === null || c > max) max = c;
  return max;
}

/**
 * Gives this device's changes their clocks, in the order they were written: a change's
 * command's clock, except where that is not later than the one before it (two commands'
 * writes interleaved, or a clock behind what this device has already seen from others,
 * `floor`): then just after it, so that what was written last here wins here and
 * everywhere.
 */
export function clockLocal(
  changes: ReadonlyArray<{ hlc: string }>,
  device: string,
  floor: string | null,
  next: (hlc: string) => string,
): Clock[] {
  const out: Clock[] = [];
  let hlc = floor;
  let n = 0;
  let ours = false;
  for (const ch of changes) {
    if (hlc === null || ch.hlc > hlc) {
      hlc = ch.hlc;
      n = 0;
    } else if (ours) {
      n++;
    } else {
      // Equal to or behind another device's clock: strictly after it, whatever the device ids.
      hlc = next(hlc);
      n = 0;
    }
    ours = true;
    out.push(clockOf(hlc, device, n));
  }
  return out;
}

/** A device that has not synced for this many days is worth a word from `net doctor`. */
export const STALE_AFTER_DAYS = 30;

/** The devices whose last sync (the local day of it) is 30 or more days before `today`. */
export function staleDevices<T extends { syncedOn: IsoDate | null }>(devices: readonly T[], today: IsoDate): T[] {
  return devices.filter((d) => d.syncedOn !== null && daysBetween(d.syncedOn, today) >= STALE_AFTER_DAYS);
}
