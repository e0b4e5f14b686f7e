/** CSV of any list: UTF-8 with a byte-order mark (so that Excel reads the Chinese), CR LF lines. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Text that a spreadsheet would run as a formula (= + - @, or a tab / carriage return before one) is
 * written with a leading apostrophe, so a name typed as `=HYPERLINK(...)` opens as text (OWASP CSV
 * injection). Numbers are written as they are: -5 stays a number.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function quote(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  const s =
    typeof v === "boolean" ? (v ? "是" : "否") : typeof v === "string" ? neutraliseFormula(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The byte-order mark a CSV starts with, so that Excel reads the Chinese. */
export const CSV_BOM = "\uFEFF";

/** One line of a CSV, with its CR LF. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(quote).join(",")}\r\n`;
}

export function toCsv(headers: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = CSV_BOM + csvLine(headers);
  for (const r of rows) out += csvLine(r);
  return out;
}
