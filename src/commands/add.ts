import type { Command } from 'commander';
import { DEFAULT_CADENCE_DAYS } from '../core/due.js';
import { UsageError } from '../core/errors.js';
import { THANKS_KINDS, type InteractionKind, type IsoDate } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { sayWaysToGive } from '../cli/hints.js';
import { cadenceOption, collect, kindOption, optionalDate, resolveContact, splitTags } from '../cli/inputs.js';
import { plural, safeLine } from '../render/text.js';

export interface AddOptions {
  name?: string | undefined;
  company?: string;
  role?: string;
  email?: string;
  phone?: string;
  url?: string;
  met?: string;
  on?: string;
  via?: string;
  tag?: string[];
  note?: string;
  summary?: string;
  need?: string[];
  lead?: string[];
  promise?: string[];
  expect?: string[];
  every?: string;
  kind?: string;
}

const FLAG_KEYS: ReadonlyArray<keyof AddOptions> = [
  'company', 'role', 'email', 'phone', 'url', 'met', 'on', 'via', 'tag', 'note', 'summary',
  'need', 'lead', 'promise', 'expect', 'every', 'kind',
];

export function registerAdd(program: Command, ctx: Context): void {
  program
    .command('add')
    .argument('[name]', "the person's full name")
    .summary('record someone you just met')
    .description(
      'Record someone you just met. On a terminal with no name, asks step by step; with flags it never asks.\n' +
        'Given --met, --note, --summary or any need/lead/promise/expect, also logs the first meeting.',
    )
    .option('--company <company>', 'where they work')
    .option('--role <role>', 'their job title')
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .option('--url <url>', 'profile or website')
    .option('--met <where>', 'where or how you met ("coffee at Bennu")')
    .option('--on <date>', 'when you met (default today)')
    .option('--via <who>', 'the contact who introduced you')
    .option('--tag <tag>', 'a tag (repeat, or separate with commas)', collect)
    .option('--note <text>', 'free notes about them')
    .option('--summary <text>', 'what you talked about')
    .option('--need <text>', 'something they need (repeatable)', collect)
    .option('--lead <text>', 'a lead they gave you (repeatable)', collect)
    .option('--promise <text>', 'something you promised them (repeatable)', collect)
    .option('--expect <text>', 'something they promised you (repeatable)', collect)
    .option('--every <cadence>', 'keep-in-touch cadence: 30d, 6w, 3m or never (default 90d)')
    .option('--kind <kind>', 'kind of first meeting (default meeting)')
    .addHelpText(
      'after',
      examples([
        'net add',
        'net add "Dana Whitfield" --company "Sell Computers" --met "coffee at Bennu" --via Thom',
        'net add "Dana Whitfield" --need "an intro at Dell" --promise "send my notes" --expect "pass my resume to Harry"',
      ]),
    )
    .action(async (name: string | undefined, opts: AddOptions) => {
      await runAdd({ ...opts, name }, ctx);
    });
}

/** Everything a new contact brings, checked and ready to write. */
interface NewContact {
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  url: string | null;
  metWhere: string | null;
  metOn: IsoDate;
  via: number | null;
  tags: string[];
  notes: string | null;
  summary: string | null;
  needs: string[];
  leads: string[];
  promises: string[];
  expects: string[];
  cadenceDays: number | null;
  kind: InteractionKind;
}

export async function runAdd(opts: AddOptions, ctx: Context): Promise<void> {
  const hasFlags = FLAG_KEYS.some((k) => opts[k] !== undefined);
  let input = opts;
  if (opts.name === undefined || opts.name.trim() === '') {
    if (!ctx.io.canPrompt || hasFlags) {
      throw new UsageError('Give the name of the person you met: net add "Dana Whitfield" --company "Sell Computers" --met "coffee at Bennu"');
    }
    input = await askWizard(ctx);
  }
  const record = await prepare(input, ctx);
  const result = write(record, ctx);
  report(record, result, ctx);
}

async function askWizard(ctx: Context): Promise<AddOptions> {
  const p = await ctx.prompter();
  const ask = (message: string) => p.input(message).then((v) => v.trim() || undefined);
  const askMany = async (message: string) => {
    const all: string[] = [];
    for (;;) {
      const v = (await p.input(all.length === 0 ? message : `${message} (another, or Enter to go on)`)).trim();
      if (v === '') return all.length ? all : undefined;
      all.push(v);
    }
  };
  const name = (await p.input('Name', { required: true, validate: (v) => (v.trim() ? true : 'A name is needed') })).trim();
  const met = await ask('Where did you meet?');
  const company = await ask('Company');
  const role = await ask('Role');
  const summary = await ask('What did you talk about?');
  const need = await askMany('What do they need?');
  const lead = await askMany('A lead they gave you');
  const promise = await askMany('What did you promise them?');
  const expect = await askMany('What did they promise you?');
  const every = await p.input('Keep in touch every', {
    default: `${DEFAULT_CADENCE_DAYS}d`,
    validate: (v) => {
      try {
        cadenceOption(v);
        return true;
      } catch (err) {
        return (err as Error).message;
      }
    },
  });
  return { name, met, company, role, summary, need, lead, promise, expect, every };
}

async function prepare(o: AddOptions, ctx: Context): Promise<NewContact> {
  const name = (o.name ?? '').trim();
  const metOn = (await optionalDate(o.on, '--on', ctx.today, 'past')) ?? ctx.today;
  return {
    name,
    company: o.company ?? null,
    role: o.role ?? null,
    email: o.email ?? null,
    phone: o.phone ?? null,
    url: o.url ?? null,
    metWhere: o.met ?? null,
    metOn,
    via: o.via !== undefined ? (await resolveContact(ctx, o.via)).id : null,
    tags: splitTags(o.tag),
    notes: o.note ?? null,
    summary: o.summary ?? null,
    needs: nonEmpty(o.need),
    leads: nonEmpty(o.lead),
    promises: nonEmpty(o.promise),
    expects: nonEmpty(o.expect),
    cadenceDays: o.every !== undefined ? cadenceOption(o.every) : DEFAULT_CADENCE_DAYS,
    kind: o.kind !== undefined ? kindOption(o.kind) : 'meeting',
  };
}

function nonEmpty(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((v) => v.trim()).filter((v) => v !== '');
}

interface Written {
  id: number;
  interactionId: number | null;
}

function write(r: NewContact, ctx: Context): Written {
  const j = ctx.journal();
  const met = r.metWhere !== null || r.notes !== null || r.summary !== null ||
    r.needs.length + r.leads.length + r.promises.length + r.expects.length > 0;
  return j.write(() => {
    const id = j.contacts.insert({
      name: r.name,
      company: r.company,
      role: r.role,
      email: r.email,
      phone: r.phone,
      url: r.url,
      metWhere: r.metWhere,
      metOn: r.metOn,
      introducedBy: r.via,
      tags: r.tags,
      notes: r.notes,
      cadenceDays: r.cadenceDays,
    });
    const interactionId = met
      ? j.interactions.insert({
          contactIds: [id],
          on: r.metOn,
          kind: r.kind,
          summary: r.summary ?? r.metWhere ?? 'first meeting',
          thanksOwed: THANKS_KINDS.has(r.kind),
        })
      : null;
    for (const what of r.needs) j.needs.insert({ contactId: id, what, notedOn: r.metOn });
    for (const what of r.leads) j.leads.insert({ sourceId: id, what, givenOn: r.metOn });
    for (const what of r.promises) j.promises.insert({ contactId: id, what, direction: 'mine', madeOn: r.metOn });
    for (const what of r.expects) j.promises.insert({ contactId: id, what, direction: 'theirs', madeOn: r.metOn });
    return { id, interactionId };
  });
}

function report(r: NewContact, w: Written, ctx: Context): void {
  const parts: string[] = [];
  if (w.interactionId !== null) parts.push(`met ${r.metOn}${r.metWhere ? ` (${safeLine(r.metWhere)})` : ''}`);
  if (r.needs.length) parts.push(plural(r.needs.length, 'need'));
  if (r.leads.length) parts.push(plural(r.leads.length, 'lead'));
  if (r.promises.length) parts.push(`${plural(r.promises.length, 'promise')} of yours`);
  if (r.expects.length) parts.push(`${plural(r.expects.length, 'promise')} of theirs`);
  const extra = parts.length ? `: ${parts.join(', ')}` : '';
  ctx.io.out(`Added #${w.id} ${safeLine(r.name)}${extra}.`);
  sayWaysToGive(ctx, [r.notes, r.summary, ...r.leads], [w.id]);
  const next = w.interactionId !== null ? `send a thank-you, then net thank ${w.id}` : `net show ${w.id}`;
  ctx.io.out(`Next: ${next}`);
}
