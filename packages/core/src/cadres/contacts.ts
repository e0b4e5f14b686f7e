/**
 * 领导干部联系点: leading cadres (name, post, unit) registered by a management node, each linked, dated, to
 * the organizations or hosts they contact, with visit records. A leader is visible when the node that
 * registered them is in the caller's subtree; a contact point when its leader is (and its organization or
 * host is in the caller's sets); outside that it does not exist (NOT_FOUND). A point is overdue when no
 * visit fell within the policy's `contactVisitMonths` (domain `visitOverdue`); the administrator of the
 * node that registered the leader has it in their 待办.
 */
import type { Cx } from "@liangxin/db/cx";
import { selectAll, selectOne, writeTransaction } from "@liangxin/db/driver";
import { contactPoints, contactVisits, leaders } from "@liangxin/db/schema";
import { scopeSql } from "@liangxin/db/scope";
import {
  AppError,
  assertInterval,
  assertNotFuture,
  CONTACT_MESSAGES as m,
  contactInForce,
  visitDueOn,
  visitOverdue,
  visitOverdueDays,
} from "@liangxin/domain";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { audit } from "../commands/common.ts";
import { requireHostInTerritory, requireOrgInSubtree, workPolicy } from "../work/common.ts";

export interface LeaderInput {
  name: string;
  post: string;
  unit: string;
}

/** A leader row (alias `l`) registered by a node of the caller's subtree. */
function leaderVisible(cx: Cx, l = "l"): SQL {
  return scopeSql(cx.scope, cx.today).within.orgId(`${l}.registered_by_id`);
}

/** A contact point (alias `p`) whose organization or host is among the caller's (as when linked). */
function subjectVisible(cx: Cx, p = "p"): SQL {
  const s = scopeSql(cx.scope, cx.today);
  return sql`((${sql.raw(p)}.org_id is not null and ${s.within.orgId(`${p}.org_id`)})
    or (${sql.raw(p)}.host_id is not null and exists (select 1 from hosts h where h.id = ${sql.raw(p)}.host_id and ${s.sets.hosts.visible("h")})))`;
}

async function requireLeader(cx: Cx, id: number) {
  if (!cx.scope.org) throw AppError.notFound();
  const row = await selectOne<{ id: number; name: string; registeredById: number; version: number }>(
    cx.db,
    sql`select l.id, l.name, l.registered_by_id as registeredById, l.version from leaders l
        where l.id = ${id} and ${leaderVisible(cx)}`,
  );
  if (!row) throw AppError.notFound("leader");
  return row;
}

interface PointRow {
  id: number;
  leaderId: number;
  leaderName: string;
  registeredById: number;
  orgId: number | null;
  hostId: number | null;
  subjectName: string;
  startOn: string;
  endOn: string | null;
}

const POINT_COLUMNS = sql`p.id, p.leader_id as leaderId, l.name as leaderName, l.registered_by_id as registeredById,
  p.org_id as orgId, p.host_id as hostId, coalesce(o.name, h.name) as subjectName, p.start_on as startOn,
  p.end_on as endOn`;
const POINT_FROM = sql`contact_points p join leaders l on l.id = p.leader_id
  left join orgs o on o.id = p.org_id left join hosts h on h.id = p.host_id`;

async function requirePoint(cx: Cx, id: number): Promise<PointRow> {
  if (!cx.scope.org) throw AppError.notFound();
  const row = await selectOne<PointRow>(
    cx.db,
    sql`select ${POINT_COLUMNS} from ${POINT_FROM} where p.id = ${id} and ${leaderVisible(cx)} and ${subjectVisible(cx)}`,
  );
  if (!row) throw AppError.notFound("contactPoint");
  return row;
}

/** A leading cadre registered by the caller's node. */
/** Refuse a second leader of the node with the same name and unit (`except`: the one edited). */
async function refuseSameLeader(cx: Cx, nodeId: number, input: LeaderInput, except = 0) {
  const same = await selectOne<{ id: number }>(
    cx.db,
    sql`select id from leaders where registered_by_id = ${nodeId} and name = ${input.name}
          and unit = ${input.unit} and id <> ${except}`,
  );
  if (same) throw AppError.rule("LEADER_EXISTS", m.leaderExists(input.name, input.unit));
}

export async function createLeader(cx: Cx, input: LeaderInput) {
  const { db, scope } = cx;
  if (!scope.org) throw AppError.notFound();
  return writeTransaction(db, async () => {
    await refuseSameLeader(cx, scope.org!.id, input);
    const row = (
      await db
        .insert(leaders)
        .values({ name: input.name, post: input.post, unit: input.unit, registeredById: scope.org!.id })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "leader.create",
      entity: "leader",
      entityId: row.id,
      scopeOrgId: scope.org!.id,
      after: row,
    });
    return row;
  });
}

/** Name, post and unit of a visible leader, at the version read. */
export async function updateLeader(cx: Cx, input: LeaderInput & { id: number; version: number }) {
  const { db } = cx;
  return writeTransaction(db, async () => {
    const seen = await requireLeader(cx, input.id);
    const before = (await db.select().from(leaders).where(eq(leaders.id, input.id)).limit(1))[0]!;
    await refuseSameLeader(cx, before.registeredById, input, before.id);
    const after = (
      await db
        .update(leaders)
        .set({ name: input.name, post: input.post, unit: input.unit, version: seen.version + 1 })
        .where(and(eq(leaders.id, input.id), eq(leaders.version, input.version)))
        .returning()
    )[0];
    if (!after) throw AppError.stale();
    await audit(cx, {
      action: "leader.update",
      entity: "leader",
      entityId: input.id,
      scopeOrgId: seen.registeredById,
      before,
      after,
    });
    return after;
  });
}

export interface LinkInput {
  leaderId: number;
  orgId?: number | null | undefined;
  hostId?: number | null | undefined;
  startOn: string;
}

/** A visible leader contacts an organization of the subtree or a host of the territory from `startOn`. */
export async function linkContact(cx: Cx, input: LinkInput) {
  const { db, scope, today } = cx;
  if ((input.orgId == null) === (input.hostId == null)) throw AppError.rule("CONTACT_SUBJECT", m.subjectOne);
  assertNotFuture(input.startOn, today);
  return writeTransaction(db, async () => {
    const leader = await requireLeader(cx, input.leaderId);
    const subject =
      input.orgId != null
        ? (await requireOrgInSubtree(db, scope, input.orgId)).name
        : (await requireHostInTerritory(db, scope, input.hostId!)).name;
    const open = await selectOne<{ startOn: string }>(
      db,
      sql`select start_on as startOn from contact_points where leader_id = ${leader.id}
          and ${input.orgId != null ? sql`org_id = ${input.orgId}` : sql`host_id = ${input.hostId!}`}
          and (end_on is null or end_on > ${input.startOn})`,
    );
    if (open) throw AppError.rule("CONTACT_TAKEN", m.alreadyLinked(leader.name, subject, open.startOn));
    const row = (
      await db
        .insert(contactPoints)
        .values({
          leaderId: leader.id,
          orgId: input.orgId ?? null,
          hostId: input.hostId ?? null,
          startOn: input.startOn,
        })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "contactPoint.link",
      entity: "contactPoint",
      entityId: row.id,
      scopeOrgId: leader.registeredById,
      after: row,
    });
    return row;
  });
}

/** Ends a contact point on `endOn` (after its start; ended already: refused). */
export async function endContact(cx: Cx, input: { id: number; endOn: string }) {
  const { db } = cx;
  return writeTransaction(db, async () => {
    const point = await requirePoint(cx, input.id);
    const before = (await db.select().from(contactPoints).where(eq(contactPoints.id, input.id)).limit(1))[0]!;
    if (before.endOn !== null) throw AppError.rule("ALREADY_ENDED", m.alreadyEnded(before.endOn));
    assertInterval(before.startOn, input.endOn);
    const after = (
      await db
        .update(contactPoints)
        .set({ endOn: input.endOn })
        .where(eq(contactPoints.id, input.id))
        .returning()
    )[0]!;
    await audit(cx, {
      action: "contactPoint.end",
      entity: "contactPoint",
      entityId: input.id,
      scopeOrgId: point.registeredById,
      before,
      after,
    });
    return after;
  });
}

export interface VisitInput {
  contactPointId: number;
  visitedOn: string;
  content: string;
  problems?: string | null | undefined;
  followUp?: string | null | undefined;
}

/** A visit to a contact point: not in the future, within the point's period. */
export async function recordVisit(cx: Cx, input: VisitInput) {
  const { db, scope, today } = cx;
  return writeTransaction(db, async () => {
    const point = await requirePoint(cx, input.contactPointId);
    if (input.visitedOn > today) throw AppError.rule("DATE_IN_FUTURE", m.visitFuture(input.visitedOn, today));
    if (input.visitedOn < point.startOn)
      throw AppError.rule("CONTACT_VISIT_BEFORE_START", m.visitBeforeStart(input.visitedOn, point.startOn));
    if (point.endOn !== null && input.visitedOn >= point.endOn)
      throw AppError.rule("CONTACT_VISIT_AFTER_END", m.visitAfterEnd(input.visitedOn, point.endOn));
    const sameDay = await selectOne<{ id: number }>(
      db,
      sql`select id from contact_visits where contact_point_id = ${point.id} and visited_on = ${input.visitedOn}`,
    );
    if (sameDay) throw AppError.rule("CONTACT_VISIT_EXISTS", m.visitExists(input.visitedOn));
    const row = (
      await db
        .insert(contactVisits)
        .values({
          contactPointId: point.id,
          visitedOn: input.visitedOn,
          content: input.content,
          problems: input.problems ?? null,
          followUp: input.followUp ?? null,
          createdBy: scope.userId,
        })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "contactVisit.record",
      entity: "contactVisit",
      entityId: row.id,
      scopeOrgId: point.registeredById,
      after: row,
    });
    return row;
  });
}

export interface ContactPointView extends PointRow {
  lastVisitOn: string | null;
  visits: number;
  inForce: boolean;
  /** The day the next visit is due (in force only). */
  dueOn: string | null;
  overdue: boolean;
  overdueDays: number;
}

/** Points (with their last visit on or before `day`) matching `where`, the caller's visibility applied. */
async function pointsWhere(cx: Cx, where: SQL, day: string): Promise<ContactPointView[]> {
  const months = (await workPolicy(cx.db, day)).contactVisitMonths;
  const rows = await selectAll<PointRow & { lastVisitOn: string | null; visits: number }>(
    cx.db,
    sql`select ${POINT_COLUMNS},
          (select max(v.visited_on) from contact_visits v where v.contact_point_id = p.id and v.visited_on <= ${day}) as lastVisitOn,
          (select count(*) from contact_visits v where v.contact_point_id = p.id) as visits
        from ${POINT_FROM}
        where ${leaderVisible(cx)} and ${subjectVisible(cx)} and ${where}
        order by l.name, p.start_on, p.id`,
  );
  return rows.map((r) => {
    const inForce = contactInForce(r, day);
    return {
      ...r,
      inForce,
      dueOn: inForce ? visitDueOn(r, months) : null,
      overdue: visitOverdue(r, day, months),
      overdueDays: visitOverdueDays(r, day, months),
    };
  });
}

export interface LeaderView {
  id: number;
  name: string;
  post: string;
  unit: string;
  registeredById: number;
  version: number;
  points: ContactPointView[];
}

/** The leaders the caller sees, each with their contact points and last visits (as of `on`, default today). */
export async function listLeaders(cx: Cx, input: { on?: string | undefined } = {}): Promise<LeaderView[]> {
  if (!cx.scope.org) return [];
  const day = input.on ?? cx.today;
  const leadersSeen = await selectAll<Omit<LeaderView, "points">>(
    cx.db,
    sql`select l.id, l.name, l.post, l.unit, l.registered_by_id as registeredById, l.version from leaders l
        where ${leaderVisible(cx)} order by l.name, l.id`,
  );
  const points = await pointsWhere(cx, sql`1 = 1`, day);
  const byLeader = new Map<number, ContactPointView[]>();
  for (const p of points) byLeader.set(p.leaderId, [...(byLeader.get(p.leaderId) ?? []), p]);
  return leadersSeen.map((l) => ({ ...l, points: byLeader.get(l.id) ?? [] }));
}

/** The visits of one visible contact point, latest first. */
export async function pointVisits(cx: Cx, input: { contactPointId: number }) {
  const point = await requirePoint(cx, input.contactPointId);
  const visits = (
    await cx.db.select().from(contactVisits).where(eq(contactVisits.contactPointId, point.id))
  ).sort((a, b) => (a.visitedOn < b.visitedOn ? 1 : a.visitedOn > b.visitedOn ? -1 : b.id - a.id));
  return { point, visits };
}

/** The leaders contacting one organization or host (points in force on today), as the caller sees them. */
export async function contactsOf(cx: Cx, input: { orgId?: number | undefined; hostId?: number | undefined }) {
  if (!cx.scope.org || (input.orgId === undefined) === (input.hostId === undefined)) return [];
  const where =
    input.orgId !== undefined ? sql`p.org_id = ${input.orgId}` : sql`p.host_id = ${input.hostId!}`;
  const points = (await pointsWhere(cx, where, cx.today)).filter((p) => p.inForce);
  if (points.length === 0) return [];
  const people = new Map(
    (
      await selectAll<{ id: number; name: string; post: string; unit: string }>(
        cx.db,
        sql`select l.id, l.name, l.post, l.unit from leaders l where ${leaderVisible(cx)}`,
      )
    ).map((l) => [l.id, l]),
  );
  return points.map((p) => ({ ...p, leader: people.get(p.leaderId)! }));
}

/** The contact points overdue on today among those the caller sees (`ownOnly`: leaders of the caller's node). */
export async function overdueContacts(cx: Cx, ownOnly = false): Promise<ContactPointView[]> {
  if (!cx.scope.org) return [];
  const own = ownOnly ? sql`l.registered_by_id = ${cx.scope.org.id}` : sql`1 = 1`;
  return (
    await pointsWhere(
      cx,
      sql`${own} and p.start_on <= ${cx.today} and (p.end_on is null or p.end_on > ${cx.today})`,
      cx.today,
    )
  ).filter((p) => p.overdue);
}

export async function overdueContactsIn(cx: Cx) {
  return overdueContacts(cx);
}
