import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { sayWaysToGive } from '../cli/hints.js';
import { cadenceOption, collect, dateOption, resolveContact, splitTags, vanished } from '../cli/inputs.js';
import type { ContactFields } from '../store/contacts.js';
import { safeLine } from '../render/text.js';

interface EditOptions {
  name?: string;
  company?: string;
  role?: string;
  email?: string;
  phone?: string;
  url?: string;
  met?: string;
  on?: string;
  via?: string;
  tag?: string[];
  untag?: string[];
  note?: string;
  every?: string;
  archive?: boolean;
  unarchive?: boolean;
}

export function registerEdit(program: Command, ctx: Context): void {
  program
    .command('edit')
    .argument('<who>', 'id or name')
    .summary("change a contact's details")
    .description('Change the fields you give; an empty value ("") clears a field.')
    .option('--name <name>', 'their name')
    .option('--company <company>', 'where they work')
    .option('--role <role>', 'their job title')
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .option('--url <url>', 'profile or website')
    .option('--met <where>', 'where or how you met')
    .option('--on <date>', 'when you met')
    .option('--via <who>', 'who introduced you ("" for nobody)')
    .option('--tag <tag>', 'add a tag (repeatable)', collect)
    .option('--untag <tag>', 'remove a tag (repeatable)', collect)
    .option('--note <text>', 'replace the notes')
    .option('--every <cadence>', 'keep-in-touch cadence: 30d, 6w, 3m or never')
    .option('--archive', 'hide from lists and follow-ups')
    .option('--unarchive', 'bring back from the archive')
    .addHelpText('after', examples(['net edit Dana --company "Dell" --role "Data lead"', 'net edit 12 --every 30d --tag mentor', 'net edit Dana --phone ""']))
    .action(async (who: string, o: EditOptions) => {
      const ref = await resolveContact(ctx, who);
      const j = ctx.journal();
      const patch: Partial<ContactFields> = {};
      const changed: string[] = [];
      const set = <K extends keyof ContactFields>(key: K, value: ContactFields[K], label: string) => {
        patch[key] = value;
        changed.push(label);
      };
      if (o.name !== undefined) {
        if (o.name.trim() === '') throw new UsageError('A contact needs a name; --name cannot be empty.');
        set('name', o.name, 'name');
      }
      for (const [key, label] of [['company', 'company'], ['role', 'role'], ['email', 'email'], ['phone', 'phone'], ['url', 'url'], ['note', 'notes'], ['met', 'where met']] as const) {
        const v = o[key];
        if (v !== undefined) set(key === 'note' ? 'notes' : key === 'met' ? 'metWhere' : key, v, label);
      }
      if (o.on !== undefined) set('metOn', o.on.trim() === '' ? null : await dateOption(o.on, '--on', ctx.today, 'past'), 'date met');
      if (o.via !== undefined) {
        const via = o.via.trim() === '' ? null : (await resolveContact(ctx, o.via)).id;
        if (via === ref.id) throw new UsageError(`${safeLine(ref.name)} cannot have introduced themselves.`);
        set('introducedBy', via, 'introduced by');
      }
      if (o.every !== undefined) set('cadenceDays', cadenceOption(o.every), 'cadence');
      const retag = o.tag !== undefined || o.untag !== undefined;
      if (retag) changed.push('tags');
      if (o.archive && o.unarchive) throw new UsageError('Give --archive or --unarchive, not both.');
      if (o.archive || o.unarchive) set('archived', Boolean(o.archive), o.archive ? 'archived' : 'unarchived');
      if (changed.length === 0) {
        throw new UsageError('Nothing to change: give a field, for example net edit Dana --company "Dell" (see net edit --help).');
      }
      // Tags are read and written in one immediate transaction: two edits at once each add
      // their tag to what the other wrote, instead of writing back a stale list.
      const contact = j.write(() => {
        const current = j.contacts.get(ref.id);
        if (!current) throw vanished(ref);
        if (retag) {
          const remove = new Set(splitTags(o.untag));
          patch.tags = [...current.tags, ...splitTags(o.tag)].filter((t) => !remove.has(t));
        }
        j.contacts.update(ref.id, patch);
        return current;
      });
      ctx.io.out(`Updated ${safeLine(patch.name ?? contact.name)} (#${ref.id}): ${changed.join(', ')}.`);
      if (o.note !== undefined || o.company !== undefined) sayWaysToGive(ctx, [o.note, o.company], [ref.id]);
      ctx.io.out(`Next: net show ${ref.id}`);
    });
}
