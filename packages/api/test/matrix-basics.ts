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
import { column, first, one, run } from "./sql-kit.ts";

/**
 * A rule the organization may adopt from 2026-01-01: one it never recorded, or else (the demo records every
 * rule of some organizations) its first rule, whose rows are set to have been dropped at the end of 2025.
 */
async function freshRule(db: Db, orgId: number): Promise<OrgRule> {
  const used = new Set(await column<string>(db, "select rule from org_rules where org_id = ?", orgId));
  const rule = ORG_RULES.find((r) => !used.has(r));
  if (rule) return rule;
  await run(
    db,
    "update org_rules set dropped_on = '2025-12-31' where org_id = ? and rule = ? and (dropped_on is null or dropped_on > '2025-12-31')",
    orgId,
    ORG_RULES[0],
  );
  await run(
    db,
    "delete from org_rules where org_id = ? and rule = ? and adopted_on > '2025-12-31'",
    orgId,
    ORG_RULES[0],
  );
  return ORG_RULES[0];
}

/** A member held by an organization, in good standing. */
const memberOf = async (db: Db, orgId: number) =>
  await val(db, "select id from members where org_id = ? and status = 'normal' order by id limit 1", orgId);

/** A member held in the other county (a real record the caller must not reach). */
const foreignMember = async (db: Db, r: Role, w: World) =>
  r === "city"
    ? NONE
    : await val(
        db,
        "select m.id from members m join orgs o on o.id = m.org_id where o.path like ? order by m.id limit 1",
        await foreignSubtree(db, w),
      );

/** The secretary's term of an organization in office today (one is recorded when there is none). */
async function secretaryOf(db: Db, orgId: number): Promise<number> {
  const id = await first(
    db,
    "select id from secretaries where org_id = ? and end_on is null order by start_on desc limit 1",
    orgId,
  );
  if (id !== undefined) return id;
  return await one(
    db,
    "insert into secretaries (org_id, member_id, start_on) values (?, ?, '2026-01-01') returning id",
    orgId,
    await memberOf(db, orgId),
  );
}

const foreignSecretary = async (db: Db, r: Role, w: World) =>
  r === "city" ? NONE : secretaryOf(db, await foreignOrgOf(db, r, w));

/** A row of a dated table on the other county's organization (for "end it" from another area). */
async function foreignRow(db: Db, r: Role, w: World, insert: string): Promise<number> {
  if (r === "city") return NONE;
  const org = await foreignOrgOf(db, r, w);
  return await one(db, insert, org, await memberOf(db, org));
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
const foreignVenue = async (db: Db, r: Role, w: World) =>
  r === "city"
    ? NONE
    : await one(
        db,
        "insert into venues (name, run_by, created_at) values ('青山县党群服务中心', ?, '2026-12-03T02:00:00.000Z') returning id",
        w.ids.foreignOrg,
      );

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
    own: async (c, r, _w, db) => c.basics.org({ orgId: await orgFor(db, r) }),
    foreign: async (c, r, w, db) => c.basics.org({ orgId: await foreignOrgOf(db, r, w) }),
  },
  "basics.sharedVenues": { expect: allow([...ORG_BOUND]), own: (c) => c.basics.sharedVenues() },

  // --- 基本队伍 ---
  "basics.committee.set": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => {
      const orgId = await orgFor(db, r);
      return c.basics.committee.set({
        orgId,
        memberId: await memberOf(db, orgId),
        post: "organization",
        startOn: TODAY,
      });
    },
    foreign: async (c, r, w, db) =>
      c.basics.committee.set({
        orgId: await foreignOrgOf(db, r, w),
        memberId: await foreignMember(db, r, w),
        post: "organization",
        startOn: TODAY,
      }),
    mutates: true,
  },
  "basics.committee.end": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => {
      const orgId = await orgFor(db, r);
      const row = await c.basics.committee.set({
        orgId,
        memberId: await memberOf(db, orgId),
        post: "propaganda",
        startOn: "2026-01-01",
      });
      return c.basics.committee.end({ id: row.id, endOn: TODAY });
    },
    foreign: async (c, r, w, db) =>
      c.basics.committee.end({
        id: await foreignRow(
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
    own: async (c, r, _w, db) => {
      const orgId = await orgFor(db, r);
      return c.basics.reserve.set({
        orgId,
        memberId: await memberOf(db, orgId),
        startOn: TODAY,
      });
    },
    foreign: async (c, r, w, db) =>
      c.basics.reserve.set({
        orgId: await foreignOrgOf(db, r, w),
        memberId: await foreignMember(db, r, w),
        startOn: TODAY,
      }),
    mutates: true,
  },
  "basics.reserve.end": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => {
      const orgId = await orgFor(db, r);
      const row = await c.basics.reserve.set({
        orgId,
        memberId: await memberOf(db, orgId),
        startOn: "2026-01-01",
      });
      return c.basics.reserve.end({ id: row.id, endOn: TODAY });
    },
    foreign: async (c, r, w, db) =>
      c.basics.reserve.end({
        id: await foreignRow(
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
    own: async (c, r, _w, db) =>
      c.basics.secretary.profile({
        secretaryId: await secretaryOf(db, await orgFor(db, r)),
        kind: "partTime",
        source: "management",
      }),
    foreign: async (c, r, w, db) =>
      c.basics.secretary.profile({
        secretaryId: await foreignSecretary(db, r, w),
        kind: "fullTime",
        source: null,
      }),
    mutates: true,
  },
  "basics.secretary.allowance": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.basics.secretary.allowance({
        secretaryId: await secretaryOf(db, await orgFor(db, r)),
        monthly: 800,
        startOn: TODAY,
      }),
    foreign: async (c, r, w, db) =>
      c.basics.secretary.allowance({
        secretaryId: await foreignSecretary(db, r, w),
        monthly: 800,
        startOn: TODAY,
      }),
    mutates: true,
  },

  // --- 基本阵地 ---
  "basics.venue.record": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.basics.venue.record({ orgId: await orgFor(db, r), name: "党员活动室", ...check }),
    foreign: async (c, r, w, db) =>
      c.basics.venue.record({ orgId: await foreignOrgOf(db, r, w), name: "党员活动室", ...check }),
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
    foreign: async (c, r, w, db) =>
      c.basics.venue.checkShared({ venueId: await foreignVenue(db, r, w), ...check }),
    mutates: true,
  },
  "basics.venue.link": {
    expect: allow([...TERRITORIAL]),
    own: async (c, _r, _w, db) =>
      c.basics.venue.link({
        venueId: await townshipVenue(db),
        orgId: await orgFor(db, "township"),
        startOn: TODAY,
      }),
    foreign: async (c, r, w, db) =>
      c.basics.venue.link({
        venueId: await foreignVenue(db, r, w),
        orgId: await foreignOrgOf(db, r, w),
        startOn: TODAY,
      }),
    mutates: true,
  },
  "basics.venue.endLink": {
    expect: allow([...TERRITORIAL]),
    own: async (c, _r, _w, db) => {
      const link = await callerOn(db, "township").basics.venue.link({
        venueId: await townshipVenue(db),
        orgId: await orgFor(db, "township"),
        startOn: "2026-01-01",
      });
      return c.basics.venue.endLink({ id: link.id, endOn: TODAY });
    },
    foreign: async (c, r, w, db) =>
      c.basics.venue.endLink({
        id:
          r === "city"
            ? NONE
            : await one(
                db,
                "insert into venue_links (venue_id, org_id, start_on) values (?, ?, '2026-01-01') returning id",
                await foreignVenue(db, r, w),
                await foreignOrgOf(db, r, w),
              ),
        endOn: TODAY,
      }),
    mutates: true,
  },

  // --- 基本制度, 基本保障 ---
  "basics.rules.adopt": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => {
      const orgId = await orgFor(db, r);
      return c.basics.rules.adopt({
        orgId,
        rule: await freshRule(db, orgId),
        adoptedOn: TODAY,
      });
    },
    foreign: async (c, r, w, db) => {
      const orgId = await foreignOrgOf(db, r, w);
      return c.basics.rules.adopt({
        orgId,
        rule: await (r === "city" ? "openAffairs" : freshRule(db, orgId)),
        adoptedOn: TODAY,
      });
    },
    mutates: true,
  },
  "basics.rules.drop": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => {
      const orgId = await orgFor(db, r);
      const row = await c.basics.rules.adopt({
        orgId,
        rule: await freshRule(db, orgId),
        adoptedOn: "2026-01-01",
      });
      return c.basics.rules.drop({ id: row.id, droppedOn: TODAY });
    },
    foreign: async (c, r, w, db) =>
      c.basics.rules.drop({
        id: await (r === "city"
          ? NONE
          : (async () => {
              const orgId = await foreignOrgOf(db, r, w);
              return await one(
                db,
                "insert into org_rules (org_id, rule, adopted_on) values (?, ?, '2026-01-01') returning id",
                orgId,
                await freshRule(db, orgId),
              );
            })()),
        droppedOn: TODAY,
      }),
    mutates: true,
  },
  "basics.funds": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.basics.funds({ orgId: await orgFor(db, r), year: 2026, source: "managementFee", amount: 1.5 }),
    foreign: async (c, r, w, db) =>
      c.basics.funds({
        orgId: await foreignOrgOf(db, r, w),
        year: 2026,
        source: "managementFee",
        amount: 1.5,
      }),
    mutates: true,
  },
};
