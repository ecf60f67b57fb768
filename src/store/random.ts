// Random bytes for record uuids and temp-file names, read from the system's random device
// rather than through Node's crypto module, whose loading (with the stream modules it
// brings) costs every command that writes about 2.5 ms. Where there is no such device
// (Windows), Web Crypto fills them.
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Bytes read ahead and not handed out yet. Opening, reading and closing the device costs
 * three system calls whatever the length, and a command asks for 16 bytes per record: `net
 * add` four times, an import of 10,000 people tens of thousands of times. Each byte is
 * handed out once.
 */
let ahead: Buffer = Buffer.alloc(0);
const READ_AHEAD = 1024;

function fill(n: number): Buffer {
  const buf = Buffer.alloc(n);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, buf, 0, n, null) === n) return buf;
    } finally {
      closeSync(fd);
    }
  } catch {
    // No random device here: Web Crypto below.
  }
  globalThis.crypto.getRandomValues(buf);
  return buf;
}

export function randomBytes(n: number): Buffer {
  if (ahead.length < n) ahead = fill(Math.max(n, READ_AHEAD));
  const out = ahead.subarray(0, n);
  ahead = ahead.subarray(n);
  return out;
}

/** A random (version 4) UUID. */
export function randomUuid(): string {
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
