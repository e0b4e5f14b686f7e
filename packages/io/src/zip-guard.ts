/**
 * Checks on an uploaded workbook before any parsing: a size limit, the zip signature, and the sum of the
 * declared uncompressed sizes in the zip's central directory (a zip bomb is refused without inflating).
 */
import { ioMessages as m } from "./messages.ts";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** A compression ratio above this for the whole archive is refused too. */
export const MAX_RATIO = 100;

export type GuardResult = { ok: true } | { ok: false; reason: string };

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
}

export function checkSpreadsheetUpload(
  bytes: Uint8Array,
  limits: { maxBytes?: number; maxUncompressed?: number } = {},
): GuardResult {
  const maxBytes = limits.maxBytes ?? MAX_UPLOAD_BYTES;
  const maxUncompressed = limits.maxUncompressed ?? MAX_UNCOMPRESSED_BYTES;
  if (bytes.length > maxBytes) return { ok: false, reason: m.tooLarge(Math.round(maxBytes / 1024 / 1024)) };
  // Local file header signature PK\x03\x04.
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    return { ok: false, reason: m.notSpreadsheet };
  // End of central directory: the last 22 bytes plus at most a 64 KiB comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: m.notSpreadsheet };
  const entries = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  let p = cdOffset;
  let total = 0;
  let hasWorkbook = false;
  const limitMb = Math.round(maxUncompressed / 1024 / 1024);
  for (let i = 0; i < entries; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return { ok: false, reason: m.notSpreadsheet };
    const compressed = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    // ZIP64 entries (0xFFFFFFFF) declare more than 4 GB: refused.
    if (size === 0xffffffff || compressed === 0xffffffff) return { ok: false, reason: m.zipBomb(limitMb) };
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (name === "xl/workbook.xml") hasWorkbook = true;
    total += size;
    if (total > maxUncompressed) return { ok: false, reason: m.zipBomb(limitMb) };
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (!hasWorkbook) return { ok: false, reason: m.notSpreadsheet };
  if (total > 10 * 1024 * 1024 && total / bytes.length > MAX_RATIO)
    return { ok: false, reason: m.zipBomb(limitMb) };
  return { ok: true };
}
