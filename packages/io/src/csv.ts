/** CSV of any list: UTF-8 with a byte-order mark (so that Excel reads the Chinese), CR LF lines. */
export type CsvCell = string | number | boolean | null | undefined;

function quote(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "boolean" ? (v ? "是" : "否") : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(headers: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [headers.map(quote).join(",")];
  for (const r of rows) lines.push(r.map(quote).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
