import { type Stats, accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { JournalError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { removeStaleTemps, staleTemps } from '../store/files.js';
import { type Health, checkHealth, listBackups } from '../store/maintenance.js';
import { plural, safeLine } from '../render/text.js';
import { LATEST_VERSION } from '../store/migrations/index.js';
import { checkSqlite, describeSqliteError } from '../store/open.js';
import { SyncStore } from '../store/sync.js';
import { daysBetween, localToday } from '../core/dates.js';
import { staleDevices } from '../core/sync.js';

/**
 * The journal's -wal, -shm and -journal files must be writable by whoever runs net and
 * belong to the journal's owner: one left behind by another user (a `sudo net ...`) or
 * made read-only stops every change while reads still work.
 */
function companionProblems(file: string): Array<{ summary: string; advice: string }> {
  const out: Array<{ summary: string; advice: string }> = [];
  const owner = statSync(file).uid;
  for (const suffix of ['-wal', '-shm', '-journal']) {
    const companion = `${file}${suffix}`;
    let st: Stats;
    try {
      st = statSync(companion);
    } catch {
      continue;
    }
    let writable = true;
    try {
      accessSync(companion, constants.R_OK | constants.W_OK);
    } catch {
      writable = false;
    }
    const foreign = st.uid !== owner;
    if (writable && !foreign) continue;
    const mode = (st.mode & 0o777).toString(8).padStart(4, '0');
    const summary = `${suffix} ${foreign ? `owned by user ${st.uid}, not the journal's owner (${owner}), ` : ''}mode ${mode}${writable ? '' : ', not writable by you'}`;
    const fix = foreign ? `sudo chown ${owner} "${companion}" && sudo chmod 600 "${companion}"` : `chmod 600 "${companion}"`;
    out.push({
      summary,
      advice: `The journal's ${suffix} file ${writable ? "belongs to another user than the journal's" : 'cannot be written by you'}, so changes to the journal fail. While no net command runs, run: ${fix}`,
    });
  }
  return out;
}

export function registerDoctor(program: Command, ctx: Context): void {
  program
    .command('doctor')
    .summary('check the journal: integrity, schema, permissions, counts, backups')
    .description('Checks the journal file and says what to do about anything wrong; exits 1 when something is.')
    .addHelpText('after', examples(['net doctor', 'net --db ~/old/net.db doctor']))
    .action(() => {
      checkSqlite();
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
      const restoreHint = () => {
        const latest = listBackups(file)[0];
        return latest
          ? `Restore the latest backup (${latest.file}) by copying it over the journal while no net command runs.`
          : 'Restore a copy of the journal if you have one.';
      };
      // What keeps the journal from being read, said here: "Run net doctor" is no advice in net doctor.
      const unusable = (err: unknown): unknown => {
        const message = err instanceof Error ? err.message : String(err);
        const missing = /no such (table|column): ([^\s.]+)/.exec(message);
        if (missing) {
          return new JournalError(
            `The journal ${file} has no ${missing[1]} ${missing[2]}, which every net journal has: it was changed outside net, and net cannot read it. ${restoreHint()} ` +
              'Or import your last export into a new journal: net --db <new file> import <export.json>.',
          );
        }
        if (err instanceof JournalError && /damaged|not a net journal|could not be used/.test(message)) {
          return new JournalError(`${message.replace(/ Run net doctor.*$/, '')} ${restoreHint()}`);
        }
        if (err instanceof JournalError) return err;
        const code = (err as { code?: string }).code ?? '';
        if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new JournalError(`The journal ${file} is damaged (${message}). ${restoreHint()}`);
        const known = describeSqliteError(err, file);
        return known && /could not be used/.test(known.message) ? unusable(known) : err;
      };
      let health: Health;
      try {
        health = checkHealth(ctx.journal().db);
      } catch (err) {
        throw unusable(err);
      }
      // Listed after opening: an upgrade on this very open leaves a backup that counts.
      const backups = listBackups(file);
      const restore = restoreHint();
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
      const bad = health.badDates;
      line('Dates', bad.length === 0 ? 'ok' : `${bad.length} not a calendar date: ${bad.slice(0, 3).map((b) => `${b.record} ${b.field} "${safeLine(b.value)}"`).join('; ')}`);
      if (bad.length) problems.push(`Some records hold dates that are not calendar dates (${bad.slice(0, 5).map((b) => `${b.record} ${b.field}`).join(', ')}), so net cannot work with them. Restore a backup from before they were written, or correct them where they came from and import again.`);
      const locked = companionProblems(file);
      line('Companions', locked.length ? locked.map((l) => l.summary).join('; ') : 'ok');
      for (const l of locked) problems.push(l.advice);
      const removed = removeStaleTemps(dirname(file));
      const stuck = staleTemps(dirname(file));
      line('Temp files', removed.length || stuck.length ? [removed.length ? `removed ${removed.length} left by interrupted commands (${removed.map(safeLine).join(', ')})` : '', stuck.length ? `${stuck.length} cannot be removed` : ''].filter(Boolean).join('; ') : 'none left over');
      if (stuck.length) problems.push(`Temp files left by interrupted commands cannot be removed: ${stuck.map((n) => join(dirname(file), n)).join(', ')}. Remove them (they hold copies of journal data).`);
      line('Records', Object.entries(health.counts).map(([k, n]) => `${n} ${k}`).join(', '));
      line('Last backup', backups[0] ? `${backups[0].mtime.toISOString().slice(0, 16).replace('T', ' ')} (${basename(backups[0].file)})` : 'none yet: run net backup');
      try {
        syncLine(ctx, line);
      } catch (err) {
        throw unusable(err);
      }
      if (problems.length) throw new JournalError(problems.join('\n'));
      ctx.io.out('All good.');
    });
}

/** The machines this journal syncs with (net sync), and those that have not synced for a month: a warning, not a problem. */
function syncLine(ctx: Context, line: (label: string, value: string) => void): void {
  const j = ctx.journal();
  const store = new SyncStore(j.db);
  if (store.meta('sync_journal') === null) return;
  const me = store.deviceId();
  const devices = store.devices().map((d) => ({ ...d, syncedOn: d.syncedAt === null ? null : localToday(new Date(d.syncedAt)) }));
  const stale = staleDevices(devices, ctx.today);
  const name = (d: { device: string; name: string }) => `${d.device === me ? 'this machine' : safeLine(d.name || 'a machine')} (${d.device.slice(0, 8)})`;
  line('Sync', `${plural(devices.length, 'machine')}${stale.length ? `; ${stale.map((d) => `${name(d)} last synced ${d.syncedOn}`).join('; ')}` : ', each synced within 30 days'}`);
  for (const d of stale) {
    ctx.io.err(
      `Warning: ${name(d)} has not synced for ${daysBetween(d.syncedOn as string, ctx.today)} days (since ${d.syncedOn}). ${d.device === me ? 'Run net sync' : 'Run net sync on it'}, or it misses what changed meanwhile.`,
    );
  }
}
