/** 星级/分类定级 per organization and year; 软弱涣散 rectification cases through to closure (销号). */
import { and, eq, sql } from "drizzle-orm";
import {
  AppError,
  assertRating,
  assertRatingYear,
  assertResolve,
  rectificationState,
  type RatingGrade,
  type RectificationState,
} from "@liangxin/domain";
import type { Cx } from "@liangxin/db/cx";
import { selectAll, writeTransaction } from "@liangxin/db/driver";
import { ratings, rectifications } from "@liangxin/db/schema";
import { scopeSql } from "@liangxin/db/scope";
import { auditWork, requireGrassrootsInSubtree } from "./common.ts";

export interface RatingRow {
  id: number;
  orgId: number;
  orgName: string;
  year: number;
  stars: number | null;
  grade: RatingGrade | null;
}

/** Ratings of the caller's subtree for `input.year`, by organization code. */
export async function listRatings(cx: Cx, input: { year: number }): Promise<RatingRow[]> {
  const { db, scope, today } = cx;
  const { year } = input;
  if (!scope.org) return [];
  const { within } = scopeSql(scope, today);
  return selectAll<RatingRow>(
    db,
    sql`select t.id, t.org_id as orgId, o.name as orgName, t.year, t.stars, t.grade from ratings t
        join orgs o on o.id = t.org_id where ${within.subtree("o")} and t.year = ${year} order by o.code`,
  );
}

/** Set (or replace) the rating of an organization for a year: stars 1–5 or a grade. */
export async function setRating(
  cx: Cx,
  input: { orgId: number; year: number; stars: number | null; grade: RatingGrade | null },
): Promise<{ id: number }> {
  const { db, scope, today } = cx;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  assertRating(input.stars, input.grade);
  assertRatingYear(input.year, org, today);
  return writeTransaction(db, async (tx) => {
    const before = (
      await tx
        .select()
        .from(ratings)
        .where(and(eq(ratings.orgId, org.id), eq(ratings.year, input.year)))
        .limit(1)
    )[0];
    const values = { orgId: org.id, year: input.year, stars: input.stars, grade: input.grade };
    const row = before
      ? (await tx.update(ratings).set(values).where(eq(ratings.id, before.id)).returning())[0]!
      : (await tx.insert(ratings).values(values).returning())[0]!;
    await auditWork(tx, scope, "rating.set", "rating", row.id, before ?? null, row);
    return { id: row.id };
  });
}

export interface RectificationRow {
  id: number;
  orgId: number;
  orgName: string;
  year: number;
  reason: string;
  measures: string | null;
  responsible: string | null;
  deadline: string | null;
  resolvedOn: string | null;
  state: RectificationState;
}

/** Rectification cases of the caller's subtree: open ones first, by deadline. */
export async function listRectifications(cx: Cx): Promise<RectificationRow[]> {
  const { db, scope, today } = cx;
  if (!scope.org) return [];
  const { within } = scopeSql(scope, today);
  const rows = await selectAll<Omit<RectificationRow, "state">>(
    db,
    sql`select c.id, c.org_id as orgId, o.name as orgName, c.year, c.reason, c.measures, c.responsible,
          c.deadline, c.resolved_on as resolvedOn from rectifications c join orgs o on o.id = c.org_id
        where ${within.subtree("o")} order by (c.resolved_on is not null), c.deadline, c.id`,
  );
  return rows.map((r) => ({ ...r, state: rectificationState(r, today) }));
}

/** Open a rectification case for a grassroots organization of the caller's subtree (audited). */
export async function openRectification(
  cx: Cx,
  input: {
    orgId: number;
    year: number;
    reason: string;
    measures?: string | undefined;
    responsible?: string | undefined;
    deadline?: string | undefined;
  },
): Promise<{ id: number }> {
  const { db, scope } = cx;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  return writeTransaction(db, async (tx) => {
    const row = (
      await tx
        .insert(rectifications)
        .values({
          orgId: org.id,
          year: input.year,
          reason: input.reason,
          measures: input.measures ?? null,
          responsible: input.responsible ?? null,
          deadline: input.deadline ?? null,
        })
        .returning()
    )[0]!;
    await auditWork(tx, scope, "rectification.open", "rectification", row.id, null, row);
    return { id: row.id };
  });
}

/** Close (销号) a case of the caller's subtree on `input.resolvedOn`. */
export async function resolveRectification(
  cx: Cx,
  input: { id: number; resolvedOn: string },
): Promise<{ id: number }> {
  const { db, scope, today } = cx;
  const c = (await db.select().from(rectifications).where(eq(rectifications.id, input.id)).limit(1))[0];
  if (!c) throw AppError.notFound("rectification");
  await requireGrassrootsInSubtree(db, scope, c.orgId);
  assertResolve(c, input.resolvedOn, today);
  return writeTransaction(db, async (tx) => {
    const row = (
      await tx
        .update(rectifications)
        .set({ resolvedOn: input.resolvedOn })
        .where(eq(rectifications.id, c.id))
        .returning()
    )[0];
    await auditWork(tx, scope, "rectification.resolve", "rectification", c.id, c, row);
    return { id: c.id };
  });
}
