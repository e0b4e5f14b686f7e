/**
 * `seedAssessment`: the demo city's assessment records (考核), deterministic from the seed and "today" —
 * for each past demo year most instructors assessed by their dispatcher (or the node that registered one
 * dispatched from outside the tree), most secretaries' 述职评议 by the parent node (in the January after
 * the year), 五好党支部 applications of some organizations, most awarded at the level of a management node
 * above them (township, county or city), a few rejected; in the current year some instructors assessed
 * and others not yet, and a few applications pending.
 *
 * It draws from a random stream of its own, so every figure the demo had before stays as it was. Runs
 * after the city, its daily work and the five basics are written, in its own transaction; writes no audit
 * rows (seed data).
 */
import { minDate, yearOf, type AssessmentGrade, type HonourLevel, type ReviewGrade } from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { type Db, BulkInsert, selectAll, writeTransaction } from "@liangxin/db/driver";
import * as tables from "@liangxin/db/schema";
import { Rng } from "./random.ts";
import { seedStamp } from "./daily-work.ts";
import { demoYears } from "./shift.ts";

/** The stream of the assessment records: a generator of its own, mixed from the demo's seed. */
export const ASSESSMENT_STREAM = 0x0a55_e55;

const GRADES: readonly [AssessmentGrade, number][] = [
  ["excellent", 0.22],
  ["competent", 0.63],
  ["basicallyCompetent", 0.11],
  ["incompetent", 0.04],
];
const REVIEWS: readonly [ReviewGrade, number][] = [
  ["good", 0.35],
  ["fairlyGood", 0.45],
  ["average", 0.16],
  ["poor", 0.04],
];

function weighted<T>(rng: Rng, table: readonly [T, number][]): T {
  let x = rng.next();
  for (const [v, w] of table) {
    if (x < w) return v;
    x -= w;
  }
  return table[table.length - 1]![0];
}

const LEVEL: Readonly<Record<string, HonourLevel>> = {
  cityCommittee: "city",
  countyCommittee: "county",
  townshipCommittee: "township",
  parkCommittee: "township",
};

const day = (year: number, month: number, d: number) =>
  `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

export async function seedAssessment(db: Db, opts: { seed: number; today: string }): Promise<void> {
  const { today } = opts;
  const rng = new Rng(opts.seed ^ ASSESSMENT_STREAM);
  const thisYear = yearOf(today);
  const years = demoYears(today);
  const stamp = (d: string) => seedStamp(minDate(d, today));
  const instructors = await selectAll<{ id: number; assessorId: number; since: string | null }>(
    db,
    sql`select i.id, coalesce(i.dispatch_org_id, i.registered_by_id) as assessorId,
          (select min(a.start_on) from assignments a where a.instructor_id = i.id) as since
        from instructors i order by i.id`,
  );
  const terms = await selectAll<{
    orgId: number;
    memberId: number;
    startOn: string;
    endOn: string | null;
    parentId: number | null;
  }>(
    db,
    sql`select s.org_id as orgId, s.member_id as memberId, s.start_on as startOn, s.end_on as endOn, o.parent_id as parentId
        from secretaries s join orgs o on o.id = s.org_id
        where o.category in ('committee','generalBranch','branch','jointBranch') order by s.id`,
  );
  const orgs = await selectAll<{ id: number; path: string; foundedOn: string; revokedOn: string | null }>(
    db,
    sql`select id, path, founded_on as foundedOn, revoked_on as revokedOn from orgs
        where category in ('committee','generalBranch','branch','jointBranch') order by id`,
  );
  const categories = new Map(
    (await selectAll<{ id: number; category: string }>(db, sql`select id, category from orgs`)).map((o) => [
      o.id,
      o.category,
    ]),
  );

  await writeTransaction(db, async () => {
    const bulk = new BulkInsert(db);
    const insAssessment = bulk.into(tables.instructorAssessments, [
      "instructorId",
      "year",
      "grade",
      "remarks",
      "assessedOn",
      "assessedById",
      "createdAt",
    ]);
    const insReview = bulk.into(tables.secretaryReviews, [
      "orgId",
      "memberId",
      "year",
      "grade",
      "remarks",
      "reviewedOn",
      "reviewedById",
      "createdAt",
    ]);
    const insAward = bulk.into(tables.fiveGoodAwards, [
      "orgId",
      "year",
      "appliedOn",
      "application",
      "decision",
      "level",
      "reviewedOn",
      "reviewerId",
      "reviewNote",
      "createdAt",
    ]);

    // 指导员年度考核: in December of each year (the current year: some done by today, others not yet).
    for (const year of years) {
      const current = year === thisYear;
      for (const i of instructors) {
        const assessed = rng.chance(current ? 0.3 : 0.88);
        const grade = weighted(rng, GRADES);
        const d = rng.int(1, 28);
        if (!assessed || i.since === null || i.since > day(year, 12, 31)) continue;
        const on = minDate(day(year, 12, d), today);
        const remarks =
          grade === "excellent" ? "指导工作成效突出" : grade === "incompetent" ? "履职不到位" : null;
        await insAssessment(i.id, year, grade, remarks, on, i.assessorId, stamp(on));
      }
    }

    // 述职评议 of the past years, in the January after the year, by the parent node.
    for (const year of years) {
      if (year >= thisYear) continue;
      const seen = new Set<string>();
      for (const t of terms) {
        const reviewed = rng.chance(0.85);
        const grade = weighted(rng, REVIEWS);
        const d = rng.int(8, 28);
        const inYear = t.startOn <= day(year, 12, 31) && (t.endOn === null || t.endOn > day(year, 1, 1));
        const key = `${t.orgId}:${t.memberId}`;
        if (!reviewed || !inYear || t.parentId === null || seen.has(key)) continue;
        seen.add(key);
        const on = minDate(day(year + 1, 1, d), today);
        await insReview(t.orgId, t.memberId, year, grade, null, on, t.parentId, stamp(on));
      }
    }

    // 五好党支部: applications in October, reviewed in December by a node above (the current year: pending).
    for (const year of years) {
      const current = year === thisYear;
      for (const o of orgs) {
        const applies = rng.chance(current ? 0.04 : 0.12);
        const pick = rng.next();
        const awarded = rng.chance(0.8);
        const applied = day(year, 10, rng.int(8, 30));
        const reviewed = day(year, 12, rng.int(5, 25));
        const exists =
          o.foundedOn <= day(year, 1, 1) && (o.revokedOn === null || o.revokedOn > day(year, 12, 31));
        if (!applies || !exists || applied > today) continue;
        if (current) {
          await insAward(o.id, year, applied, "申报五好党支部", null, null, null, null, null, stamp(applied));
          continue;
        }
        const reviewers = o.path
          .split("/")
          .filter(Boolean)
          .map(Number)
          .filter((id) => id !== o.id && LEVEL[categories.get(id) ?? ""] !== undefined);
        if (reviewers.length === 0) continue;
        const reviewer = reviewers[Math.floor(pick * reviewers.length)]!;
        const level = LEVEL[categories.get(reviewer)!]!;
        await insAward(
          o.id,
          year,
          applied,
          "申报五好党支部",
          awarded ? "awarded" : "rejected",
          awarded ? level : null,
          reviewed,
          reviewer,
          awarded ? "同意授予" : "未达到五好标准",
          stamp(applied),
        );
      }
    }
    await bulk.flush();
  });
}
