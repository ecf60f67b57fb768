// Applications as text and as JSON.
import { daysInStage } from '../core/jobs.js';
import type { IsoDate, Job } from '../core/types.js';
import type { Colors } from './colors.js';
import { table } from './table.js';

const ref = (c: { id: number; name: string } | null) => (c ? { id: c.id, name: c.name } : null);

/** An application in the JSON contract (`job` in ARCHITECTURE.md); `days_in_stage` is as of `today`. */
export function jobJson(j: Job, today: IsoDate) {
  return {
    id: j.id,
    uuid: j.uuid,
    title: j.title,
    company: j.company,
    url: j.url,
    stage: j.stage,
    stage_on: j.stageOn,
    days_in_stage: daysInStage(j, today),
    started_on: j.startedOn,
    via: ref(j.via),
    lead: j.lead ? { id: j.lead.id, what: j.lead.what, source: ref(j.lead.source) } : null,
    people: j.people.map((p) => ({ contact: ref(p.contact), met: p.met, helped: p.helped, told_on: p.toldOn })),
    asked_on: j.askedOn,
    landed_on: j.landedOn,
    note: j.note,
    snoozed_until: j.snoozedUntil,
    recorded_on: j.recordedOn ?? null,
  };
}

/** `net jobs`: one line per application, by stage, the longest waiting first. */
export function jobsTable(jobs: readonly Job[], today: IsoDate, c: Colors, width: number | null): string {
  return table(
    jobs,
    [
      { header: 'ID', value: (j) => `j${j.id}`, style: (t) => c.dim(t) },
      { header: 'STAGE', value: (j) => j.stage },
      { header: 'DAYS', value: (j) => String(daysInStage(j, today)) },
      { header: 'TITLE', value: (j) => j.title, flexible: true },
      // A long company or referrer name gives up width too, or the line runs past the terminal.
      { header: 'COMPANY', value: (j) => j.company, shrinkTo: 12 },
      { header: 'REFERRER', value: (j) => j.via?.name ?? '', style: (t) => c.cyan(t), shrinkTo: 12 },
    ],
    c,
    width,
  );
}
