// `net due --notify`: one desktop notification that sums up what is owed today, through the
// notifier the desktop provides. Journal text is hostile, so the notifier is run without a
// shell, with the text as arguments after `--` (or as AppleScript's run arguments, never
// inside the script), and escaped for notify-send's body markup.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { DueItem, DueKind } from '../core/due.js';
import { plural, safeLine } from '../render/text.js';

export interface Notification {
  title: string;
  body: string;
}

/** How many items the body names before "and N more": a notification is read at a glance. */
const NAMED = 5;

/** What to do, in a few words, naming the person. */
const TODO: Record<DueKind, (name: string) => string> = {
  promise: (name) => `keep your promise to ${name}`,
  thanks: (name) => `thank ${name}`,
  report: (name) => `tell ${name} how their lead went`,
  lead: (name) => `follow ${name}'s lead`,
  nudge: (name) => `nudge ${name}`,
  followup: (name) => `keep in touch with ${name}`,
  upcoming: (name) => `meet ${name}`,
  job: (name) => `ask ${name} about your application`,
  landed: (name) => `tell ${name} you landed`,
};

/** "3 things owed today" and "thank Dana Whitfield, nudge Sam Lee, … and 1 more", or null when nothing is. */
export function notification(items: readonly DueItem[]): Notification | null {
  const owed = items.filter((i) => i.state === 'due');
  if (owed.length === 0) return null;
  const named = owed.slice(0, NAMED).map((i) => TODO[i.kind](i.contact ? safeLine(i.contact.name) : 'them'));
  const more = owed.length > NAMED ? ` and ${owed.length - NAMED} more` : '';
  return { title: `${plural(owed.length, 'thing')} owed today`, body: `${named.join(', ')}${more}. See them with: net due` };
}

/** notify-send shows a subset of HTML in the body: journal text must not become markup. */
function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface NotifierCommand {
  program: string;
  args: string[];
}

/** The notifier of a platform and its arguments; the text is only ever an argument. */
export function notifierCommand(platform: NodeJS.Platform, n: Notification): NotifierCommand {
  if (platform === 'darwin') {
    return {
      program: 'osascript',
      args: ['-e', 'on run argv', '-e', 'display notification (item 2 of argv) with title (item 1 of argv)', '-e', 'end run', `net: ${n.title}`, n.body],
    };
  }
  return { program: 'notify-send', args: ['--app-name=net', '--', `net: ${n.title}`, escapeMarkup(n.body)] };
}

/** The executable file a program name resolves to on PATH, or null. */
export function findOnPath(program: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    // An empty or relative PATH entry would run a file from the current folder.
    if (dir === '' || !isAbsolute(dir)) continue;
    const file = join(dir, program);
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not there or not executable: try the next folder.
    }
  }
  return null;
}

/**
 * Sends the notification. Returns a warning when the notifier failed, null otherwise: a
 * missing notifier is not a failure (a server, a container), and `--notify` never fails
 * the timer that runs it.
 */
export function sendNotification(n: Notification, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string | null {
  const { program, args } = notifierCommand(platform, n);
  const file = findOnPath(program, env);
  if (file === null) return null;
  const r = spawnSync(file, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 10_000, shell: false });
  if (r.error) return `${program} could not run (${r.error.message}).`;
  if (r.status !== 0) return `${program} failed${r.stderr ? `: ${safeLine(r.stderr.trim())}` : ` (exit ${r.status})`}.`;
  return null;
}
