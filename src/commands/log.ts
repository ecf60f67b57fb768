import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { type ContactRef, THANKS_KINDS } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { sayWaysToGive } from '../cli/hints.js';
import { collect, itemIdArg, kindOption, optionalDate, resolveContact } from '../cli/inputs.js';
import { safeLine } from '../render/text.js';

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
  program
    .command('log')
    .argument('<who>', 'the contact you talked to (id or name)')
    .argument('[summary]', 'what it was about')
    .summary('record a conversation or message')
    .description('Record an interaction. A thank-you is owed after coffee, calls, meetings, interviews and intros unless --no-thanks.')
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
  const thanksOwed = o.thanks ?? (!noReply && THANKS_KINDS.has(kind));
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

  const result = j.write(() => {
    const id = j.interactions.insert({ contactIds: people.map((p) => p.id), on, kind, summary: o.summary ?? null, thanksOwed, noReply });
    const followed = j.leads.followByPeople(people.map((p) => p.id), on);
    for (const lead of reported) j.leads.setStatus(lead.id, 'reported', on);
    return { id, followed };
  });

  const names = people.map((p) => safeLine(p.name)).join(', ');
  ctx.io.out(`Logged i${result.id}: ${kind} with ${names} on ${on}${noReply ? ' (no reply)' : ''}.`);
  for (const lid of result.followed) {
    if (reported.some((l) => l.id === lid)) continue;
    const lead = j.leads.get(lid);
    if (lead) ctx.io.out(`Lead l${lid} from ${safeLine(lead.source.name)} is now followed; tell them how it went (net log "${safeLine(lead.source.name)}" ... --reported l${lid}).`);
  }
  for (const lead of reported) ctx.io.out(`Reported back to ${safeLine(lead.source.name)} on lead l${lead.id}: ${safeLine(lead.what)}.`);
  sayWaysToGive(ctx, [o.summary], people.map((p) => p.id));
  if (thanksOwed) ctx.io.out(`Next: send a thank-you, then net thank ${main.id}`);
  else ctx.io.out('Next: net due');
}
