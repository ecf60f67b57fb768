import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { ContactFields } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { resolveContact } from '../cli/inputs.js';
import { mergeContacts } from '../store/maintenance.js';
import { plural, safeLine } from '../render/text.js';

const FILLABLE = {
  company: 'company',
  role: 'role',
  email: 'email',
  phone: 'phone',
  url: 'url',
  metWhere: 'where met',
  metOn: 'date met',
  notes: 'notes',
  cadenceDays: 'cadence',
} as const;

export function registerMerge(program: Command, ctx: Context): void {
  program
    .command('merge')
    .argument('<keep>', 'the contact to keep')
    .argument('<other>', 'the duplicate, merged into <keep> and then removed')
    .summary('merge a duplicate contact into another')
    .description(
      "Moves every record of <other> to <keep> (interactions, leads they gave or are about, promises, needs,\n" +
        "people they introduced), fills <keep>'s empty fields from <other>, then removes <other>. Asks on a terminal; needs --yes without one.",
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
      const a = j.contacts.get(keep.id);
      const b = j.contacts.get(other.id);
      if (!a || !b) throw new UsageError('One of the contacts disappeared; nothing was merged.');
      const patch: Partial<ContactFields> = {};
      const filled: string[] = [];
      for (const [key, label] of Object.entries(FILLABLE) as Array<[keyof typeof FILLABLE, string]>) {
        if (a[key] === null && b[key] !== null) {
          (patch as Record<string, unknown>)[key] = b[key];
          filled.push(label);
        }
      }
      const tags = [...a.tags, ...b.tags.filter((t) => !a.tags.includes(t))];
      if (tags.length !== a.tags.length) {
        patch.tags = tags;
        filled.push('tags');
      }
      if (a.introducedBy === null && b.introducedBy !== null && b.introducedBy.id !== keep.id) {
        patch.introducedBy = b.introducedBy.id;
        filled.push('introduced by');
      }
      const n = j.write(() => {
        const counts = mergeContacts(j.db, keep.id, other.id);
        j.contacts.update(keep.id, patch);
        return counts;
      });
      ctx.io.out(
        `Merged ${d} into ${k} (#${keep.id}): moved ${plural(n.interactions, 'interaction')}, ${plural(n.leads, 'lead')}, ` +
          `${plural(n.promises, 'promise')}, ${plural(n.needs, 'need')}, ${plural(n.notes, 'note')} and ${plural(n.introductions, 'introduction')}` +
          `${filled.length ? `; filled ${filled.join(', ')}` : ''}.`,
      );
      ctx.io.out(`Next: net show ${keep.id}`);
    });
}
