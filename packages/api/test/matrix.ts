/**
 * The rows of the access matrix (every procedure of the app router × every role), shared by the access
 * matrix test and the hostile-input fuzz test (which replays each row's own call over HTTP as a valid input).
 */
import { createUser, startSession } from "@liangxin/db/auth";
import { type Db } from "@liangxin/db/driver";
import { clock } from "@liangxin/domain";
import { type Role, type World } from "./fixtures-views.ts";
import { ADMINS, allow, download, NONE, type Entry } from "./matrix-kit.ts";
import { RECORDS_MATRIX } from "./matrix-records.ts";
import { REPORT_MATRIX } from "./matrix-report.ts";
import { IO_MATRIX } from "./matrix-io.ts";
import { WORK_MATRIX } from "./matrix-work.ts";
import { BASICS_MATRIX } from "./matrix-basics.ts";
import { ASSESSMENT_MATRIX } from "./matrix-assessment.ts";
import { TRAINING_MATRIX } from "./matrix-training.ts";
import { CONTACTS_MATRIX } from "./matrix-contacts.ts";
import { one, type Param } from "./sql-kit.ts";

/** A record of the role's own area, by kind. */
async function own(
  w: World,
  db: Db,
  role: Role,
  kind: "host" | "org" | "member" | "instructor" | "managedUser",
): Promise<number> {
  const pluck = async (sql: string, ...p: Param[]) => await one(db, sql, ...p);
  const orgPath = async (u: string) =>
    await one<string>(
      db,
      "select o.path from users x join orgs o on o.id = x.org_id where x.username = ?",
      u,
    );
  const u = role === "anonymous" || role === "owner" ? "township" : role;
  switch (kind) {
    case "host":
      return role === "owner"
        ? w.ids.ownerHost
        : role === "branch"
          ? w.ids.crossHost
          : role === "industry"
            ? await pluck(
                `select c.host_id from coverages c join orgs o on o.id = c.org_id where o.path like ? and c.end_on is null order by c.host_id limit 1`,
                `${await orgPath("industry")}%`,
              )
            : w.ids.liulinHost;
    case "org":
      return role === "owner"
        ? w.ids.crossJoint
        : await pluck("select org_id from users where username = ?", u);
    case "member":
      return pluck(
        "select m.id from members m join orgs o on o.id = m.org_id where o.path like ? and m.status = 'normal' order by m.id limit 1",
        `${await orgPath(u)}%`,
      );
    case "instructor":
      // The branch keeps no instructor and none serves its hosts: its row uses another area's (not found).
      return role === "branch"
        ? w.ids.foreignInstructor
        : await pluck(
            "select i.id from instructors i join orgs o on o.id = i.registered_by_id where o.path like ? order by i.id limit 1",
            `${await orgPath(u)}%`,
          );
    case "managedUser": {
      const target: Record<Role, string> = {
        city: "county",
        county: "township",
        township: "branch",
        industry: "indsec",
        branch: "owner",
        owner: "branch",
        anonymous: "branch",
      };
      return w.ids.user(target[role]);
    }
  }
}

/**
 * A second administrator bound to the role's own node: a peer, which does not exist for the role (a
 * non-administrator gets the township's administrator instead, which does not exist for it either).
 */
async function peerOf(db: Db, role: Role, w: World): Promise<number> {
  if (!(ADMINS as readonly string[]).includes(role)) return w.ids.user("township");
  const code = await one<string>(
    db,
    "select o.code from users u join orgs o on o.id = u.org_id where u.username = ?",
    role,
  );
  return createUser(db, {
    username: `peer-${role}`,
    displayName: "同级管理员",
    password: "Demo@2026",
    role: "admin",
    orgCode: code,
  });
}

/** A live session of a user, by its row id. */
async function sessionOf(db: Db, userId: number): Promise<number> {
  await startSession(db, { userId, userAgent: "matrix", clientAddress: "127.0.0.1" }, clock.now());
  return await one(db, "select max(id) from sessions where user_id = ?", userId);
}

const grassrootsIn = async (db: Db, role: Role) =>
  await one(
    db,
    `select o.id from orgs o where o.path like (select p.path from users x join orgs p on p.id = x.org_id
         where x.username = ?) || '%' and o.category in ('branch','jointBranch','generalBranch','committee')
         and o.revoked_on is null order by o.id limit 1`,
    role === "owner" || role === "anonymous" || role === "branch" ? "township" : role,
  );

async function pendingCorrection(db: Db, hostId: number, w: World): Promise<number> {
  return await one(
    db,
    "insert into host_corrections (host_id, requested_by, payload, created_at) values (?, ?, ?, '2026-12-03T02:00:00.000Z') returning id",
    hostId,
    w.ids.user("owner"),
    JSON.stringify({
      year: 2026,
      employees: 42,
      revenueFen: 123_450_000,
      contactPhone: "0791-1234567",
      address: null,
    }),
  );
}

export const MATRIX: Record<string, Entry> = {
  "home.me": {
    expect: allow(["city", "county", "township", "industry", "branch", "owner"]),
    own: (c) => c.home.me(),
  },
  "home.overview": {
    expect: allow(["city", "county", "township", "industry", "branch", "owner"]),
    own: (c) => c.home.overview(),
  },
  "hosts.list": {
    expect: allow([...ADMINS, "branch"]),
    own: (c) => c.hosts.list({ page: 1, pageSize: 5 }),
  },
  "hosts.csv": { expect: allow([...ADMINS, "branch"]), own: (c) => download(c.hosts.csv({ sort: "name" })) },
  "hosts.formOptions": {
    expect: allow([...ADMINS, "branch"]),
    own: (c) => c.hosts.formOptions(),
  },
  "hosts.get": {
    expect: allow(["city", "county", "township", "industry", "branch", "owner"]),
    own: async (c, r, w, db) => c.hosts.get({ id: await own(w, db, r, "host") }),
    foreign: (c, r, w) => c.hosts.get({ id: r === "city" ? NONE : w.ids.foreignHost }),
  },
  "hosts.sheet": {
    // 一企一表: hosts of the territory only; a host seen for reference (covered by the subtree) has none.
    expect: allow(["city", "county", "township"]),
    own: async (c, r, w, db) => c.hosts.sheet({ id: await own(w, db, r, "host") }),
    foreign: (c, r, w) => c.hosts.sheet({ id: r === "city" ? NONE : w.ids.foreignHost }),
  },
  "hosts.sheets": {
    // The sheets of a township's territory (a county's or the city's exceed the bound of one batch): the
    // territorial roles print 柳林镇's; the others try their own node, which has no territory.
    expect: allow(["city", "county", "township"]),
    own: async (c, r, _w, db) =>
      c.hosts.sheets({
        unitId: await one(
          db,
          "select org_id from users where username = ?",
          ["city", "county", "owner", "anonymous"].includes(r) ? "township" : r,
        ),
      }),
    foreign: (c, r, w) => c.hosts.sheets({ unitId: r === "city" ? NONE : w.ids.foreignOrg }),
  },
  "hosts.sheetUnits": {
    // Every signed-in organization's caller may ask; a node without a territory gets an empty list.
    expect: allow([...ADMINS, "branch"]),
    own: (c) => c.hosts.sheetUnits(),
  },
  "hosts.updateContact": {
    // The 行业党委 sees its covered hosts for reference only: editing them answers not found.
    expect: allow(["city", "county", "township"]),
    own: async (c, r, w, db) => {
      const id = own(w, db, r, "host");
      const version = await one(db, "select version from hosts where id = ?", await id);
      return c.hosts.updateContact({
        id: await id,
        contactPhone: "0791-7654321",
        address: "测试地址",
        version,
      });
    },
    foreign: (c, r, w) =>
      c.hosts.updateContact({
        id: r === "city" ? NONE : w.ids.foreignHost,
        contactPhone: null,
        address: null,
        version: 1,
      }),
    mutates: true,
  },
  "hosts.lookup": {
    // A member's workplace may be any operating host of the city: by its exact credit code, the name only
    // (audited). A valid code of no host answers not found for everyone.
    expect: allow([...ADMINS, "branch"]),
    own: async (c, _r, w, db) =>
      c.hosts.lookup({
        creditCode: await one<string>(db, "select credit_code from hosts where id = ?", w.ids.foreignHost),
      }),
    foreign: (c) => c.hosts.lookup({ creditCode: "91369900MA0000000H" }),
    mutates: true,
  },
  "orgs.list": { expect: allow([...ADMINS, "branch"]), own: (c) => c.orgs.list({ page: 1, pageSize: 5 }) },
  "orgs.csv": { expect: allow([...ADMINS, "branch"]), own: (c) => download(c.orgs.csv({})) },
  "orgs.references": { expect: allow([...ADMINS, "branch"]), own: (c) => c.orgs.references() },
  "orgs.get": {
    expect: allow([...ADMINS, "branch"]),
    own: async (c, r, w, db) => c.orgs.get({ id: await own(w, db, r, "org") }),
    foreign: (c, r, w) => c.orgs.get({ id: r === "city" ? NONE : w.ids.foreignOrg }),
  },
  "orgs.lookup": {
    // The receiving side of a transfer may be anywhere in the city: by its exact code, name and category only
    // (audited as org.lookup, hence a mutation). A management node's code (not a receiver) answers not found
    // for everyone.
    expect: allow([...ADMINS, "branch"]),
    own: async (c, _r, _w, db) =>
      c.orgs.lookup({
        code: await one<string>(db, "select code from orgs where name like '%石桥镇石桥村支部委员会'"),
      }),
    foreign: async (c, _r, w, db) =>
      c.orgs.lookup({
        code: await one<string>(db, "select code from orgs where id = ?", w.ids.foreignOrg),
      }),
    mutates: true,
  },
  "members.transfers": {
    expect: allow([...ADMINS, "branch"]),
    own: (c) => c.members.transfers(),
  },
  "members.list": {
    expect: allow([...ADMINS, "branch"]),
    own: (c) => c.members.list({ page: 1, pageSize: 5 }),
  },
  "members.csv": { expect: allow([...ADMINS, "branch"]), own: (c) => download(c.members.csv({})) },
  "members.get": {
    expect: allow([...ADMINS, "branch"]),
    own: async (c, r, w, db) => c.members.get({ id: await own(w, db, r, "member") }),
    foreign: (c, r, w) => c.members.get({ id: r === "city" ? NONE : w.ids.foreignMember }),
  },
  "members.unmask": {
    // A secretary sees the member but never the full citizen ID.
    expect: allow([...ADMINS], "NOT_FOUND", { branch: "FORBIDDEN" }),
    own: async (c, r, w, db) => c.members.unmask({ id: await own(w, db, r, "member") }),
    foreign: (c, r, w) => c.members.unmask({ id: r === "city" ? NONE : w.ids.foreignMember }),
    mutates: true,
  },
  "instructors.list": {
    expect: allow([...ADMINS, "branch"]),
    own: (c) => c.instructors.list({ page: 1, pageSize: 5 }),
  },
  "instructors.csv": { expect: allow([...ADMINS, "branch"]), own: (c) => download(c.instructors.csv({})) },
  "instructors.get": {
    expect: allow([...ADMINS]),
    own: async (c, r, w, db) => c.instructors.get({ id: await own(w, db, r, "instructor") }),
    foreign: (c, r, w) => c.instructors.get({ id: r === "city" ? NONE : w.ids.foreignInstructor }),
  },
  "dashboard.admin": { expect: allow([...ADMINS]), own: (c) => c.dashboard.admin() },
  "dashboard.branch": { expect: allow(["branch"]), own: (c) => c.dashboard.branch() },
  "owner.home": { expect: allow(["owner"]), own: (c) => c.owner.home() },
  "corrections.submit": {
    expect: allow(["owner"]),
    own: (c) =>
      c.corrections.submit({
        year: 2026,
        employees: 55,
        revenue: 321.5,
        contactPhone: "13800000000",
        address: null,
      }),
    mutates: true,
  },
  "corrections.withdraw": {
    // The owner withdraws its own pending correction; anyone else's does not exist for it.
    expect: allow(["owner"]),
    own: async (c, _r, w, db) =>
      c.corrections.withdraw({ id: await pendingCorrection(db, w.ids.ownerHost, w) }),
    foreign: async (c, _r, w, db) =>
      c.corrections.withdraw({ id: await pendingCorrection(db, w.ids.foreignHost, w) }),
    mutates: true,
  },
  "corrections.mine": { expect: allow(["owner"]), own: (c) => c.corrections.mine() },
  "corrections.inbox": {
    // Administrators with a territory; the 行业党委 has none.
    expect: allow(["city", "county", "township"]),
    own: (c) => c.corrections.inbox(),
  },
  "corrections.decide": {
    // Only the township administrator of the host's territory decides; above it the request is visible
    // but the decision is not theirs.
    expect: allow(["township"], "NOT_FOUND", { city: "FORBIDDEN", county: "FORBIDDEN" }),
    own: async (c, _r, w, db) =>
      c.corrections.decide({ id: await pendingCorrection(db, w.ids.ownerHost, w), approve: true }),
    foreign: async (c, r, w, db) =>
      c.corrections.decide({
        id: await (r === "city" ? NONE : pendingCorrection(db, w.ids.foreignHost, w)),
        approve: false,
        reason: "数据有误",
      }),
    mutates: true,
  },
  "users.list": { expect: allow([...ADMINS]), own: (c) => c.users.list({ page: 1, pageSize: 5 }) },
  "users.targets": { expect: allow([...ADMINS]), own: (c) => c.users.targets() },
  "users.create": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) =>
      c.users.create({
        username: `new-${r}`,
        displayName: "新书记",
        password: "Passw0rd2026",
        role: "secretary",
        orgId: await grassrootsIn(db, r),
      }),
    foreign: async (c, r, w, db) =>
      c.users.create({
        username: `far-${r}`,
        displayName: "外区书记",
        password: "Passw0rd2026",
        role: "secretary",
        orgId:
          r === "city"
            ? NONE
            : await one(
                db,
                "select id from orgs where parent_id = ? and category in ('branch','jointBranch') limit 1",
                w.ids.foreignOrg,
              ),
      }),
    mutates: true,
  },
  "users.setDisabled": {
    expect: allow([...ADMINS]),
    own: async (c, r, w, db) =>
      c.users.setDisabled({ id: await own(w, db, r, "managedUser"), disabled: true }),
    foreign: [
      (c, r, w) => c.users.setDisabled({ id: r === "city" ? NONE : w.ids.user("qingshan"), disabled: true }),
      async (c, r, w, db) => c.users.setDisabled({ id: await peerOf(db, r, w), disabled: true }),
    ],
    mutates: true,
  },
  "users.resetPassword": {
    expect: allow([...ADMINS]),
    own: async (c, r, w, db) =>
      c.users.resetPassword({ id: await own(w, db, r, "managedUser"), password: "NewPass#2026" }),
    foreign: [
      (c, r, w) =>
        c.users.resetPassword({ id: r === "city" ? NONE : w.ids.user("qingshan"), password: "NewPass#2026" }),
      async (c, r, w, db) => c.users.resetPassword({ id: await peerOf(db, r, w), password: "NewPass#2026" }),
    ],
    mutates: true,
  },
  "users.sessions": {
    expect: allow([...ADMINS]),
    own: async (c, r, w, db) => c.users.sessions({ id: await own(w, db, r, "managedUser") }),
    foreign: [
      (c, r, w) => c.users.sessions({ id: r === "city" ? NONE : w.ids.user("qingshan") }),
      async (c, r, w, db) => c.users.sessions({ id: await peerOf(db, r, w) }),
    ],
    mutates: true,
  },
  "users.endSession": {
    expect: allow([...ADMINS]),
    own: async (c, r, w, db) => {
      const id = await own(w, db, r, "managedUser");
      return c.users.endSession({ id: id, sessionId: await sessionOf(db, id) });
    },
    foreign: [
      async (c, r, w, db) => {
        const id = r === "city" ? NONE : w.ids.user("qingshan");
        return c.users.endSession({ id, sessionId: await sessionOf(db, w.ids.user("qingshan")) });
      },
      async (c, r, w, db) => {
        const id = await peerOf(db, r, w);
        return c.users.endSession({ id, sessionId: await sessionOf(db, id) });
      },
      // A managed user's id with another user's session: not that user's, so not found.
      async (c, r, w, db) =>
        c.users.endSession({
          id: await own(w, db, r, "managedUser"),
          sessionId: await sessionOf(db, w.ids.user("qingshan")),
        }),
    ],
    mutates: true,
  },
  "audit.search": { expect: allow([...ADMINS]), own: (c) => c.audit.search({ page: 1, pageSize: 5 }) },
  "account.changePassword": {
    expect: allow(["city", "county", "township", "industry", "branch", "owner"]),
    own: (c) => c.account.changePassword({ oldPassword: "Demo@2026", newPassword: "Changed#2026" }),
    mutates: true,
  },
  ...RECORDS_MATRIX,
  ...REPORT_MATRIX,
  ...IO_MATRIX,
  ...WORK_MATRIX,
  ...BASICS_MATRIX,
  ...ASSESSMENT_MATRIX,
  ...TRAINING_MATRIX,
  ...CONTACTS_MATRIX,
};
