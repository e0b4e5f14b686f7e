/**
 * Access-matrix rows of `showcases.*` (示范点) and `contacts.*` (领导干部联系点). Showcases are listed by
 * anyone bound to an organization (those of their subtree and the hosts they see), named and ended by the
 * administrators of the city, county and township committees (行业党委: its own area, but it names none:
 * FORBIDDEN). Leaders and their contact points belong to the administrators whose subtree holds the node
 * that registered the leader. (Rows marked as mutating run on a copy of the world.)
 */
import { type Db } from "@liangxin/db/driver";
import { type Role, type World } from "./fixtures-views.ts";
import { ADMINS, allow, NONE, nodeOf, TODAY, val, type Entry } from "./matrix-kit.ts";
import { foreignOrgOf, ORG_BOUND, orgFor, TERRITORIAL } from "./matrix-work.ts";
import { one, type Param } from "./sql-kit.ts";

const insert = async (db: Db, sql: string, ...params: Param[]): Promise<number> =>
  await one(db, sql, ...params);

const cityNode = async (db: Db) =>
  await val(db, "select id from orgs where category = 'cityCommittee' order by id limit 1");

/** A showcase on the role's own organization, named by the role's node (the industry's: by the city). */
const ownShowcase = async (db: Db, r: Role) =>
  insert(
    db,
    "insert into showcases (org_id, level, named_by_id, start_on, reasons, created_at) values (?, 'county', ?, '2026-01-01', '示范', '2026-12-03T02:00:00.000Z') returning id",
    await orgFor(db, r),
    await (r === "industry" ? cityNode(db) : nodeOf(db, r)),
  );

/** A showcase of the other county, named by it. */
const foreignShowcase = async (db: Db, r: Role, w: World) =>
  r === "city"
    ? NONE
    : insert(
        db,
        "insert into showcases (org_id, level, named_by_id, start_on, reasons, created_at) values (?, 'county', ?, '2026-01-01', '示范', '2026-12-03T02:00:00.000Z') returning id",
        await foreignOrgOf(db, r, w),
        w.ids.foreignOrg,
      );

/** A leader registered by the role's node. */
const ownLeader = async (db: Db, r: Role) =>
  insert(
    db,
    "insert into leaders (name, post, unit, registered_by_id, created_at) values ('周联系', '副书记', '县委', ?, '2026-12-03T02:00:00.000Z') returning id",
    await nodeOf(db, r),
  );

const foreignLeader = (db: Db, r: Role, w: World) =>
  r === "city"
    ? NONE
    : insert(
        db,
        "insert into leaders (name, post, unit, registered_by_id, created_at) values ('吴联系', '副县长', '青山县政府', ?, '2026-12-03T02:00:00.000Z') returning id",
        w.ids.foreignOrg,
      );

/** A contact point of the role's leader on the role's organization, from 2026-01-01. */
const ownPoint = async (db: Db, r: Role) =>
  insert(
    db,
    "insert into contact_points (leader_id, org_id, start_on) values (?, ?, '2026-01-01') returning id",
    await ownLeader(db, r),
    await orgFor(db, r),
  );

const foreignPoint = async (db: Db, r: Role, w: World) =>
  r === "city"
    ? NONE
    : insert(
        db,
        "insert into contact_points (leader_id, org_id, start_on) values (?, ?, '2026-01-01') returning id",
        await foreignLeader(db, r, w),
        await foreignOrgOf(db, r, w),
      );

const leader = { name: "郑联系", post: "常委", unit: "县委组织部" };

export const CONTACTS_MATRIX: Record<string, Entry> = {
  // --- 示范点 ---
  "showcases.list": { expect: allow([...ORG_BOUND]), own: (c) => c.showcases.list({ all: true }) },
  "showcases.count": { expect: allow([...ORG_BOUND]), own: (c) => c.showcases.count() },
  "showcases.mine": { expect: allow([...ORG_BOUND]), own: (c) => c.showcases.mine() },
  "showcases.name": {
    expect: allow([...TERRITORIAL], "NOT_FOUND", { industry: "FORBIDDEN" }),
    own: async (c, r, _w, db) =>
      c.showcases.name({ orgId: await orgFor(db, r), startOn: TODAY, reasons: "党建引领发展成效突出" }),
    foreign: async (c, r, w, db) =>
      c.showcases.name({
        orgId: await foreignOrgOf(db, r, w),
        startOn: TODAY,
        reasons: "党建引领发展成效突出",
      }),
    mutates: true,
  },
  "showcases.end": {
    expect: allow([...TERRITORIAL], "NOT_FOUND", { industry: "FORBIDDEN" }),
    own: async (c, r, _w, db) => c.showcases.end({ id: await ownShowcase(db, r), endOn: TODAY }),
    foreign: async (c, r, w, db) => c.showcases.end({ id: await foreignShowcase(db, r, w), endOn: TODAY }),
    mutates: true,
  },

  // --- 领导干部联系点 ---
  "contacts.leaders": { expect: allow([...ADMINS]), own: (c) => c.contacts.leaders() },
  "contacts.overdue": { expect: allow([...ADMINS]), own: (c) => c.contacts.overdue() },
  "contacts.of": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => c.contacts.of({ orgId: await orgFor(db, r) }),
  },
  "contacts.visits": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) => c.contacts.visits({ contactPointId: await ownPoint(db, r) }),
    foreign: async (c, r, w, db) => c.contacts.visits({ contactPointId: await foreignPoint(db, r, w) }),
    mutates: true,
  },
  "contacts.createLeader": {
    expect: allow([...ADMINS]),
    own: (c) => c.contacts.createLeader(leader),
    mutates: true,
  },
  "contacts.updateLeader": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) =>
      c.contacts.updateLeader({ id: await ownLeader(db, r), version: 1, ...leader }),
    foreign: async (c, r, w, db) =>
      c.contacts.updateLeader({ id: await foreignLeader(db, r, w), version: 1, ...leader }),
    mutates: true,
  },
  "contacts.link": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) =>
      c.contacts.link({ leaderId: await ownLeader(db, r), orgId: await orgFor(db, r), startOn: TODAY }),
    foreign: [
      async (c, r, w, db) =>
        c.contacts.link({
          leaderId: await ownLeader(db, r),
          orgId: await foreignOrgOf(db, r, w),
          startOn: TODAY,
        }),
      async (c, r, w, db) =>
        c.contacts.link({
          leaderId: await foreignLeader(db, r, w),
          orgId: await orgFor(db, r),
          startOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "contacts.endLink": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) => c.contacts.endLink({ id: await ownPoint(db, r), endOn: TODAY }),
    foreign: async (c, r, w, db) => c.contacts.endLink({ id: await foreignPoint(db, r, w), endOn: TODAY }),
    mutates: true,
  },
  "contacts.visit": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) =>
      c.contacts.visit({
        contactPointId: await ownPoint(db, r),
        visitedOn: TODAY,
        content: "座谈了解党建工作",
      }),
    foreign: async (c, r, w, db) =>
      c.contacts.visit({ contactPointId: await foreignPoint(db, r, w), visitedOn: TODAY, content: "座谈" }),
    mutates: true,
  },
};
