// `net sync --status`: the folder, its machines and what is waiting, as text or JSON.
import { jsonSafe } from './json.js';
import { plural, safeLine } from './text.js';

export interface SyncDeviceStatus {
  device: string;
  name: string;
  this_device: boolean;
  /** ISO-8601, or null when the machine has left no note yet. */
  last_sync: string | null;
  segments_to_apply: number;
}

export interface SyncStatus {
  folder: string;
  journal: string;
  encrypted: boolean;
  device: string | null;
  pending_changes: number;
  devices: SyncDeviceStatus[];
}

export function syncStatusJson(s: SyncStatus): string {
  return jsonSafe(JSON.stringify(s, null, 2));
}

export function syncStatusLines(s: SyncStatus): string[] {
  const lines = [
    `Folder        ${safeLine(s.folder)} (${s.encrypted ? 'encrypted' : 'not encrypted: readable by anyone who can read the folder'})`,
    `This device   ${plural(s.pending_changes, 'change')} not sent yet`,
  ];
  for (const d of s.devices) {
    const when = d.last_sync === null ? 'never synced' : `last synced ${d.last_sync.slice(0, 16).replace('T', ' ')} UTC`;
    const what = d.this_device ? 'this device' : d.segments_to_apply > 0 ? `${plural(d.segments_to_apply, 'segment')} to apply` : 'all applied';
    lines.push(`  ${d.device.slice(0, 8)}  ${safeLine(d.name || '(unnamed)').padEnd(20)}  ${when}  (${what})`);
  }
  lines.push(s.pending_changes > 0 || s.devices.some((d) => d.segments_to_apply > 0) ? 'Next: net sync' : 'Everything is in step.');
  return lines;
}
