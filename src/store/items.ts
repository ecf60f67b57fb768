// The record behind a due item's id (`p3`, `i12`, `l5`, `c7`): what a calendar event and a
// draft are written from.
import type { Contact, Interaction, Job, Lead, Pledge } from '../core/types.js';
import type { Journal } from './journal.js';

export type ItemRecord =
  | { type: 'promise'; uuid: string; record: Pledge }
  | { type: 'interaction'; uuid: string; record: Interaction }
  | { type: 'lead'; uuid: string; record: Lead }
  | { type: 'contact'; uuid: string; record: Contact }
  | { type: 'job'; uuid: string; record: Job };

/** The record an item id names, or undefined when there is none. */
export function itemRecord(j: Journal, id: string): ItemRecord | undefined {
  // `i12c3`: the thank-you to contact 3 of panel interview i12 names the interaction; `j4c7`
  // what application j4 owes contact 7 names the application.
  const m = /^([piljc])(\d{1,15})(?:c\d{1,15})?$/.exec(id);
  if (!m) return undefined;
  const n = Number(m[2]);
  switch (m[1]) {
    case 'p':
      return found('promise', j.promises.get(n));
    case 'i':
      return found('interaction', j.interactions.get(n));
    case 'l':
      return found('lead', j.leads.get(n));
    case 'j':
      return found('job', j.jobs.get(n));
    default:
      return found('contact', j.contacts.get(n));
  }
}

function found<T extends ItemRecord['type']>(type: T, record: Extract<ItemRecord, { type: T }>['record'] | undefined): ItemRecord | undefined {
  return record && ({ type, uuid: record.uuid, record } as ItemRecord);
}
