import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { cadenceOption } from '../cli/inputs.js';
import type { ImportFormat, ImportSet } from '../formats/types.js';
import { plural, safeLine } from '../render/text.js';

interface ImportOptions {
  format?: string;
  dryRun?: boolean;
  every?: string;
}

const FORMATS: Record<string, ImportFormat> = { json: 'json', vcard: 'vcard', vcf: 'vcard', linkedin: 'linkedin', csv: 'linkedin' };

export function registerImport(program: Command, ctx: Context): void {
  program
    .command('import')
    .argument('<file>', 'a vCard (.vcf), LinkedIn Connections.csv, or net JSON backup')
    .summary('bring contacts in from LinkedIn, your address book, or a net backup')
    .description(
      'Import a vCard 3.0/4.0 file (Google, Apple), LinkedIn Connections.csv, or a net JSON backup. All or nothing.\n' +
        'Someone already in the journal (same email, profile URL, or name and company) is updated: empty fields are\n' +
        'filled and differences reported, never overwritten. Imported contacts get no keep-in-touch cadence unless --every.',
    )
    .option('--format <format>', 'vcard, linkedin or json (default: detected from the content)')
    .option('--dry-run', 'show what would be added and updated, and change nothing')
    .option('--every <cadence>', 'keep-in-touch cadence for the contacts added (30d, 3m)')
    .addHelpText('after', examples(['net import Connections.csv --dry-run', 'net import contacts.vcf --every 6m', 'net import backup.json']))
    .action(async (file: string, o: ImportOptions) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new UsageError(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}.`);
      }
      const cadenceDays = o.every !== undefined ? cadenceOption(o.every) : undefined;
      let text = bytes.toString('utf8');
      const format = o.format !== undefined ? FORMATS[o.format.toLowerCase()] : await detect(text);
      if (!format) {
        throw new UsageError(
          o.format !== undefined
            ? `--format "${o.format}" is not known. Use vcard, linkedin or json.`
            : `Cannot tell what kind of file ${file} is: it is not a vCard, a LinkedIn Connections.csv or a net backup. Give --format if it is one of these.`,
        );
      }
      if (format === 'vcard') text = (await import('../formats/vcard.js')).decodeVcardBytes(bytes);
      // The file is read and checked before the journal is opened: a bad file touches nothing.
      const set = await parse(format, text, file, (uuid) => ctx.journal().db.stmt('SELECT 1 FROM contacts WHERE uuid = ?').get(uuid) !== undefined);
      const j = ctx.journal();
      const { applyImport } = await import('../store/importer.js');
      const showProgress = set.contacts.length >= 2000;
      const run = () =>
        applyImport(j, set, {
          cadenceDays,
          onProgress: showProgress ? (done, total) => ctx.io.status(progressBar(done, total)) : undefined,
        });
      let r: ReturnType<typeof applyImport>;
      try {
        r = o.dryRun ? j.simulate(run) : j.write(run);
      } finally {
        if (showProgress) ctx.io.status('');
      }
      const records = Object.entries(r.records).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${n === 1 ? k.replace(/s$/, '') : k}`);
      const verb = o.dryRun ? 'Would import' : 'Imported';
      ctx.io.out(
        `${verb} ${safeLine(file)}: ${plural(r.added.length, 'contact')} added, ${r.updated.length} updated, ${r.unchanged} unchanged` +
          `${records.length ? `; ${records.join(', ')}` : ''}.`,
      );
      const sample = (names: string[]) => names.slice(0, 5).map(safeLine).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');
      if (r.added.length) ctx.io.out(`  ${o.dryRun ? 'would add' : 'added'}: ${sample(r.added)}`);
      if (r.updated.length) ctx.io.out(`  ${o.dryRun ? 'would update' : 'updated'}: ${sample(r.updated)}`);
      for (const c of r.conflicts.slice(0, 10)) {
        ctx.io.out(`  kept ${safeLine(c.name)}'s ${c.field} "${safeLine(c.journal)}" (the file says "${safeLine(c.file)}")`);
      }
      if (r.conflicts.length > 10) ctx.io.out(`  and ${r.conflicts.length - 10} more differences kept as they were`);
      ctx.io.out(o.dryRun ? 'Nothing was changed. Run again without --dry-run to import.' : 'Next: net list');
    });
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `Importing [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

async function detect(text: string): Promise<ImportFormat | undefined> {
  const head = text.slice(0, 65_536).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'json';
  if (/^BEGIN:VCARD/im.test(head)) return 'vcard';
  const { looksLikeLinkedin } = await import('../formats/linkedin.js');
  return looksLikeLinkedin(head) ? 'linkedin' : undefined;
}

async function parse(format: ImportFormat, text: string, file: string, known: (uuid: string) => boolean): Promise<ImportSet> {
  if (format === 'json') return (await import('../formats/backup.js')).parseBackup(text, file, known);
  if (format === 'vcard') return (await import('../formats/vcard.js')).parseVcards(text, file);
  return (await import('../formats/linkedin.js')).parseLinkedin(text, file);
}
