/** 政策参数: dated versions, set at city level only (by the city's administrator). */
import type { Cx } from "@liangxin/db/cx";
import { AppError, policyAsOf, policyParamLabel, type Policy } from "@liangxin/domain";
import { desc, eq } from "drizzle-orm";
import { isDeepStrictEqual } from "node:util";
import { writeTransaction } from "@liangxin/db/driver";
import { policies } from "@liangxin/db/schema";
import { loadPolicyVersions, withDefaults } from "@liangxin/db/snapshot";
import { commandMessages } from "./messages.ts";
import { audit } from "./common.ts";
import { findRulesLock, lockMessages } from "../reports/lock.ts";

/** Any subset of the parameters; nested groups may be partial too. */
export type PolicyPatch = {
  [K in keyof Policy]?: Policy[K] extends object ? Partial<Policy[K]> : Policy[K];
};

export interface SetPolicyInput {
  effectiveOn: string;
  params: PolicyPatch;
  note?: string | null;
}

/** Parameters that change no figure of a report (when it may be submitted, how long a session idles). */
const FIGURE_NEUTRAL = new Set<string>([
  "reportEarlyOpenDays",
  "sessionIdleMinutes",
  "basics",
  "contactVisitMonths",
]);

export interface SetPolicyResult {
  effectiveOn: string;
  params: Policy;
}

/**
 * A new policy version from `effectiveOn`: the given parameters over the version in force on that date
 * (a version on the same date is replaced). Only the city administrator (the tree's top node) may set it;
 * for anyone else it does not exist.
 */
export async function setPolicy(cx: Cx, input: SetPolicyInput): Promise<SetPolicyResult> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    const org = cx.scope.org;
    if (cx.scope.role !== "admin" || !org || org.category !== "cityCommittee") throw AppError.notFound();
    const versions = await loadPolicyVersions(db);
    const base = policyAsOf(versions, input.effectiveOn).params;
    const merged = structuredClone(base) as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(input.params)) {
      if (v === undefined) continue;
      const cur = merged[k];
      merged[k] =
        typeof cur === "object" && cur !== null && typeof v === "object" && v !== null ? { ...cur, ...v } : v;
    }
    const params = merged as unknown as Policy;
    if (params.basics.feeBandLowPermille > params.basics.feeBandHighPermille)
      throw AppError.rule("POLICY_FEE_BAND", commandMessages.feeBandInverted);
    // A version that changes the counting rules may not reach back into an approved year (period lock).
    const changed = Object.keys(input.params).filter(
      (k) =>
        !FIGURE_NEUTRAL.has(k) &&
        !isDeepStrictEqual((base as unknown as Record<string, unknown>)[k], merged[k]),
    );
    if (changed.length > 0) {
      const next = versions
        .map((v) => v.effectiveOn)
        .filter((d) => d > input.effectiveOn)
        .sort()[0];
      const lock = await findRulesLock(db, input.effectiveOn, next);
      if (lock)
        throw AppError.rule(
          "PERIOD_LOCKED",
          lockMessages.rulesLocked(lock, input.effectiveOn, changed.map(policyParamLabel).join("、")),
        );
    }
    const before =
      (await db.select().from(policies).where(eq(policies.effectiveOn, input.effectiveOn)).limit(1))[0] ??
      null;
    const after = (
      await db
        .insert(policies)
        .values({ effectiveOn: input.effectiveOn, params, note: input.note ?? null })
        .onConflictDoUpdate({ target: policies.effectiveOn, set: { params, note: input.note ?? null } })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "policy.set",
      entity: "policy",
      entityId: after.id,
      scopeOrgId: org.id,
      before,
      after,
    });
    return { effectiveOn: after.effectiveOn, params };
  });
}

export interface PolicyVersionRow {
  effectiveOn: string;
  params: Policy;
  note: string | null;
  /** The version in force today. */
  inForce: boolean;
}

/**
 * The policy versions, newest first, with the one in force today marked; `canSet`: the caller is the
 * city's administrator (the only one who may add a version). Every administrator reads the rules its
 * figures are counted by.
 */
export async function listPolicyVersions(cx: Cx): Promise<{
  versions: PolicyVersionRow[];
  inForce: { effectiveOn: string; params: Policy };
  canSet: boolean;
}> {
  const { db } = cx;
  const rows = await db
    .select({ effectiveOn: policies.effectiveOn, params: policies.params, note: policies.note })
    .from(policies)
    .orderBy(desc(policies.effectiveOn));
  const versions = rows.map((r) => ({ ...r, params: withDefaults(r.params) }));
  const inForce = policyAsOf(versions, cx.today);
  const org = cx.scope.org;
  return {
    versions: versions.map((r) => ({
      effectiveOn: r.effectiveOn,
      params: r.params,
      note: r.note,
      inForce: r.effectiveOn === inForce.effectiveOn,
    })),
    inForce,
    canSet: cx.scope.role === "admin" && org?.category === "cityCommittee",
  };
}
