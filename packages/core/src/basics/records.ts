/**
 * The records of the five basics (五个基本), each dated, scoped and audited: the committee (班子成员), reserve
 * cadres (后备干部), the secretary's kind, source and allowance (基本队伍); venues and their checks, shared
 * venues (党群服务中心) and their links (基本阵地); rules adopted (基本制度); funds by year and source (基本
 * 保障). A grassroots organization's records are written by anyone whose subtree holds it (its own branch
 * included); a shared venue by the management node that runs it. Outside the scope: not found.
 */
import type { Cx } from "@liangxin/db/cx";
import { selectAll, selectOne, writeTransaction } from "@liangxin/db/driver";
import {
  committeeMembers,
  orgFunds,
  orgRules,
  reserveCadres,
  secretaries,
  secretaryAllowances,
  venueChecks,
  venueLinks,
  venues,
} from "@liangxin/db/schema";
import { scopeSql } from "@liangxin/db/scope";
import {
  AppError,
  assertNotFuture,
  ORG_RULE_LABELS,
  type CommitteePost,
  type FundSource,
  type OrgRule,
  type SecretaryKind,
  type SecretarySource,
  type VenueEquipment,
  type VenueStatus,
  yearOf,
} from "@liangxin/domain";
import { and, eq, sql } from "drizzle-orm";
import { audit } from "../commands/common.ts";
import { endDatedRow } from "../commands/end-dated.ts";
import { requireGrassrootsInSubtree, requireTerritory } from "../work/common.ts";
import { basicsMessages as m } from "./messages.ts";

// ---- 基本队伍 -------------------------------------------------------------------------------------

export interface CommitteeMemberInput {
  orgId: number;
  memberId: number;
  post: CommitteePost;
  startOn: string;
  onBoard?: boolean;
  inManagement?: boolean;
  onSupervisoryBoard?: boolean;
}

/** A member of the organization (held there, in good standing) by id, else NOT_FOUND / a rule's refusal. */
async function heldMember(
  cx: Cx,
  orgId: number,
  orgName: string,
  memberId: number,
): Promise<{ name: string }> {
  const { within } = scopeSql(cx.scope, cx.today);
  const member = await selectOne<{ name: string; orgId: number | null; status: string }>(
    cx.db,
    sql`select m.name, m.org_id as orgId, m.status from members m left join orgs o on o.id = m.org_id
        where m.id = ${memberId} and ${within.subtree("o")}`,
  );
  if (!member) throw AppError.notFound();
  if (member.orgId !== orgId || member.status !== "normal")
    throw AppError.rule("BASICS_MEMBER_NOT_HELD", m.notHeld(member.name, orgName));
  return member;
}

/** A post on the committee from `startOn` (a 换届 ends the old posts and records the new ones). */
export async function setCommitteeMember(cx: Cx, input: CommitteeMemberInput) {
  const { db, scope, today } = cx;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  assertNotFuture(input.startOn, today);
  return writeTransaction(db, async () => {
    const member = await heldMember(cx, org.id, org.name, input.memberId);
    const open = await selectOne<{ startOn: string }>(
      db,
      sql`select start_on as startOn from committee_members
          where org_id = ${org.id} and member_id = ${input.memberId} and (end_on is null or end_on > ${input.startOn})`,
    );
    if (open) throw AppError.rule("BASICS_POST_TAKEN", m.postTaken(member.name, open.startOn));
    if (input.post === "secretary") {
      const isSecretary = await selectOne<{ id: number }>(
        db,
        sql`select id from secretaries where org_id = ${org.id} and member_id = ${input.memberId}
            and start_on <= ${input.startOn} and (end_on is null or end_on > ${input.startOn})`,
      );
      if (!isSecretary) throw AppError.rule("BASICS_SECRETARY_POST", m.secretaryPost(member.name));
    }
    const row = (
      await db
        .insert(committeeMembers)
        .values({
          orgId: org.id,
          memberId: input.memberId,
          post: input.post,
          startOn: input.startOn,
          onBoard: input.onBoard ?? false,
          inManagement: input.inManagement ?? false,
          onSupervisoryBoard: input.onSupervisoryBoard ?? false,
        })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "committee.set",
      entity: "committeeMember",
      entityId: row.id,
      scopeOrgId: org.id,
      after: row,
    });
    return row;
  });
}

export async function endCommitteeMember(cx: Cx, input: { id: number; endOn: string }) {
  return endDatedRow(cx, committeeMembers, "committeeMember", input, async (before) => {
    await requireGrassrootsInSubtree(cx.db, cx.scope, before.orgId);
    return before.orgId;
  });
}

/** 后备干部 from `startOn`. */
export async function setReserveCadre(cx: Cx, input: { orgId: number; memberId: number; startOn: string }) {
  const { db, scope, today } = cx;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  assertNotFuture(input.startOn, today);
  return writeTransaction(db, async () => {
    const member = await heldMember(cx, org.id, org.name, input.memberId);
    const open = await selectOne<{ id: number }>(
      db,
      sql`select id from reserve_cadres where org_id = ${org.id} and member_id = ${input.memberId}
          and (end_on is null or end_on > ${input.startOn})`,
    );
    if (open) throw AppError.rule("BASICS_ALREADY_RESERVE", m.alreadyReserve(member.name));
    const row = (
      await db
        .insert(reserveCadres)
        .values({ orgId: org.id, memberId: input.memberId, startOn: input.startOn })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "reserveCadre.set",
      entity: "reserveCadre",
      entityId: row.id,
      scopeOrgId: org.id,
      after: row,
    });
    return row;
  });
}

export async function endReserveCadre(cx: Cx, input: { id: number; endOn: string }) {
  return endDatedRow(cx, reserveCadres, "reserveCadre", input, async (before) => {
    await requireGrassrootsInSubtree(cx.db, cx.scope, before.orgId);
    return before.orgId;
  });
}

/** A secretary's term in the caller's subtree, else NOT_FOUND. */
async function secretaryTerm(cx: Cx, secretaryId: number) {
  const term = (await cx.db.select().from(secretaries).where(eq(secretaries.id, secretaryId)).limit(1))[0];
  if (!term) throw AppError.notFound();
  await requireGrassrootsInSubtree(cx.db, cx.scope, term.orgId);
  return term;
}

/** The secretary's kind (专职/兼职) and source (企业主/管理层/工会主席/选派) for the term. */
export async function setSecretaryProfile(
  cx: Cx,
  input: { secretaryId: number; kind: SecretaryKind | null; source: SecretarySource | null },
) {
  const { db } = cx;
  return writeTransaction(db, async () => {
    const before = await secretaryTerm(cx, input.secretaryId);
    const after = (
      await db
        .update(secretaries)
        .set({ kind: input.kind, source: input.source })
        .where(eq(secretaries.id, before.id))
        .returning()
    )[0]!;
    await audit(cx, {
      action: "secretary.profile",
      entity: "secretary",
      entityId: before.id,
      scopeOrgId: before.orgId,
      before,
      after,
    });
    return after;
  });
}

/** 工作津贴 of a secretary's term from `startOn` (whole 分 per month); the allowance before it ends there. */
export async function setSecretaryAllowance(
  cx: Cx,
  input: { secretaryId: number; monthlyFen: number; startOn: string },
) {
  const { db, today } = cx;
  assertNotFuture(input.startOn, today);
  return writeTransaction(db, async () => {
    const term = await secretaryTerm(cx, input.secretaryId);
    if (term.endOn !== null && term.endOn <= input.startOn)
      throw AppError.rule("BASICS_ALLOWANCE_AFTER_TERM", m.allowanceOnEnded(term.endOn));
    if (input.startOn < term.startOn)
      throw AppError.rule("BASICS_ALLOWANCE_BEFORE_TERM", m.allowanceBeforeTerm(term.startOn));
    const current = await selectAll<{ id: number; startOn: string }>(
      db,
      sql`select id, start_on as startOn from secretary_allowances
          where secretary_id = ${term.id} and end_on is null and start_on < ${input.startOn}`,
    );
    for (const c of current) {
      await db
        .update(secretaryAllowances)
        .set({ endOn: input.startOn })
        .where(eq(secretaryAllowances.id, c.id));
      await audit(cx, {
        action: "allowance.end",
        entity: "secretaryAllowance",
        entityId: c.id,
        scopeOrgId: term.orgId,
        after: { endOn: input.startOn },
      });
    }
    const row = (
      await db
        .insert(secretaryAllowances)
        .values({ secretaryId: term.id, monthlyFen: input.monthlyFen, startOn: input.startOn })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "allowance.set",
      entity: "secretaryAllowance",
      entityId: row.id,
      scopeOrgId: term.orgId,
      after: row,
    });
    return row;
  });
}

// ---- 基本阵地 -------------------------------------------------------------------------------------

export interface VenueCheckFields {
  checkedOn: string;
  status: VenueStatus;
  areaSqm?: number | null;
  equipment: readonly VenueEquipment[];
}

/** A venue's check of a day (replacing one of the same day), audited. */
async function writeCheck(cx: Cx, venueId: number, scopeOrgId: number, f: VenueCheckFields) {
  const values = {
    venueId,
    checkedOn: f.checkedOn,
    status: f.status,
    areaSqm: f.areaSqm ?? null,
    hasAv: f.equipment.includes("av"),
    hasFurniture: f.equipment.includes("furniture"),
    hasFlag: f.equipment.includes("flag"),
    hasEmblem: f.equipment.includes("emblem"),
    hasReading: f.equipment.includes("reading"),
  };
  const { venueId: _v, checkedOn: _c, ...set } = values;
  const row = (
    await cx.db
      .insert(venueChecks)
      .values(values)
      .onConflictDoUpdate({ target: [venueChecks.venueId, venueChecks.checkedOn], set })
      .returning()
  )[0]!;
  await audit(cx, { action: "venue.check", entity: "venueCheck", entityId: row.id, scopeOrgId, after: row });
  return row;
}

/** An organization's own venue as found on a day (created with its first check). */
export async function recordVenue(cx: Cx, input: { orgId: number; name: string } & VenueCheckFields) {
  const { db, scope, today } = cx;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  assertNotFuture(input.checkedOn, today);
  return writeTransaction(db, async () => {
    let venue = (await db.select().from(venues).where(eq(venues.orgId, org.id)).limit(1))[0];
    if (!venue) {
      venue = (await db.insert(venues).values({ name: input.name, orgId: org.id }).returning())[0]!;
      await audit(cx, {
        action: "venue.create",
        entity: "venue",
        entityId: venue.id,
        scopeOrgId: org.id,
        after: venue,
      });
    } else if (venue.name !== input.name) {
      const before = venue;
      venue = (
        await db.update(venues).set({ name: input.name }).where(eq(venues.id, venue.id)).returning()
      )[0]!;
      await audit(cx, {
        action: "venue.rename",
        entity: "venue",
        entityId: venue.id,
        scopeOrgId: org.id,
        before,
        after: venue,
      });
    }
    const check = await writeCheck(cx, venue.id, org.id, input);
    return { venue, check };
  });
}

/** A shared venue (党群服务中心) run by the caller's node, with its first check. */
export async function createSharedVenue(cx: Cx, input: { name: string } & VenueCheckFields) {
  const { db, scope, today } = cx;
  requireTerritory(scope);
  assertNotFuture(input.checkedOn, today);
  const node = scope.org!;
  return writeTransaction(db, async () => {
    const venue = (await db.insert(venues).values({ name: input.name, runBy: node.id }).returning())[0]!;
    await audit(cx, {
      action: "venue.create",
      entity: "venue",
      entityId: venue.id,
      scopeOrgId: node.id,
      after: venue,
    });
    const check = await writeCheck(cx, venue.id, node.id, input);
    return { venue, check };
  });
}

/** A shared venue run by a node of the caller's subtree, else NOT_FOUND. */
async function sharedVenue(cx: Cx, venueId: number) {
  const { within } = scopeSql(cx.scope, cx.today);
  const venue = await selectOne<{ id: number; runBy: number | null; orgId: number | null }>(
    cx.db,
    sql`select v.id, v.run_by as runBy, v.org_id as orgId from venues v join orgs o on o.id = coalesce(v.run_by, v.org_id)
        where v.id = ${venueId} and ${within.subtree("o")}`,
  );
  if (!venue) throw AppError.notFound();
  if (venue.runBy === null) throw AppError.rule("BASICS_VENUE_NOT_SHARED", m.ownVenueNotShared);
  return { id: venue.id, runBy: venue.runBy };
}

/** A shared venue as found on a day. */
export async function checkSharedVenue(cx: Cx, input: { venueId: number } & VenueCheckFields) {
  const { db, today } = cx;
  assertNotFuture(input.checkedOn, today);
  return writeTransaction(db, async () => {
    const venue = await sharedVenue(cx, input.venueId);
    return writeCheck(cx, venue.id, venue.runBy, input);
  });
}

/** A shared venue serves an organization from `startOn`. */
export async function linkVenue(cx: Cx, input: { venueId: number; orgId: number; startOn: string }) {
  const { db, scope } = cx;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  return writeTransaction(db, async () => {
    const venue = await sharedVenue(cx, input.venueId);
    const open = await selectOne<{ startOn: string }>(
      db,
      sql`select start_on as startOn from venue_links where venue_id = ${venue.id} and org_id = ${org.id}
          and (end_on is null or end_on > ${input.startOn})`,
    );
    if (open) throw AppError.rule("BASICS_LINK_OVERLAPS", m.linkOverlaps(open.startOn));
    const row = (
      await db
        .insert(venueLinks)
        .values({ venueId: venue.id, orgId: org.id, startOn: input.startOn })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "venue.link",
      entity: "venueLink",
      entityId: row.id,
      scopeOrgId: org.id,
      after: row,
    });
    return row;
  });
}

export async function endVenueLink(cx: Cx, input: { id: number; endOn: string }) {
  return endDatedRow(cx, venueLinks, "venueLink", input, async (before) => {
    await requireGrassrootsInSubtree(cx.db, cx.scope, before.orgId);
    return before.orgId;
  });
}

// ---- 基本制度 -------------------------------------------------------------------------------------

/** A rule adopted on a day (not while the same rule is in force). */
export async function adoptRule(cx: Cx, input: { orgId: number; rule: OrgRule; adoptedOn: string }) {
  const { db, scope, today } = cx;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  assertNotFuture(input.adoptedOn, today);
  return writeTransaction(db, async () => {
    const open = await selectOne<{ adoptedOn: string }>(
      db,
      sql`select adopted_on as adoptedOn from org_rules where org_id = ${org.id} and rule = ${input.rule}
          and (dropped_on is null or dropped_on > ${input.adoptedOn})`,
    );
    if (open)
      throw AppError.rule("BASICS_RULE_ADOPTED", m.ruleAdopted(ORG_RULE_LABELS[input.rule], open.adoptedOn));
    const row = (
      await db
        .insert(orgRules)
        .values({ orgId: org.id, rule: input.rule, adoptedOn: input.adoptedOn })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "rule.adopt",
      entity: "orgRule",
      entityId: row.id,
      scopeOrgId: org.id,
      after: row,
    });
    return row;
  });
}

/** A rule dropped on a day. */
export async function dropRule(cx: Cx, input: { id: number; droppedOn: string }) {
  const { db } = cx;
  return writeTransaction(db, async () => {
    const before = (await db.select().from(orgRules).where(eq(orgRules.id, input.id)).limit(1))[0];
    if (!before) throw AppError.notFound();
    await requireGrassrootsInSubtree(db, cx.scope, before.orgId);
    const label = ORG_RULE_LABELS[before.rule];
    if (before.droppedOn !== null)
      throw AppError.rule("BASICS_RULE_DROPPED", m.ruleAlreadyDropped(label, before.droppedOn));
    if (input.droppedOn <= before.adoptedOn)
      throw AppError.rule("BASICS_RULE_DROP_DATE", m.ruleDroppedBeforeAdopted(label, before.adoptedOn));
    const after = (
      await db
        .update(orgRules)
        .set({ droppedOn: input.droppedOn })
        .where(eq(orgRules.id, before.id))
        .returning()
    )[0]!;
    await audit(cx, {
      action: "rule.drop",
      entity: "orgRule",
      entityId: before.id,
      scopeOrgId: before.orgId,
      before,
      after,
    });
    return after;
  });
}

// ---- 基本保障 -------------------------------------------------------------------------------------

/** An organization's funds of a year from one source (whole 分), replacing what was recorded. */
export async function setFunds(
  cx: Cx,
  input: { orgId: number; year: number; source: FundSource; amountFen: number },
) {
  const { db, scope, today } = cx;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  if (input.year > yearOf(today)) throw AppError.rule("BASICS_FUNDS_FUTURE", m.fundsFuture(input.year));
  return writeTransaction(db, async () => {
    const key = and(
      eq(orgFunds.orgId, org.id),
      eq(orgFunds.year, input.year),
      eq(orgFunds.source, input.source),
    );
    const before = (await db.select().from(orgFunds).where(key).limit(1))[0] ?? null;
    const after = (
      await db
        .insert(orgFunds)
        .values({ orgId: org.id, year: input.year, source: input.source, amountFen: input.amountFen })
        .onConflictDoUpdate({
          target: [orgFunds.orgId, orgFunds.year, orgFunds.source],
          set: { amountFen: input.amountFen },
        })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "funds.set",
      entity: "orgFunds",
      entityId: `${org.id}:${input.year}:${input.source}`,
      scopeOrgId: org.id,
      before,
      after,
    });
    return after;
  });
}
