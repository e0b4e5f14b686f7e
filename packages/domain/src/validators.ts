/**
 * Check characters of the unified social credit code (GB 32100-2015) and the citizen ID number
 * (GB 11643-1999).
 */
import { isIsoDate } from "./dates.ts";
import { MESSAGES } from "./messages.ts";

const CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_BODY = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}$/;

/** The check character for the first 17 characters of a credit code, or null if they are malformed. */
export function creditCodeCheckChar(body17: string): string | null {
  if (!CREDIT_BODY.test(body17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(body17[i]!) * CREDIT_WEIGHTS[i]!;
  const c = (31 - (sum % 31)) % 31;
  return CREDIT_CHARSET[c]!;
}

export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  const check = creditCodeCheckChar(code.slice(0, 17));
  return check !== null && check === code[17];
}

/** Complete a 17-character body with its check character. */
export function withCreditCheckChar(body17: string): string {
  const c = creditCodeCheckChar(body17);
  if (c === null) throw new Error(MESSAGES.creditCodeBodyInvalid(body17));
  return body17 + c;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECKS = "10X98765432";

export function citizenIdCheckChar(body17: string): string | null {
  if (!/^\d{17}$/.test(body17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECKS[sum % 11]!;
}

/** The birth date encoded in an 18-digit citizen ID, or null when it is not a real date. */
export function citizenIdBirthDate(id: string): string | null {
  const m = id.match(/^\d{6}(\d{4})(\d{2})(\d{2})/);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  // A real calendar date, checked without building a Date (imports check hundreds of thousands).
  return isIsoDate(iso) ? iso : null;
}

export function isValidCitizenId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (citizenIdBirthDate(id) === null) return false;
  return citizenIdCheckChar(id.slice(0, 17)) === id[17];
}

export function withCitizenIdCheckChar(body17: string): string {
  const c = citizenIdCheckChar(body17);
  if (c === null) throw new Error(MESSAGES.citizenIdBodyInvalid(body17));
  return body17 + c;
}

/** Gender from the 17th digit: odd male, even female. */
export function citizenIdGender(id: string): "male" | "female" | null {
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  return Number(id[16]) % 2 === 1 ? "male" : "female";
}

/** Mask a citizen ID: the first 6 and last 4 shown. */
export function maskCitizenId(id: string): string {
  if (id.length <= 10) return "*".repeat(id.length);
  return id.slice(0, 6) + "*".repeat(id.length - 10) + id.slice(-4);
}

/** The password rule: at least this many characters … */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * … with at least one letter (A–Z, a–z) and one digit. Returns what is wrong (Chinese), or null. Whether
 * the new password is the current one is the caller's to check (it needs the stored hash).
 */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return MESSAGES.passwordTooShort(MIN_PASSWORD_LENGTH);
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return MESSAGES.passwordLettersAndDigits;
  return null;
}

/** A key that holds a citizen ID (`idNumber`, `id_number`, a workbook's 公民身份号码 column). */
const CITIZEN_ID_KEY = /^id_?number$|公民身份号码|身份证/i;
/** An 18-character citizen ID standing alone in a text (not part of a longer code). */
const CITIZEN_ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/**
 * A value (a record, the before/after of an audit entry, a text) with every citizen ID masked: the values
 * of keys that hold one, and every valid citizen ID written in a text.
 */
export function maskCitizenIdsIn(value: unknown, key?: string): unknown {
  if (typeof value === "string") {
    if (key !== undefined && CITIZEN_ID_KEY.test(key)) return maskCitizenId(value);
    return value.replace(CITIZEN_ID_IN_TEXT, (id) =>
      isValidCitizenId(id.toUpperCase()) ? maskCitizenId(id) : id,
    );
  }
  if (Array.isArray(value)) return value.map((v) => maskCitizenIdsIn(v));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskCitizenIdsIn(v, k)]));
  return value;
}
