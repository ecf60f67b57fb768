// The record behind a due item's id (`p3`, `i12`, `l5`, `c7`): what a calendar event and a
// draft are written from.
import type { Contact, Interaction, Job, Lead, Pledge } from '../core/types.js';
import type { Journal } from './journal.js';

export type ItemRecord =
  | { type: 'promise'; uuid: string; pledge: Pledge }
  | { type: 'interaction'; uuid: string; interaction: Interaction }
  | { type: 'lead'; uuid: string; lead: Lead }
  | { type: 'contact'; uuid: string; contact: Contact }
  | { type: 'job'; uuid: string; job: Job };

/** The record an item id names, or undefined when there is none. */
export function itemRecord(j: Journal, id: string): ItemRecord | undefined {
  // `i12c3`: the thank-you to contact 3 of panel interview i12 names the interaction; `j4c7`
  // what application j4 owes contact 7 names the application.
  const m = /^([piljc])(\d{1,15})(?:c\d{1,15})?$/.exec(id);
  if (!m) return undefined;
  const n = Number(m[2]);
  switch (m[1]) {
    case 'p': {
      const pledge = j.promises.get(n);
      return pledge && { type: 'promise', uuid: pledge.uuid, pledge };
    }
    case 'i': {
      const interaction = j.interactions.get(n);
      return interaction && { type: 'interaction', uuid: interaction.uuid, interaction };
    }
    case 'l': {
      const lead = j.leads.get(n);
      return lead && { type: 'lead', uuid: lead.uuid, lead };
    }
    case 'j': {
      const job = j.jobs.get(n);
      return job && { type: 'job', uuid: job.uuid, job };
    }
    default: {
      const contact = j.contacts.get(n);
      return contact && { type: 'contact', uuid: contact.uuid, contact };
    }
  }
}
