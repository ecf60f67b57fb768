import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { itemIdArg, optionalDate, pastDateOption } from '../cli/inputs.js';
import { aboutSomeone } from './about.js';
import { safeLine } from '../render/text.js';

interface PromiseOptions {
  by?: string;
  theirs?: boolean;
  on?: string;
}

export function registerPromise(program: Command, ctx: Context): void {
  program
    .command('promise')
    .argument('<who>', 'the contact, or kept|dropped')
    .argument('[what]', 'what was promised, or the promise id after kept|dropped')
    .summary('record a promise, yours or theirs, or close one')
    .description(
      'net promise <who> <what>: something you promised them (or, with --theirs, they promised you).\n' +
        'net promise kept|dropped <promise-id>: close a promise.',
    )
    .option('--by <date>', 'when it is due (tomorrow, friday, 2w, 2026-10-10)')
    .option('--theirs', 'they promised it to you')
    .option('--on <date>', 'when it was made, or closed (default today)')
    .addHelpText(
      'after',
      examples([
        'net promise Dana "send my notes" --by friday',
        'net promise Dana "pass my resume to Harry" --theirs --by 2026-10-10',
        'net promise kept p4',
        'net promise dropped 4',
      ]),
    )
    .action(async (who: string, what: string | undefined, opts: PromiseOptions) => {
      if (who === 'kept' || who === 'dropped') {
        if (what === undefined) throw new UsageError(`Say which promise: net promise ${who} p4 (the id net show or net due prints).`);
        await closePromise(who, what, opts, ctx);
      } else {
        await addPromise(who, what, opts, ctx);
      }
    });
}

async function addPromise(who: string, what: string | undefined, o: PromiseOptions, ctx: Context): Promise<void> {
  const { text, contact, on: madeOn } = await aboutSomeone(ctx, who, what, o.on, 'what was promised', 'net promise Dana "send my notes" --by friday', 'a promise is dated the day it is made; --by gives the day it is due.');
  const by = (await optionalDate(o.by, '--by', ctx.today, 'future')) ?? null;
  const direction = o.theirs ? 'theirs' : 'mine';
  const j = ctx.journal();
  const id = j.write(() => j.promises.insert({ contactId: contact.id, what: text, direction, madeOn, by }));
  const name = safeLine(contact.name);
  const due = by ? ` by ${by}` : '';
  if (direction === 'mine') {
    ctx.io.out(`Added promise p${id} to ${name}: ${safeLine(text)}${due}.`);
    ctx.io.out(`Next: when it is done, net done p${id} (or net promise kept p${id})`);
  } else {
    ctx.io.out(`Added promise p${id} from ${name}: ${safeLine(text)}${due}.`);
    ctx.io.out(`Next: net promise kept p${id} when it happens; if it is late, a gentle nudge shows in net due`);
  }
}

async function closePromise(status: 'kept' | 'dropped', idText: string, o: PromiseOptions, ctx: Context): Promise<void> {
  const id = itemIdArg(idText, 'p', 'promise', 'p4');
  const j = ctx.journal();
  const p = j.promises.get(id);
  if (!p) throw new UsageError(`There is no promise p${id}. See someone's promises with: net show <who>`);
  if (p.status !== 'open') throw new UsageError(`Promise p${id} is already ${p.status}.`);
  const on = await pastDateOption(o.on, '--on', ctx.today, `record it on the day the promise is ${status}.`);
  j.write(() => j.promises.close(id, status, on));
  const whose = p.direction === 'mine' ? `your promise to ${safeLine(p.contact.name)}` : `${safeLine(p.contact.name)}'s promise`;
  ctx.io.out(`Closed ${whose} p${id} as ${status}: ${safeLine(p.what)}.`);
  if (p.direction === 'theirs' && status === 'kept') {
    ctx.io.out(`${safeLine(p.contact.name)} is owed a thank-you for it (p${id}).`);
    ctx.io.out(`Next: send a thank-you, then net thank ${p.contact.id} (or net done p${id})`);
  } else {
    ctx.io.out('Next: net due');
  }
}
