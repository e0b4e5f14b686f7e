/**
 * 组织代码 of a new grassroots organization: the next free number of its series. The city's codes follow
 * the letters of the hierarchy: a management node's code is a letter and digits (G369902001 for a
 * township), the grassroots organizations under it are D + those digits + three digits (D369902001001,
 * …002); an organization under a grassroots one continues its superior's series (D369902001016 under
 * D369902001010). A code that does not follow the pattern gives no suggestion: it is then typed.
 */

const SEQUENCE_DIGITS = 3;
const MANAGEMENT_CODE = /^[A-Z]+(\d+)$/;
const GRASSROOTS_CODE = new RegExp(`^([A-Z]+\\d+)\\d{${SEQUENCE_DIGITS}}$`);

/** The series (prefix) of the codes of a new organization under `parent`, or null. */
export function orgCodeSeries(parent: { code: string; grassroots: boolean }): string | null {
  if (parent.grassroots) return parent.code.match(GRASSROOTS_CODE)?.[1] ?? null;
  const digits = parent.code.match(MANAGEMENT_CODE)?.[1];
  return digits ? `D${digits}` : null;
}

/** Whether `code` is a number of `series` (the series followed by exactly three digits). */
export function inOrgCodeSeries(series: string, code: string): boolean {
  return (
    code.length === series.length + SEQUENCE_DIGITS &&
    code.startsWith(series) &&
    /^\d+$/.test(code.slice(series.length))
  );
}

/** The number after the highest taken one of the series (001 for an empty one); null once 999 is taken. */
export function nextOrgCode(series: string, taken: Iterable<string>): string | null {
  let max = 0;
  for (const code of taken)
    if (inOrgCodeSeries(series, code)) max = Math.max(max, Number(code.slice(series.length)));
  const next = max + 1;
  return next < 10 ** SEQUENCE_DIGITS ? `${series}${String(next).padStart(SEQUENCE_DIGITS, "0")}` : null;
}
