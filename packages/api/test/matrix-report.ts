/**
 * Access-matrix rows of `report.*`, the year-end report (issue 6). Administrators only (a branch
 * secretary and an owner have no report: not found). A node submits its own report to its parent; the
 * parent's administrator returns or approves it. The city has no parent; a township or a 行业党委 has
 * no child node, so the submission it can reach in its own area is its own, which only the parent decides
 * (FORBIDDEN: the record is theirs to see, the decision is not).
 */
import { type Db } from "@liangxin/db/driver";
import { callerOn, type Role, type World } from "./fixtures-views.ts";
import { ADMINS, allow, nodeOf, NONE, type Entry } from "./matrix-kit.ts";
import { one } from "./sql-kit.ts";

/** The demo's current year: its past years carry approved reports (issue 18). */
const YEAR = 2026;

/** Submit a node's report as its administrator, explaining every warning. */
async function submitAs(db: Db, username: string): Promise<number> {
  const c = callerOn(db, username);
  const { checks } = await c.report.checks({ year: YEAR });
  const explanations = Object.fromEntries(checks.map((k) => [k.code, "已核实"]));
  const nodeId = await one(db, "select org_id from users where username = ?", username);
  return (await c.report.submit({ nodeId, year: YEAR, explanations, unitHead: "张建国", preparer: "李晓梅" }))
    .id;
}

/** The submission a role's own decision is about: a child node's (the township and the 行业党委: their own). */
const submissionFor = (db: Db, r: Role) =>
  submitAs(
    db,
    r === "city" ? "county" : r === "county" ? "township" : r === "industry" ? "industry" : "township",
  );

/** A submission of 青山县, decided by the city only. */
const foreignSubmission = (db: Db) => submitAs(db, "qingshan");

/** The username of the administrator who approves a submission of a role's own decision (its parent). */
const approverFor = (r: Role) => (r === "city" ? "city" : "county");

/** An approved submission a role could reopen (as for approve: a child's, or its own). */
async function approvedFor(db: Db, r: Role): Promise<number> {
  const id = await submissionFor(db, r);
  await callerOn(db, approverFor(r)).report.approve({ submissionId: id });
  return id;
}

/** An approved submission of 青山县. */
async function foreignApproved(db: Db): Promise<number> {
  const id = await foreignSubmission(db);
  await callerOn(db, "city").report.approve({ submissionId: id });
  return id;
}

const foreignNode = (r: Role, w: World) => (r === "city" ? NONE : w.ids.foreignOrg);

export const REPORT_MATRIX: Record<string, Entry> = {
  "report.get": {
    expect: allow([...ADMINS]),
    own: (c) => c.report.get({ year: YEAR }),
    foreign: (c, r, w) => c.report.get({ nodeId: foreignNode(r, w), year: YEAR }),
  },
  "report.checks": {
    expect: allow([...ADMINS]),
    own: (c) => c.report.checks({ year: YEAR }),
    foreign: (c, r, w) => c.report.checks({ nodeId: foreignNode(r, w), year: YEAR }),
  },
  "report.children": {
    expect: allow([...ADMINS]),
    own: (c) => c.report.children({ year: YEAR }),
    foreign: (c, r, w) => c.report.children({ nodeId: foreignNode(r, w), year: YEAR }),
  },
  "report.progress": {
    expect: allow([...ADMINS]),
    own: (c) => c.report.progress({ year: YEAR }),
    foreign: (c, r, w) => c.report.progress({ nodeId: foreignNode(r, w), year: YEAR }),
  },
  "report.drill": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) => c.report.drill({ nodeId: await nodeOf(db, r), year: YEAR, key: "hosts" }),
    foreign: (c, r, w) => c.report.drill({ nodeId: foreignNode(r, w), year: YEAR, key: "hosts" }),
  },
  "report.analysis": {
    expect: allow([...ADMINS]),
    own: (c) => c.report.analysis({ year: YEAR }),
    foreign: (c, r, w) => c.report.analysis({ nodeId: foreignNode(r, w), year: YEAR }),
  },
  "report.submit": {
    // The city has no superior to submit to: a rule (BAD_REQUEST), not the scope.
    expect: allow(["county", "township", "industry"], "NOT_FOUND", { city: "BAD_REQUEST" }),
    own: async (c, r, _w, db) => {
      const nodeId = await nodeOf(db, r);
      const { checks } = await callerOn(db, r === "branch" || r === "owner" ? "township" : r).report.checks({
        year: YEAR,
      });
      const explanations = Object.fromEntries(checks.map((k) => [k.code, "已核实"]));
      return c.report.submit({
        nodeId,
        year: YEAR,
        explanations,
        unitHead: "张建国",
        preparer: "李晓梅",
      });
    },
    foreign: (c, r, w) =>
      c.report.submit({
        nodeId: foreignNode(r, w),
        year: YEAR,
        explanations: {},
        unitHead: "张建国",
        preparer: "李晓梅",
      }),
    mutates: true,
  },
  "report.saveCheck": {
    // Any administrator keeps the 校核 of its own node's year (the city too: it has no one to submit to).
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) => c.report.saveCheck({ nodeId: await nodeOf(db, r), year: YEAR }),
    foreign: (c, r, w) => c.report.saveCheck({ nodeId: foreignNode(r, w), year: YEAR }),
    mutates: true,
  },
  "report.approve": {
    expect: allow(["city", "county"], "NOT_FOUND", { township: "FORBIDDEN", industry: "FORBIDDEN" }),
    own: async (c, r, _w, db) => c.report.approve({ submissionId: await submissionFor(db, r) }),
    foreign: async (c, r, _w, db) =>
      c.report.approve({ submissionId: r === "city" ? NONE : await foreignSubmission(db) }),
    mutates: true,
  },
  "report.return": {
    expect: allow(["city", "county"], "NOT_FOUND", { township: "FORBIDDEN", industry: "FORBIDDEN" }),
    own: async (c, r, _w, db) =>
      c.report.return({ submissionId: await submissionFor(db, r), reason: "从业人员数有误,请核实" }),
    foreign: async (c, r, _w, db) =>
      c.report.return({
        submissionId: r === "city" ? NONE : await foreignSubmission(db),
        reason: "从业人员数有误,请核实",
      }),
    mutates: true,
  },
  "report.reopen": {
    // The approver or a level above; the unit itself may not (FORBIDDEN: its own record, not its decision).
    expect: allow(["city", "county"], "NOT_FOUND", { township: "FORBIDDEN", industry: "FORBIDDEN" }),
    own: async (c, r, _w, db) =>
      c.report.reopen({ submissionId: await approvedFor(db, r), reason: "隶属关系调整" }),
    foreign: async (c, r, _w, db) =>
      c.report.reopen({
        submissionId: r === "city" ? NONE : await foreignApproved(db),
        reason: "隶属关系调整",
      }),
    mutates: true,
  },
};
