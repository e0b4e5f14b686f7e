/** 党组织: create, update, re-parent (a dated event), dual-management links, secretaries. */
import type { Cx } from "@liangxin/db/cx";
import {
  AppError,
  assertInterval,
  assertSecretaryTermAllowed,
  checkCoverageOnTopmost,
  checkStandaloneCoverage,
  isGrassroots,
  nextOrgCode,
  orgCodeSeries,
  type FormationMode,
  type OrgCategory,
  type SecretaryTermRec,
} from "@liangxin/domain";
import { eq, sql } from "drizzle-orm";
import {
  type Db,
  execute,
  selectAll,
  selectColumn,
  selectOne,
  selectValue,
  writeTransaction,
} from "@liangxin/db/driver";
import { dualLinks, orgReparentings, orgs, regions, secretaries } from "@liangxin/db/schema";
import {
  assertVersion,
  audit,
  isUniqueViolation,
  orgByKey,
  requireMemberEdit,
  requireOrgEdit,
  requireOrgRef,
  seesOrg,
  type CommandWarning,
} from "./common.ts";
import { coverHostsInTransaction } from "./coverage.ts";
import { endDatedRow } from "./end-dated.ts";
import { commandMessages } from "./messages.ts";
import { coveragesOf, hostRecs, orgWithSuperiors, reparentingsOf, throwFirstError } from "./world.ts";
import { isUnder, pathIn, subtreeRange } from "@liangxin/db/scope";
import { assertNotLocked, earliest } from "../reports/lock.ts";
import { withWriter } from "../writers/index.ts";

type OrgRow = typeof orgs.$inferSelect;

export interface OrgFields {
  code: string;
  name: string;
  category: OrgCategory;
  parentId: number;
  regionId?: number | null;
  formationMode?: FormationMode | null;
  foundedOn: string;
  revokedOn?: string | null;
  lastElectionOn?: string | null;
  /** Whether it has 党小组 (grassroots organizations only). */
  hasPartyGroups?: boolean;
}
export type CreateOrgInput = OrgFields & {
  /** Hosts the new organization covers from its founding day, in the same step (a joint branch's several). */
  hostIds?: readonly number[];
};
export type UpdateOrgInput = { id: number; version: number } & Partial<Omit<OrgFields, "parentId">>;

export interface ReparentOrgInput {
  orgId: number;
  toParentId: number;
  effectiveOn: string;
  docNo?: string | null;
  reason?: string | null;
  /** When given, the organization's version as the caller read it. */
  version?: number;
}

async function getOrg(db: Db, id: number): Promise<OrgRow> {
  const row = (await db.select().from(orgs).where(eq(orgs.id, id)).limit(1))[0];
  if (!row) throw AppError.notFound();
  return row;
}

async function requireRegionInTerritory(cx: Cx, regionId: number): Promise<void> {
  const { db } = cx;
  const territory = cx.scope.region?.path;
  const r = (
    await db.select({ path: regions.path }).from(regions).where(eq(regions.id, regionId)).limit(1)
  )[0];
  if (!r || !isUnder(r.path, territory)) throw AppError.notFound();
}

/** Management nodes hold territory and no mode; grassroots organizations the reverse; never management under grassroots. */
function assertShape(
  o: Pick<OrgRow, "name" | "category" | "regionId" | "formationMode"> & { hasPartyGroups?: boolean },
  parent: OrgRow | null,
): void {
  if (isGrassroots(o.category)) {
    if (o.regionId != null)
      throw AppError.rule("ORG_GRASSROOTS_TERRITORY", commandMessages.grassrootsWithTerritory);
  } else {
    if (o.formationMode != null)
      throw AppError.rule("ORG_MANAGEMENT_MODE", commandMessages.managementWithMode);
    if (o.hasPartyGroups)
      throw AppError.rule("ORG_MANAGEMENT_GROUPS", commandMessages.managementWithPartyGroups);
    if (parent && isGrassroots(parent.category))
      throw AppError.rule(
        "ORG_MANAGEMENT_UNDER_GRASSROOTS",
        commandMessages.managementUnderGrassroots(o.name, parent.name),
      );
  }
}

function assertRevoked(o: Pick<OrgRow, "foundedOn" | "revokedOn">): void {
  if (o.revokedOn != null) assertInterval(o.foundedOn, o.revokedOn);
}

async function uniqueCode<T>(code: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e, "code"))
      throw AppError.rule("ORG_CODE_TAKEN", commandMessages.orgCodeTaken(code));
    throw e;
  }
}

/** The coverage rules still hold for `orgId`'s coverages (from `from` on) after a change of the organization. */
async function assertCoveragesStillValid(db: Db, orgId: number, from: string | null): Promise<void> {
  const coverages = (await coveragesOf(db, { orgId })).filter((c) => c.orgId === orgId);
  if (coverages.length === 0) return;
  const reparentings = await reparentingsOf(db, orgId);
  const world = {
    orgs: await orgWithSuperiors(db, orgId, reparentings),
    hosts: await hostRecs(
      db,
      coverages.map((c) => c.hostId),
    ),
    coverages,
    reparentings,
  };
  const recent = (date: string | undefined) => from === null || date === undefined || date >= from;
  throwFirstError(checkStandaloneCoverage(world).filter((v) => recent(v.refs?.date)));
  throwFirstError(checkCoverageOnTopmost(world).filter((v) => recent(v.refs?.date)));
}

export async function createOrg(
  cx: Cx,
  { hostIds, ...input }: CreateOrgInput,
): Promise<OrgRow & { warnings: CommandWarning[] }> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireOrgEdit(cx, input.parentId);
    const parent = await getOrg(db, input.parentId);
    if (input.regionId != null) await requireRegionInTerritory(cx, input.regionId);
    assertShape(
      { ...input, regionId: input.regionId ?? null, formationMode: input.formationMode ?? null },
      parent,
    );
    assertRevoked({ foundedOn: input.foundedOn, revokedOn: input.revokedOn ?? null });
    await assertNotLocked(db, { on: input.foundedOn, orgIds: [parent.id], regionIds: [input.regionId] });
    const inserted = await uniqueCode(
      input.code,
      async () =>
        (
          await db
            .insert(orgs)
            .values({ ...input, path: `${parent.path}?/`, depth: parent.depth + 1 })
            .returning({ id: orgs.id })
        )[0]!,
    );
    await db
      .update(orgs)
      .set({ path: `${parent.path}${inserted.id}/` })
      .where(eq(orgs.id, inserted.id));
    const row = await getOrg(db, inserted.id);
    await audit(cx, {
      action: "org.create",
      entity: "org",
      entityId: row.id,
      scopeOrgId: row.id,
      after: row,
    });
    // Its hosts, in the same transaction: all of them are covered, or the organization is not made either.
    const covered = hostIds?.length
      ? await coverHostsInTransaction(cx, { orgId: row.id, hostIds, startOn: row.foundedOn })
      : null;
    return { ...row, warnings: covered?.warnings ?? [] };
  });
}

/**
 * The suggested 组织代码 of a new organization under `parentId` (one the caller edits): the next free number
 * of the parent's series, among every organization of the city (codes are unique city-wide); null when the
 * parent's code follows no series or the series is full.
 */
export async function suggestOrgCode(
  cx: Cx,
  { parentId }: { parentId: number },
): Promise<{ code: string | null }> {
  const { db } = cx;
  await requireOrgEdit(cx, parentId);
  const parent = await getOrg(db, parentId);
  const series = orgCodeSeries({ code: parent.code, grassroots: isGrassroots(parent.category) });
  if (!series) return { code: null };
  const taken = await selectColumn<string>(
    db,
    sql`select code from orgs where substr(code, 1, ${series.length}) = ${series}
      and length(code) = ${series.length + 3}`,
  );
  return { code: nextOrgCode(series, taken) };
}

export async function updateOrg(cx: Cx, input: UpdateOrgInput): Promise<OrgRow> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireOrgEdit(cx, input.id);
    const before = await getOrg(db, input.id);
    assertVersion(before.version, input.version);
    const { id, version, ...changes } = input;
    const next = { ...before, ...changes };
    if (isGrassroots(before.category) !== isGrassroots(next.category))
      throw AppError.rule(
        "ORG_CATEGORY_CLASS",
        commandMessages.managementUnderGrassroots(
          next.name,
          before.parentId === null ? "" : (await getOrg(db, before.parentId)).name,
        ),
      );
    if (changes.regionId != null && changes.regionId !== before.regionId)
      await requireRegionInTerritory(cx, changes.regionId);
    assertShape(next, before.parentId === null ? null : await getOrg(db, before.parentId));
    assertRevoked(next);
    // Dates that decide when it counts from the earlier of old and new; category and mode since founding.
    const lockFrom = earliest(
      next.foundedOn !== before.foundedOn ? earliest(next.foundedOn, before.foundedOn) : undefined,
      next.revokedOn !== before.revokedOn ? earliest(next.revokedOn, before.revokedOn) : undefined,
      next.category !== before.category || next.formationMode !== before.formationMode
        ? earliest(next.foundedOn, before.foundedOn)
        : undefined,
    );
    if (lockFrom) await assertNotLocked(db, { on: lockFrom, orgIds: [id] });
    const changed = await uniqueCode(next.code, () =>
      withWriter(db, (w) => w.update(orgs, { id }, changes, { version })),
    );
    if (changed !== 1) throw AppError.stale();
    if (changes.formationMode !== undefined && changes.formationMode !== before.formationMode)
      await assertCoveragesStillValid(db, id, null);
    const after = await getOrg(db, id);
    await audit(cx, { action: "org.update", entity: "org", entityId: id, scopeOrgId: id, before, after });
    return after;
  });
}

export interface ReparentResult {
  org: OrgRow;
  reparenting: typeof orgReparentings.$inferSelect;
  /** Organizations whose path was rewritten (the organization and its whole subtree). */
  moved: number;
}

/**
 * 隶属变更: a dated event with document number and reason. Records the history row (from = today's
 * superior), sets the new superior, and rewrites path and depth of the whole subtree, in one transaction.
 * The tree as of any earlier date is rebuilt from the history.
 */
export async function reparentOrg(cx: Cx, input: ReparentOrgInput): Promise<ReparentResult> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireOrgEdit(cx, input.orgId);
    await requireOrgEdit(cx, input.toParentId);
    const org = await getOrg(db, input.orgId);
    if (input.version !== undefined) assertVersion(org.version, input.version);
    const to = await getOrg(db, input.toParentId);
    if (org.parentId === null) throw AppError.rule("ORG_ROOT_MOVE", commandMessages.rootCannotMove(org.name));
    if (org.revokedOn !== null && org.revokedOn <= input.effectiveOn)
      throw AppError.rule("ORG_REVOKED", commandMessages.reparentRevoked(org.name));
    if (to.id === org.parentId)
      throw AppError.rule("REPARENT_SAME_PARENT", commandMessages.reparentSameParent(org.name, to.name));
    if (to.path.startsWith(org.path))
      throw AppError.rule("REPARENT_CYCLE", commandMessages.reparentCycle(org.name, to.name));
    assertShape(org, to);
    if (input.effectiveOn > cx.today)
      throw AppError.rule("REPARENT_FUTURE", commandMessages.reparentFuture(input.effectiveOn, cx.today));
    const last =
      (await selectValue<string | null>(
        db,
        sql`select max(effective_on) as d from org_reparentings where org_id = ${org.id}`,
      )) ?? null;
    const floor = last !== null && last > org.foundedOn ? last : org.foundedOn;
    if (input.effectiveOn <= floor)
      throw AppError.rule(
        "REPARENT_BEFORE_LAST",
        commandMessages.reparentBeforeLast(input.effectiveOn, floor),
      );

    await assertNotLocked(db, { on: input.effectiveOn, orgIds: [org.id, org.parentId, to.id] });
    const reparenting = (
      await db
        .insert(orgReparentings)
        .values({
          orgId: org.id,
          fromParentId: org.parentId,
          toParentId: to.id,
          effectiveOn: input.effectiveOn,
          docNo: input.docNo ?? null,
          reason: input.reason ?? null,
        })
        .returning()
    )[0]!;
    const newPath = `${to.path}${org.id}/`;
    const delta = to.depth + 1 - org.depth;
    const moved = (
      await execute(
        db,
        sql`update orgs set path = ${newPath} || substr(path, ${org.path.length + 1}), depth = depth + ${delta}
        where ${pathIn("path", subtreeRange(org.path))}`,
      )
    ).changes;
    await db
      .update(orgs)
      .set({ parentId: to.id, version: sql`${orgs.version} + 1` })
      .where(eq(orgs.id, org.id));
    await assertCoveragesStillValid(db, org.id, input.effectiveOn);
    const after = await getOrg(db, org.id);
    await audit(cx, {
      action: "org.reparent",
      entity: "org",
      entityId: org.id,
      scopeOrgId: org.id,
      before: org,
      after: { ...after, reparenting, moved },
    });
    return { org: after, reparenting, moved };
  });
}

// ---------------------------------------------------------------------------------------------------
// 双重管理.

export interface SetDualLinkInput {
  orgId: number;
  /**
   * The regional organization: by id within the caller's sets, or by its exact 组织代码 anywhere in the
   * city (audited as `org.lookup`). One of the two.
   */
  regionalOrgId?: number | null;
  regionalOrgCode?: string | null;
  startOn: string;
  endOn?: string | null;
}
export interface EndDualLinkInput {
  id: number;
  endOn: string;
}

export async function setDualLink(cx: Cx, given: SetDualLinkInput): Promise<typeof dualLinks.$inferSelect> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireOrgEdit(cx, given.orgId);
    if (given.regionalOrgId != null) await requireOrgRef(cx, given.regionalOrgId);
    const regionalOrgId = given.regionalOrgCode
      ? (await orgByKey(cx, given.regionalOrgCode)).id
      : given.regionalOrgId;
    if (regionalOrgId == null) throw AppError.notFound();
    const input = {
      orgId: given.orgId,
      regionalOrgId,
      startOn: given.startOn,
      endOn: given.endOn ?? null,
    };
    if (input.orgId === input.regionalOrgId)
      throw AppError.rule("DUAL_LINK_SELF", commandMessages.dualLinkSelf);
    const org = await getOrg(db, input.orgId);
    const regional = await getOrg(db, input.regionalOrgId);
    if (regional.formationMode !== "regional" && regional.formationMode !== "grid") {
      // Any regional organization may be linked; any other the caller does not see does not exist for it.
      if (!(await seesOrg(cx, regional.id))) throw AppError.notFound();
      throw AppError.rule("DUAL_LINK_NOT_REGIONAL", commandMessages.dualLinkNotRegional(regional.name));
    }
    const endOn = input.endOn ?? null;
    assertInterval(input.startOn, endOn);
    const overlap = await selectOne(
      db,
      sql`select 1 from dual_links where org_id = ${input.orgId} and regional_org_id = ${input.regionalOrgId}
       and (end_on is null or ${input.startOn} < end_on) and (${endOn} is null or start_on < ${endOn})`,
    );
    if (overlap)
      throw AppError.rule("DUAL_LINK_OVERLAP", commandMessages.dualLinkOverlap(org.name, regional.name));
    const row = (
      await db
        .insert(dualLinks)
        .values({ ...input, endOn })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "dualLink.set",
      entity: "dualLink",
      entityId: row.id,
      scopeOrgId: org.id,
      after: row,
    });
    return row;
  });
}

export async function endDualLink(cx: Cx, input: EndDualLinkInput): Promise<typeof dualLinks.$inferSelect> {
  return endDatedRow(cx, dualLinks, "dualLink", input, async (before) => {
    try {
      await requireOrgEdit(cx, before.orgId);
    } catch {
      await requireOrgEdit(cx, before.regionalOrgId);
    }
    return before.orgId;
  });
}

// ---------------------------------------------------------------------------------------------------
// 书记.

export interface SetSecretaryInput {
  orgId: number;
  memberId: number;
  startOn: string;
}
export interface EndSecretaryInput {
  id: number;
  endOn: string;
}

/**
 * Appoint a secretary: a member (status 正常) whose relationship the organization holds. The term in
 * force before `startOn` ends on it (a secretary is replaced, never doubled); any other overlap is refused.
 */
export async function setSecretary(
  cx: Cx,
  input: SetSecretaryInput,
): Promise<typeof secretaries.$inferSelect> {
  const { db } = cx;
  return writeTransaction(db, async () => {
    await requireOrgEdit(cx, input.orgId);
    const org = await getOrg(db, input.orgId);
    // A member outside the caller's scope does not exist for it (never its name).
    await requireMemberEdit(cx, input.memberId);
    const member = await selectOne<{ name: string; orgId: number | null; status: string }>(
      db,
      sql`select name, org_id as orgId, status from members where id = ${input.memberId}`,
    );
    if (!member) throw AppError.notFound();
    if (member.orgId !== org.id || member.status !== "normal")
      throw AppError.rule("SECRETARY_NOT_HELD", commandMessages.secretaryNotHeld(member.name, org.name));
    const terms = await selectAll<SecretaryTermRec & { id: number }>(
      db,
      sql`select id, org_id as orgId, member_id as memberId, start_on as startOn, end_on as endOn
        from secretaries where org_id = ${org.id}`,
    );
    const current = terms.find((t) => t.endOn === null && t.startOn < input.startOn);
    const candidate = { orgId: org.id, memberId: input.memberId, startOn: input.startOn, endOn: null };
    assertSecretaryTermAllowed(terms, candidate, org.name, current);
    if (current) {
      await db.update(secretaries).set({ endOn: input.startOn }).where(eq(secretaries.id, current.id));
      await audit(cx, {
        action: "secretary.end",
        entity: "secretary",
        entityId: current.id,
        scopeOrgId: org.id,
        before: current,
        after: { ...current, endOn: input.startOn },
      });
    }
    const row = (await db.insert(secretaries).values(candidate).returning())[0]!;
    await audit(cx, {
      action: "secretary.set",
      entity: "secretary",
      entityId: row.id,
      scopeOrgId: org.id,
      after: row,
    });
    return row;
  });
}

export async function endSecretary(
  cx: Cx,
  input: EndSecretaryInput,
): Promise<typeof secretaries.$inferSelect> {
  return endDatedRow(cx, secretaries, "secretary", input, async (before) => {
    await requireOrgEdit(cx, before.orgId);
    return before.orgId;
  });
}
