import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { ledgerFrom } from '../core/ledger.js';
import { replyRate } from '../core/search.js';
import { buildReport, type Period, type Report, type ReportInput, reportPeriod } from '../core/report.js';
import type { Context } from '../cli/context.js';
import { assertStdoutOpen, writeFileAtomic } from '../cli/files.js';
import { examples } from '../cli/help.js';
import { optionalDate } from '../cli/inputs.js';
import { dueJson } from '../render/due.js';
import { interactionJson, leadJson, needJson, pledgeJson, printJson } from '../render/json.js';
import { jobJson } from '../render/jobs.js';
import { reportMarkdown, SECTION_ROWS } from '../render/markdown.js';
import { safeLine } from '../render/text.js';
import type { Journal } from '../store/journal.js';

interface ReportOptions {
  since?: string;
  until?: string;
  output?: string;
  format?: string;
  graph?: boolean;
}

export function registerReport(program: Command, ctx: Context): void {
  program
    .command('report')
    .summary('the week as markdown: owed, conversations, leads, promises, needs, give and take')
    .description('A markdown report of a period (default: the last 7 days, today included) to stdout or a file.')
    .option('--since <date>', 'first day (default: 6 days ago)')
    .option('--until <date>', 'last day (default: today)')
    .option('-o, --output <file>', 'write to a file (private, mode 0600) instead of stdout; - for stdout')
    .option('--format <format>', 'md or json', 'md')
    .option('--graph', 'add a Mermaid diagram of who introduced whom and which leads came from whom')
    .addHelpText('after', examples(['net report', 'net report --since 2026-10-01 --until 2026-10-31 -o october.md', 'net report --format json', 'net report --graph']))
    .action(async (o: ReportOptions) => {
      const format = (o.format ?? 'md').toLowerCase();
      if (o.output === undefined || o.output === '-') assertStdoutOpen(ctx.io, 'the report');
      if (format !== 'md' && format !== 'markdown' && format !== 'json') throw new UsageError(`--format "${o.format}" is not known. Use md or json.`);
      const period = reportPeriod(
        await optionalDate(o.since, '--since', ctx.today, 'past'),
        await optionalDate(o.until, '--until', ctx.today, 'past'),
        ctx.today,
      );
      const graph = o.graph ?? false;
      const j = ctx.journal();
      const text = j.read(() => {
        // Markdown shows the first rows of the open-ended sections; JSON has them all.
        const report = readReport(j, period, format === 'json' ? undefined : SECTION_ROWS);
        return format === 'json' ? printJson(reportJson(report, graph)) : reportMarkdown(report, { today: ctx.today, graph });
      });
      if (o.output !== undefined && o.output !== '-') {
        writeFileAtomic(o.output, text.endsWith('\n') ? text : `${text}\n`, j.file);
        ctx.io.out(`Wrote the report for ${period.from} to ${period.to} to ${safeLine(o.output)}.`);
      } else {
        ctx.io.out(text.replace(/\n$/, ''));
      }
    });
}

/**
 * The report of a period as of its last day, read in one go (the caller holds the read
 * transaction): the period's records, and what the due rules could find owed that day. With
 * `shown`, the open needs are read only as far as a section shows them (and counted); owed
 * items are ranked by the due rules from all they read, so they are read whole.
 */
function readReport(j: Journal, period: Period, shown?: number): Report {
  const day = period.to;
  const open = j.needs.openOn(day, shown);
  const input: ReportInput = {
    period,
    met: j.contacts.metIn(period),
    interactions: j.interactions.inPeriod(period),
    leads: j.leads.inPeriod(period),
    pledges: j.promises.inPeriod(period),
    needs: open.needs,
    needsOpen: open.count,
    due: {
      pledges: j.promises.owedOn(day),
      thanks: j.interactions.thanksOwedOn(day),
      leads: j.leads.activeOn(day),
      activity: j.due.activityOn(day),
      upcoming: j.interactions.plannedOn(day),
      // Each person's conversations are counted up to that day.
      jobs: j.jobs.owing(day),
    },
    jobs: j.jobs.all(),
    needsClosed: j.needs.closedIn(period),
  };
  const people = j.ledgers.touched(period).map((g) => ({ contact: g.contact, ledger: ledgerFrom(g.counts) }));
  return buildReport(input, people);
}

function reportJson(r: Report, graph: boolean) {
  return {
    from: r.from,
    to: r.to,
    owed_now: r.owedNow.map(dueJson),
    conversations: r.conversations.map(interactionJson),
    leads: r.leads.map(leadJson),
    promises: r.promises.map(pledgeJson),
    ways_to_give: r.waysToGive.map(needJson),
    give_and_take: r.giveAndTake.map((g) => ({
      contact: { id: g.contact.id, name: g.contact.name },
      gave: g.ledger.gave,
      received: g.ledger.received,
    })),
    held_back: r.heldBack.map(dueJson),
    // Kept for scripts written before `held_back`: its resting items.
    resting: r.heldBack.filter((d) => d.state === 'resting').map(dueJson),
    headline: {
      people_met: r.headline.peopleMet,
      conversations: r.headline.conversations,
      messages: r.headline.messages,
      replies: r.headline.replies,
      reply_rate: replyRate(r.headline),
      leads_followed: r.headline.leadsFollowed,
      leads_reported: r.headline.leadsReported,
      needs_met: r.headline.needsMet,
      promises_kept: r.headline.promisesKept,
    },
    pipeline: r.pipeline.map((p) => jobJson(p.job, r.to)),
    landed: r.landed.map(dueJson),
    ...(graph ? { graph: r.graph.map((e) => ({ from: e.from, to: e.to, kind: e.label })) } : {}),
  };
}
