/**
 * Access-matrix rows of `basics.*`, the five basics (五个基本). An organization's records are written by
 * anyone bound to an organization whose subtree holds it (its own branch included); shared venues (党群服务
 * 中心) by administrators with a territory, for the organizations of their subtree. (Rows marked as mutating
 * run on a copy of the world.)
 */
import { ORG_RULES, type OrgRule } from "@liangxin/domain";
import { type Db } from "@liangxin/db/driver";
import { callerOn, type Role, type World } from "./fixtures-views.ts";
import { allow, foreignSubtree, NONE, TODAY, val, type Entry } from "./matrix-kit.ts";
import { foreignOrgOf, ORG_BOUND, orgFor, TERRITORIAL } from "./matrix-work.ts";

/**
 * A rule the organization may adopt from 2026-01-01: one it never recorded, or else (the demo records every
 * rule of some organizations) its first rule, whose rows are set to have been dropped at the end of 2025.
 */
function freshRule(db: Db, orgId: number): OrgRule {
  const used = new Set(
    db.$client.prepare("select rule from org_rules where org_id = ?").pluck().all(orgId) as string[],
  );
  const rule = ORG_RULES.find((r) => !used.has(r));
  if (rule) return rule;
  db.$client
    .prepare(
      "update org_rules set dropped_on = '2025-12-31' where org_id = ? and rule = ? and (dropped_on is null or dropped_on > '2025-12-31')",
    )
    .run(orgId, ORG_RULES[0]);
  db.$client
    .prepare("delete from org_rules where org_id = ? and rule = ? and adopted_on > '2025-12-31'")
    .run(orgId, ORG_RULES[0]);
  return ORG_RULES[0];
}

/** A member held by an organization, in good standing. */
const memberOf = (db: Db, orgId: number) =>
  val(db, "select id from members where org_id = ? and status = 'normal' order by id limit 1", orgId);

/** A member held in the other county (a real record the caller must not reach). */
const foreignMember = (db: Db, r: Role, w: World) =>
  r === "city"
    ? NONE
    : val(
        db,
        "select m.id from members m join orgs o on o.id = m.org_id where o.path glob ? order by m.id limit 1",
        foreignSubtree(db, w),
      );

/** The secretary's term of an organization in office today (one is recorded when there is none). */
function secretaryOf(db: Db, orgId: number): number {
  const id = db.$client
    .prepare("select id from secretaries where org_id = ? and end_on is null order by start_on desc limit 1")
    .pluck()
    .get(orgId) as number | undefined;
  if (id !== undefined) return id;
  return db.$client
    .prepare("insert into secretaries (org_id, member_id, start_on) values (?, ?, '2026-01-01') returning id")
    .pluck()
    .get(orgId, memberOf(db, orgId)) as number;
}

const foreignSecretary = (db: Db, r: Role, w: World) =>
  r === "city" ? NONE : secretaryOf(db, foreignOrgOf(db, r, w));

/** A row of a dated table on the other county's organization (for "end it" from another area). */
function foreignRow(db: Db, r: Role, w: World, insert: string): number {
  if (r === "city") return NONE;
  const org = foreignOrgOf(db, r, w);
  return db.$client.prepare(insert).pluck().get(org, memberOf(db, org)) as number;
}

/** A shared venue run by the township's node, made by the township administrator. */
async function townshipVenue(db: Db): Promise<number> {
  const { venue } = await callerOn(db, "township").basics.venue.createShared({
    name: "柳林镇党群服务中心",
    checkedOn: TODAY,
    status: "standard",
    areaSqm: 300,
    equipment: ["av", "furniture", "flag", "emblem", "reading"],
  });
  return venue.id;
}

/** A shared venue run by the other county's node. */
const foreignVenue = (db: Db, r: Role, w: World) =>
  r === "city"
    ? NONE
    : (db.$client
        .prepare(
          "insert into venues (name, run_by, created_at) values ('青山县党群服务中心', ?, '2026-12-03T02:00:00.000Z') returning id",
        )
        .pluck()
        .get(w.ids.foreignOrg) as number);

const check = {
  checkedOn: TODAY,
  status: "standard" as const,
  areaSqm: 60,
  equipment: ["av" as const, "flag" as const],
};

export const BASICS_MATRIX: Record<string, Entry> = {
  "basics.board": { expect: allow([...ORG_BOUND]), own: (c) => c.basics.board() },
  "basics.org": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) => c.basics.org({ orgId: orgFor(db, r) }),
    foreign: (c, r, w, db) => c.basics.org({ orgId: foreignOrgOf(db, r, w) }),
  },
  "basics.sharedVenues": { expect: allow([...ORG_BOUND]), own: (c) => c.basics.sharedVenues() },

  // --- 基本队伍 ---
  "basics.committee.set": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) => {
      const orgId = orgFor(db, r);
      return c.basics.committee.set({
        orgId,
        memberId: memberOf(db, orgId),
        post: "organization",
        startOn: TODAY,
      });
    },
    foreign: (c, r, w, db) =>
      c.basics.committee.set({
        orgId: foreignOrgOf(db, r, w),
        memberId: foreignMember(db, r, w),
        post: "organization",
        startOn: TODAY,
      }),
    mutates: true,
  },
  "basics.committee.end": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => {
      const orgId = orgFor(db, r);
      const row = await c.basics.committee.set({
        orgId,
        memberId: memberOf(db, orgId),
        post: "propaganda",
        startOn: "2026-01-01",
      });
      return c.basics.committee.end({ id: row.id, endOn: TODAY });
    },
    foreign: (c, r, w, db) =>
      c.basics.committee.end({
        id: foreignRow(
          db,
          r,
          w,
          "insert into committee_members (org_id, member_id, post, start_on) values (?, ?, 'member', '2026-01-01') returning id",
        ),
        endOn: TODAY,
      }),
    mutates: true,
  },
  "basics.reserve.set": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) => {
      const orgId = orgFor(db, r);
      return c.basics.reserve.set({ orgId, memberId: memberOf(db, orgId), startOn: TODAY });
    },
    foreign: (c, r, w, db) =>
      c.basics.reserve.set({
        orgId: foreignOrgOf(db, r, w),
        memberId: foreignMember(db, r, w),
        startOn: TODAY,
      }),
    mutates: true,
  },
  "basics.reserve.end": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => {
      const orgId = orgFor(db, r);
      const row = await c.basics.reserve.set({ orgId, memberId: memberOf(db, orgId), startOn: "2026-01-01" });
      return c.basics.reserve.end({ id: row.id, endOn: TODAY });
    },
    foreign: (c, r, w, db) =>
      c.basics.reserve.end({
        id: foreignRow(
          db,
          r,
          w,
          "insert into reserve_cadres (org_id, member_id, start_on) values (?, ?, '2026-01-01') returning id",
        ),
        endOn: TODAY,
      }),
    mutates: true,
  },
  "basics.secretary.profile": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) =>
      c.basics.secretary.profile({
        secretaryId: secretaryOf(db, orgFor(db, r)),
        kind: "partTime",
        source: "management",
      }),
    foreign: (c, r, w, db) =>
      c.basics.secretary.profile({ secretaryId: foreignSecretary(db, r, w), kind: "fullTime", source: null }),
    mutates: true,
  },
  "basics.secretary.allowance": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) =>
      c.basics.secretary.allowance({
        secretaryId: secretaryOf(db, orgFor(db, r)),
        monthly: 800,
        startOn: TODAY,
      }),
    foreign: (c, r, w, db) =>
      c.basics.secretary.allowance({ secretaryId: foreignSecretary(db, r, w), monthly: 800, startOn: TODAY }),
    mutates: true,
  },

  // --- 基本阵地 ---
  "basics.venue.record": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) => c.basics.venue.record({ orgId: orgFor(db, r), name: "党员活动室", ...check }),
    foreign: (c, r, w, db) =>
      c.basics.venue.record({ orgId: foreignOrgOf(db, r, w), name: "党员活动室", ...check }),
    mutates: true,
  },
  "basics.venue.createShared": {
    expect: allow([...TERRITORIAL]),
    own: (c) => c.basics.venue.createShared({ name: "党群服务中心", ...check }),
    mutates: true,
  },
  "basics.venue.checkShared": {
    expect: allow([...TERRITORIAL]),
    own: async (c, _r, _w, db) => c.basics.venue.checkShared({ venueId: await townshipVenue(db), ...check }),
    foreign: (c, r, w, db) => c.basics.venue.checkShared({ venueId: foreignVenue(db, r, w), ...check }),
    mutates: true,
  },
  "basics.venue.link": {
    expect: allow([...TERRITORIAL]),
    own: async (c, _r, _w, db) =>
      c.basics.venue.link({
        venueId: await townshipVenue(db),
        orgId: orgFor(db, "township"),
        startOn: TODAY,
      }),
    foreign: (c, r, w, db) =>
      c.basics.venue.link({ venueId: foreignVenue(db, r, w), orgId: foreignOrgOf(db, r, w), startOn: TODAY }),
    mutates: true,
  },
  "basics.venue.endLink": {
    expect: allow([...TERRITORIAL]),
    own: async (c, _r, _w, db) => {
      const link = await callerOn(db, "township").basics.venue.link({
        venueId: await townshipVenue(db),
        orgId: orgFor(db, "township"),
        startOn: "2026-01-01",
      });
      return c.basics.venue.endLink({ id: link.id, endOn: TODAY });
    },
    foreign: (c, r, w, db) =>
      c.basics.venue.endLink({
        id:
          r === "city"
            ? NONE
            : (db.$client
                .prepare(
                  "insert into venue_links (venue_id, org_id, start_on) values (?, ?, '2026-01-01') returning id",
                )
                .pluck()
                .get(foreignVenue(db, r, w), foreignOrgOf(db, r, w)) as number),
        endOn: TODAY,
      }),
    mutates: true,
  },

  // --- 基本制度, 基本保障 ---
  "basics.rules.adopt": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) => {
      const orgId = orgFor(db, r);
      return c.basics.rules.adopt({ orgId, rule: freshRule(db, orgId), adoptedOn: TODAY });
    },
    foreign: (c, r, w, db) => {
      const orgId = foreignOrgOf(db, r, w);
      return c.basics.rules.adopt({
        orgId,
        rule: r === "city" ? "openAffairs" : freshRule(db, orgId),
        adoptedOn: TODAY,
      });
    },
    mutates: true,
  },
  "basics.rules.drop": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => {
      const orgId = orgFor(db, r);
      const row = await c.basics.rules.adopt({ orgId, rule: freshRule(db, orgId), adoptedOn: "2026-01-01" });
      return c.basics.rules.drop({ id: row.id, droppedOn: TODAY });
    },
    foreign: (c, r, w, db) =>
      c.basics.rules.drop({
        id:
          r === "city"
            ? NONE
            : (() => {
                const orgId = foreignOrgOf(db, r, w);
                return db.$client
                  .prepare(
                    "insert into org_rules (org_id, rule, adopted_on) values (?, ?, '2026-01-01') returning id",
                  )
                  .pluck()
                  .get(orgId, freshRule(db, orgId)) as number;
              })(),
        droppedOn: TODAY,
      }),
    mutates: true,
  },
  "basics.funds": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) =>
      c.basics.funds({ orgId: orgFor(db, r), year: 2026, source: "managementFee", amount: 1.5 }),
    foreign: (c, r, w, db) =>
      c.basics.funds({ orgId: foreignOrgOf(db, r, w), year: 2026, source: "managementFee", amount: 1.5 }),
    mutates: true,
  },
};
