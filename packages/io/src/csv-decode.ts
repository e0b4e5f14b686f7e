/**
 * The bytes of a CSV file as text, in the encodings offices save them: UTF-8 (with or without a
 * byte-order mark: Excel's “CSV UTF-8”, WPS, LibreOffice) or GB18030 — what Excel on Chinese Windows
 * writes for plain “CSV (逗号分隔)” (GBK, of which GB18030 is a superset). Every reader of CSV bytes goes
 * through `decodeCsvBytes`.
 */
import iconv from "iconv-lite";
import { ioMessages as m } from "./messages.ts";

export type CsvEncoding = "utf-8" | "gb18030";

export type DecodedCsv = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; reason: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * UTF-8 BOM → UTF-8; bytes that are valid UTF-8 → UTF-8; otherwise GB18030. A UTF-16 file (Excel's
 * “Unicode 文本”, tab-separated) and bytes that are no text in either encoding (a workbook renamed .csv)
 * are refused with the reason. The text returned has no byte-order mark.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return { ok: false, reason: m.csvUtf16 };
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string | null = null;
  let encoding: CsvEncoding = "utf-8";
  try {
    text = utf8.decode(body);
  } catch {
    // A UTF-8 byte-order mark over bytes that are not UTF-8: broken, not GB18030.
    if (bom) return { ok: false, reason: m.csvBadEncoding };
  }
  if (text === null) {
    text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), "gb18030", {
      stripBOM: true,
    });
    encoding = "gb18030";
    // GB18030 maps every well-formed sequence; what is left as U+FFFD is no text in either encoding.
    if (text.includes("\uFFFD")) return { ok: false, reason: m.csvBadEncoding };
  }
  // A NUL is no character of a spreadsheet's text: binary bytes that happen to be valid UTF-8.
  if (text.includes("\u0000")) return { ok: false, reason: m.csvBadEncoding };
  return { ok: true, text, encoding };
}
