/**
 * 组建计划 for every should-establish-but-not-established host (应建未建) of the caller's territory:
 * create with a target date and a responsible person, milestones counted back from the target, progress
 * notes, overdue flags, and closure at the moment of the write that ends the need: a coverage of the host
 * in any mode (`onCoverageStarted`) or the host closing (`onHostClosed`), run by the row writer
 * (`../writers/`) for a form's write and an import's alike; `closeStalePlans` runs once at `migrate` for
 * databases written before. Reads never write.
 */
import { and, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import {
  assertNotFuture,
  chinaDateOf,
  PLAN_MILESTONES,
  type DoneMilestones,
  type PlanMilestoneKey,
  computeNodeIndicators,
  hostFactsAsOf,
  isPlanOverdue,
  nextMilestone,
  planMilestones,
  WORK_MESSAGES,
  AppError,
  type PlanMilestone,
} from "@liangxin/domain";
import { writeAudit, type DbOrTx } from "@liangxin/db/audit";
import type { Cx } from "@liangxin/db/cx";
import { type Db, selectAll, selectOne, selectValue, writeTransaction } from "@liangxin/db/driver";
import {
  coverages,
  establishmentPlans,
  hosts,
  orgs,
  planMilestones as planMilestonesTable,
  planNotes,
} from "@liangxin/db/schema";
import { type Scope, scopeSql } from "@liangxin/db/scope";
import { loadSnapshot } from "@liangxin/db/snapshot";
import { auditWork, requireHostInTerritory, requireTerritory, workPolicy } from "./common.ts";
import { isUniqueViolation } from "../commands/common.ts";
import { withWriter } from "../writers/index.ts";

export interface PlanRow {
  id: number;
  hostId: number;
  hostName: string;
  creditCode: string;
  regionName: string;
  targetOn: string;
  responsible: string;
  state: "open" | "closed";
  closedOn: string | null;
  closedReason: string | null;
  createdAt: string;
  noteCount: number;
  lastNote: string | null;
  milestones: PlanMilestone[];
  next: PlanMilestone | null;
  overdue: boolean;
}

export interface PlanNoteRow {
  id: number;
  notedOn: string;
  note: string;
  createdBy: string | null;
}

/** A plan as its statement reads it, before its milestones and overdue flag are worked out. */
type RawPlan = Omit<PlanRow, "milestones" | "next" | "overdue">;

const PLAN_SQL = sql`select p.id, p.host_id as hostId, h.name as hostName, h.credit_code as creditCode,
    r.name as regionName, p.target_on as targetOn, p.responsible, p.state, p.closed_on as closedOn,
    p.closed_reason as closedReason, p.created_at as createdAt,
    (select count(*) from plan_notes n where n.plan_id = p.id) as noteCount,
    (select n.note from plan_notes n where n.plan_id = p.id order by n.noted_on desc, n.id desc limit 1) as lastNote
  from establishment_plans p join hosts h on h.id = p.host_id join regions r on r.id = h.region_id`;

function decorate(p: RawPlan, today: string, done?: DoneMilestones): PlanRow {
  return {
    ...p,
    milestones: planMilestones(p, today, done),
    next: p.state === "open" ? nextMilestone(p, today, done) : null,
    overdue: isPlanOverdue(p, today),
  };
}

/** The milestones ticked off of these plans, by plan (read in chunks: a city lists thousands of plans). */
async function doneMilestonesOf(
  db: Db,
  planIds: readonly number[],
): Promise<Map<number, Map<PlanMilestoneKey, string>>> {
  const out = new Map<number, Map<PlanMilestoneKey, string>>();
  for (let i = 0; i < planIds.length; i += 500) {
    const rows = await db
      .select({
        planId: planMilestonesTable.planId,
        key: planMilestonesTable.key,
        doneOn: planMilestonesTable.doneOn,
      })
      .from(planMilestonesTable)
      .where(inArray(planMilestonesTable.planId, planIds.slice(i, i + 500)));
    for (const r of rows) {
      const m = out.get(r.planId) ?? new Map<PlanMilestoneKey, string>();
      m.set(r.key, r.doneOn);
      out.set(r.planId, m);
    }
  }
  return out;
}

async function decorateAll(db: Db, rows: readonly RawPlan[], today: string): Promise<PlanRow[]> {
  const done = await doneMilestonesOf(
    db,
    rows.map((p) => p.id),
  );
  return rows.map((p) => decorate(p, today, done.get(p.id)));
}

/**
 * Close every open plan of a host (in the caller's transaction), dated `date`, with a reason; one audit
 * row per plan. Returns the ids closed.
 */
export async function closePlansForHost(
  tx: DbOrTx,
  hostId: number,
  date: string,
  reason: string,
  actor: { userId: number | null; username: string | null } = { userId: null, username: "system" },
): Promise<number[]> {
  const open = await tx
    .select({ id: establishmentPlans.id })
    .from(establishmentPlans)
    .where(and(eq(establishmentPlans.hostId, hostId), eq(establishmentPlans.state, "open")));
  for (const p of open) {
    await tx
      .update(establishmentPlans)
      .set({ state: "closed", closedOn: date, closedReason: reason })
      .where(eq(establishmentPlans.id, p.id));
    await writeAudit(tx, {
      userId: actor.userId,
      username: actor.username,
      action: "plan.close",
      entity: "establishmentPlan",
      entityId: p.id,
      before: { state: "open" },
      after: { state: "closed", closedOn: date, closedReason: reason },
    });
  }
  return open.map((p) => p.id);
}

/**
 * The coverage hook: a coverage of `hostId` starting on `startOn` closes the host's open plans. The row
 * writer runs it in the transaction that writes the coverage (a form's or an import's).
 */
export async function onCoverageStarted(tx: DbOrTx, hostId: number, startOn: string): Promise<number[]> {
  return closePlansForHost(tx, hostId, startOn, WORK_MESSAGES.planClosedByCoverage);
}

/** The host hook: a host closed on `closedOn` closes its open plans (in the caller's transaction). */
export async function onHostClosed(tx: DbOrTx, hostId: number, closedOn: string): Promise<number[]> {
  return closePlansForHost(tx, hostId, closedOn, WORK_MESSAGES.planClosedByHostClosed);
}

/**
 * Close every open plan whose host is covered today (dated from the start of that coverage) or closed by
 * today (dated its closing day), in the caller's transaction: once at `migrate`, for plans left open by
 * versions before the row writer. Returns the ids closed.
 */
export async function closeStalePlans(tx: DbOrTx, today: string): Promise<number[]> {
  const covered = await tx
    .select({ hostId: establishmentPlans.hostId, startOn: sql<string>`min(${coverages.startOn})` })
    .from(establishmentPlans)
    .innerJoin(
      coverages,
      and(
        eq(coverages.hostId, establishmentPlans.hostId),
        lte(coverages.startOn, today),
        or(isNull(coverages.endOn), gt(coverages.endOn, today)),
      ),
    )
    .where(eq(establishmentPlans.state, "open"))
    .groupBy(establishmentPlans.hostId);
  const closed = await tx
    .selectDistinct({ hostId: establishmentPlans.hostId, closedOn: hosts.closedOn })
    .from(establishmentPlans)
    .innerJoin(hosts, eq(hosts.id, establishmentPlans.hostId))
    .where(and(eq(establishmentPlans.state, "open"), isNotNull(hosts.closedOn), lte(hosts.closedOn, today)));
  const ids: number[] = [];
  for (const c of covered) ids.push(...(await onCoverageStarted(tx, c.hostId, c.startOn)));
  for (const c of closed) ids.push(...(await onHostClosed(tx, c.hostId, c.closedOn!)));
  return ids;
}

export interface ShouldEstablishRow {
  hostId: number;
  name: string;
  creditCode: string;
  kind: string;
  regionName: string;
  employees: number;
  aboveScale: boolean;
  fullMembersWorking: number;
  openPlanId: number | null;
}

export interface PlanBoard {
  summary: {
    hosts: number | null;
    orgCovered: number | null;
    orgCoverageRate: number | null;
    shouldEstablishNotEstablished: number | null;
  };
  shouldEstablish: ShouldEstablishRow[];
  plans: PlanRow[];
  overdue: PlanRow[];
}

/** The plans page for the caller (`cx`): the node's figures, the 应建未建 hosts of the territory, every plan. */
export async function planBoard(cx: Cx): Promise<PlanBoard> {
  const { db, scope, today } = cx;
  requireTerritory(scope);
  const policy = await workPolicy(db, today);
  const snapshot = await loadSnapshot(db, { asOf: [today], nodeId: scope.org!.id });
  const ind = computeNodeIndicators(snapshot, scope.org!.id, today, policy);
  const facts = hostFactsAsOf(snapshot, today, policy);
  const { within } = scopeSql(scope, today);
  const hostRows = await selectAll<
    Omit<ShouldEstablishRow, "employees" | "aboveScale" | "fullMembersWorking">
  >(
    db,
    sql`select h.id as hostId, h.name, h.credit_code as creditCode, h.kind, r.name as regionName,
          (select p.id from establishment_plans p where p.host_id = h.id and p.state = 'open' limit 1) as openPlanId
        from hosts h join regions r on r.id = h.region_id where ${within.territory("r")} order by h.name`,
  );
  const shouldEstablish: ShouldEstablishRow[] = [];
  for (const h of hostRows) {
    const f = facts.get(h.hostId);
    if (!f?.shouldEstablishNotEstablished) continue;
    shouldEstablish.push({
      ...h,
      employees: f.employees,
      aboveScale: f.aboveScale,
      fullMembersWorking: f.fullMembersWorking,
    });
  }
  const plans = await plansOf(db, scope, today);
  return {
    summary: {
      hosts: ind.hosts,
      orgCovered: ind.orgCovered,
      orgCoverageRate: ind.orgCoverageRate,
      shouldEstablishNotEstablished: ind.shouldEstablishNotEstablished,
    },
    shouldEstablish,
    plans,
    overdue: plans.filter((p) => p.overdue),
  };
}

/** Every plan of the caller's territory (open first, by target date). */
export async function listPlans(cx: Cx): Promise<PlanRow[]> {
  return plansOf(cx.db, cx.scope, cx.today);
}

async function plansOf(db: Db, scope: Scope, today: string): Promise<PlanRow[]> {
  if (!scope.region) return [];
  const { within } = scopeSql(scope, today);
  const rows = await selectAll<RawPlan>(
    db,
    sql`${PLAN_SQL} where ${within.territory("r")} order by p.state desc, p.target_on, p.id`,
  );
  return decorateAll(db, rows, today);
}

/** Open plans of the caller's territory whose target date has passed. */
export async function overduePlans(cx: Cx): Promise<PlanRow[]> {
  return overduePlansIn(cx.db, cx.scope, cx.today);
}

/** `overduePlans` on a connection and scope: for the reads that combine it (the inbox, the dashboard). */
export async function overduePlansIn(db: Db, scope: Scope, today: string): Promise<PlanRow[]> {
  return (await plansOf(db, scope, today)).filter((p) => p.overdue);
}

/** One plan (`input.id`) with its notes; outside the caller's territory it does not exist. */
export async function getPlan(cx: Cx, input: { id: number }): Promise<PlanRow & { notes: PlanNoteRow[] }> {
  return planOf(cx.db, cx.scope, input.id, cx.today);
}

async function planOf(
  db: Db,
  scope: Scope,
  planId: number,
  today: string,
): Promise<PlanRow & { notes: PlanNoteRow[] }> {
  if (!scope.region) throw AppError.notFound("plan");
  const { within } = scopeSql(scope, today);
  const row = await selectOne<RawPlan>(
    db,
    sql`${PLAN_SQL} where p.id = ${planId} and ${within.territory("r")}`,
  );
  if (!row) throw AppError.notFound("plan");
  const notes = await selectAll<PlanNoteRow>(
    db,
    sql`select n.id, n.noted_on as notedOn, n.note, u.display_name as createdBy from plan_notes n
        left join users u on u.id = n.created_by where n.plan_id = ${planId} order by n.noted_on, n.id`,
  );
  return { ...(await decorateAll(db, [row], today))[0]!, notes };
}

/**
 * Tick off a milestone of an open plan of the caller's territory, dated the day it was done (not in the
 * future, not before the plan was made); once per milestone. Audited (`plan.milestone`).
 */
export async function completePlanMilestone(
  cx: Cx,
  input: { planId: number; key: PlanMilestoneKey; doneOn: string },
): Promise<{ id: number }> {
  const { db, scope, today } = cx;
  const plan = await planOf(db, scope, input.planId, today);
  if (plan.state !== "open") throw AppError.rule("PLAN_CLOSED", WORK_MESSAGES.planClosed());
  assertNotFuture(input.doneOn, today);
  const label = PLAN_MILESTONES.find((m) => m.key === input.key)!.label;
  // The last one is done by founding the organization (组建), which closes the plan.
  if (input.key === "founding")
    throw AppError.rule("PLAN_MILESTONE_FOUNDING", WORK_MESSAGES.planMilestoneFounding(label));
  const made = chinaDateOf(plan.createdAt);
  if (input.doneOn < made)
    throw AppError.rule(
      "PLAN_MILESTONE_BEFORE_PLAN",
      WORK_MESSAGES.planMilestoneBeforePlan(label, input.doneOn, made),
    );
  if (plan.milestones.find((m) => m.key === input.key)?.doneOn)
    throw AppError.rule("PLAN_MILESTONE_DONE", WORK_MESSAGES.planMilestoneDone(label));
  return writeTransaction(db, async (tx) => {
    let row: typeof planMilestonesTable.$inferSelect;
    try {
      row = (
        await tx
          .insert(planMilestonesTable)
          .values({ planId: plan.id, key: input.key, doneOn: input.doneOn, createdBy: scope.userId })
          .returning()
      )[0]!;
    } catch (e) {
      // Ticked by someone else between the read above and this write: the unique index is the guard.
      if (isUniqueViolation(e))
        throw AppError.rule("PLAN_MILESTONE_DONE", WORK_MESSAGES.planMilestoneDone(label));
      throw e;
    }
    await auditWork(tx, scope, "plan.milestone", "planMilestone", row.id, null, {
      planId: row.planId,
      milestone: label,
      doneOn: row.doneOn,
    });
    return { id: row.id };
  });
}

export interface CreatePlanInput {
  hostId: number;
  targetOn: string;
  responsible: string;
  note?: string | undefined;
}

/** Create a plan for a 应建未建 host of the caller's territory (one open plan per host). */
export async function createPlan(cx: Cx, input: CreatePlanInput): Promise<{ id: number }> {
  const { db, scope, today } = cx;
  requireTerritory(scope);
  const host = await requireHostInTerritory(db, scope, input.hostId);
  if (input.targetOn < today)
    throw AppError.rule("PLAN_TARGET_IN_PAST", WORK_MESSAGES.planTargetInPast(input.targetOn, today));
  const facts = hostFactsAsOf(
    await loadSnapshot(db, { asOf: [today], hostIds: [host.id] }),
    today,
    await workPolicy(db, today),
  ).get(host.id);
  if (!facts?.shouldEstablishNotEstablished)
    throw AppError.rule("HOST_NOT_SHOULD_ESTABLISH", WORK_MESSAGES.hostNotShouldEstablish(host.name));
  return writeTransaction(db, async (tx) => {
    const existing = (
      await tx
        .select({ id: establishmentPlans.id })
        .from(establishmentPlans)
        .where(and(eq(establishmentPlans.hostId, host.id), eq(establishmentPlans.state, "open")))
        .limit(1)
    )[0];
    if (existing) throw AppError.rule("PLAN_ALREADY_OPEN", WORK_MESSAGES.planAlreadyOpen(host.name));
    const row = (
      await tx
        .insert(establishmentPlans)
        .values({
          hostId: host.id,
          targetOn: input.targetOn,
          responsible: input.responsible,
          createdBy: scope.userId,
        })
        .returning()
    )[0]!;
    await auditWork(tx, scope, "plan.create", "establishmentPlan", row.id, null, row);
    if (input.note) {
      const note = (
        await tx
          .insert(planNotes)
          .values({ planId: row.id, notedOn: today, note: input.note, createdBy: scope.userId })
          .returning()
      )[0]!;
      await auditWork(tx, scope, "plan.note", "planNote", note.id, null, note);
    }
    return { id: row.id };
  });
}

/** A progress note on an open plan of the caller's territory. */
export async function addPlanNote(
  cx: Cx,
  input: { planId: number; notedOn: string; note: string },
): Promise<{ id: number }> {
  const { db, scope, today } = cx;
  const plan = await planOf(db, scope, input.planId, today);
  if (plan.state !== "open") throw AppError.rule("PLAN_CLOSED", WORK_MESSAGES.planClosed());
  assertNotFuture(input.notedOn, today);
  return writeTransaction(db, async (tx) => {
    const note = (
      await tx
        .insert(planNotes)
        .values({ planId: plan.id, notedOn: input.notedOn, note: input.note, createdBy: scope.userId })
        .returning()
    )[0]!;
    await auditWork(tx, scope, "plan.note", "planNote", note.id, null, note);
    return { id: note.id };
  });
}

/** The next free organization code of an area: `D` + 9-digit region code + 3 digits (as the seed). */
async function nextOrgCode(tx: DbOrTx, regionCode: string): Promise<string> {
  const prefix = `D${regionCode}`;
  const rows = await tx
    .select({ code: orgs.code })
    .from(orgs)
    .where(sql`${orgs.code} >= ${prefix} and ${orgs.code} < ${`${prefix}~`}`);
  let max = 0;
  for (const r of rows) {
    const n = Number(r.code.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(3, "0")}`;
}

export interface FoundOrganizationInput {
  planId: number;
  name: string;
  foundedOn: string;
}

/**
 * 组建: found a standalone branch (单独建 党支部) of the host under the caller's node, start its coverage
 * of the host and close the plan, in one transaction with audit rows.
 */
export async function foundOrganization(
  cx: Cx,
  input: FoundOrganizationInput,
): Promise<{ orgId: number; code: string; closedPlanIds: number[] }> {
  const { db, scope, today } = cx;
  requireTerritory(scope);
  const plan = await planOf(db, scope, input.planId, today);
  if (plan.state !== "open") throw AppError.rule("PLAN_CLOSED", WORK_MESSAGES.planClosed());
  assertNotFuture(input.foundedOn, today);
  const node = scope.org!;
  const regionCode = (await selectValue<string>(
    db,
    sql`select r.code from hosts h join regions r on r.id = h.region_id where h.id = ${plan.hostId}`,
  )) as string;
  const parentDepth = (await selectValue<number>(
    db,
    sql`select depth from orgs where id = ${node.id}`,
  )) as number;
  return writeTransaction(db, async (tx) => {
    const covered = (
      await tx
        .select({ id: coverages.id })
        .from(coverages)
        .where(
          and(
            eq(coverages.hostId, plan.hostId),
            sql`(${coverages.endOn} is null or ${coverages.endOn} > ${input.foundedOn})`,
          ),
        )
        .limit(1)
    )[0];
    if (covered) throw AppError.rule("HOST_ALREADY_COVERED", WORK_MESSAGES.hostAlreadyCovered(plan.hostName));
    const code = await nextOrgCode(tx, regionCode);
    const org = (
      await tx
        .insert(orgs)
        .values({
          code,
          name: input.name,
          category: "branch",
          parentId: node.id,
          path: `${node.path}pending/`,
          depth: parentDepth + 1,
          regionId: null,
          formationMode: "standalone",
          foundedOn: input.foundedOn,
          lastElectionOn: input.foundedOn,
        })
        .returning()
    )[0]!;
    const path = `${node.path}${org.id}/`;
    await tx.update(orgs).set({ path }).where(eq(orgs.id, org.id));
    await auditWork(tx, scope, "org.found", "org", org.id, null, { ...org, path });
    // The coverage through the write model; the plan is closed here first, with the founding as its reason
    // and the founder as its actor, so the writer's own consequence (a coverage ends the plan) finds none.
    const closedPlanIds = await withWriter(tx, async (w) => {
      const cov = await w.insert(coverages, { hostId: plan.hostId, orgId: org.id, startOn: input.foundedOn });
      await auditWork(tx, scope, "coverage.start", "coverage", cov.id, null, cov);
      const closedPlanIds = await closePlansForHost(
        tx,
        plan.hostId,
        input.foundedOn,
        WORK_MESSAGES.planClosedByFounding(input.name),
        { userId: scope.userId, username: scope.username },
      );
      return closedPlanIds;
    });
    return { orgId: org.id, code, closedPlanIds };
  });
}
