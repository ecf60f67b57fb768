import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { cadenceOption, givenPath } from '../cli/inputs.js';
import { emptySet, type ImportFormat, type ImportSet } from '../formats/types.js';
import type { ImportResult } from '../store/importer.js';
import type { ConversationImportOptions } from './import-conversations.js';
import { keepYoungGenerationSmall } from '../cli/memory.js';
import { plural, safeLine } from '../render/text.js';

interface ImportOptions extends ConversationImportOptions {
  format?: string;
  every?: string;
}

/** What a file holds: contacts (the formats of formats/types.ts) or conversations (a calendar, a mailbox). */
type FileKind = ImportFormat | 'csv' | 'ics' | 'mbox';

const FORMATS: Record<string, FileKind> = {
  ics: 'ics',
  ical: 'ics',
  icalendar: 'ics',
  mbox: 'mbox',
  json: 'json',
  vcard: 'vcard',
  vcf: 'vcard',
  linkedin: 'linkedin',
  google: 'google',
  outlook: 'outlook',
  csv: 'csv',
};

export function registerImport(program: Command, ctx: Context): void {
  program
    .command('import')
    .argument('<file>', 'a vCard (.vcf), a LinkedIn, Google or Outlook CSV, a net JSON backup, a calendar (.ics) or a mailbox (.mbox)')
    .summary('bring contacts in from LinkedIn, your address book or a net backup; conversations from your calendar and mail')
    .description(
      'Import vCards (2.1, 3.0, 4.0: Google, Apple, Android, Outlook), LinkedIn Connections.csv, Google or Outlook CSV,\n' +
        'or a net JSON backup. All or nothing. Someone already in the journal (same email, profile URL or phone, or same\n' +
        'name and company) is updated: empty fields are filled and differences reported, never overwritten. Imported\n' +
        'contacts get no keep-in-touch cadence unless --every.\n' +
        'A calendar (.ics) or a mailbox (.mbox, with --me) logs the conversations it shows with your contacts; importing\n' +
        'the same or a newer file again adds nothing and changes only what moved.',
    )
    .option('--format <format>', 'vcard, linkedin, google, outlook, csv, json, ics or mbox (default: detected from the content)')
    .option('--dry-run', 'show what would be added and updated, and change nothing')
    .option('--every <cadence>', 'keep-in-touch cadence for the contacts added (30d, 3m)')
    .option('--since <date>', 'calendar and mail: conversations from this day on (default: 12 months ago)')
    .option('--me <addresses>', 'calendar and mail: your email addresses, separated by commas (remembered)')
    .option('--add-unknown', 'calendar and mail: add the people who are not contacts yet (name and email, no cadence)')
    .option('--json', 'calendar and mail: print the summary as JSON')
    .addHelpText(
      'after',
      examples([
        'net import Connections.csv --dry-run',
        'net import contacts.vcf --every 6m',
        'net import backup.json',
        'net import calendar.ics --since 2026-01-01',
        'net import mail.mbox --me me@example.com --dry-run',
      ]),
    )
    .action(async (file: string, o: ImportOptions) => {
      const forced = o.format !== undefined ? FORMATS[o.format.toLowerCase()] : undefined;
      if (o.format !== undefined && !forced) throw new UsageError(`--format "${o.format}" is not known. Use vcard, linkedin, google, outlook, csv, json, ics or mbox.`);
      const kind = await detect(givenPath(file, 'file to import', 'Give the path of the file: net import ~/Downloads/Connections.csv'), forced);
      if (kind === 'ics' || kind === 'mbox') {
        if (o.every !== undefined) throw new UsageError('--every is for contacts imported from an address book; a calendar or a mailbox logs conversations. Leave it out.');
        const mod = await import('./import-conversations.js');
        return kind === 'ics' ? mod.importCalendar(ctx, file, o) : mod.importMail(ctx, file, o);
      }
      for (const [flag, given] of [['--since', o.since], ['--me', o.me], ['--add-unknown', o.addUnknown], ['--json', o.json]] as const) {
        if (given !== undefined) throw new UsageError(`${flag} is for a calendar (.ics) or a mailbox (.mbox); ${safeLine(file)} holds contacts. Leave it out.`);
      }
      const cadenceDays = o.every !== undefined ? cadenceOption(o.every) : undefined;
      let set: ImportSet;
      let run: () => ImportResult;
      let status: (() => void) | undefined;
      // Every import reads a whole file in one long loop (src/cli/memory.ts).
      await keepYoungGenerationSmall();
      if (kind === 'json') {
        // A backup may be larger than memory: it is read piece by piece, twice (more when its
        // lists come before what they point at, see formats/backupfile.ts). First it is
        // checked whole (syntax, header, every record, references, repeated uuids) before
        // anything is written, so that a bad file touches nothing; then each record is
        // written as it comes, in the command's one transaction.
        const [{ fileBytes, fileSource }, { readBackup }, { applyBackup, checkBackup }] = await Promise.all([
          import('../formats/csvfile.js'),
          import('../formats/backupfile.js'),
          import('../store/importer.js'),
        ]);
        let phase = 'Checking';
        let shown = -1;
        const progress = (done: number, size: number) => {
          if (Math.floor(done / MB) === shown) return;
          shown = Math.floor(done / MB);
          ctx.io.status(progressBar(shown, Math.floor(size / MB), ' MB', phase));
        };
        const onRead = statSync(file).size >= MB ? progress : undefined;
        const { source, encoding } = fileSource(file, onRead);
        // JSON is UTF-8, which the parser reads itself; a file in another encoding is decoded first.
        const pieces = encoding === 'utf-8' ? () => fileBytes(file, onRead) : source;
        try {
          checkBackup(ctx.journal(), (visit) => readBackup(pieces, file, visit), file);
        } finally {
          ctx.io.status('');
        }
        phase = 'Importing';
        shown = -1;
        set = emptySet('json');
        status = () => ctx.io.status('');
        run = () => applyBackup(ctx.journal(), (visit) => readBackup(pieces, file, visit), { cadenceDays });
      } else {
        // The file is read and checked before the journal is opened: a bad file touches nothing.
        const read = await readSet(file, kind);
        set = read;
        const { applyImport } = await import('../store/importer.js');
        const showProgress = set.contactCount >= 2000;
        if (showProgress) status = () => ctx.io.status('');
        run = () =>
          applyImport(ctx.journal(), read, {
            cadenceDays,
            onProgress: showProgress ? (done, total) => ctx.io.status(progressBar(done, total)) : undefined,
          });
      }
      const j = ctx.journal();
      let r: ImportResult;
      try {
        r = o.dryRun ? j.simulate(run) : j.write(run);
      } finally {
        status?.();
      }
      const records = Object.entries(r.records).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${n === 1 ? k.replace(/s$/, '') : k}`);
      const verb = o.dryRun ? 'Would import' : 'Imported';
      const name = safeLine(file);
      ctx.io.out(
        `${verb} ${name} (${SOURCE_NAMES[set.format]}): ${plural(r.added, 'contact')} added, ${r.updated.toLocaleString('en-US')} updated, ` +
          `${r.unchanged.toLocaleString('en-US')} unchanged${records.length ? `; ${records.join(', ')}` : ''}.`,
      );
      for (const [reason, n] of set.skipped) ctx.io.out(`  skipped: ${n.toLocaleString('en-US')} ${n === 1 ? singular(reason) : reason}`);
      if (set.encoding) ctx.io.out(`  read as ${set.encoding} text`);
      const sample = (names: string[], total: number) =>
        names.slice(0, 5).map(safeLine).join(', ') + (total > 5 ? `, and ${(total - 5).toLocaleString('en-US')} more` : '');
      if (r.added) ctx.io.out(`  ${o.dryRun ? 'would add' : 'added'}: ${sample(r.addedNames, r.added)}`);
      if (r.updated) ctx.io.out(`  ${o.dryRun ? 'would update' : 'updated'}: ${sample(r.updatedNames, r.updated)}`);
      for (const c of r.conflicts) {
        ctx.io.out(`  kept ${safeLine(c.name)}'s ${c.field} "${safeLine(c.journal)}" (the file says "${safeLine(c.file)}")`);
      }
      if (r.conflictCount > r.conflicts.length) ctx.io.out(`  and ${(r.conflictCount - r.conflicts.length).toLocaleString('en-US')} more differences kept as they were`);
      if (r.duplicateCount > 0) {
        ctx.io.out(`  possible duplicates (one name, but a different email, phone or profile): ${r.duplicateCount.toLocaleString('en-US')}`);
        for (const d of r.duplicates) {
          const [a, b] = d.ids;
          ctx.io.out(`    ${safeLine(d.name)}: #${a} and #${b}${o.dryRun ? '' : `; if they are one person: net merge ${a} ${b}`}`);
        }
        if (r.duplicateCount > r.duplicates.length) ctx.io.out(`    and ${(r.duplicateCount - r.duplicates.length).toLocaleString('en-US')} more`);
      }
      ctx.io.out(o.dryRun ? 'Nothing was changed. Run again without --dry-run to import.' : 'Next: net list');
    });
}

const SOURCE_NAMES: Record<ImportFormat, string> = {
  json: 'net backup',
  vcard: 'vCards',
  linkedin: 'LinkedIn connections',
  google: 'Google Contacts CSV',
  outlook: 'Outlook CSV',
};

/** "rows without a name" → "row without a name". */
function singular(reason: string): string {
  return reason.replace(/^(\w+)s\b/, '$1');
}

function progressBar(done: number, total: number, unit = '', doing = 'Importing'): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${doing} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${unit}`;
}

const MB = 1 << 20;

/** How many bytes of a file tell what it is. */
const HEAD = 65_536;

/** What a file is (`forced`, or from its first bytes: a backup, vCards, a calendar, a mailbox, or else CSV), once it can be read. */
async function detect(file: string, forced: FileKind | undefined): Promise<FileKind> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read ${safeLine(file)}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}.`);
  }
  // Every import reads its file more than once (what it is, a check, then the records): a
  // pipe or a device can be read only once.
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new UsageError(`Cannot read ${safeLine(file)}: it is a pipe or a device, and net reads a file more than once. Save it to a file first, then: net import <that file>`);
  }
  if (forced) {
    closeSync(fd);
    return forced;
  }
  const head = Buffer.alloc(HEAD);
  let n: number;
  try {
    n = readSync(fd, head, 0, HEAD, 0);
  } finally {
    closeSync(fd);
  }
  const { decodeFile } = await import('../formats/encoding.js');
  const start = decodeFile(head.subarray(0, n)).text.trimStart();
  // Nothing to tell its kind by: naming one format (CSV) for a calendar or mailbox misleads.
  if (start === '') throw new UsageError(`${safeLine(file)} is empty: there is nothing in it to import. Export it again and retry.`);
  // A .json file, or text that opens like JSON, is judged as a backup whatever its shape.
  if (start.startsWith('{') || start.startsWith('[') || /\.json$/i.test(file)) return 'json';
  // An mbox starts with its first message's `From ` line.
  if (/^From \S/.test(start)) return 'mbox';
  if (/^BEGIN:VCALENDAR/i.test(start)) return 'ics';
  return /^BEGIN:VCARD/im.test(start) ? 'vcard' : 'csv';
}

/** Reads and checks a whole address book (vCards or CSV), every record in it. */
async function readSet(file: string, format: Exclude<FileKind, 'ics' | 'mbox' | 'json'>): Promise<ImportSet> {
  if (format === 'vcard') return (await import('../formats/vcard.js')).parseVcards(readFileSync(file), file);
  const { fileSource, readContactsCsv } = await import('../formats/csvfile.js');
  const { source, encoding } = fileSource(file);
  return readContactsCsv(source, file, encoding, format === 'csv' ? undefined : format);
}
