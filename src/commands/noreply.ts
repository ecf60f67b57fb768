import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { sayLeadsFollowed } from '../cli/hints.js';
import { itemIdArg } from '../cli/inputs.js';
import { safeLine } from '../render/text.js';

export function registerNoReply(program: Command, ctx: Context): void {
  program
    .command('noreply')
    .argument('<interaction-id>', 'the message you logged (i12, as net show prints it)')
    .summary('mark a logged message as unanswered, after the fact')
    .description(
      'Marks a message you logged as unanswered, once you know nobody replied. The respect rule then counts\n' +
        'it: after two unanswered messages in a row, net stops suggesting follow-ups and nudges for a while.\n' +
        '--undo marks it answered again.',
    )
    .option('--undo', 'they did answer after all')
    .addHelpText('after', examples(['net noreply i12', 'net noreply 12 --undo']))
    .action((idText: string, o: { undo?: boolean }) => {
      const id = itemIdArg(idText, 'i', 'interaction', 'i12');
      const j = ctx.journal();
      const i = j.interactions.get(id);
      if (!i) throw new UsageError(`There is no interaction i${id}. See someone's timeline with: net show <who>`);
      const noReply = !o.undo;
      const names = i.contacts.map((c) => safeLine(c.name)).join(', ');
      if (i.noReply === noReply) {
        ctx.io.out(`i${id} with ${names} is already marked ${noReply ? 'unanswered' : 'answered'}; nothing changed.`);
      } else {
        // Answered, it follows their leads as any conversation does. Marked unanswered, a lead
        // it may have followed stays as it is: net cannot tell it from one followed by hand.
        const followed = j.write(() => {
          j.interactions.setNoReply(id, noReply);
          return j.leads.followedBy(id);
        });
        ctx.io.out(`Marked i${id} (${i.kind} with ${names} on ${i.on}) as ${noReply ? 'unanswered' : 'answered'}.`);
        sayLeadsFollowed(ctx, followed);
      }
      ctx.io.out('Next: net due');
    });
}
