// Where output goes and what the terminal can do. Commands write through this, never to
// process.stdout directly, so tests can run them against an in-memory double.
import { type Stats, fstatSync, readFileSync, statSync, writeSync } from 'node:fs';
import { ansi, type Colors, plain } from '../render/colors.js';

export interface IO {
  /** Writes text to stdout, adding a newline. */
  out(text: string): void;
  /** Writes a message to stderr, adding a newline. */
  err(text: string): void;
  /**
   * Like `out`, but on a terminal a text longer than the screen goes through the user's
   * pager (`$PAGER`, default `less -FRX`), as git does; piped, it is written whole.
   */
  page(text: string): Promise<void>;
  readonly stdoutIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  /** Prompts are allowed only when both ends are a terminal. */
  readonly canPrompt: boolean;
  readonly color: Colors;
  /** Terminal width for tables, or null when not a terminal. */
  readonly columns: number | null;
  /** A transient status line on stderr (progress), shown only on a terminal. */
  status(text: string): void;
  /** True when stdout was closed before net started (`>&-`): what is written there is lost. */
  readonly stdoutClosed: boolean;
}

interface ColorInputs {
  noColorFlag: boolean;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
}

/** Whether to colour output: `--no-color` and `NO_COLOR` win, then `FORCE_COLOR`, then whether stdout is a terminal. */
function colorOn({ noColorFlag, env, stdoutIsTTY }: ColorInputs): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stdoutIsTTY && env.TERM !== 'dumb';
}

let devNull: number | null | undefined;

/**
 * Whether a descriptor is a terminal. Files, pipes and /dev/null are answered from fstat,
 * which spares scripts and cron jobs the cost of loading Node's tty module.
 */
export async function isTerminal(fd: number): Promise<boolean> {
  let st: Stats;
  try {
    st = fstatSync(fd);
  } catch {
    return false;
  }
  if (!st.isCharacterDevice()) return false;
  if (devNull === undefined) {
    try {
      devNull = statSync('/dev/null').rdev;
    } catch {
      devNull = null;
    }
  }
  if (st.rdev === devNull) return false;
  return (await import('node:tty')).isatty(fd);
}

/**
 * Whether stdout was closed when net started (`net export >&-`). Node reopens a closed
 * descriptor 0-2 on /dev/null for reading and writing, where a shell's `> /dev/null` opens
 * it for writing only; Linux shows both in /proc. Commands whose product is their output
 * (an export to stdout) refuse rather than report success for data that went nowhere.
 * Programs that hand net a /dev/null opened for both (Python's DEVNULL) look the same,
 * which is why only those commands ask. Elsewhere it cannot be told and is false.
 */
function stdoutWasClosed(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const st = fstatSync(1);
    if (!st.isCharacterDevice() || st.rdev !== statSync('/dev/null').rdev) return false;
    const flags = /^flags:\s+([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    return flags !== null && (Number.parseInt(flags[1] ?? '0', 8) & 0o3) === 0o2;
  } catch {
    return false;
  }
}

/** What to do when the reader of an output went away: main.ts ends the process. */
export type OnClosed = (fd: 1 | 2) => never;

/** Blocks the thread for a moment: a CLI waiting for a slow reader has nothing else to do. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Writes whole strings to a descriptor synchronously. Going straight to the descriptor
 * spares loading Node's stream machinery (about 2 ms of every start), and everything is
 * written before the command returns, however slow the reader: a descriptor that would
 * block (a non-blocking pipe) is retried after a pause. A reader that went away
 * (`net list | head`) ends the command quietly through `onClosed`.
 */
function descriptorWriter(fd: 1 | 2, onClosed: OnClosed): (text: string) => void {
  // Windows consoles need Node's stream, which writes through the console's own API.
  if (process.platform === 'win32') {
    const stream = fd === 1 ? process.stdout : process.stderr;
    stream.on('error', () => onClosed(fd));
    return (text) => void stream.write(text);
  }
  return (text) => {
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(fd, bytes, done);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') onClosed(fd);
        if (code !== 'EAGAIN') throw err;
        pause(2);
      }
    }
  };
}

/** The pager to run, or null for none: `$PAGER` (empty or `cat` for none), else `less -FRX`. */
export function pagerCommand(env: NodeJS.ProcessEnv): string | null {
  const pager = env.PAGER ?? 'less -FRX';
  return pager.trim() === '' || pager.trim() === 'cat' ? null : pager;
}

/**
 * Shows `text` through `pager` on the terminal, waiting until the user quits it; false if
 * the pager could not be started (then the caller prints the text itself). Ctrl-C belongs
 * to the pager meanwhile: `net` must not end and leave it reading the terminal.
 */
async function throughPager(pager: string, text: string): Promise<boolean> {
  const { spawnSync } = await import('node:child_process');
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  try {
    const r = spawnSync('/bin/sh', ['-c', pager], { input: text, stdio: ['pipe', 'inherit', 'inherit'] });
    // 126 and 127: the shell found no such program, or could not run it.
    return r.error === undefined && r.status !== 126 && r.status !== 127;
  } finally {
    process.off('SIGINT', ignore);
  }
}

/** The real streams. */
export async function processIO(noColorFlag: boolean, env: NodeJS.ProcessEnv, onClosed: OnClosed): Promise<IO> {
  // isatty() on the descriptors avoids creating stdin's stream, which nothing else needs.
  const stdoutIsTTY = await isTerminal(1);
  const stdinIsTTY = await isTerminal(0);
  const stderrIsTTY = await isTerminal(2);
  const color: Colors = colorOn({ noColorFlag, env, stdoutIsTTY }) ? ansi : plain;
  const stdout = descriptorWriter(1, onClosed);
  const stderr = descriptorWriter(2, onClosed);
  const out = (text: string) => stdout(`${text}\n`);
  return {
    out,
    err: (text) => stderr(`${text}\n`),
    page: async (text) => {
      const pager = pagerCommand(env);
      // Lines are counted only for a terminal: piped, a list of 10,000 contacts goes out whole.
      if (stdoutIsTTY && pager !== null && process.platform !== 'win32' && text.split('\n').length >= (process.stdout.rows || 24)) {
        if (await throughPager(pager, `${text}\n`)) return;
      }
      out(text);
    },
    stdoutIsTTY,
    stdinIsTTY,
    canPrompt: stdinIsTTY && stdoutIsTTY,
    color,
    columns: stdoutIsTTY ? process.stdout.columns || 80 : null,
    status: (text) => {
      if (stderrIsTTY) stderr(text === '' ? '\r\x1b[K' : `\r\x1b[K${text}`);
    },
    get stdoutClosed() {
      return stdoutWasClosed();
    },
  };
}
