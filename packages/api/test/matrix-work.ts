/**
 * Access-matrix rows of `work.*`, the daily work (issue 7). Organization life, elections and the
 * development pipeline belong to anyone bound to an organization (its grassroots organizations); plans,
 * dispatch, ratings, rectifications and pacts to administrators; plans need a territory (the 行业党委 has
 * none); instructor assignments are written by records.assignment.start/end (matrix-records.ts). An owner has no daily work. (Queries never write; rows marked as
 * mutating run on a copy of the world.)
 */
import { withCitizenIdCheckChar } from "@liangxin/domain";
import { type Db } from "@liangxin/db/driver";
import { callerOn, type Role, type World } from "./fixtures-views.ts";
import {
  ADMINS,
  allow,
  foreignSubtree,
  grassroots,
  nodeOf,
  NONE,
  subtreeOf,
  TODAY,
  val,
  type Entry,
} from "./matrix-kit.ts";
import { one, run } from "./sql-kit.ts";

export const ORG_BOUND = [...ADMINS, "branch"] as const;
export const TERRITORIAL = ["city", "county", "township"] as const;

/** A grassroots organization of the role's subtree (the branch: its own). */
export const orgFor = async (db: Db, r: Role) =>
  r === "branch" ? nodeOf(db, r) : grassroots(db, await subtreeOf(db, r));
export const foreignOrgOf = async (db: Db, r: Role, w: World) =>
  r === "city" ? NONE : grassroots(db, await foreignSubtree(db, w));

/** An open plan of an uncovered host of a township-level area (by its region's path). */
const openPlanIn = async (db: Db, regionGlob: string) =>
  await val(
    db,
    `select p.id from establishment_plans p join hosts h on h.id = p.host_id join regions r on r.id = h.region_id
     where p.state = 'open' and r.path like ? and not exists (select 1 from coverages c where c.host_id = h.id
       and (c.end_on is null or c.end_on > ?)) order by p.id limit 1`,
    regionGlob,
    TODAY,
  );
const liulinRegions = async (db: Db) =>
  `${await val<string>(db, "select path from regions where name = '柳林镇'")}%`;
const foreignRegions = async (db: Db, w: World) =>
  `${await val<string>(db, "select r.path from regions r join orgs o on o.region_id = r.id where o.id = ?", w.ids.foreignOrg)}%`;
const foreignPlan = async (db: Db, r: Role, w: World) =>
  r === "city" ? NONE : openPlanIn(db, await foreignRegions(db, w));

async function insertApplicant(db: Db, orgId: number, body17: string): Promise<number> {
  return await one(
    db,
    "insert into applicants (id_number, name, gender, org_id, applied_on, created_at) values (?, '测试申请人', 'female', ?, '2026-01-10', '2026-12-03T02:00:00.000Z') returning id",
    withCitizenIdCheckChar(body17),
    orgId,
  );
}

async function insertRectification(db: Db, orgId: number): Promise<number> {
  return await one(
    db,
    "insert into rectifications (org_id, year, reason, deadline, created_at) values (?, 2026, '组织生活不正常', '2026-12-31', '2026-12-03T02:00:00.000Z') returning id",
    orgId,
  );
}

/** A member of the subtree made probationary (joined 2025-10-01, not yet full). */
async function probationaryIn(db: Db, subtree: string): Promise<number> {
  const id = await val(
    db,
    `select m.id from members m join orgs o on o.id = m.org_id where o.path like ? and m.status = 'normal'
     and o.category in ('committee','generalBranch','branch','jointBranch') order by m.id limit 1`,
    subtree,
  );
  await run(db, "update members set full_on = null, joined_on = '2025-10-01' where id = ?", id);
  return id;
}

export const WORK_MATRIX: Record<string, Entry> = {
  "work.context": { expect: allow([...ORG_BOUND]), own: (c) => c.work.context() },
  "work.orgs": { expect: allow([...ORG_BOUND]), own: (c) => c.work.orgs() },
  "work.inbox": { expect: allow([...ORG_BOUND]), own: (c) => c.work.inbox(), mutates: true },

  // --- 组建计划: administrators with a territory ---
  "work.plans.board": { expect: allow([...TERRITORIAL]), own: (c) => c.work.plans.board(), mutates: true },
  "work.plans.get": {
    expect: allow([...TERRITORIAL]),
    own: async (c, _r, _w, db) => c.work.plans.get({ id: await openPlanIn(db, await liulinRegions(db)) }),
    foreign: async (c, r, w, db) => c.work.plans.get({ id: await foreignPlan(db, r, w) }),
    mutates: true,
  },
  "work.plans.create": {
    expect: allow([...TERRITORIAL]),
    own: async (c, _r, _w, db) => {
      const board = await callerOn(db, "township").work.plans.board();
      const host = board.shouldEstablish.find((h) => h.openPlanId === null);
      if (!host) throw new Error("matrix fixture missing: a 应建未建 host of 柳林镇 without a plan");
      return c.work.plans.create({ hostId: host.hostId, targetOn: "2027-03-31", responsible: "张委员" });
    },
    foreign: (c, r, w) =>
      c.work.plans.create({
        hostId: r === "city" ? NONE : w.ids.foreignHost,
        targetOn: "2027-03-31",
        responsible: "张委员",
      }),
    mutates: true,
  },
  "work.plans.addNote": {
    expect: allow([...TERRITORIAL]),
    own: async (c, _r, _w, db) =>
      c.work.plans.addNote({
        planId: await openPlanIn(db, await liulinRegions(db)),
        notedOn: TODAY,
        note: "已上门宣讲",
      }),
    foreign: async (c, r, w, db) =>
      c.work.plans.addNote({ planId: await foreignPlan(db, r, w), notedOn: TODAY, note: "已上门" }),
    mutates: true,
  },
  "work.plans.completeMilestone": {
    expect: allow([...TERRITORIAL]),
    own: async (c, _r, _w, db) =>
      c.work.plans.completeMilestone({
        planId: await openPlanIn(db, await liulinRegions(db)),
        key: "approval",
        doneOn: TODAY,
      }),
    foreign: async (c, r, w, db) =>
      c.work.plans.completeMilestone({ planId: await foreignPlan(db, r, w), key: "approval", doneOn: TODAY }),
    mutates: true,
  },
  "work.plans.foundOrganization": {
    expect: allow([...TERRITORIAL]),
    own: async (c, _r, _w, db) =>
      c.work.plans.foundOrganization({
        planId: await openPlanIn(db, await liulinRegions(db)),
        name: "中共测试企业支部委员会",
        foundedOn: TODAY,
      }),
    foreign: async (c, r, w, db) =>
      c.work.plans.foundOrganization({
        planId: await foreignPlan(db, r, w),
        name: "中共外区企业支部委员会",
        foundedOn: TODAY,
      }),
    mutates: true,
  },

  // --- 指导员派驻: administrators; assigning and ending are records.assignment.start/end ---
  "work.instructors.dispatch": { expect: allow([...ADMINS]), own: (c) => c.work.instructors.dispatch() },

  // --- 组织生活 and 换届: anyone bound to an organization, on grassroots organizations of the subtree ---
  "work.meetings.compliance": {
    expect: allow([...ORG_BOUND]),
    own: (c) => c.work.meetings.compliance({ period: "year", year: 2025 }),
  },
  "work.meetings.list": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => c.work.meetings.list({ orgId: await orgFor(db, r) }),
    foreign: async (c, r, w, db) => c.work.meetings.list({ orgId: await foreignOrgOf(db, r, w) }),
  },
  "work.meetings.record": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.work.meetings.record({
        orgId: await orgFor(db, r),
        kind: "branchCommittee",
        heldOn: TODAY,
        topic: "学习贯彻会议精神",
        attendees: 7,
      }),
    foreign: async (c, r, w, db) =>
      c.work.meetings.record({
        orgId: await foreignOrgOf(db, r, w),
        kind: "branchCommittee",
        heldOn: TODAY,
      }),
    mutates: true,
  },
  "work.elections.board": { expect: allow([...ORG_BOUND]), own: (c) => c.work.elections.board() },
  "work.elections.record": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.work.elections.record({ orgId: await orgFor(db, r), heldOn: TODAY, note: "按期换届" }),
    foreign: async (c, r, w, db) =>
      c.work.elections.record({ orgId: await foreignOrgOf(db, r, w), heldOn: TODAY }),
    mutates: true,
  },

  // --- 星级评定, 软弱涣散整顿, 联建共建: administrators ---
  "work.ratings.list": { expect: allow([...ADMINS]), own: (c) => c.work.ratings.list({ year: 2025 }) },
  "work.ratings.set": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) =>
      c.work.ratings.set({ orgId: await orgFor(db, r), year: 2026, stars: 4, grade: null }),
    foreign: async (c, r, w, db) =>
      c.work.ratings.set({ orgId: await foreignOrgOf(db, r, w), year: 2026, stars: null, grade: "lagging" }),
    mutates: true,
  },
  "work.rectifications.list": { expect: allow([...ADMINS]), own: (c) => c.work.rectifications.list() },
  "work.rectifications.open": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) =>
      c.work.rectifications.open({
        orgId: await orgFor(db, r),
        year: 2026,
        reason: "组织生活不正常",
        measures: "书记约谈,限期整改",
        responsible: "李委员",
        deadline: "2027-03-31",
      }),
    foreign: async (c, r, w, db) =>
      c.work.rectifications.open({
        orgId: await foreignOrgOf(db, r, w),
        year: 2026,
        reason: "组织生活不正常",
      }),
    mutates: true,
  },
  "work.rectifications.resolve": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) =>
      c.work.rectifications.resolve({
        id: await insertRectification(db, await orgFor(db, r)),
        resolvedOn: TODAY,
      }),
    foreign: async (c, r, w, db) =>
      c.work.rectifications.resolve({
        id: await (r === "city"
          ? NONE
          : insertRectification(db, await grassroots(db, await foreignSubtree(db, w)))),
        resolvedOn: TODAY,
      }),
    mutates: true,
  },
  "work.pacts.list": { expect: allow([...ADMINS]), own: (c) => c.work.pacts.list() },
  "work.pacts.create": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) =>
      c.work.pacts.create({
        kind: "villageEnterprise",
        name: "村企联建测试项目",
        startOn: "2026-01-01",
        funds: 12.5,
        parties: [{ orgId: await orgFor(db, r) }, { name: "柳林镇柳林村" }],
      }),
    foreign: async (c, r, w, db) =>
      c.work.pacts.create({
        kind: "villageEnterprise",
        name: "外区联建",
        startOn: "2026-01-01",
        parties: [{ orgId: await foreignOrgOf(db, r, w) }, { name: "青山县某村" }],
      }),
    mutates: true,
  },

  // --- 发展党员: anyone bound to an organization ---
  "work.development.applicants": {
    expect: allow([...ORG_BOUND]),
    own: (c) => c.work.development.applicants(),
  },
  "work.development.probationDue": {
    expect: allow([...ORG_BOUND]),
    own: (c) => c.work.development.probationDue(),
  },
  "work.development.create": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.work.development.create({
        idNumber: withCitizenIdCheckChar("36012220000101002"),
        name: "测试申请人",
        gender: "female",
        orgId: await orgFor(db, r),
        appliedOn: "2026-03-01",
      }),
    foreign: async (c, r, w, db) =>
      c.work.development.create({
        idNumber: withCitizenIdCheckChar("36012220000101004"),
        name: "外区申请人",
        gender: "female",
        orgId: await foreignOrgOf(db, r, w),
        appliedOn: "2026-03-01",
      }),
    mutates: true,
  },
  "work.development.advance": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.work.development.advance({
        applicantId: await insertApplicant(db, await orgFor(db, r), "36012220010203006"),
        stage: "activist",
        on: TODAY,
      }),
    foreign: async (c, r, w, db) =>
      c.work.development.advance({
        applicantId: await (r === "city"
          ? NONE
          : insertApplicant(db, await grassroots(db, await foreignSubtree(db, w)), "36012220010203008")),
        stage: "activist",
        on: TODAY,
      }),
    mutates: true,
  },
  "work.development.confirmFull": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.work.development.confirmFull({
        memberId: await probationaryIn(db, await subtreeOf(db, r)),
        fullOn: TODAY,
      }),
    foreign: async (c, r, w, db) =>
      c.work.development.confirmFull({
        memberId: await (r === "city" ? NONE : probationaryIn(db, await foreignSubtree(db, w))),
        fullOn: TODAY,
      }),
    mutates: true,
  },
};
