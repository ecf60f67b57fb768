import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Command } from 'commander';
import { JournalError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { type Health, checkHealth, listBackups } from '../store/maintenance.js';
import { LATEST_VERSION } from '../store/migrations/index.js';

export function registerDoctor(program: Command, ctx: Context): void {
  program
    .command('doctor')
    .summary('check the journal: integrity, schema, permissions, counts, backups')
    .description('Checks the journal file and says what to do about anything wrong; exits 1 when something is.')
    .addHelpText('after', examples(['net doctor', 'net --db ~/old/net.db doctor']))
    .action(() => {
      const file = ctx.journalFile();
      if (!existsSync(file)) {
        const parent = dirname(file);
        const blocked = existsSync(parent) && !statSync(parent).isDirectory();
        throw new JournalError(
          blocked
            ? `There is no journal at ${file}: ${parent} is a file, not a folder. Point --db or NET_DB at your journal.`
            : `There is no journal at ${file} yet. net add creates it; or point --db or NET_DB at yours.`,
        );
      }
      const backups = listBackups(file);
      const restore = backups[0]
        ? `Restore the latest backup (${backups[0].file}) by copying it over the journal while no net command runs.`
        : 'Restore a copy of the journal if you have one.';
      let health: Health;
      try {
        health = checkHealth(ctx.journal().db);
      } catch (err) {
        if (err instanceof JournalError && /damaged|not a net journal|could not be used/.test(err.message)) {
          throw new JournalError(`${err.message.replace(/ Run net doctor.*$/, '')} ${restore}`);
        }
        if (err instanceof JournalError) throw err;
        const code = (err as { code?: string }).code ?? '';
        if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw new JournalError(`The journal ${file} is damaged (${(err as Error).message}). ${restore}`);
        throw err;
      }
      const problems: string[] = [];
      const line = (label: string, value: string) => ctx.io.out(`${label.padEnd(14)}${value}`);
      line('Journal', `${file} (${Math.ceil(statSync(file).size / 1024)} KB)`);
      line('Schema', `version ${health.version}${health.version === LATEST_VERSION ? ' (current)' : ` (this net knows ${LATEST_VERSION})`}`);
      const ok = health.integrity.length === 1 && health.integrity[0] === 'ok';
      line('Integrity', ok ? 'ok' : `${health.integrity.length} problem(s): ${health.integrity.slice(0, 3).join('; ')}`);
      if (!ok) problems.push(`The journal is damaged. ${restore}`);
      line('Foreign keys', health.foreignKeys === 0 ? 'ok' : `${health.foreignKeys} broken reference(s)`);
      if (health.foreignKeys) problems.push(`Some records point at contacts that do not exist. ${restore}`);
      const fileMode = statSync(file).mode & 0o777;
      const dirMode = statSync(dirname(file)).mode & 0o777;
      const perms = `file ${fileMode.toString(8).padStart(4, '0')}, folder ${dirMode.toString(8).padStart(4, '0')}`;
      const open = (fileMode & 0o077) !== 0 || (dirMode & 0o077) !== 0;
      line('Permissions', `${perms}${open ? ' (others can read it)' : ' ok'}`);
      if (open) problems.push(`Others on this machine can read your journal. Run: chmod 600 "${file}" && chmod 700 "${dirname(file)}"`);
      line('Records', Object.entries(health.counts).map(([k, n]) => `${n} ${k}`).join(', '));
      line('Last backup', backups[0] ? `${backups[0].mtime.toISOString().slice(0, 16).replace('T', ' ')} (${basename(backups[0].file)})` : 'none yet: run net backup');
      if (problems.length) throw new JournalError(problems.join('\n'));
      ctx.io.out('All good.');
    });
}
