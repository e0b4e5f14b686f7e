/**
 * Access-matrix rows of `assessment.*` (考核). An instructor is assessed by the node that dispatched him
 * (another node that sees him is refused; one that does not see him gets NOT_FOUND); a secretary is
 * reviewed by the administrator of the organization's parent node; a 五好党支部 application is made by the
 * organization or an administrator above it, and reviewed by a management node above it with a level (a
 * 行业党委 has none). (Rows marked as mutating run on a copy of the world.)
 */
import { type Db } from "@liangxin/db/driver";
import { type Role, type World } from "./fixtures-views.ts";
import {
  ADMINS,
  allow,
  foreignSubtree,
  GRASSROOTS_SQL,
  NONE,
  nodeOf,
  subtreeOf,
  val,
  type Entry,
} from "./matrix-kit.ts";
import { foreignOrgOf, ORG_BOUND, orgFor } from "./matrix-work.ts";
import { all, one, row, run } from "./sql-kit.ts";

const YEAR = 2026;

/** An instructor the role's node dispatched (the branch dispatched none: another county's, unseen). */
const instructorFor = async (db: Db, r: Role, w: World) =>
  r === "branch"
    ? w.ids.foreignInstructor
    : await val(
        db,
        "select id from instructors where dispatch_org_id = ? order by id limit 1",
        await nodeOf(db, r),
      );

const foreignInstructor = (_db: Db, r: Role, w: World) => (r === "city" ? NONE : w.ids.foreignInstructor);

/**
 * A secretary in office of a grassroots organization directly under the role's node, or else (the county,
 * the branch: none directly under it) the first one of its subtree.
 */
async function secretaryFor(db: Db, r: Role): Promise<{ orgId: number; memberId: number }> {
  const child = (
    await all<{ orgId: number; memberId: number }>(
      db,
      `select s.org_id as orgId, s.member_id as memberId from secretaries s join orgs c on c.id = s.org_id
       where c.parent_id = ? and c.category in ${GRASSROOTS_SQL} and c.revoked_on is null and s.end_on is null
       order by c.id limit 1`,
      await nodeOf(db, r),
    )
  )[0];
  if (child && r !== "branch") return child;
  return await row<{ orgId: number; memberId: number }>(
    db,
    `select s.org_id as orgId, s.member_id as memberId from secretaries s join orgs c on c.id = s.org_id
       where c.path like ? and c.category in ${GRASSROOTS_SQL} and c.revoked_on is null and s.end_on is null
       order by c.id limit 1`,
    await subtreeOf(db, r),
  );
}

const foreignSecretary = async (db: Db, r: Role, w: World) =>
  r === "city"
    ? { orgId: NONE, memberId: NONE }
    : await row<{ orgId: number; memberId: number }>(
        db,
        `select s.org_id as orgId, s.member_id as memberId from secretaries s join orgs c on c.id = s.org_id
           where c.path like ? and c.category in ${GRASSROOTS_SQL} and s.end_on is null order by c.id limit 1`,
        await foreignSubtree(db, w),
      );

/** A pending application of the organization for 2026 (any earlier one of that year is set aside). */
async function pendingApplication(db: Db, orgId: number): Promise<number> {
  await run(db, "delete from five_good_awards where org_id = ? and year = ?", orgId, YEAR);
  return await one(
    db,
    "insert into five_good_awards (org_id, year, applied_on, created_at) values (?, ?, '2026-11-02', '2026-11-02T02:00:00.000Z') returning id",
    orgId,
    YEAR,
  );
}

export const ASSESSMENT_MATRIX: Record<string, Entry> = {
  "assessment.instructors": {
    expect: allow([...ORG_BOUND]),
    own: (c) => c.assessment.instructors({ year: YEAR }),
  },
  "assessment.instructor": {
    expect: allow([...ADMINS]),
    own: async (c, r, w, db) => c.assessment.instructor({ instructorId: await instructorFor(db, r, w) }),
    foreign: (c, r, w, db) => c.assessment.instructor({ instructorId: foreignInstructor(db, r, w) }),
  },
  "assessment.assess": {
    expect: allow([...ADMINS]),
    own: async (c, r, w, db) =>
      c.assessment.assess({
        instructorId: await instructorFor(db, r, w),
        year: YEAR,
        grade: "excellent",
        remarks: "成绩突出",
      }),
    foreign: (c, r, w, db) =>
      c.assessment.assess({ instructorId: foreignInstructor(db, r, w), year: YEAR, grade: "competent" }),
    mutates: true,
  },
  "assessment.secretaries": {
    expect: allow([...ORG_BOUND]),
    own: (c) => c.assessment.secretaries({ year: YEAR }),
  },
  "assessment.reviewSecretary": {
    expect: allow(["city", "township", "industry"], "NOT_FOUND", {
      county: "FORBIDDEN",
      branch: "FORBIDDEN",
    }),
    own: async (c, r, _w, db) =>
      c.assessment.reviewSecretary({ ...(await secretaryFor(db, r)), year: YEAR, grade: "good" }),
    foreign: async (c, r, w, db) =>
      c.assessment.reviewSecretary({ ...(await foreignSecretary(db, r, w)), year: YEAR, grade: "average" }),
    mutates: true,
  },
  "assessment.org": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => c.assessment.org({ orgId: await orgFor(db, r) }),
    foreign: async (c, r, w, db) => c.assessment.org({ orgId: await foreignOrgOf(db, r, w) }),
  },
  "assessment.fiveGood.list": { expect: allow([...ORG_BOUND]), own: (c) => c.assessment.fiveGood.list() },
  "assessment.fiveGood.submit": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => {
      const orgId = await orgFor(db, r);
      await run(db, "delete from five_good_awards where org_id = ? and year = ?", orgId, YEAR);
      return c.assessment.fiveGood.submit({
        orgId,
        year: YEAR,
        application: "三会一课规范,作用发挥明显",
      });
    },
    foreign: async (c, r, w, db) =>
      c.assessment.fiveGood.submit({ orgId: await foreignOrgOf(db, r, w), year: YEAR }),
    mutates: true,
  },
  "assessment.fiveGood.review": {
    expect: allow(["city", "county", "township"], "NOT_FOUND", {
      industry: "FORBIDDEN",
      branch: "FORBIDDEN",
    }),
    own: async (c, r, _w, db) =>
      c.assessment.fiveGood.review({
        id: await pendingApplication(db, await orgFor(db, r)),
        decision: "awarded",
      }),
    foreign: async (c, r, w, db) =>
      c.assessment.fiveGood.review({
        id: await (r === "city" ? NONE : pendingApplication(db, await foreignOrgOf(db, r, w))),
        decision: "awarded",
      }),
    mutates: true,
  },
};
