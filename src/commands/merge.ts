import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { resolveContact, vanished } from '../cli/inputs.js';
import { planMerge } from '../core/merge.js';
import { MAX_TAGS } from '../core/tags.js';
import { mergeContacts } from '../store/maintenance.js';
import { plural, safeLine } from '../render/text.js';

export function registerMerge(program: Command, ctx: Context): void {
  program
    .command('merge')
    .argument('<keep>', 'the contact to keep')
    .argument('<other>', 'the duplicate, merged into <keep> and then removed')
    .summary('merge a duplicate contact into another')
    .description(
      "Moves every record of <other> to <keep> (interactions, leads they gave or are about, promises, needs,\n" +
        "people they introduced), fills <keep>'s empty fields from <other> and adds its differing values and notes to <keep>'s notes,\n" +
        "then removes <other>. Asks on a terminal; needs --yes without one.",
    )
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', examples(['net merge "Dana Whitfield" "Dana W"', 'net merge 12 31 --yes']))
    .action(async (keepRef: string, otherRef: string, o: { yes?: boolean }) => {
      const keep = await resolveContact(ctx, keepRef);
      const other = await resolveContact(ctx, otherRef);
      if (keep.id === other.id) throw new UsageError(`"${keepRef}" and "${otherRef}" are the same contact (#${keep.id}); nothing to merge.`);
      const k = safeLine(keep.name);
      const d = safeLine(other.name);
      if (!o.yes) {
        if (!ctx.io.canPrompt) throw new UsageError(`Merging ${d} (#${other.id}) into ${k} (#${keep.id}) needs confirmation: add --yes.`);
        const ok = await (await ctx.prompter()).confirm(`Merge ${d} (#${other.id}) into ${k} (#${keep.id}) and remove ${d}?`, false);
        if (!ok) {
          ctx.io.out('Nothing was merged.');
          return;
        }
      }
      const j = ctx.journal();
      // Both contacts are read inside the write transaction: an edit that lands between a
      // read and the write would otherwise be overwritten by the stale copy.
      const { n, plan } = j.write(() => {
        const a = j.contacts.get(keep.id);
        const b = j.contacts.get(other.id);
        if (!a) throw vanished(keep);
        if (!b) throw vanished(other);
        const plan = planMerge(a, b, ctx.today);
        const n = mergeContacts(j.db, keep.id, other.id);
        j.contacts.update(keep.id, plan.patch);
        return { n, plan };
      });
      ctx.io.out(
        `Merged ${d} into ${k} (#${keep.id}): moved ${plural(n.interactions, 'interaction')}, ${plural(n.leads, 'lead')}, ` +
          `${plural(n.promises, 'promise')}, ${plural(n.needs, 'need')}, ${plural(n.notes, 'note')} and ${plural(n.introductions, 'introduction')}` +
          `${plan.filled.length ? `; filled ${plan.filled.join(', ')}` : ''}.`,
      );
      for (const diff of plan.differences) {
        ctx.io.out(`  kept ${k}'s ${diff.field} "${safeLine(diff.kept)}"; ${d}'s "${safeLine(diff.other)}" is added to the notes`);
      }
      const left = plan.tagsLeftOut;
      if (left.length > 0) {
        ctx.io.out(`  net keeps at most ${MAX_TAGS} tags per contact: ${d}'s other ${plural(left.length, 'tag')} ${left.length === 1 ? 'is' : 'are'} added to the notes: ${safeLine(left.join(', '))}`);
      }
      ctx.io.out(`Next: net show ${keep.id}`);
    });
}
