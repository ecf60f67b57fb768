import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findOnPath, notification, notifierCommand } from '../../src/cli/notify.js';
import type { DueItem, DueKind, DueState } from '../../src/core/due.js';

function item(kind: DueKind, name: string, state: DueState = 'due'): DueItem {
  return { id: 'p1', kind, contact: { id: 1, name }, title: 't', brief: 't', since: '2026-10-01', due: '2026-10-01', daysOverdue: 0, state, reason: null, until: null };
}

describe('the notification text', () => {
  it('is null when nothing is owed (held-back items do not count)', () => {
    expect(notification([])).toBeNull();
    expect(notification([item('nudge', 'Sam', 'resting'), item('thanks', 'Ann', 'snoozed')])).toBeNull();
  });

  it.each([
    [[item('thanks', 'Dana Whitfield')], '1 thing owed today', 'thank Dana Whitfield. See them with: net due'],
    [
      [item('thanks', 'Dana'), item('report', 'Maria'), item('followup', 'Bob'), item('nudge', 'Sam', 'resting')],
      '3 things owed today',
      'thank Dana, tell Maria how their lead went, keep in touch with Bob. See them with: net due',
    ],
    [
      [item('promise', 'A'), item('thanks', 'B'), item('report', 'C'), item('lead', 'D'), item('nudge', 'E'), item('followup', 'F'), item('followup', 'G')],
      '7 things owed today',
      "keep your promise to A, thank B, tell C how their lead went, follow D's lead, nudge E and 2 more. See them with: net due",
    ],
    [[item('thanks', 'Eve\x1b]0;owned\x07\nX')], '1 thing owed today', 'thank Eve\\x1b]0;owned\\x07 X. See them with: net due'],
  ])('%#: names what to do', (items, title, body) => {
    expect(notification(items)).toEqual({ title, body });
  });
});

describe('the notifier command', () => {
  const n = { title: '1 thing owed today', body: 'thank <b>Eve</b> & "Co" \'; rm -rf ~' };
  it('notify-send on Linux: text after --, markup escaped', () => {
    expect(notifierCommand('linux', n)).toEqual({
      program: 'notify-send',
      args: ['--app-name=net', '--', 'net: 1 thing owed today', 'thank &lt;b&gt;Eve&lt;/b&gt; &amp; "Co" \'; rm -rf ~'],
    });
  });
  it('osascript on macOS: the text is a run argument, never part of the script', () => {
    const c = notifierCommand('darwin', n);
    expect(c.program).toBe('osascript');
    expect(c.args.slice(0, 6)).toEqual(['-e', 'on run argv', '-e', 'display notification (item 2 of argv) with title (item 1 of argv)', '-e', 'end run']);
    expect(c.args.slice(6)).toEqual(['net: 1 thing owed today', n.body]);
  });
});

describe('finding the notifier on PATH', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const dir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'net-path-'));
    dirs.push(d);
    return d;
  };

  it('takes the first executable file, skipping folders, plain files and relative entries', () => {
    const [a, b, c, d] = [dir(), dir(), dir(), dir()];
    fs.mkdirSync(path.join(a, 'notify-send'));
    fs.writeFileSync(path.join(b, 'notify-send'), '', { mode: 0o644 });
    fs.writeFileSync(path.join(c, 'notify-send'), '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(path.join(d, 'notify-send'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findOnPath('notify-send', { PATH: ['', '.', 'rel', a, b, c, d].join(path.delimiter) })).toBe(path.join(c, 'notify-send'));
    expect(findOnPath('notify-send', { PATH: [a, b].join(path.delimiter) })).toBeNull();
    expect(findOnPath('notify-send', {})).toBeNull();
  });
});
