/**
 * Money as whole 分 (fen): an exact integer, stored and computed the same on every dialect, so that sums
 * and the 规上 threshold of 500 万元 are exact. A user types and reads 万元 (营业收入, 联建经费) or 元 with
 * decimals; the text is read as a decimal string into 分 without float arithmetic, and 分 are written back
 * as decimal text. Amounts are never negative here. A JavaScript number holds any 分 up to 2^53 exactly
 * (about 90 万亿元), far beyond any revenue.
 */

/** The unit a user types and reads: 元, or 万元 (10,000 元). */
export type MoneyUnit = "yuan" | "wan";

/** Decimal places of a unit that are whole 分: 元 has two, 万元 six. */
export const MONEY_UNIT_DECIMALS: Readonly<Record<MoneyUnit, number>> = { yuan: 2, wan: 6 };

/** 分 in one unit. */
export const FEN_PER: Readonly<Record<MoneyUnit, number>> = { yuan: 100, wan: 1_000_000 };

/** Why a text is not an amount: not a number ≥ 0, finer than the decimals allowed, or too large. */
export type MoneyProblem = "format" | "precision" | "range";

export type MoneyParse = { ok: true; fen: number } | { ok: false; problem: MoneyProblem };

const DECIMAL = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** A plain decimal ≥ 0 (or a number as JavaScript writes it, 1e-7 included) as its digits around the point. */
function decimalParts(value: string | number): { whole: string; frac: string } | "format" | "range" {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return "format";
    // The shortest decimal that reads back as this number: what was typed, for anything typed by hand.
    text = String(value);
  } else text = value.trim();
  const m = text.match(DECIMAL);
  if (!m) return "format";
  const intDigits = m[1] ?? "";
  const fracDigits = m[2] ?? "";
  if (intDigits === "" && fracDigits === "") return "format";
  // Move the decimal point by the exponent, on the digits.
  const exp = m[3] === undefined ? 0 : Number(m[3]);
  if (Math.abs(exp) > 400) return "range";
  let digits = intDigits + fracDigits;
  let point = intDigits.length + exp;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) digits = digits.padEnd(point, "0");
  return { whole: digits.slice(0, point).replace(/^0+/, ""), frac: digits.slice(point).replace(/0+$/, "") };
}

/** Whole 分 from the digits of `unit` before the point and the first places after it. */
function fenFromDigits(whole: string, frac: string, unit: MoneyUnit): number | null {
  const places = MONEY_UNIT_DECIMALS[unit];
  const text = (whole + frac.slice(0, places).padEnd(places, "0")).replace(/^0+/, "");
  if (text.length > 16) return null;
  const fen = text === "" ? 0 : Number(text);
  return Number.isSafeInteger(fen) ? fen : null;
}

/**
 * Read an amount typed in `unit` (its text, or a number as JavaScript writes it) into 分, exactly.
 * `decimals` limits the decimal places of `unit` (at most, and by default, down to 分); trailing zeros
 * beyond it are fine ("96.500" is 96.5). Refused: anything but a plain decimal ≥ 0 ("format"), more
 * decimals than allowed ("precision"), more than 2^53 − 1 分 ("range").
 */
export function parseMoney(
  value: string | number,
  unit: MoneyUnit,
  opts: { decimals?: number } = {},
): MoneyParse {
  const parts = decimalParts(value);
  if (typeof parts === "string") return { ok: false, problem: parts };
  const maxDecimals = Math.min(opts.decimals ?? MONEY_UNIT_DECIMALS[unit], MONEY_UNIT_DECIMALS[unit]);
  if (parts.frac.length > maxDecimals) return { ok: false, problem: "precision" };
  const fen = fenFromDigits(parts.whole, parts.frac, unit);
  return fen === null ? { ok: false, problem: "range" } : { ok: true, fen };
}

/** An amount known to be valid (a constant, a generated figure, a value a schema has accepted), in 分. */
export function fenOf(value: string | number, unit: MoneyUnit): number {
  const r = parseMoney(value, unit);
  if (!r.ok) throw new RangeError(`not an amount of ${unit} in whole 分: ${String(value)}`);
  return r.fen;
}

/**
 * A threshold of `unit` (a policy parameter) as the 分 a whole amount must reach: exact when the threshold
 * is in whole 分, else the next 分 up (an amount reaches 500.0000001 万元 when it reaches 500.000001 万元).
 */
export function thresholdFen(value: number, unit: MoneyUnit): number {
  const parts = decimalParts(value);
  if (parts === "format") return 0;
  if (parts === "range") return Number.POSITIVE_INFINITY;
  const fen = fenFromDigits(parts.whole, parts.frac, unit);
  if (fen === null) return Number.POSITIVE_INFINITY;
  return parts.frac.length > MONEY_UNIT_DECIMALS[unit] ? fen + 1 : fen;
}

/** 分 as the exact decimal text of `unit`, without trailing zeros (96500000 分 → "96.5" 万元). */
export function fenText(fen: number, unit: MoneyUnit): string {
  assertFen(fen);
  const per = FEN_PER[unit];
  const places = MONEY_UNIT_DECIMALS[unit];
  const frac = fen % per;
  const whole = (fen - frac) / per;
  if (frac === 0) return String(whole);
  return `${whole}.${String(frac).padStart(places, "0").replace(/0+$/, "")}`;
}

/** 分 as a number of `unit`: the nearest double to the exact decimal (for a spreadsheet cell or a form). */
export function fenNumber(fen: number, unit: MoneyUnit): number {
  return Number(fenText(fen, unit));
}

/**
 * An amount as displayed: `unit` with two decimals, rounded half-up (820500000 分 → "820.50" 万元);
 * "—" when there is none. Every page showing an amount uses this, so the same figure reads the same
 * everywhere.
 */
export function formatFen(fen: number | null | undefined, unit: MoneyUnit = "wan"): string {
  if (fen === null || fen === undefined) return "—";
  assertFen(fen);
  // Hundredths of the unit, rounded half-up on the integer.
  const step = FEN_PER[unit] / 100;
  const rest = fen % step;
  const hundredths = (fen - rest) / step + (rest * 2 >= step ? 1 : 0);
  const cents = hundredths % 100;
  return `${(hundredths - cents) / 100}.${String(cents).padStart(2, "0")}`;
}

/** The sum of amounts in 分 (nulls skipped): exact, being integers. */
export function sumFen(amounts: Iterable<number | null | undefined>): number {
  let total = 0;
  for (const a of amounts) if (a !== null && a !== undefined) total += a;
  if (!Number.isSafeInteger(total)) throw new RangeError("sum of amounts beyond 2^53 分");
  return total;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a whole number of 分 ≥ 0: ${fen}`);
}

/** The Chinese sentence for an amount refused, naming its field (e.g. "年营业收入(万元)"). */
export function moneyProblemMessage(field: string, problem: MoneyProblem, unit: MoneyUnit): string {
  switch (problem) {
    case "format":
      return `${field}应为不小于0的数字`;
    case "precision":
      return unit === "wan"
        ? `${field}最多精确到分(以万元计小数点后最多6位)`
        : `${field}最多精确到分(小数点后最多2位)`;
    case "range":
      return `${field}数额过大`;
  }
}
