/**
 * 示范点: a management node (city, county, township or park committee) names an organization of its subtree
 * or a host of its territory a showcase at its own level, dated and with the reasons; the naming node or a
 * node above it ends it on a day. A showcase is visible when its organization is in the caller's subtree or
 * its host among the hosts the caller sees; outside that it does not exist (NOT_FOUND).
 */
import type { Cx } from "@liangxin/db/cx";
import { selectAll, selectOne, writeTransaction } from "@liangxin/db/driver";
import { showcases } from "@liangxin/db/schema";
import { scopeSql } from "@liangxin/db/scope";
import {
  AppError,
  assertInterval,
  checkShowcase,
  countShowcases,
  HONOUR_LEVEL_LABELS,
  honourLevelOf,
  showcaseInForce,
  SHOWCASE_MESSAGES as m,
  type HonourLevel,
} from "@liangxin/domain";
import { eq, sql, type SQL } from "drizzle-orm";
import { audit } from "../commands/common.ts";
import { requireHostInTerritory, requireOrgInSubtree } from "../work/common.ts";

export interface NameShowcaseInput {
  orgId?: number | null | undefined;
  hostId?: number | null | undefined;
  startOn: string;
  endOn?: string | null | undefined;
  reasons: string;
}

export interface ShowcaseRow {
  id: number;
  orgId: number | null;
  hostId: number | null;
  subjectName: string;
  level: HonourLevel;
  levelLabel: string;
  startOn: string;
  endOn: string | null;
  reasons: string;
  inForce: boolean;
  /** Whether the caller may end it (named by the caller's node or one below it, still open). */
  canEnd: boolean;
  version: number;
}

/** The caller's visibility of a showcase row (alias `s`). */
function visibleSql(cx: Cx): SQL {
  const s = scopeSql(cx.scope, cx.today);
  return sql`((s.org_id is not null and ${s.within.orgId("s.org_id")})
    or (s.host_id is not null and exists (select 1 from hosts h where h.id = s.host_id and ${s.sets.hosts.visible("h")})))`;
}

/** The level the caller's node names at, else a refusal (in scope but not a naming node). */
function namingLevel(cx: Cx): HonourLevel {
  const org = cx.scope.org;
  if (!org) throw AppError.notFound();
  const level = cx.scope.role === "admin" ? honourLevelOf(org.category) : null;
  if (!level) throw new AppError("FORBIDDEN", m.notNaming(org.name), { rule: "SHOWCASE_NAMER" });
  return level;
}

/** Names an organization of the subtree or a host of the territory a showcase at the caller's level. */
export async function nameShowcase(cx: Cx, input: NameShowcaseInput) {
  const { db, scope } = cx;
  checkShowcase({ ...input });
  const subject =
    input.orgId != null
      ? (await requireOrgInSubtree(db, scope, input.orgId)).name
      : (await requireHostInTerritory(db, scope, input.hostId!)).name;
  const level = namingLevel(cx);
  return writeTransaction(db, async () => {
    const open = await selectOne<{ startOn: string }>(
      db,
      sql`select start_on as startOn from showcases
          where level = ${level} and ${input.orgId != null ? sql`org_id = ${input.orgId}` : sql`host_id = ${input.hostId!}`}
            and (end_on is null or end_on > ${input.startOn})
            and (${input.endOn ?? null} is null or start_on < ${input.endOn ?? null})`,
    );
    if (open) throw AppError.rule("SHOWCASE_TAKEN", m.alreadyNamed(subject, level, open.startOn));
    const row = (
      await db
        .insert(showcases)
        .values({
          orgId: input.orgId ?? null,
          hostId: input.hostId ?? null,
          level,
          namedById: scope.org!.id,
          startOn: input.startOn,
          endOn: input.endOn ?? null,
          reasons: input.reasons.trim(),
          createdBy: scope.userId,
        })
        .returning()
    )[0]!;
    await audit(cx, {
      action: "showcase.name",
      entity: "showcase",
      entityId: row.id,
      scopeOrgId: scope.org!.id,
      after: row,
    });
    return row;
  });
}

/** Ends a showcase on `endOn`: by its naming node or a node above it; ended already: refused. */
export async function endShowcase(cx: Cx, input: { id: number; endOn: string }) {
  const { db, scope, today } = cx;
  return writeTransaction(db, async () => {
    const before = (await db.select().from(showcases).where(eq(showcases.id, input.id)).limit(1))[0];
    if (!before) throw AppError.notFound();
    const seen = await selectOne<{ id: number; mine: number }>(
      db,
      sql`select s.id, ${scopeSql(scope, today).within.orgId("s.named_by_id")} as mine from showcases s
          where s.id = ${input.id} and ${visibleSql(cx)}`,
    );
    if (!seen) throw AppError.notFound();
    if (scope.role !== "admin" || !seen.mine)
      throw new AppError("FORBIDDEN", m.notNamer("上级党(工)委", before.level), { rule: "SHOWCASE_NAMER" });
    if (before.endOn !== null) throw AppError.rule("ALREADY_ENDED", m.alreadyEnded(before.endOn));
    assertInterval(before.startOn, input.endOn);
    const after = (
      await db
        .update(showcases)
        .set({ endOn: input.endOn, version: before.version + 1 })
        .where(eq(showcases.id, input.id))
        .returning()
    )[0]!;
    await audit(cx, {
      action: "showcase.end",
      entity: "showcase",
      entityId: input.id,
      scopeOrgId: before.namedById,
      before,
      after,
    });
    return after;
  });
}

export interface ShowcaseListInput {
  /** The day (default today); with `all`, every showcase whatever its period. */
  on?: string | undefined;
  all?: boolean | undefined;
  orgId?: number | undefined;
  hostId?: number | undefined;
  level?: HonourLevel | undefined;
}

/** The showcases the caller sees: in force on the day (or all), newest first. */
export async function listShowcases(cx: Cx, input: ShowcaseListInput = {}): Promise<ShowcaseRow[]> {
  const { db, scope, today } = cx;
  if (!scope.org) return [];
  const day = input.on ?? today;
  const rows = await selectAll<Omit<ShowcaseRow, "levelLabel" | "inForce" | "canEnd"> & { mine: number }>(
    db,
    sql`select s.id, s.org_id as orgId, s.host_id as hostId, coalesce(o.name, h.name) as subjectName, s.level,
          s.start_on as startOn, s.end_on as endOn, s.reasons, s.version,
          ${scopeSql(scope, today).within.orgId("s.named_by_id")} as mine
        from showcases s left join orgs o on o.id = s.org_id left join hosts h on h.id = s.host_id
        where ${visibleSql(cx)}
          ${input.all ? sql`` : sql`and s.start_on <= ${day} and (s.end_on is null or s.end_on > ${day})`}
          ${input.orgId !== undefined ? sql`and s.org_id = ${input.orgId}` : sql``}
          ${input.hostId !== undefined ? sql`and s.host_id = ${input.hostId}` : sql``}
          ${input.level !== undefined ? sql`and s.level = ${input.level}` : sql``}
        order by s.start_on desc, s.id desc`,
  );
  return rows.map(({ mine, ...r }) => ({
    ...r,
    levelLabel: HONOUR_LEVEL_LABELS[r.level],
    inForce: showcaseInForce(r, day),
    canEnd: scope.role === "admin" && !!mine && r.endOn === null,
  }));
}

/** The showcases in force on the day (default today) the caller sees, by level (the dashboard's figure). */
export async function countShowcasesIn(cx: Cx, input: { on?: string | undefined } = {}) {
  const day = input.on ?? cx.today;
  const rows = await listShowcases(cx, { on: day });
  return { on: day, ...countShowcases(rows, day) };
}

/** The level the caller names at (null: the caller names none), for the page's form. */
export function showcaseLevelOfCaller(cx: Cx): HonourLevel | null {
  return cx.scope.role === "admin" && cx.scope.org ? honourLevelOf(cx.scope.org.category) : null;
}
