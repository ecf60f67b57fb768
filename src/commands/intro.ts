import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { pastDateOption, resolveContact } from '../cli/inputs.js';
import { safeLine } from '../render/text.js';

interface IntroOptions {
  note?: string;
  on?: string;
}

export function registerIntro(program: Command, ctx: Context): void {
  program
    .command('intro')
    .argument('<a>', 'one of the two people you introduced (id or name)')
    .argument('<b>', 'the other one')
    .summary('record an introduction you made between two people')
    .description(
      'Record that you introduced <a> to <b>: one intro with both of them. Nobody owes anyone a\n' +
        'thank-you for it, and it counts as an introduction you gave each of them.',
    )
    .option('--note <text>', 'what the introduction was about')
    .option('--on <date>', 'when you made it (default today)')
    .addHelpText('after', examples(['net intro Dana "Bob Ortiz"', 'net intro Dana Sam --note "both hiring data engineers" --on yesterday']))
    .action(async (a: string, b: string, o: IntroOptions) => {
      const first = await resolveContact(ctx, a);
      const second = await resolveContact(ctx, b);
      if (first.id === second.id) throw new UsageError(`Introduce two different people: both names are ${safeLine(first.name)} (#${first.id}).`);
      const on = await pastDateOption(o.on, '--on', ctx.today, 'record an introduction once you have made it.');
      const j = ctx.journal();
      const id = j.write(() =>
        j.interactions.insert({
          contactIds: [first.id, second.id],
          on,
          kind: 'intro',
          summary: o.note !== undefined && o.note.trim() !== '' ? o.note : `you introduced ${first.name} to ${second.name}`,
          thanksOwed: false,
          introByMe: true,
        }),
      );
      ctx.io.out(`Logged i${id}: you introduced ${safeLine(first.name)} to ${safeLine(second.name)} on ${on}.`);
      ctx.io.out(`Next: net show ${first.id}`);
    });
}
