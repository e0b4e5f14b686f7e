/** Shared pieces of the scoped read queries: parameters, pagination, the in-force condition. */
import {
  buildAsOfIndex,
  policyAsOf,
  type AsOfIndex,
  type HostFacts,
  type PolicyVersion,
} from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../driver/client.ts";
import { loadPolicyVersions, loadSnapshot } from "../snapshot.ts";

/** SQL: a dated row (alias) in force on `today` (an interval [start, end)). */
export const inForce = (today: string, alias: string, start = "start_on", end = "end_on"): SQL =>
  sql`(${sql.raw(`${alias}.${start}`)} <= ${today} and (${sql.raw(`${alias}.${end}`)} is null or ${today} < ${sql.raw(`${alias}.${end}`)}))`;

/** SQL: a host (alias) operating on `today`. */
export const hostOperating = (today: string, alias: string): SQL =>
  inForce(today, alias, "founded_on", "closed_on");

/** SQL: an organization (alias) in force on `today`. */
export const orgInForce = (today: string, alias: string): SQL =>
  inForce(today, alias, "founded_on", "revoked_on");

export interface PageInput {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function limitOffset(p: PageInput): { limit: number; offset: number } {
  const pageSize = Math.min(Math.max(1, Math.floor(p.pageSize)), 200);
  const page = Math.max(1, Math.floor(p.page));
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

/** `%text%` for LIKE, with the wildcards of the text escaped (`escape '\'`). */
export function likeParam(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Mask a person's name for a counted-only row: the surname and stars. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? "*" : chars[0] + "*".repeat(chars.length - 1);
}

const STARS = "*".repeat(200);

/** SQL value: `maskName` of a name column (text, e.g. `m.name`). */
export const maskNameOf = (col: string): SQL => sql.raw(maskNameSql(col));

/** SQL value: `maskCitizenId` of a citizen ID column. */
export const maskCitizenIdOf = (col: string): SQL => sql.raw(maskCitizenIdSql(col));

/** SQL: `maskName` of a name column, so that a search matches what a counted-only row shows. */
const maskNameSql = (col: string) =>
  `(case when length(${col}) <= 1 then '*' else substr(${col}, 1, 1) || substr('${STARS}', 1, length(${col}) - 1) end)`;

/** SQL: `maskCitizenId` of a citizen ID column (the first 6 and the last 4 shown). */
const maskCitizenIdSql = (col: string) =>
  `(case when length(${col}) <= 10 then substr('${STARS}', 1, length(${col}))
    else substr(${col}, 1, 6) || substr('${STARS}', 1, length(${col}) - 10) || substr(${col}, length(${col}) - 3) end)`;

/** The snapshot indexed as of `today` and the policy in force: what computed columns need. */
export interface TodayFacts {
  index: AsOfIndex;
  policy: PolicyVersion;
  facts: ReadonlyMap<number, HostFacts>;
}

/**
 * Facts of hosts on `today`, batch after batch (a streamed list): the policy is read once, each call loads
 * a snapshot restricted to its hosts (what their facts need, as `factsToday` with ids and the ledger do).
 */
export async function hostFactsOf(
  db: Db,
  today: string,
): Promise<(hostIds: readonly number[]) => Promise<ReadonlyMap<number, HostFacts>>> {
  const policy = policyAsOf(await loadPolicyVersions(db), today);
  return async (hostIds) => {
    if (hostIds.length === 0) return new Map();
    const snapshot = await loadSnapshot(db, { asOf: [today], hostIds });
    return buildAsOfIndex(snapshot, today).hostFacts(policy.params);
  };
}

/**
 * An object of the given keys from a row read as an array of its columns (the streamed reads), the i-th
 * key naming the i-th column of the statement's select list.
 */
export function rowMaker<T>(keys: readonly string[]): (row: readonly unknown[]) => T {
  return (row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = row[i];
    return out as T;
  };
}

/** Facts of the given hosts (only those are loaded; all operating hosts when omitted). */
export async function factsToday(db: Db, today: string, hostIds?: readonly number[]): Promise<TodayFacts> {
  const snapshot = await loadSnapshot(db, hostIds ? { asOf: [today], hostIds } : { asOf: [today] });
  const policy = policyAsOf(await loadPolicyVersions(db), today);
  const index = buildAsOfIndex(snapshot, today);
  return { index, policy, facts: index.hostFacts(policy.params) };
}
