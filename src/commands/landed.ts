// `net landed`: the wrap-up of a search. The application accepted (or recorded), the others
// withdrawn, everyone who helped owed the news and a thank-you, open leads closed, a
// keep-in-touch cadence for each helper, and their open needs to pay it forward.
import type { Command } from 'commander';
import { DEFAULT_CADENCE_DAYS } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import { companyKey } from '../core/jobs.js';
import { type Helper, helpersSince, helpText } from '../core/landed.js';
import { matchKey } from '../core/names.js';
import { type ContactRef, type Job, type Lead, type Need, OPEN_JOB_STAGES, type Pledge } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { cadenceOption, dateOption, pastDateOption, requiredText } from '../cli/inputs.js';
import { jobJson } from '../render/jobs.js';
import { leadJson, needJson, pledgeJson, printJson } from '../render/json.js';
import { hintWord, plural, safeLine } from '../render/text.js';
import type { Journal } from '../store/journal.js';

interface LandedOptions {
  company?: string;
  on?: string;
  since?: string;
  keepOpen?: boolean;
  dryRun?: boolean;
  json?: boolean;
  every?: string;
}

interface Landing {
  job: Job;
  recorded: boolean;
  withdrawn: Job[];
  helpers: Helper[];
  leadsClosed: Lead[];
  promisesOpen: Pledge[];
  cadenceGiven: ContactRef[];
  payItForward: Need[];
}

/** The application landed with: the same title at the same company, else the one open application there. */
function matching(jobs: readonly Job[], title: string, company: string): Job | undefined {
  const at = jobs.filter((j) => companyKey(j.company) === companyKey(company) && j.landedOn === null);
  const open = (j: Job) => OPEN_JOB_STAGES.includes(j.stage) || j.stage === 'accepted';
  const same = at.filter((j) => matchKey(j.title) === matchKey(title));
  const candidates = same.length > 0 ? same : at.filter(open).length === 1 ? at.filter(open) : [];
  return candidates.find(open) ?? candidates[0];
}

export function registerLanded(program: Command, ctx: Context): void {
  program
    .command('landed')
    .argument('<title>', 'the job you landed')
    .requiredOption('--company <name>', 'where')
    .summary('you landed a job: thank everyone who helped, tell them, keep in touch, pay it forward')
    .description(
      'Marks the matching application accepted (or records it) and your other open applications withdrawn\n' +
        '(asks on a terminal; --keep-open keeps them). Lists everyone who helped since the search began (--since,\n' +
        'default the first record of the journal), most help first, and owes each a landed item: tell them and\n' +
        'thank them (any conversation with them or net done resolves it). Closes your open leads (landed at <company>),\n' +
        'keeps your promises open, gives every helper without one a keep-in-touch cadence (--every, default 90 days)\n' +
        'and lists their open needs under "Pay it forward".',
    )
    .option('--on <date>', 'the day you accepted (default today)')
    .option('--since <date>', 'when the search began (default: the first record of the journal)')
    .option('--keep-open', 'leave your other open applications open')
    .option('--every <cadence>', `keep-in-touch cadence for helpers without one (default ${DEFAULT_CADENCE_DAYS}d)`)
    .option('--dry-run', 'show all of it and write nothing')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples(['net landed "Data engineer" --company Hooli --dry-run', 'net landed "Data engineer" --company Hooli', 'net landed "Analyst" --company Acme --since 2026-06-01 --keep-open --json']),
    )
    .action(async (titleText: string, o: LandedOptions) => {
      const title = requiredText(titleText, 'the job you landed', 'net landed "Data engineer" --company Hooli');
      const company = requiredText(o.company, 'where you landed', `net landed ${hintWord(title)} --company Hooli`);
      const on = await pastDateOption(o.on, '--on', ctx.today, 'record it on the day you accept.');
      const cadence = o.every === undefined ? DEFAULT_CADENCE_DAYS : cadenceOption(o.every, `Leave --every out for ${DEFAULT_CADENCE_DAYS} days.`);
      if (cadence === null) throw new UsageError(`--every never would leave your helpers without a cadence; leave --every out for ${DEFAULT_CADENCE_DAYS} days.`);
      const j = ctx.journal();
      const since = o.since === undefined ? (j.jobs.firstDay() ?? on) : await dateOption(o.since, '--since', ctx.today, 'past');
      if (since > on) throw new UsageError(`--since ${since} is after the day you landed (${on}). Give the day your search began.`);
      const jobs = j.jobs.all();
      const match = matching(jobs, title, company);
      let others = jobs.filter((x) => x.id !== match?.id && OPEN_JOB_STAGES.includes(x.stage));
      if (others.length > 0 && !o.keepOpen && !o.dryRun && ctx.io.canPrompt) {
        const list = others.map((x) => `j${x.id} ${safeLine(x.title)} at ${safeLine(x.company)}`).join(', ');
        const ok = await (await ctx.prompter()).confirm(`Withdraw your other open ${others.length === 1 ? 'application' : 'applications'} (${list})?`, true);
        if (!ok) others = [];
      }
      if (o.keepOpen) others = [];
      const run = () => land(j, { title, company, on, since, cadence, match, others });
      const landing = o.dryRun ? j.simulate(run) : j.write(run);
      if (o.json) {
        ctx.io.out(printJson(landingJson(landing, ctx.today, o.dryRun ?? false)));
        return;
      }
      ctx.io.out(landingText(landing, since, o.dryRun ?? false));
    });
}

interface LandInput {
  title: string;
  company: string;
  on: string;
  since: string;
  cadence: number;
  match: Job | undefined;
  others: readonly Job[];
}

/** All of the wrap-up's writes, in one transaction (or one rolled back for --dry-run). */
function land(j: Journal, x: LandInput): Landing {
  const open = j.leads.all().filter((l) => l.status === 'open' || l.status === 'followed');
  let id = x.match?.id;
  if (id === undefined) id = j.jobs.insert({ title: x.title, company: x.company, stage: 'accepted', startedOn: x.on });
  else if (x.match?.stage !== 'accepted') j.jobs.setStage(id, 'accepted', x.on);
  j.jobs.setLanded(id, x.on);
  for (const other of x.others) j.jobs.setStage(other.id, 'withdrawn', x.on);
  const contacts = j.contacts.list({ includeArchived: true });
  const helpers = helpersSince(
    { contacts, leads: j.leads.all(), jobs: j.jobs.all(), pledges: j.promises.all(), interactions: j.interactions.inPeriod({ from: x.since, to: x.on }) },
    x.since,
    x.on,
    new Set(open.map((l) => l.id)),
  );
  j.jobs.link(id, helpers.map((h) => ({ contactId: h.contact.id, helped: helpText(h) })));
  // Their report-back is the landed item's to say: the lead is closed with where you landed.
  // Named as the application names it (the one it matched, or the one recorded now).
  for (const l of open) j.leads.setStatus(l.id, 'reported', x.on, `landed at ${x.match?.company ?? x.company}`);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const cadenceGiven = helpers
    .map((h) => byId.get(h.contact.id))
    .filter((c) => c !== undefined && (c.cadenceDays === null || c.cadencePending === true))
    .map((c) => ({ id: c?.id ?? 0, name: c?.name ?? '' }));
  for (const c of cadenceGiven) j.contacts.update(c.id, { cadenceDays: x.cadence, cadencePending: false });
  const helping = new Set(helpers.map((h) => h.contact.id));
  const job = j.jobs.get(id) as Job;
  return {
    job,
    recorded: x.match === undefined,
    withdrawn: x.others.map((o) => j.jobs.get(o.id) as Job),
    helpers,
    leadsClosed: open.map((l) => j.leads.get(l.id) as Lead),
    promisesOpen: j.promises.all().filter((p) => p.direction === 'mine' && p.status === 'open'),
    cadenceGiven,
    payItForward: j.needs.open().filter((n) => helping.has(n.contact.id)),
  };
}

function landingJson(l: Landing, today: string, dryRun: boolean) {
  return {
    dry_run: dryRun,
    job: jobJson(l.job, today),
    recorded: l.recorded,
    withdrawn: l.withdrawn.map((x) => jobJson(x, today)),
    helpers: l.helpers.map((h) => ({ contact: { id: h.contact.id, name: h.contact.name }, help: h.help, acts: h.acts, conversations: h.conversations })),
    leads_closed: l.leadsClosed.map(leadJson),
    promises_open: l.promisesOpen.map(pledgeJson),
    cadence_given: l.cadenceGiven.map((c) => ({ id: c.id, name: c.name })),
    pay_it_forward: l.payItForward.map(needJson),
  };
}

function landingText(l: Landing, since: string, dryRun: boolean): string {
  const job = l.job;
  const lines: string[] = [];
  if (dryRun) lines.push('Dry run: nothing was written. This is what net landed would do:', '');
  lines.push(`Landed: ${safeLine(job.title)} at ${safeLine(job.company)} (j${job.id}${l.recorded ? ', recorded now' : ''}), on ${job.landedOn ?? ''}. Congratulations!`);
  if (l.withdrawn.length > 0) {
    lines.push(`Withdrew ${plural(l.withdrawn.length, 'other open application')}: ${l.withdrawn.map((x) => `j${x.id} ${safeLine(x.title)} at ${safeLine(x.company)}`).join(', ')}.`);
  }
  lines.push('', `Everyone who helped since ${since}, most help first (${l.helpers.length}):`);
  if (l.helpers.length === 0) lines.push('  nobody the journal knows of');
  for (const h of l.helpers) lines.push(`  #${h.contact.id} ${safeLine(h.contact.name)}: ${h.help.map(safeLine).join('; ')}`);
  if (l.helpers.length > 0) lines.push(`Each is owed a landed item: tell them you landed at ${safeLine(job.company)} and thank them (net due, j${job.id}c<id>).`);
  if (l.leadsClosed.length > 0) {
    lines.push('', `Closed ${plural(l.leadsClosed.length, 'open lead')} as landed at ${safeLine(job.company)}: ${l.leadsClosed.map((x) => `l${x.id}`).join(', ')}.`);
  }
  if (l.promisesOpen.length > 0) {
    lines.push('', 'Your promises stay open:');
    for (const p of l.promisesOpen) lines.push(`  p${p.id} to ${safeLine(p.contact.name)}: ${safeLine(p.what)}`);
  }
  if (l.cadenceGiven.length > 0) {
    lines.push('', `Keep in touch: ${l.cadenceGiven.map((c) => safeLine(c.name)).join(', ')} now ${l.cadenceGiven.length === 1 ? 'has' : 'have'} a keep-in-touch cadence.`);
  }
  lines.push('', 'Pay it forward:');
  if (l.payItForward.length === 0) lines.push('  no open needs among them; ask what they are looking for when you tell them.');
  for (const n of l.payItForward) lines.push(`  n${n.id} ${safeLine(n.contact.name)}: ${safeLine(n.what)}`);
  lines.push(dryRun ? `Next: net landed ${hintWord(job.title)} --company ${hintWord(job.company)}` : 'Next: net due');
  return lines.join('\n');
}
