/**
 * Rates and rounding. Rates are percentages rounded half-up (away from zero) to two decimals; a rate
 * whose denominator is 0 is null; a change in percentage points is computed from the unrounded rates,
 * then rounded.
 */

/**
 * Round half-up to 2 decimals, exactly as on paper. The binary double is first read back as the shortest
 * decimal of 15 significant digits (19.365 is stored as 19.36499999…, read back as "19.3650000000000"),
 * then rounded on that decimal string with integer arithmetic. Negative values round away from zero
 * (-2.325 → -2.33), so that a change and its opposite have the same magnitude.
 */
export function roundHalfUp2(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  if (a < 1e-6) return 0;
  if (a >= 1e15) return x;
  const s = a.toPrecision(15);
  const dot = s.indexOf(".");
  const intPart = dot < 0 ? s : s.slice(0, dot);
  const frac = (dot < 0 ? "" : s.slice(dot + 1)).padEnd(3, "0");
  let cents = BigInt(intPart + frac.slice(0, 2));
  if (frac.charCodeAt(2) - 48 >= 5) cents += 1n;
  const digits = cents.toString().padStart(3, "0");
  const result = Number(`${digits.slice(0, -2)}.${digits.slice(-2)}`);
  return result === 0 ? 0 : sign * result;
}

/** num / den × 100, unrounded; null when the denominator is 0. */
export function ratePct(num: number, den: number): number | null {
  if (den === 0) return null;
  return (num / den) * 100;
}

/** num / den × 100 rounded half-up to 2 decimals; null when the denominator is 0. */
export function roundedRatePct(num: number, den: number): number | null {
  const r = ratePct(num, den);
  return r === null ? null : roundHalfUp2(r);
}

/** Change in percentage points from unrounded rates, rounded after the subtraction; null if either is null. */
export function changePp(curUnrounded: number | null, prevUnrounded: number | null): number | null {
  if (curUnrounded === null || prevUnrounded === null) return null;
  return roundHalfUp2(curUnrounded - prevUnrounded);
}

/** A rounded rate, or null passed through. */
export function roundOrNull(x: number | null): number | null {
  return x === null ? null : roundHalfUp2(x);
}
