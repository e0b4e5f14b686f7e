import { fenOf, isIsoDate, isValidCreditCode, parseMoney } from "@liangxin/domain";
import { z } from "zod";
import { schemaMessages as m } from "./messages.ts";

export const id = z.number({ error: m.id }).int({ error: m.id }).positive({ error: m.id });
export const version = z
  .number({ error: m.version })
  .int({ error: m.version })
  .positive({ error: m.version });
export const isoDate = z.string({ error: m.date }).refine((s) => isIsoDate(s), { error: m.date });
export const optionalDate = isoDate.nullish();
export const text = (max = 100) =>
  z
    .string({ error: m.text(max) })
    .trim()
    .min(1, { error: m.text(max) })
    .max(max, { error: m.text(max) });
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: m.text(max) })
    .nullish()
    .transform((v) => (v === "" ? null : v));
/** An exact 统一社会信用代码 (any case; the check character is verified): a host named by its key. */
export const creditCodeKey = z
  .string({ error: m.creditCode })
  .trim()
  .toUpperCase()
  .refine((s) => isValidCreditCode(s), { error: m.creditCode });

/** An exact 组织代码: an organization named by its key. */
export const orgCodeKey = text(40);

export const year = z
  .number({ error: m.year })
  .int({ error: m.year })
  .min(1949, { error: m.year })
  .max(2100, { error: m.year });

/** What a refinement adds its issues to. */
export interface IssueSink {
  addIssue: (issue: { code: "custom"; message: string; path: string[] }) => void;
}

/** start < end when both are given (half-open intervals). */
export function endAfter(
  ctx: IssueSink,
  start: string | null | undefined,
  end: string | null | undefined,
  path: string,
  message: string,
): void {
  if (start && end && end <= start) ctx.addIssue({ code: "custom", message, path: [path] });
}

/** An interval: `{ startOn, endOn? }`. */
export const endInput = z.object({ id, endOn: isoDate });

/** 单位负责人 and 填表人 named at 上报: a name or two, never a paragraph (the API and the form check it). */
export const SIGNATURE_NAME_MAX = 30;

/**
 * An amount in 万元 as the user typed it (a number, or its text): ≥ 0, at most two decimals (as the forms
 * allow), at most 10 亿万元. It stays as typed here, so that a form validating with the schema sends what
 * was typed; the object's transform turns it into whole 分 with `wanToFen` (money.ts: read as a decimal,
 * never through float arithmetic).
 */
export const wanAmount = (message: string) =>
  z.union([z.number(), z.string()], { error: message }).refine(
    (v) => {
      const r = parseMoney(v, "wan", { decimals: 2 });
      return r.ok && r.fen <= MAX_WAN_FEN;
    },
    { error: message },
  );
const MAX_WAN_FEN = fenOf(1e9, "wan");

/** An amount `wanAmount` accepted, in whole 分 (null and undefined passed through). */
export function wanToFen<T extends null | undefined>(v: number | string | T): number | T {
  return v === null || v === undefined ? v : fenOf(v, "wan");
}
