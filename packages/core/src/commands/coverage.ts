/**
 * 覆盖关系: dated coverage of a host by the topmost organization of a unit, edited by the covering chain for
 * hosts of its own territory; covering any other host is a request (覆盖申请) that the host's territory
 * administrator accepts or rejects (scope/coverage.ts says who).
 */
import type { Cx } from "@liangxin/db/cx";
import { withWriter } from "../writers/index.ts";
import {
  assertCoverageAllowed,
  assertInterval,
  checkJointCap,
  AppError,
  isGrassroots,
  MESSAGES,
  policyAsOf,
} from "@liangxin/domain";
import { and, eq, sql } from "drizzle-orm";
import { selectOne, writeTransaction } from "@liangxin/db/driver";
import { coverageRequests, coverages } from "@liangxin/db/schema";
import { decidesCoverageRequest, hostAccess } from "@liangxin/db/scope";
import { loadPolicyVersions } from "@liangxin/db/snapshot";
import {
  audit,
  hostByKey,
  nodeOfRegion,
  requireHostRef,
  requireOrgEdit,
  seesHost,
  unlessVisible,
  type CommandWarning,
} from "./common.ts";
import { endDatedRow } from "./end-dated.ts";
import { commandMessages } from "./messages.ts";
import { coveragesOf, hostRecs, orgRecs, orgWithSuperiors, reparentingsOf } from "./world.ts";
import { assertNotLocked } from "../reports/lock.ts";

export interface SetCoverageInput {
  hostId: number;
  orgId: number;
  startOn: string;
  endOn?: string | null;
}
export interface EndCoverageInput {
  id: number;
  endOn: string;
}

type CoverageRow = typeof coverages.$inferSelect;

export interface CoverageResult {
  coverage: CoverageRow;
  /** e.g. a joint organization over the policy's cap: shown, not refused. */
  warnings: CommandWarning[];
}

/**
 * Record that `orgId` covers `hostId` from `startOn`. The caller must edit the covering organization and
 * the host (a host of its own territory); a host it sees only for reference is refused with what to do (a
 * coverage request), any other does not exist for it. Refused by the domain's guards: a second host of a
 * standalone organization, a second covering organization of the host on a date, coverage below a unit's
 * topmost organization.
 */
export async function setCoverage(cx: Cx, input: SetCoverageInput): Promise<CoverageResult> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireOrgEdit(cx, input.orgId);
    await requireCoverableHost(cx, input.hostId);
    return writeCoverage(cx, input);
  });
}

/** The caller edits the host (its territory's); one it sees only for reference is told to request it. */
async function requireCoverableHost(cx: Cx, hostId: number): Promise<void> {
  const { db } = cx;
  const access = await hostAccess(db, cx.scope, hostId, cx.today);
  if (access === null) throw AppError.notFound();
  if (access !== "edit") {
    const host = (await selectOne<{ name: string }>(db, sql`select name from hosts where id = ${hostId}`))!;
    throw AppError.rule("COVERAGE_ACROSS_BOUNDARY", commandMessages.coverageAcrossBoundary(host.name));
  }
}

export interface CoverHostsInput {
  orgId: number;
  /** Distinct hosts of the caller's territory. */
  hostIds: readonly number[];
  startOn: string;
}

export interface CoverHostsResult {
  coverages: CoverageRow[];
  /** Each warning once (the joint cap, counted with every host of the step). */
  warnings: CommandWarning[];
}

/**
 * One organization covers several hosts from one day, in one step (a joint branch's hosts): each is
 * checked and written as by setCoverage, in one transaction, so a refusal of any leaves none covered.
 */
export async function coverHosts(cx: Cx, input: CoverHostsInput): Promise<CoverHostsResult> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireOrgEdit(cx, input.orgId);
    return coverHostsInTransaction(cx, input);
  });
}

/** coverHosts inside the caller's transaction, once the caller edits the organization (createOrg). */
export async function coverHostsInTransaction(cx: Cx, input: CoverHostsInput): Promise<CoverHostsResult> {
  if (new Set(input.hostIds).size !== input.hostIds.length)
    throw AppError.rule("COVERAGE_HOST_TWICE", commandMessages.coverageHostTwice);
  const coverages: CoverageRow[] = [];
  const warnings = new Map<string, CommandWarning>();
  for (const hostId of input.hostIds) {
    await requireCoverableHost(cx, hostId);
    const r = await writeCoverage(cx, { hostId, orgId: input.orgId, startOn: input.startOn });
    coverages.push(r.coverage);
    // The cap's warning grows with each host: the last one says how many.
    for (const w of r.warnings) warnings.set(w.code, w);
  }
  return { coverages, warnings: [...warnings.values()] };
}

/**
 * The coverage write itself, inside the caller's transaction, after the caller's access was decided
 * (setCoverage: the covering chain on its own territory; acceptCoverageRequest: the host's territory
 * administrator): the domain's guards, the row, the establishment plan it completes, the audit row.
 */
async function writeCoverage(cx: Cx, input: SetCoverageInput): Promise<CoverageResult> {
  const { db } = cx;
  const endOn = input.endOn ?? null;
  assertInterval(input.startOn, endOn);
  const existing = await coveragesOf(db, { hostId: input.hostId, orgId: input.orgId });
  const reparentings = await reparentingsOf(db, input.orgId);
  const orgs = await orgWithSuperiors(db, input.orgId, reparentings);
  const org = orgs.find((o) => o.id === input.orgId)!;
  if (!isGrassroots(org.category))
    throw AppError.rule("COVERAGE_BY_MANAGEMENT", commandMessages.coverageByManagement(org.name));
  if (org.formationMode === null)
    throw AppError.rule("COVERAGE_WITHOUT_MODE", MESSAGES.coverageWithoutMode(org.name));
  const hosts = await hostRecs(db, [input.hostId, ...existing.map((c) => c.hostId)]);
  const host = hosts.find((h) => h.id === input.hostId)!;
  const candidate = { hostId: input.hostId, orgId: input.orgId, startOn: input.startOn, endOn };
  // The writer sees the host (its territory's, or the one it decides for); should it not, a refusal must
  // not name the host or its covering organization: not found.
  await unlessVisible(await seesHost(cx, input.hostId), async () => {
    if (host.foundedOn > input.startOn || (host.closedOn !== null && host.closedOn <= input.startOn))
      throw AppError.rule(
        "COVERAGE_HOST_CLOSED",
        commandMessages.coverageHostClosed(host.name, input.startOn),
      );
    const named = await orgRecs(
      db,
      existing.map((c) => c.orgId).filter((id) => !orgs.some((o) => o.id === id)),
    );
    assertCoverageAllowed({ orgs: [...orgs, ...named], coverages: existing, reparentings, hosts }, candidate);
  });
  await assertNotLocked(db, { on: input.startOn, hostIds: [input.hostId], orgIds: [input.orgId] });
  // Through the write model: an organization now covering the host ends its establishment plan (组建计划).
  const row = await withWriter(db, (w) => w.insert(coverages, candidate));
  const policy = policyAsOf(await loadPolicyVersions(db), input.startOn).params;
  const warnings = checkJointCap(
    { orgs: [org], coverages: [...existing.filter((c) => c.orgId === org.id), candidate] },
    policy,
    input.startOn,
  ).map((v) => ({ code: v.code, message: v.message }));
  await audit(cx, {
    action: "coverage.set",
    entity: "coverage",
    entityId: row.id,
    scopeOrgId: org.id,
    after: row,
  });
  return { coverage: row, warnings };
}

/** End a coverage on `endOn` (half-open: the host is no longer covered on that day). */
export async function endCoverage(cx: Cx, input: EndCoverageInput): Promise<CoverageResult> {
  const { db } = cx;
  const coverage = await endDatedRow(cx, coverages, "coverage", input, async (before) => {
    await requireOrgEdit(cx, before.orgId);
    await assertNotLocked(db, { on: input.endOn, hostIds: [before.hostId], orgIds: [before.orgId] });
    return before.orgId;
  });
  return { coverage, warnings: [] };
}

// ---------------------------------------------------------------------------------------------------
// 覆盖申请: coverage across a boundary.

export interface ProposeCoverageInput {
  /** The covering organization: one of the caller's chain. */
  orgId: number;
  /** The host: by id among those the caller sees, or anywhere in the city by its exact credit code. */
  hostId?: number | null;
  hostCreditCode?: string | null;
  startOn: string;
  reason?: string | null;
}

export interface DecideCoverageRequestInput {
  id: number;
  /** Required to reject. */
  reason?: string | null;
}

type CoverageRequestRow = typeof coverageRequests.$inferSelect;

/**
 * Propose that an organization of the caller's chain cover a host outside the chain's territory. Nothing
 * is covered until the host's territory administrator accepts; a host of the caller's own territory is
 * covered directly instead (setCoverage). Rules about the proposing organization are told now, rules about
 * the host (its other coverages) when the administrator decides, who sees it.
 */
export async function proposeCoverage(
  cx: Cx,
  input: ProposeCoverageInput,
): Promise<CoverageRequestRow & { hostName: string }> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireOrgEdit(cx, input.orgId);
    let host: { id: number; name: string };
    if (input.hostCreditCode) host = await hostByKey(cx, input.hostCreditCode);
    else if (input.hostId != null) {
      await requireHostRef(cx, input.hostId);
      host = (await selectOne<{ id: number; name: string }>(
        db,
        sql`select id, name from hosts where id = ${input.hostId}`,
      ))!;
    } else throw AppError.notFound();
    if ((await hostAccess(db, cx.scope, host.id, cx.today)) === "edit")
      throw AppError.rule(
        "COVERAGE_REQUEST_OWN_TERRITORY",
        commandMessages.coverageRequestOwnTerritory(host.name),
      );
    const org = (await orgRecs(db, [input.orgId]))[0]!;
    if (!isGrassroots(org.category))
      throw AppError.rule("COVERAGE_BY_MANAGEMENT", commandMessages.coverageByManagement(org.name));
    if (org.formationMode === null)
      throw AppError.rule("COVERAGE_WITHOUT_MODE", MESSAGES.coverageWithoutMode(org.name));
    const pending = await selectOne(
      db,
      sql`select 1 from coverage_requests where host_id = ${host.id} and org_id = ${org.id} and state = 'pending'`,
    );
    if (pending)
      throw AppError.rule(
        "COVERAGE_REQUEST_PENDING",
        commandMessages.coverageRequestPending(org.name, host.name),
      );
    const row = (
      await db
        .insert(coverageRequests)
        .values({
          hostId: host.id,
          orgId: org.id,
          startOn: input.startOn,
          reason: input.reason ?? null,
          requestedBy: cx.scope.userId,
          requestedOn: cx.today,
        })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "coverageRequest.propose",
      entity: "coverageRequest",
      entityId: row.id,
      scopeOrgId: org.id,
      after: row,
    });
    return { ...row, hostName: host.name };
  });
}

/** A pending request the caller decides (else NOT_FOUND; decided already: refused). */
async function decidable(cx: Cx, id: number): Promise<CoverageRequestRow> {
  const { db } = cx;
  const before = (await db.select().from(coverageRequests).where(eq(coverageRequests.id, id)).limit(1))[0];
  if (!before || !(await decidesCoverageRequest(db, cx.scope, id, cx.today))) throw AppError.notFound();
  if (before.state !== "pending")
    throw AppError.rule("COVERAGE_REQUEST_DECIDED", commandMessages.coverageRequestDecided);
  return before;
}

async function closeRequest(
  cx: Cx,
  before: CoverageRequestRow,
  decision: { state: "accepted" | "rejected"; reason: string | null; coverageId: number | null },
): Promise<CoverageRequestRow> {
  const { db } = cx;
  const after = (
    await db
      .update(coverageRequests)
      .set({
        state: decision.state,
        decidedBy: cx.scope.userId,
        decidedOn: cx.today,
        decisionReason: decision.reason,
        coverageId: decision.coverageId,
      })
      .where(and(eq(coverageRequests.id, before.id), eq(coverageRequests.state, "pending")))
      .returning()
  )[0];
  if (!after) throw AppError.stale();
  const region = (await selectOne<{ regionId: number }>(
    db,
    sql`select region_id as regionId from hosts where id = ${before.hostId}`,
  ))!;
  await audit(cx, {
    action: decision.state === "accepted" ? "coverageRequest.accept" : "coverageRequest.reject",
    entity: "coverageRequest",
    entityId: before.id,
    scopeOrgId: await nodeOfRegion(db, region.regionId),
    before,
    after,
  });
  return after;
}

/**
 * Accept a coverage request: the coverage is written by the same command as a direct one, with all its
 * checks (one covering organization of a host at a time, …), then the request is closed; one transaction.
 */
export async function acceptCoverageRequest(
  cx: Cx,
  input: DecideCoverageRequestInput,
): Promise<CoverageRequestRow & { warnings: CommandWarning[] }> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    const before = await decidable(cx, input.id);
    const { coverage, warnings } = await writeCoverage(cx, {
      hostId: before.hostId,
      orgId: before.orgId,
      startOn: before.startOn,
    });
    const after = await closeRequest(cx, before, {
      state: "accepted",
      reason: input.reason?.trim() || null,
      coverageId: coverage.id,
    });
    return { ...after, warnings };
  });
}

/** Reject (退回) a coverage request with a reason the proposer reads; nothing else changes. */
export async function rejectCoverageRequest(
  cx: Cx,
  input: DecideCoverageRequestInput,
): Promise<CoverageRequestRow> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    const before = await decidable(cx, input.id);
    const reason = input.reason?.trim();
    if (!reason) throw AppError.rule("COVERAGE_REQUEST_REASON", commandMessages.coverageRejectReason);
    return closeRequest(cx, before, { state: "rejected", reason, coverageId: null });
  });
}
