// The change history and undo in words: pure functions from what the store read to text.
import type { ChangeView } from '../store/undo.js';
import { safeLine } from './text.js';

/** Characters a shell word can hold without quotes. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A command line as a person would type it again: `net log Dana 'coffee at Bennu' --kind coffee`. */
export function commandText(argv: readonly string[]): string {
  return ['net', ...argv.map((a) => (PLAIN_WORD.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))].join(' ');
}

export interface Effect {
  label: string;
  what: 'added' | 'removed' | 'changed';
  fields: string[];
}

/**
 * What a command did, record by record: `added i12, changed #5 (company)`. For an undo,
 * a record it brought back was `restored`.
 */
export function effectsText(effects: readonly Effect[], undo = false, max = 8): string {
  if (effects.length === 0) return 'nothing left to change';
  const shown = effects
    .slice(0, max)
    .map((e) =>
      e.what === 'added' ? `${undo ? 'restored' : 'added'} ${e.label}` : e.what === 'removed' ? `removed ${e.label}` : `changed ${e.label} (${e.fields.join(', ')})`,
    );
  // An import touches thousands of records: a line stays a line.
  if (effects.length > max) shown.push(`and ${effects.length - max} more records`);
  return shown.join(', ');
}

/** A local date and time, to the minute: `2026-12-01 15:40`. */
export function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** What a line of the history shows of a change. */
export type ChangeLine = Omit<ChangeView, 'kind' | 'uuid' | 'field'>;

function value(v: unknown, name: string | null): string {
  if (name !== null) return safeLine(name);
  if (v === null || v === undefined || v === '') return '(none)';
  return safeLine(String(v));
}

/** One change on one line: `i4 on: 2026-04-02 → 2026-04-01`, `added i12`. */
export function changeText(c: ChangeLine): string {
  const record = c.record ?? 'a removed record';
  if (c.what === 'added') return `added ${record}`;
  if (c.what === 'removed') return `removed ${record}`;
  if (c.link && c.old === null) return `${record} ${c.label}: added ${safeLine(c.newName)}`;
  if (c.link) return `${record} ${c.label}: dropped ${safeLine(c.oldName)}`;
  return `${record} ${c.label}: ${value(c.old, c.oldName)} → ${value(c.new, c.newName)}`;
}

export interface CommandEntry {
  id: number;
  at: Date;
  argv: readonly string[];
  undoes: number | null;
  undoneBy: number | null;
  changes: readonly ChangeLine[];
}

/** Changes shown under a command; an import makes thousands. */
const MAX_CHANGES = 12;

/** `net history`: each command, newest first, with what it changed. */
export function historyText(entries: readonly CommandEntry[]): string {
  if (entries.length === 0) return 'No changes recorded.';
  return entries
    .map((e) => {
      const notes = [e.undoes !== null ? `undid ${e.undoes}` : null, e.undoneBy !== null ? `undone by ${e.undoneBy}` : null].filter(Boolean);
      const head = `${String(e.id).padStart(4)}  ${localTime(e.at)}  ${safeLine(commandText(e.argv))}${notes.length ? `  (${notes.join(', ')})` : ''}`;
      const lines = e.changes.slice(0, MAX_CHANGES).map((c) => `        ${changeText(c)}`);
      if (e.changes.length > MAX_CHANGES) lines.push(`        … and ${e.changes.length - MAX_CHANGES} more changes (all of them: net history --json)`);
      return [head, ...lines].join('\n');
    })
    .join('\n');
}

/** What an edit changed, on one line: `Changed i4: on 2026-04-02 → 2026-04-01; kind call → coffee.` */
export function editedText(record: string, changes: readonly ChangeLine[]): string {
  const parts = changes.map((c) => {
    if (c.link && c.old === null) return `${c.label}: added ${safeLine(c.newName)}`;
    if (c.link) return `${c.label}: dropped ${safeLine(c.oldName)}`;
    return `${c.label} ${value(c.old, c.oldName)} → ${value(c.new, c.newName)}`;
  });
  return `Changed ${record}: ${parts.join('; ')}.`;
}
