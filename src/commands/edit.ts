import { type Command, Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { matchKey } from '../core/names.js';
import { parseRecordId } from '../core/kinds.js';
import type { ContactFields } from '../core/types.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { sayWaysToGive } from '../cli/hints.js';
import { cadenceOption, collect, dateOption, oneOfPair, resolveContact, splitTags, vanished } from '../cli/inputs.js';
import { safeLine } from '../render/text.js';
import { editRecord, type RecordEditOptions } from './records.js';

interface EditOptions extends RecordEditOptions {
  name?: string;
  role?: string;
  email?: string;
  phone?: string;
  url?: string;
  met?: string;
  via?: string;
  tag?: string[];
  untag?: string[];
  note?: string;
  every?: string;
  archive?: boolean;
  unarchive?: boolean;
}

export function registerEdit(program: Command, ctx: Context): void {
  const edit = program
    .command('edit')
    .argument('<who>', 'a contact (name, 12, #12 or c12), or a record: i12, l3, p7, n2, j4')
    .summary('change a contact, an interaction, a lead, a promise, a need or an application')
    .description(
      'Change the fields you give; an empty value ("") clears a field. Prints what changed; net undo takes it back.\n' +
        'A contact takes --name --company --role --email --phone --url --met --on --via --tag --untag --note --every --archive --unarchive.\n' +
        'An interaction (i12) takes --on --kind --summary --with <who>… (replaces the people) --add <who> --drop <who>\n' +
        '  --thanks/--no-thanks --no-reply/--replied.\n' +
        'A lead (l3) takes --what --person <who> --company --job --on (linking a person follows the lead if you already talked to them).\n' +
        'A promise (p7) takes --what --by --on; a need (n2) takes --what --on.\n' +
        'An application (j4) takes --title --company --url --via --lead --stage --on --note (to move it along, net job j4 <stage>).',
    )
    .option('--name <name>', 'their name')
    .option('--company <company>', 'where they work (a lead: the company)')
    .option('--role <role>', 'their job title')
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .option('--url <url>', 'profile or website')
    .option('--met <where>', 'where or how you met')
    .option('--on <date>', 'when you met (a record: its date)')
    .option('--via <who>', 'who introduced you ("" for nobody)')
    .option('--tag <tag>', 'add a tag (repeatable)', collect)
    .option('--untag <tag>', 'remove a tag (repeatable)', collect)
    .option('--note <text>', 'replace the notes')
    .option('--every <cadence>', 'keep-in-touch cadence: 30d, 6w, 3m or never')
    .option('--archive', 'hide from lists and follow-ups')
    .option('--unarchive', 'bring back from the archive')
    .option('--what <text>', 'a lead, promise, need or note: what it is')
    .option('--kind <kind>', 'an interaction: coffee, call, meeting, interview, email, message, event, intro or other')
    .option('--summary <text>', 'an interaction: what you talked about')
    .option('--with <who>', 'an interaction: its people, replacing them (repeatable)', collect)
    .option('--add <who>', 'an interaction: add a person (repeatable)', collect)
    .option('--drop <who>', 'an interaction: drop a person (repeatable)', collect)
    .option('--thanks', 'an interaction: a thank-you is owed')
    .option('--no-thanks', 'an interaction: no thank-you is owed')
    .addOption(new Option('--no-reply', 'an interaction: it went unanswered').default(undefined))
    .option('--replied', 'an interaction: it was answered after all')
    .option('--person <who>', 'a lead: the person to talk to ("" for nobody)')
    .option('--job <job>', 'a lead: the job')
    .option('--by <date>', 'a promise: by when ("" for no date)')
    .option('--title <title>', 'an application: the job title')
    .option('--lead <lead-id>', 'an application: the lead it came from ("" for none)')
    .option('--stage <stage>', 'an application: its stage, corrected (net job j4 <stage> moves it)')
    .addHelpText(
      'after',
      examples([
        'net edit Dana --company "Dell" --role "Data lead"',
        'net edit 12 --every 30d --tag mentor',
        'net edit Dana --phone ""',
        'net edit i4 --on 2026-04-01 --kind call',
        'net edit i4 --add "Bob Ortiz" --drop Sam',
        'net edit l3 --person "Bob Ortiz" --job "Data engineer"',
        'net edit p7 --by friday',
        'net edit n2 --what "an intro at Dell"',
        'net edit j4 --title "Senior data engineer" --via Dana',
      ]),
    )
    .action(async (who: string, o: EditOptions, cmd: Command) => {
      const item = parseRecordId(who);
      if (item) return editRecord(ctx, item, o, cmd);
      const recordOnly = ['what', 'kind', 'summary', 'with', 'add', 'drop', 'thanks', 'reply', 'replied', 'person', 'job', 'by', 'title', 'lead', 'stage'].filter(
        (k) => cmd.getOptionValueSource(k) === 'cli',
      );
      if (recordOnly.length > 0) {
        throw new UsageError(`${recordOnly.map((k) => (k === 'reply' ? '--no-reply' : `--${k}`)).join(', ')} ${recordOnly.length === 1 ? 'is' : 'are'} for records (i12, l3, p7, n2, j4), not contacts. See net edit --help.`);
      }
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
      if (o.every !== undefined) {
        set('cadenceDays', cadenceOption(o.every), 'cadence');
        // A cadence chosen, "never" included, is not replaced at the first conversation.
        patch.cadencePending = false;
      }
      if (o.untag !== undefined && splitTags(o.untag).length === 0) throw new UsageError('--untag needs the tag to remove: net edit Dana --untag recruiter.');
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
          // Matched as net list --tag matches them: ignoring case, accents and spacing.
          const untag = splitTags(o.untag);
          const missing = untag.filter((t) => !current.tags.some((c) => matchKey(c) === matchKey(t)));
          if (missing.length > 0) throw notTagged(`${current.name} (#${ref.id})`, missing, current.tags);
          const remove = new Set(untag.map(matchKey));
          patch.tags = [...current.tags, ...splitTags(o.tag)].filter((t) => !remove.has(matchKey(t)));
        }
        j.contacts.update(ref.id, patch);
        return current;
      });
      ctx.io.out(`Updated ${safeLine(patch.name ?? contact.name)} (#${ref.id}): ${changed.join(', ')}.`);
      if (o.note !== undefined || o.company !== undefined) sayWaysToGive(ctx, [o.note, o.company], [ref.id]);
      ctx.io.out(`Next: net show ${ref.id}`);
    });
  oneOfPair(edit, 'thanks');
}

/** The refusal of an --untag naming a tag the contact does not have: which tags they do have. */
function notTagged(who: string, missing: readonly string[], tags: readonly string[]): UsageError {
  const quoted = (list: readonly string[]) => list.map((t) => `"${safeLine(t)}"`).join(', ');
  const has = tags.length === 0 ? 'they have no tags' : `their tags are ${quoted(tags)}`;
  return new UsageError(`${safeLine(who)} has no ${missing.length === 1 ? 'tag' : 'tags'} ${quoted(missing)}: ${has}. Nothing was changed.`);
}
