// Where the journal lives matters to SQLite: WAL needs shared memory that network file
// systems do not provide, and sync clients can upload the database without its -wal file.
import { statfsSync } from 'node:fs';
import { resolve } from 'node:path';

// statfs(2) f_type values of network file systems on Linux.
const NETWORK_FS = new Set([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x5346414f, // AFS
  0x73757245, // Coda
  0x564c, // NCP
  0x01021997, // 9P
  0x65735546, // FUSE (sshfs, rclone mounts and the like)
  0x47504653, // GPFS
  0x00c36400, // Ceph
]);

/** True when the folder is on a file system where WAL's shared memory is unsafe. */
export function onNetworkFs(dir: string): boolean {
  try {
    return NETWORK_FS.has(statfsSync(dir).type);
  } catch {
    return false;
  }
}

const SYNCED = [
  { name: 'Dropbox', test: /[\\/]Dropbox( \([^)]*\))?[\\/]/i },
  { name: 'OneDrive', test: /[\\/]OneDrive( - [^\\/]*)?[\\/]/i },
  { name: 'iCloud Drive', test: /[\\/](Library[\\/]Mobile Documents|iCloud ?Drive)[\\/]/i },
  { name: 'Google Drive', test: /[\\/](Google ?Drive|GoogleDrive-[^\\/]*|My Drive)[\\/]/i },
];

/** The sync service whose folder holds `file`, if any. */
export function syncedFolder(file: string): string | null {
  const abs = resolve(file);
  return SYNCED.find((s) => s.test.test(abs))?.name ?? null;
}
