// Due items as calendar events: what to do in the title, the details and the command that
// resolves it in the description. Pure; the iCalendar syntax is formats/ics.ts's job.
import type { DueAhead, DueItem, DueKind } from '../core/due.js';
import type { IsoDate } from '../core/types.js';
import type { CalendarEvent } from '../formats/ics.js';
import type { ItemRecord } from '../store/items.js';

export interface CalendarEntry extends DueAhead {
  record: ItemRecord;
}

function what(r: ItemRecord): string {
  if (r.type === 'promise') return `: ${r.record.what}`;
  if (r.type === 'lead') return `: ${r.record.what}`;
  if (r.type === 'job') return `: ${r.record.title} at ${r.record.company}`;
  return '';
}

const OCCASION: Record<string, string> = { intro: 'introduction', other: 'conversation' };

function thanksFor(r: ItemRecord): string {
  if (r.type === 'interaction') return ` for the ${OCCASION[r.record.kind] ?? r.record.kind}`;
  if (r.type === 'promise') return ` for keeping their promise${what(r)}`;
  return '';
}

/** What to do, one phrase per kind, naming the person. */
const TODO: Record<DueKind, (name: string, r: ItemRecord) => string> = {
  promise: (name, r) => `Keep your promise to ${name}${what(r)}`,
  thanks: (name, r) => `Thank ${name}${thanksFor(r)}`,
  report: (name, r) => `Tell ${name} how their lead went${what(r)}`,
  lead: (name, r) => `Follow ${name}'s lead${what(r)}`,
  nudge: (name, r) => `Nudge ${name} about their promise${what(r)}`,
  followup: (name) => `Keep in touch with ${name}`,
  job: (name, r) => (r.type === 'job' && r.record.stage !== 'offer' && r.record.stage !== 'rejected' ? `Ask ${name} about your application${what(r)}` : `Tell ${name} how your application went${what(r)}`),
  landed: (name, r) => `Tell ${name} you landed${r.type === 'job' ? ` at ${r.record.company}` : ''} and thank them`,
  upcoming: (name, r) => `Meet ${name}${r.type === 'interaction' && r.record.summary ? `: ${r.record.summary}` : ''}`,
};

export function eventSummary(item: DueItem, record: ItemRecord): string {
  // An application with nobody to ask is asked about at the company itself.
  return TODO[item.kind](item.contact?.name ?? (record.type === 'job' ? record.record.company : 'them'), record);
}

function when(e: DueAhead, today: IsoDate): string {
  if (e.on === today) return e.item.due < today ? `Owed since ${e.item.due}.` : 'Due today.';
  return e.item.due < e.on ? `Due again on ${e.on} (owed since ${e.item.due}).` : `Falls due on ${e.on}.`;
}

export function eventDescription(e: DueAhead, today: IsoDate): string {
  const { item } = e;
  return [
    item.title,
    ...(item.contact ? [`With: ${item.contact.name} (c${item.contact.id})`] : []),
    when(e, today),
    `Draft a message: net draft ${item.id}`,
    `Resolve it: net done ${item.id}`,
  ].join('\n');
}

/**
 * One event per entry. The UID is the record's uuid and the item's kind (a promise is a
 * `promise` or a `nudge`, a lead a `lead` then a `report`), so that a re-export updates the
 * event and a resolved item's event disappears.
 */
export function calendarEvents(entries: readonly CalendarEntry[], today: IsoDate): CalendarEvent[] {
  return entries.map((e) => ({
      // A panel's thank-yous are one per person (`i12c3`), as are an application's report-backs
    // (`j4c7`): the person is part of the identity.
    uid: `${e.record.uuid}-${e.item.kind}${/^[ij]\d+c\d+$/.test(e.item.id) && e.item.contact ? `-c${e.item.contact.id}` : ''}@net-journal`,
    on: e.on,
    summary: eventSummary(e.item, e.record),
    description: eventDescription(e, today),
  }));
}
