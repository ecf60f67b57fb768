import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { itemIdArg, pastDateOption } from '../cli/inputs.js';
import { aboutSomeone } from './about.js';
import { needJson, printJson } from '../render/json.js';
import { table } from '../render/table.js';
import { safeLine } from '../render/text.js';

export function registerNeed(program: Command, ctx: Context): void {
  program
    .command('need')
    .argument('<who>', 'the contact, or met|dropped')
    .argument('[what]', 'what they need, or the need id after met|dropped')
    .summary("note something a contact needs, or close one")
    .description("net need <who> <what>: note what they need or are looking for, so you can help.\nnet need met|dropped <need-id>: close one.")
    .option('--on <date>', 'when they said it, or when it closed (default today)')
    .addHelpText('after', examples(['net need Dana "an intro at Dell"', 'net need met n2', 'net need dropped 2']))
    .action(async (who: string, what: string | undefined, opts: { on?: string }) => {
      if (who === 'met' || who === 'dropped') {
        if (what === undefined) throw new UsageError(`Say which need: net need ${who} n2 (the id net needs prints).`);
        const id = itemIdArg(what, 'n', 'need', 'n2');
        const j = ctx.journal();
        const need = j.needs.get(id);
        if (!need) throw new UsageError(`There is no need n${id}. See open needs with: net needs`);
        if (need.status !== 'open') throw new UsageError(`Need n${id} is already ${need.status}.`);
        const on = await pastDateOption(opts.on, '--on', ctx.today, `record it on the day the need is ${who}.`);
        j.write(() => j.needs.close(id, who, on));
        ctx.io.out(`Closed ${safeLine(need.contact.name)}'s need n${id} as ${who}: ${safeLine(need.what)}.`);
        ctx.io.out('Next: net needs');
        return;
      }
      const { text, contact, on: notedOn } = await aboutSomeone(ctx, who, what, opts.on, 'what they need', 'net need Dana "an intro at Dell"', 'record a need once they have told you.');
      const j = ctx.journal();
      const id = j.write(() => j.needs.insert({ contactId: contact.id, what: text, notedOn }));
      ctx.io.out(`Added need n${id} for ${safeLine(contact.name)}: ${safeLine(text)}.`);
      ctx.io.out(`Next: review open needs with net needs, and close it with net need met n${id} when you help.`);
    });

  program
    .command('needs')
    .argument('[text]', 'only needs whose text or person matches')
    .summary('list open needs: the people you can help')
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['net needs', 'net needs intro', 'net needs --json']))
    .action((text: string | undefined, opts: { json?: boolean }) => {
      const needs = ctx.journal().needs.open(text);
      if (opts.json) {
        ctx.io.out(printJson(needs.map(needJson)));
        return;
      }
      if (needs.length === 0) {
        ctx.io.out(text ? `No open need matches "${safeLine(text)}".` : 'No open needs. When someone says what they need: net need <who> "<what>"');
        return;
      }
      const c = ctx.io.color;
      ctx.io.out(
        table(
          needs,
          [
            { header: 'ID', value: (n) => `n${n.id}`, style: (t) => c.dim(t) },
            { header: 'WHO', value: (n) => n.contact.name, style: (t) => c.cyan(t) },
            { header: 'NEEDS', value: (n) => n.what, flexible: true },
            { header: 'SINCE', value: (n) => n.notedOn },
          ],
          c,
          ctx.io.columns,
        ),
      );
    });
}
