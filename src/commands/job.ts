// Applications (`j<id>`): `net job add`, `net job j4 <stage>`, `net job j4 --with <who>`, `net jobs`.
import type { Command } from 'commander';
import { cadenceFromConversation, DEFAULT_CADENCE_DAYS, thanksOwedByDefault } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import { JOB_ASK_DAYS } from '../core/jobs.js';
import { type ContactRef, isJobStage, JOB_STAGES, type JobStage, OPEN_JOB_STAGES } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { collect, itemIdArg, pastDateOption, requiredText, resolveContact } from '../cli/inputs.js';
import { jobJson, jobsTable } from '../render/jobs.js';
import { printJson } from '../render/json.js';
import { hintWord, plural, safeLine } from '../render/text.js';
import type { Journal } from '../store/journal.js';

interface JobOptions {
  company?: string;
  url?: string;
  via?: string;
  lead?: string;
  stage?: string;
  on?: string;
  note?: string;
  with?: string[];
}

const STAGE_LIST = JOB_STAGES.join(', ');
/** A stage is reached on a day that has come: what a refused `--on` after today says to do. */
const REACHED = 'record a stage on the day it is reached.';

function stageArg(text: string, what: string): JobStage {
  const s = text.trim().toLowerCase();
  if (!isJobStage(s)) throw new UsageError(`${what} "${safeLine(text)}" is not a stage. Use one of: ${STAGE_LIST}.`);
  return s;
}

async function people(ctx: Context, names: readonly string[] | undefined): Promise<ContactRef[]> {
  const found: ContactRef[] = [];
  for (const w of names ?? []) {
    const c = await resolveContact(ctx, w);
    if (!found.some((p) => p.id === c.id)) found.push(c);
  }
  return found;
}

export function registerJob(program: Command, ctx: Context): void {
  program
    .command('job')
    .argument('<what>', 'add, or an application id (j4)')
    .argument('[title-or-stage]', 'after add: the job title; after an id: the stage it moved to')
    .summary('record a job application, or move one along')
    .description(
      'net job add "<title>" --company <name>: an application (stage applied unless --stage).\n' +
        'net job <j-id> <stage>: it moved to that stage. Stages, in order: interested applied screen interview offer accepted,\n' +
        'and the ends rejected withdrawn. Moving to interview with --with logs the interview with them (each is owed a thank-you);\n' +
        'an offer or a rejection owes the referrer and the giver of its lead a report-back.\n' +
        'net job <j-id> --with <who>: link the people you met for it (interviewers).\n' +
        `With no change for ${JOB_ASK_DAYS} days, net due says to ask about it (net done <j-id> when you have).`,
    )
    .option('--company <name>', 'the company (needed by add unless --lead names one)')
    .option('--url <url>', 'the job posting')
    .option('--via <who>', 'who referred you')
    .option('--lead <lead-id>', 'the lead it came from (an open lead becomes followed)')
    .option('--stage <stage>', `the stage it starts at (default applied): ${STAGE_LIST}`)
    .option('--on <date>', 'when you applied, or when it moved (default today)')
    .option('--note <text>', 'a note kept on the application')
    .option('--with <who>', 'someone you met for it, an interviewer (repeatable)', collect)
    .addHelpText(
      'after',
      examples([
        'net job add "Data engineer" --company Hooli --via Dana',
        'net job add "Analyst" --company "Acme Inc" --lead l3 --url https://acme.example/jobs/12',
        'net job j1 screen',
        'net job j1 interview --with "Ann Lee" --with "Bob Ortiz"',
        'net job j1 --with "Cara Diaz"',
        'net job j1 offer --on yesterday --note "verbal offer"',
      ]),
    )
    .action(async (what: string, second: string | undefined, o: JobOptions) => {
      if (what.trim().toLowerCase() === 'add') return addJob(ctx, second, o);
      const id = itemIdArg(what, 'j', 'application', 'j4');
      return moveJob(ctx, id, second, o);
    });

  program
    .command('jobs')
    .summary('your open applications by stage, with days in stage')
    .option('--all', 'include the ended ones (accepted, rejected, withdrawn)')
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['net jobs', 'net jobs --all --json']))
    .action(async (o: { all?: boolean; json?: boolean }) => {
      const j = ctx.journal();
      const jobs = j.jobs.list(o.all ?? false);
      if (o.json) {
        ctx.io.out(printJson(jobs.map((x) => jobJson(x, ctx.today))));
        return;
      }
      if (jobs.length === 0) {
        ctx.io.out(o.all ? 'No applications yet. Add one: net job add "Data engineer" --company Hooli' : 'No open applications. Add one: net job add "Data engineer" --company Hooli');
        return;
      }
      const table = jobsTable(jobs, ctx.today, ctx.io.color, ctx.io.columns);
      await ctx.io.page(ctx.io.stdoutIsTTY ? `${table}\n${ctx.io.color.dim(`${plural(jobs.length, 'application')}. Move one along with: net job <j-id> <stage>`)}` : table);
    });
}

async function addJob(ctx: Context, titleText: string | undefined, o: JobOptions): Promise<void> {
  const title = requiredText(titleText, 'the job title', 'net job add "Data engineer" --company Hooli');
  const stage = o.stage !== undefined ? stageArg(o.stage, '--stage') : 'applied';
  const on = await pastDateOption(o.on, '--on', ctx.today, REACHED);
  const j = ctx.journal();
  const lead = o.lead !== undefined ? j.leads.get(itemIdArg(o.lead, 'l', 'lead', 'l3')) : undefined;
  if (o.lead !== undefined && !lead) throw new UsageError(`There is no lead ${safeLine(o.lead)}. See someone's leads with: net show <who>`);
  const company = o.company?.trim() ? o.company : (lead?.company ?? null);
  if (company === null) throw new UsageError(`Say which company: net job add ${hintWord(title)} --company Hooli`);
  const via = o.via !== undefined ? await resolveContact(ctx, o.via) : null;
  const met = await people(ctx, o.with);
  const { id, followed } = j.write(() => {
    const id = j.jobs.insert({ title, company, url: o.url ?? null, viaId: via?.id ?? null, leadId: lead?.id ?? null, stage, startedOn: on, note: o.note ?? null });
    if (met.length > 0) j.jobs.link(id, met.map((c) => ({ contactId: c.id, met: true })));
    // Applying through a lead is following it.
    const followed = lead?.status === 'open';
    if (lead && followed) j.leads.setStatus(lead.id, 'followed', on);
    return { id, followed };
  });
  const from = via ? `, referred by ${safeLine(via.name)}` : '';
  ctx.io.out(`Added application j${id}: ${safeLine(title)} at ${safeLine(company)} (${stage} on ${on}${from}).`);
  if (lead && followed) ctx.io.out(`Lead l${lead.id} from ${safeLine(lead.source.name)} is now followed.`);
  ctx.io.out(addedHint(id, stage, title, company));
}

/** What to run after adding an application: the stage that comes after the one it was added at, never one behind it. */
function addedHint(id: number, stage: JobStage, title: string, company: string): string {
  if (stage === 'offer') return `Next: net jobs; when you accept it, net landed ${hintWord(title)} --company ${hintWord(company)} --dry-run`;
  if (!OPEN_JOB_STAGES.includes(stage)) return 'Next: net jobs --all';
  return `Next: net jobs; when it moves, net job j${id} ${JOB_STAGES[JOB_STAGES.indexOf(stage) + 1]}`;
}

async function moveJob(ctx: Context, id: number, stageText: string | undefined, o: JobOptions): Promise<void> {
  const j = ctx.journal();
  const job = j.jobs.get(id);
  if (!job) throw new UsageError(`There is no application j${id}. See them with: net jobs --all`);
  const misplaced = (['company', 'url', 'via', 'lead', 'stage'] as const).filter((k) => o[k] !== undefined);
  if (misplaced.length > 0) {
    throw new UsageError(`${misplaced.map((k) => `--${k}`).join(', ')} ${misplaced.length === 1 ? 'is' : 'are'} for net job add; change an application with: net edit j${id} --${misplaced[0]} …`);
  }
  const stage = stageText !== undefined ? stageArg(stageText, 'Stage') : null;
  if (stage === null && (o.with ?? []).length === 0) {
    throw new UsageError(`Say where j${id} went: net job j${id} <stage> (${STAGE_LIST}), or whom you met for it: net job j${id} --with <who>`);
  }
  if (stage === job.stage) throw new UsageError(`Application j${id} is already ${stage} (since ${job.stageOn}).`);
  const on = await pastDateOption(o.on, '--on', ctx.today, REACHED);
  if (stage !== null && on < job.startedOn) throw new UsageError(`--on ${on} is before j${id} was added (${job.startedOn}).`);
  const met = await people(ctx, o.with);
  // Moving to interview with the people met logs the interview with them: etiquette owes each a thank-you.
  const interview = stage === 'interview' && met.length > 0;
  const thanksOwed = thanksOwedByDefault('interview', on, ctx.today, false);
  const result = j.write(() => {
    if (stage !== null) j.jobs.setStage(id, stage, on, o.note);
    else j.jobs.setNote(id, o.note);
    if (met.length > 0) j.jobs.link(id, met.map((c) => ({ contactId: c.id, met: true })));
    if (!interview) return { interaction: null, cadence: [] as ContactRef[] };
    const cadence = met.filter((c) => {
      const full = j.contacts.get(c.id);
      return full !== undefined && cadenceFromConversation(full, false) !== null;
    });
    const interaction = j.interactions.insert({
      contactIds: met.map((c) => c.id),
      on,
      kind: 'interview',
      summary: `${job.title} at ${job.company}`,
      thanksOwed,
    });
    j.leads.followedBy(interaction);
    for (const c of cadence) j.contacts.update(c.id, { cadenceDays: DEFAULT_CADENCE_DAYS, cadencePending: false });
    return { interaction, cadence };
  });
  const what = `${safeLine(job.title)} at ${safeLine(job.company)}`;
  const names = met.map((c) => safeLine(c.name)).join(', ');
  if (stage !== null) ctx.io.out(`Application j${id} (${what}) is now ${stage}, on ${on}.`);
  if (met.length > 0 && !interview) ctx.io.out(`Linked ${names} to j${id}.`);
  if (result.interaction !== null) ctx.io.out(`Logged i${result.interaction}: interview with ${names} on ${on}.`);
  for (const c of result.cadence) ctx.io.out(`${safeLine(c.name)} now has the default keep-in-touch cadence, every ${DEFAULT_CADENCE_DAYS} days.`);
  ctx.io.out(next(j, id, stage, met, result.interaction !== null && thanksOwed));
}

/** The Next: line after a move: each line a command that works as printed. */
function next(j: Journal, id: number, stage: JobStage | null, met: readonly ContactRef[], thanks: boolean): string {
  if (thanks) return `Next: send a thank-you${met.length > 1 ? ' to each' : ''}, then ${met.map((c) => `net thank ${c.id}`).join(' and ')}`;
  const job = j.jobs.get(id);
  const told = job ? [job.via, job.lead?.source].filter((c): c is ContactRef => c !== null && c !== undefined) : [];
  if ((stage === 'offer' || stage === 'rejected') && told.length > 0) {
    const ids = [...new Set(told.map((c) => c.id))].map((cid) => `net done j${id}c${cid}`);
    return `Next: tell ${[...new Set(told.map((c) => safeLine(c.name)))].join(' and ')} how it went, then ${ids.join(' and ')}`;
  }
  if (stage === 'offer' && job) return `Next: when you accept it, net landed ${hintWord(job.title)} --company ${hintWord(job.company)} --dry-run`;
  if (stage === null || OPEN_JOB_STAGES.includes(stage)) return 'Next: net jobs';
  return 'Next: net jobs --all';
}
