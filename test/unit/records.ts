// Builders of the records the due rules read, shared by the unit tables: each test file
// names its own people and day, and a case overrides only what it is about.
import type { DueJob } from '../../src/core/jobs.js';
import type { ContactRef, Interaction, IsoDate, Lead, Pledge } from '../../src/core/types.js';

export function pledgeBuilder(contact: ContactRef, day: IsoDate, what: string) {
  return (over: Partial<Pledge> = {}): Pledge => ({
    id: 1,
    uuid: 'p-uuid',
    contact,
    what,
    direction: 'mine',
    madeOn: day,
    by: null,
    status: 'open',
    closedOn: null,
    nudges: 0,
    lastNudgedOn: null,
    snoozedUntil: null,
    ...over,
  });
}

export function interactionBuilder(contact: ContactRef, day: IsoDate) {
  return (over: Partial<Interaction> = {}): Interaction => ({
    id: 1,
    uuid: 'i-uuid',
    contacts: [contact],
    on: day,
    kind: 'coffee',
    summary: null,
    thanksOwed: true,
    thankedOn: null,
    noReply: false,
    snoozedUntil: null,
    ...over,
  });
}

export function leadBuilder(source: ContactRef, day: IsoDate) {
  return (over: Partial<Lead> = {}): Lead => ({
    id: 1,
    uuid: 'l-uuid',
    source,
    what: 'Bob runs data at Acme',
    person: null,
    company: null,
    job: null,
    givenOn: day,
    status: 'open',
    followedOn: null,
    reportedOn: null,
    outcome: null,
    snoozedUntil: null,
    ...over,
  });
}

/** An application as the due rules read it: applied on 2026-04-01, nobody asked yet. */
export function job(over: Partial<DueJob> = {}): DueJob {
  return {
    id: 4,
    title: 'Data engineer',
    company: 'Hooli',
    via: null,
    lead: null,
    stage: 'applied',
    stageOn: '2026-04-01',
    askedOn: null,
    landedOn: null,
    snoozedUntil: null,
    people: [],
    recordedOn: '2026-04-01',
    ...over,
  };
}
