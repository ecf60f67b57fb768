import type { Command } from 'commander';
import { cadenceFromConversation, DEFAULT_CADENCE_DAYS, thanksOwedByDefault } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import type { ContactRef } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { sayWaysToGive } from '../cli/hints.js';
import { collect, itemIdArg, kindOption, oneOfPair, optionalDate, resolveContact } from '../cli/inputs.js';
import { hintWord, safeLine } from '../render/text.js';

export interface LogOptions {
  who: string;
  summary?: string | undefined;
  with?: string[];
  kind?: string;
  on?: string;
  thanks?: boolean;
  reply?: boolean;
  reported?: string[];
}

export function registerLog(program: Command, ctx: Context): void {
  const log = program
    .command('log')
    .argument('<who>', 'the contact you talked to (id or name)')
    .argument('[summary]', 'what it was about')
    .summary('record a conversation or message')
    .description(
      'Record an interaction. A thank-you is owed after coffee, calls, meetings, interviews and intros unless --no-thanks\n' +
        '(or unless you log it two weeks or more after it happened; --thanks then says one is still owed).',
    )
    .option('--with <who>', 'someone else who was there (repeatable)', collect)
    .option('--kind <kind>', 'coffee, call, meeting, interview, email, message, event, intro or other (default other)')
    .option('--on <date>', 'when it happened (default today)')
    .option('--thanks', 'a thank-you is owed for this one')
    .option('--no-thanks', 'no thank-you is owed for this one')
    .option('--no-reply', 'you reached out and got no answer')
    .option('--reported <lead-id>', 'this conversation reported back on that lead (repeatable)', collect)
    .addHelpText(
      'after',
      examples([
        'net log Dana "coffee about the data team" --kind coffee',
        'net log "Bob Ortiz" "intro call" --kind call --with Dana',
        'net log Maria "told her how the Acme call went" --reported l3',
        'net log Sam "checking in" --kind email --no-reply',
      ]),
    )
    .action(async (who: string, summary: string | undefined, opts: Omit<LogOptions, 'who' | 'summary'>) => {
      await runLog({ ...opts, who, summary }, ctx);
    });
  oneOfPair(log, 'thanks');
}

export async function runLog(o: LogOptions, ctx: Context): Promise<void> {
  const main = await resolveContact(ctx, o.who);
  const people: ContactRef[] = [main];
  for (const w of o.with ?? []) {
    const c = await resolveContact(ctx, w);
    if (!people.some((p) => p.id === c.id)) people.push(c);
  }
  const kind = o.kind !== undefined ? kindOption(o.kind) : 'other';
  const on = (await optionalDate(o.on, '--on', ctx.today, 'past')) ?? ctx.today;
  const noReply = o.reply === false;
  const thanksOwed = o.thanks ?? thanksOwedByDefault(kind, on, ctx.today, noReply);
  const j = ctx.journal();
  const reported = (o.reported ?? []).map((text) => {
    const id = itemIdArg(text, 'l', 'lead', 'l3');
    const lead = j.leads.get(id);
    if (!lead) throw new UsageError(`There is no lead l${id}. See the leads someone gave with: net show <who>`);
    if (!people.some((p) => p.id === lead.source.id)) {
      throw new UsageError(`Lead l${id} came from ${lead.source.name}, who is not in this conversation. Log it with them, or add --with "${lead.source.name}".`);
    }
    if (lead.status === 'dropped') throw new UsageError(`Lead l${id} was dropped; there is nothing to report back on.`);
    return lead;
  });
  // A report-back is something done: a meeting ahead has not given one yet.
  if (reported.length > 0 && on > ctx.today) {
    const then = reported.map((l) => `net lead reported l${l.id}`).join(' and ');
    throw new UsageError(`--on ${on} is after today (${ctx.today}): a planned meeting has not reported back yet. Leave out --reported, and after you meet: ${then}`);
  }

  // Someone without a cadence yet (imported) gets the default one at their first conversation.
  const cadenceGiven = people.filter((p) => {
    const c = j.contacts.get(p.id);
    return c !== undefined && cadenceFromConversation(c, noReply) !== null;
  });
  const result = j.write(() => {
    const id = j.interactions.insert({ contactIds: people.map((p) => p.id), on, kind, summary: o.summary ?? null, thanksOwed, noReply });
    // Neither a message nobody answered nor a meeting ahead has followed a lead yet.
    const followed = j.leads.followedBy(id);
    for (const lead of reported) j.leads.setStatus(lead.id, 'reported', on);
    for (const p of cadenceGiven) j.contacts.update(p.id, { cadenceDays: DEFAULT_CADENCE_DAYS, cadencePending: false });
    return { id, followed, later: j.leads.followedWhenItComes(id) };
  });

  const names = people.map((p) => safeLine(p.name)).join(', ');
  const planned = on > ctx.today;
  if (planned) {
    // Ahead of its day: it owes nothing and is no contact until then.
    ctx.io.out(`Planned i${result.id}: ${kind} with ${names} on ${on}. net due lists it that day; nothing is owed until then.`);
  } else {
    ctx.io.out(`Logged i${result.id}: ${kind} with ${names} on ${on}${noReply ? ' (no reply)' : ''}.`);
  }
  for (const lid of result.followed) {
    if (reported.some((l) => l.id === lid)) continue;
    const lead = j.leads.get(lid);
    if (lead) ctx.io.out(`Lead l${lid} from ${safeLine(lead.source.name)} is now followed; tell them how it went (net log ${hintWord(lead.source.name)} ... --reported l${lid}).`);
  }
  for (const lid of result.later) {
    const lead = j.leads.get(lid);
    if (lead) ctx.io.out(`Lead l${lid} from ${safeLine(lead.source.name)} stays open until ${on}; this meeting follows it on its day.`);
  }
  for (const lead of reported) ctx.io.out(`Reported back to ${safeLine(lead.source.name)} on lead l${lead.id}: ${safeLine(lead.what)}.`);
  for (const p of cadenceGiven) {
    ctx.io.out(`${safeLine(p.name)} now has the default keep-in-touch cadence, every ${DEFAULT_CADENCE_DAYS} days (change it with net edit ${p.id} --every 6m, or --every never).`);
  }
  sayWaysToGive(ctx, [o.summary], people.map((p) => p.id));
  // A panel interview owes each interviewer their own note.
  const thank = kind === 'interview' ? people : [main];
  if (planned) ctx.io.out('Next: net due --all');
  else if (thanksOwed) ctx.io.out(`Next: send a thank-you${thank.length > 1 ? ' to each' : ''}, then ${thank.map((p) => `net thank ${p.id}`).join(' and ')}`);
  else ctx.io.out('Next: net due');
}
