// Random bytes for record uuids and temp-file names, read from the system's random device
// rather than through Node's crypto module, whose loading (with the stream modules it
// brings) costs every command that writes about 2.5 ms. Where there is no such device
// (Windows), Web Crypto fills them.
import { closeSync, openSync, readSync } from 'node:fs';

export function randomBytes(n: number): Buffer {
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

/** A random (version 4) UUID. */
export function randomUuid(): string {
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
