/**
 * Access-matrix rows of `records.*`, the write side of the ledger (issue 3). Every "ok" runs a valid
 * input through the command, so it proves the allowed path; every denial is the scope's answer, not a
 * zod error. The rules (architecture.md, "Scoping"): hosts are edited by administrators whose territory
 * holds them (none for a 行业党委 or a branch); organizations and members within the subtree (a branch
 * secretary: its own organization and members); coverage by the covering organization's chain; policy by
 * the city only; an owner edits nothing directly.
 */
import { withCitizenIdCheckChar, withCreditCheckChar } from "@liangxin/domain";
import { type Db } from "@liangxin/db/driver";
import { callerOn, type Role, type World } from "./fixtures-views.ts";
import {
  ADMINS,
  allow,
  foreignSubtree,
  grassroots,
  GRASSROOTS_SQL,
  nodeOf,
  NONE,
  subtreeOf,
  TODAY,
  val,
  versionOf,
  type Entry,
} from "./matrix-kit.ts";
import { column, first, one, row } from "./sql-kit.ts";

/** Administrators with a territory. */
const TERRITORIAL = ["city", "county", "township"] as const;
/** Anyone bound to an organization: its subtree is theirs to edit. */
const ORG_BOUND = [...ADMINS, "branch"] as const;

// --- record lookups ------------------------------------------------------------------------------

/** The host a role's own call edits: 柳林镇's for administrators with a territory (and for the owner, its own). */
async function hostFor(w: World, db: Db, r: Role): Promise<number> {
  if (r === "owner") return w.ids.ownerHost;
  if (r === "branch") return w.ids.crossHost; // covered by the branch: reference only
  if (r === "industry")
    // covered by the 行业党委's organizations: reference only
    return await val(
      db,
      `select c.host_id from coverages c join orgs o on o.id = c.org_id where o.path like ? and c.end_on is null
       order by c.host_id limit 1`,
      await subtreeOf(db, r),
    );
  return w.ids.liulinHost;
}

const liulinRegion = async (w: World, db: Db) =>
  await val(db, "select region_id from hosts where id = ?", w.ids.liulinHost);

/** A grassroots organization of the role's subtree (the branch: its own). */
const orgFor = async (db: Db, r: Role) =>
  r === "branch" ? nodeOf(db, r) : grassroots(db, await subtreeOf(db, r));

/** A normal member held in the subtree with no pending transfer. */
const memberIn = async (db: Db, subtree: string) =>
  await val(
    db,
    `select m.id from members m join orgs o on o.id = m.org_id where o.path like ? and m.status = 'normal'
     and not exists (select 1 from transfers t where t.member_id = m.id and t.state = 'pending') order by m.id limit 1`,
    subtree,
  );

/** A joint organization (topmost of its unit) of the subtree, able to cover one more host. */
const jointIn = async (db: Db, subtree: string) =>
  await val(
    db,
    `select id from orgs where path like ? and category = 'jointBranch' and formation_mode = 'joint'
     and revoked_on is null order by id limit 1`,
    subtree,
  );

/** A host open today and covered by no one from today on. */
const uncoveredHost = async (db: Db) =>
  await val(
    db,
    `select h.id from hosts h where h.closed_on is null and h.founded_on < ? and not exists
       (select 1 from coverages c where c.host_id = h.id and (c.end_on is null or c.end_on > ?)) order by h.id limit 1`,
    TODAY,
    TODAY,
  );

/** A host open today, covered by no one from today on, in the region subtree `subtree` (or outside it: `not`). */
const uncoveredHostWhere = async (db: Db, subtree: string, not = false) =>
  await val(
    db,
    `select h.id from hosts h join regions r on r.id = h.region_id where r.path ${not ? "not " : ""}like ?
     and h.closed_on is null and h.founded_on < ? and not exists
       (select 1 from coverages c where c.host_id = h.id and (c.end_on is null or c.end_on > ?)) order by h.id limit 1`,
    subtree,
    TODAY,
    TODAY,
  );

/** `n` hosts as uncoveredHostWhere gives one. */
const uncoveredHostsWhere = async (db: Db, subtree: string, n: number): Promise<number[]> =>
  await column<number>(
    db,
    `select h.id from hosts h join regions r on r.id = h.region_id where r.path like ?
       and h.closed_on is null and h.founded_on < ? and not exists
         (select 1 from coverages c where c.host_id = h.id and (c.end_on is null or c.end_on > ?)) order by h.id limit ?`,
    subtree,
    TODAY,
    TODAY,
    n,
  );

/** GLOB of a role's territory (none for the 行业党委 and the branch: every region is outside it). */
const territoryOf = async (db: Db, r: Role): Promise<string> =>
  r === "industry" || r === "branch"
    ? "/none/*"
    : `${await val<string>(
        db,
        "select g.path from users u join orgs o on o.id = u.org_id join regions g on g.id = o.region_id where u.username = ?",
        r === "owner" || r === "anonymous" ? "township" : r,
      )}%`;

/** GLOB of the regions of 石桥镇 (township B, beside the township's 柳林镇), and 柳林镇's own. */
const regionGlob = async (db: Db, name: string) =>
  `${await val<string>(db, "select path from regions where name = ?", name)}%`;

/** A pending coverage request, as proposed by the organization `orgId` for `hostId`. */
async function pendingCoverageRequest(db: Db, hostId: number, orgId: number, w: World): Promise<number> {
  return await one(
    db,
    `insert into coverage_requests (host_id, org_id, start_on, requested_by, requested_on, created_at)
       values (?, ?, ?, ?, ?, '2026-12-03T02:00:00.000Z') returning id`,
    hostId,
    orgId,
    TODAY,
    w.ids.user("branch"),
    TODAY,
  );
}

/**
 * A request a role's administrator decides: for the township (柳林镇), a 石桥镇 joint organization proposing
 * a 柳林镇 host; for the county and the city (common superiors), the branch's joint branch proposing a 石桥镇
 * host. Others (the 行业党委, the branch, the owner) get the township's: not theirs to decide.
 */
async function requestToDecide(db: Db, r: Role, w: World): Promise<number> {
  if (r === "county" || r === "city")
    return pendingCoverageRequest(
      db,
      await uncoveredHostWhere(db, await regionGlob(db, "石桥镇")),
      w.ids.crossJoint,
      w,
    );
  const shiqiaoJoint = await val(
    db,
    `select id from orgs where path like (select path from orgs where name like '%石桥镇委员会') || '%'
     and formation_mode in ('joint','regional','grid') and revoked_on is null order by id limit 1`,
  );
  return pendingCoverageRequest(
    db,
    await uncoveredHostWhere(db, await regionGlob(db, "柳林镇")),
    shiqiaoJoint,
    w,
  );
}

/** A request of 青山县 (another county) about one of its hosts: nobody of 清河县 sees it. */
async function foreignRequest(db: Db, w: World): Promise<number> {
  return pendingCoverageRequest(
    db,
    await uncoveredHostWhere(
      db,
      `${await val<string>(db, "select path from regions where name = '青山县'")}%`,
    ),
    await jointIn(db, await foreignSubtree(db, w)),
    w,
  );
}

/** A regional (区域联建) organization of 柳林镇: the other side of a dual-management link. */
const regionalOrg = async (db: Db) =>
  await val(
    db,
    `select id from orgs where path like ? and formation_mode in ('regional','grid') and revoked_on is null
     order by id limit 1`,
    await subtreeOf(db, "township"),
  );

/** A standalone grassroots organization of the subtree (the branch: its own) to link with `regionalOrg`. */
const linkableIn = async (db: Db, r: Role) =>
  r === "branch"
    ? nodeOf(db, r)
    : await val(
        db,
        `select id from orgs where path like ? and category in ${GRASSROOTS_SQL} and formation_mode = 'standalone'
         and revoked_on is null order by id limit 1`,
        await subtreeOf(db, r),
      );

async function insertDualLink(db: Db, orgId: number, regionalOrgId: number): Promise<number> {
  return await one(
    db,
    "insert into dual_links (org_id, regional_org_id, start_on) values (?, ?, '2025-01-01') returning id",
    orgId,
    regionalOrgId,
  );
}

/** A member of a grassroots organization of the subtree who may become its secretary today. */
const secretaryCandidate = async (db: Db, subtree: string) =>
  await row<{ orgId: number; memberId: number }>(
    db,
    `select m.org_id as orgId, m.id as memberId from members m join orgs o on o.id = m.org_id
       where o.path like ? and o.category in ${GRASSROOTS_SQL} and o.revoked_on is null and m.status = 'normal'
         and not exists (select 1 from secretaries s where s.member_id = m.id and s.end_on is null)
         and not exists (select 1 from secretaries s where s.org_id = m.org_id and (s.start_on >= ? or s.end_on > ?))
       order by m.id limit 1`,
    subtree,
    TODAY,
    TODAY,
  );

const currentSecretaryTerm = async (db: Db, subtree: string) =>
  await val(
    db,
    `select s.id from secretaries s join orgs o on o.id = s.org_id where o.path like ? and s.end_on is null
     and s.start_on < ? order by s.id limit 1`,
    subtree,
    TODAY,
  );

/** A host covered today by an organization of the subtree. */
const coveredHostIn = async (db: Db, subtree: string) =>
  await val(
    db,
    `select c.host_id from coverages c join orgs o on o.id = c.org_id where o.path like ? and c.end_on is null
     order by c.host_id limit 1`,
    subtree,
  );

const openCoverage = async (db: Db, subtree: string) =>
  await val(
    db,
    `select c.id from coverages c join orgs o on o.id = c.org_id where o.path like ? and c.end_on is null
     and c.start_on < ? order by c.id limit 1`,
    subtree,
    TODAY,
  );

/** A pending transfer of a member of 石桥镇 to `toOrgId`, requested today. */
async function pendingTransferTo(w: World, db: Db, toOrgId: number): Promise<number> {
  const memberId = memberIn(
    db,
    `${await val<string>(db, "select path from orgs where id = ?", w.ids.node("石桥镇"))}%`,
  );
  return await one(
    db,
    `insert into transfers (member_id, from_org_id, to_org_id, requested_on, effective_on, requested_by, created_at)
       select id, org_id, ?, ?, ?, ?, '2026-12-03T02:00:00.000Z' from members where id = ? returning id`,
    toOrgId,
    TODAY,
    TODAY,
    w.ids.user("shiqiao"),
    await memberId,
  );
}

/** The receiving side of a transfer in the role's area. */
const receivingOrg = async (db: Db, r: Role) =>
  r === "branch" || r === "industry" ? orgFor(db, r) : grassroots(db, await subtreeOf(db, "township"));

/** The instructor a role's own call uses: kept by its node (the branch keeps none: its township's). */
const instructorFor = async (db: Db, r: Role) =>
  await val(
    db,
    "select id from instructors where registered_by_id = ? order by id limit 1",
    await nodeOf(db, r === "branch" ? "township" : r),
  );

const openAssignmentOf = async (db: Db, instructorId: number) =>
  await val(
    db,
    "select id from assignments where instructor_id = ? and end_on is null and start_on < ? order by id limit 1",
    instructorId,
    TODAY,
  );

/** A host of the role's area (the 行业党委: one it covers) not served by the instructor today. */
export async function hostToAssign(w: World, db: Db, r: Role, instructorId: number): Promise<number> {
  const free = `not exists (select 1 from assignments a where a.instructor_id = ? and a.host_id = h.id and a.end_on is null)`;
  if (r === "industry")
    return await val(
      db,
      `select h.id from hosts h join coverages c on c.host_id = h.id join orgs o on o.id = c.org_id
       where o.path like ? and c.end_on is null and h.closed_on is null and ${free} order by h.id limit 1`,
      await subtreeOf(db, r),
      instructorId,
    );
  return await val(
    db,
    `select h.id from hosts h where h.region_id = ? and h.closed_on is null and ${free} order by h.id limit 1`,
    await liulinRegion(w, db),
    instructorId,
  );
}

const ID_BODY = "36012219880512123"; // 1988-05-12, male
const CREDIT_BODY = "91360122MA35XK4A1";

// --- rows ----------------------------------------------------------------------------------------

export const RECORDS_MATRIX: Record<string, Entry> = {
  "records.host.create": {
    // A host is created in a township of the caller's territory: the 行业党委, the branch and the owner have none.
    expect: allow([...TERRITORIAL]),
    own: async (c, _r, w, db) =>
      c.records.host.create({
        creditCode: withCreditCheckChar(CREDIT_BODY),
        name: "清河县测试新建科技有限公司",
        kind: "enterprise",
        industry: "C",
        regionId: await liulinRegion(w, db),
        foundedOn: "2026-01-05",
        ownerName: "张测试",
        contactPhone: "0791-1234567",
      }),
    foreign: async (c, r, w, db) =>
      c.records.host.create({
        creditCode: withCreditCheckChar(CREDIT_BODY),
        name: "青山县测试新建科技有限公司",
        kind: "enterprise",
        regionId:
          r === "city" ? NONE : await val(db, "select region_id from hosts where id = ?", w.ids.foreignHost),
        foundedOn: "2026-01-05",
      }),
    mutates: true,
  },
  "records.host.update": {
    // The 行业党委 and the branch see their covered hosts for reference; the owner edits nothing directly.
    expect: allow([...TERRITORIAL]),
    own: async (c, r, w, db) => {
      const id = await hostFor(w, db, r);
      return c.records.host.update({
        id,
        version: await versionOf(db, "hosts", id),
        name: "清河县测试更名有限公司",
        contactPhone: "0791-7654321",
      });
    },
    foreign: async (c, r, w, db) =>
      c.records.host.update({
        id: r === "city" ? NONE : w.ids.foreignHost,
        version: await versionOf(db, "hosts", w.ids.foreignHost),
        name: "改名",
      }),
    mutates: true,
  },
  "records.host.setYear": {
    expect: allow([...TERRITORIAL]),
    own: async (c, r, w, db) =>
      c.records.host.setYear({
        hostId: await hostFor(w, db, r),
        year: 2026,
        employees: 58,
        revenue: 1234.56,
      }),
    foreign: (c, r, w) =>
      c.records.host.setYear({ hostId: r === "city" ? NONE : w.ids.foreignHost, year: 2026, employees: 3 }),
    mutates: true,
  },
  "records.org.create": {
    // Within the subtree: under the caller's node (the branch: under its own organization).
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.records.org.create({
        code: `MX-${r}`,
        name: "中共测试新建支部委员会",
        category: "branch",
        parentId: await nodeOf(db, r),
        formationMode: r === "branch" ? null : "standalone",
        foundedOn: "2026-11-01",
      }),
    foreign: (c, r, w) =>
      c.records.org.create({
        code: `MX-far-${r}`,
        name: "中共外区测试支部委员会",
        category: "branch",
        parentId: r === "city" ? NONE : w.ids.foreignOrg,
        formationMode: "standalone",
        foundedOn: "2026-11-01",
      }),
    mutates: true,
  },
  "records.org.suggestCode": {
    // For a parent the caller edits (the new-organization form's): another area's organization does not exist.
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => c.records.org.suggestCode({ parentId: await nodeOf(db, r) }),
    foreign: (c, r, w) => c.records.org.suggestCode({ parentId: r === "city" ? NONE : w.ids.foreignOrg }),
    mutates: false,
  },
  "records.org.update": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => {
      const id = await orgFor(db, r);
      return c.records.org.update({
        id,
        version: await versionOf(db, "orgs", id),
        lastElectionOn: "2026-06-30",
      });
    },
    foreign: async (c, r, w, db) => {
      const id = grassroots(db, await foreignSubtree(db, w));
      return c.records.org.update({
        id: await (r === "city" ? NONE : id),
        version: await versionOf(db, "orgs", await id),
        name: "改名",
      });
    },
    mutates: true,
  },
  "records.org.reparent": {
    // Both ends must be in the subtree: a branch cannot move itself to another superior.
    expect: allow([...ADMINS]),
    own: async (c, r, w, db) => {
      const township = await nodeOf(db, "township");
      if (r === "city" || r === "county")
        // An enterprise's branch of 柳林镇 moves to 石桥镇.
        return c.records.org.reparent({
          orgId: await val(
            db,
            "select id from orgs where parent_id = ? and category = 'branch' and formation_mode = 'standalone' order by id limit 1",
            township,
          ),
          toParentId: w.ids.node("石桥镇"),
          effectiveOn: TODAY,
          docNo: "清河两新〔2026〕9号",
          reason: "属地调整",
        });
      if (r === "branch")
        return c.records.org.reparent({
          orgId: await nodeOf(db, r),
          toParentId: w.ids.node("石桥镇"),
          effectiveOn: TODAY,
        });
      // A branch nested in a grassroots organization of the subtree becomes directly subordinate to the node.
      const subtree = await subtreeOf(db, r);
      let orgId = await first(
        db,
        `select o.id from orgs o join orgs p on p.id = o.parent_id where o.path like ? and p.category in ${GRASSROOTS_SQL}
           and o.revoked_on is null order by o.id limit 1`,
        subtree,
      );
      if (orgId === undefined)
        orgId = (
          await callerOn(db, "city").records.org.create({
            code: `MX-nested-${r}`,
            name: "中共测试内设支部委员会",
            category: "branch",
            parentId: await grassroots(db, subtree),
            foundedOn: "2020-01-01",
          })
        ).id;
      return c.records.org.reparent({ orgId, toParentId: await nodeOf(db, r), effectiveOn: TODAY });
    },
    foreign: async (c, r, w, db) =>
      c.records.org.reparent({
        orgId: await (r === "city" ? NONE : grassroots(db, await foreignSubtree(db, w))),
        toParentId: await nodeOf(db, r),
        effectiveOn: TODAY,
      }),
    mutates: true,
  },
  "records.coverage.set": {
    // By the covering organization's chain, for a host of the caller's own territory (another's is proposed:
    // records.coverageRequest). The 行业党委 and the branch keep no territory: nothing to cover directly.
    expect: allow([...TERRITORIAL]),
    own: async (c, r, _w, db) =>
      c.records.coverage.set({
        hostId: await (r === "branch" || r === "industry"
          ? uncoveredHostWhere(db, await regionGlob(db, "柳林镇"))
          : uncoveredHostWhere(db, await territoryOf(db, r))),
        orgId: await (r === "branch" ? nodeOf(db, r) : jointIn(db, await subtreeOf(db, r))),
        startOn: TODAY,
      }),
    foreign: [
      async (c, r, w, db) =>
        c.records.coverage.set({
          hostId: await uncoveredHost(db),
          orgId: await (r === "city" ? NONE : jointIn(db, await foreignSubtree(db, w))),
          startOn: TODAY,
        }),
      // A host of another area already covered there: refused as not found, never naming host or coverer.
      async (c, r, w, db) =>
        c.records.coverage.set({
          hostId: await (r === "city" ? NONE : coveredHostIn(db, await foreignSubtree(db, w))),
          orgId: await (r === "branch" ? nodeOf(db, r) : jointIn(db, await subtreeOf(db, r))),
          startOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "records.coverage.setMany": {
    // As records.coverage.set, for several hosts of the caller's territory at once.
    expect: allow([...TERRITORIAL]),
    own: async (c, r, _w, db) =>
      c.records.coverage.setMany({
        hostIds: await uncoveredHostsWhere(
          db,
          await (r === "branch" || r === "industry" ? regionGlob(db, "柳林镇") : territoryOf(db, r)),
          2,
        ),
        orgId: await (r === "branch" ? nodeOf(db, r) : jointIn(db, await subtreeOf(db, r))),
        startOn: TODAY,
      }),
    foreign: [
      async (c, r, w, db) =>
        c.records.coverage.setMany({
          hostIds: [await uncoveredHost(db)],
          orgId: await (r === "city" ? NONE : jointIn(db, await foreignSubtree(db, w))),
          startOn: TODAY,
        }),
      // One host of another area, already covered there, among the caller's own: nothing is covered, and
      // the refusal is not found, never naming that host or its coverer.
      async (c, r, w, db) =>
        c.records.coverage.setMany({
          hostIds: [
            ...(await uncoveredHostsWhere(
              db,
              await (r === "branch" || r === "industry" ? "%" : territoryOf(db, r)),
              1,
            )),
            await (r === "city" ? NONE : coveredHostIn(db, await foreignSubtree(db, w))),
          ],
          orgId: await (r === "branch" ? nodeOf(db, r) : jointIn(db, await subtreeOf(db, r))),
          startOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "records.coverageRequest.propose": {
    // A host outside the proposer's territory, by its exact credit code (the city's territory is the whole
    // city: every host is its own, covered directly).
    expect: allow(["county", "township", "industry", "branch"], "NOT_FOUND", { city: "BAD_REQUEST" }),
    own: async (c, r, _w, db) =>
      c.records.coverageRequest.propose({
        orgId: await (r === "branch"
          ? nodeOf(db, r)
          : jointIn(db, await subtreeOf(db, r === "owner" ? "township" : r))),
        hostCreditCode: await val(
          db,
          "select credit_code from hosts where id = ?",
          await uncoveredHostWhere(db, await (r === "city" ? "%" : territoryOf(db, r)), r !== "city"),
        ),
        startOn: TODAY,
      }),
    foreign: [
      // Another area's organization as the coverer: not found.
      async (c, r, w, db) =>
        c.records.coverageRequest.propose({
          orgId: await (r === "city" ? NONE : jointIn(db, await foreignSubtree(db, w))),
          hostCreditCode: await val(db, "select credit_code from hosts where id = ?", w.ids.foreignHost),
          startOn: TODAY,
        }),
      // A host by id that the caller does not see (by credit code it could be named): not found.
      async (c, r, w, db) =>
        c.records.coverageRequest.propose({
          orgId: await (r === "branch"
            ? nodeOf(db, r)
            : jointIn(db, await subtreeOf(db, r === "owner" ? "township" : r))),
          hostId: r === "city" ? NONE : w.ids.foreignHost,
          startOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "records.coverageRequest.list": {
    expect: allow([...ORG_BOUND]),
    own: (c) => c.records.coverageRequest.list(),
  },
  "records.coverageRequest.accept": {
    // The host's township-level administrator, or a common superior of host and proposer.
    expect: allow([...TERRITORIAL]),
    own: async (c, r, w, db) => c.records.coverageRequest.accept({ id: await requestToDecide(db, r, w) }),
    foreign: async (c, r, w, db) =>
      c.records.coverageRequest.accept({ id: await (r === "city" ? NONE : foreignRequest(db, w)) }),
    mutates: true,
  },
  "records.coverageRequest.reject": {
    expect: allow([...TERRITORIAL]),
    own: async (c, r, w, db) =>
      c.records.coverageRequest.reject({ id: await requestToDecide(db, r, w), reason: "拟单独组建党支部" }),
    foreign: async (c, r, w, db) =>
      c.records.coverageRequest.reject({
        id: await (r === "city" ? NONE : foreignRequest(db, w)),
        reason: "拟单独组建党支部",
      }),
    mutates: true,
  },
  "records.coverage.end": {
    // The owner's own host's coverage is not the owner's to end.
    expect: allow([...ORG_BOUND]),
    own: async (c, r, w, db) =>
      c.records.coverage.end({
        id: await (r === "owner"
          ? await val(db, "select id from coverages where host_id = ? and end_on is null", w.ids.ownerHost)
          : openCoverage(db, await subtreeOf(db, r))),
        endOn: TODAY,
      }),
    foreign: async (c, r, w, db) =>
      c.records.coverage.end({
        id: await (r === "city" ? NONE : openCoverage(db, await foreignSubtree(db, w))),
        endOn: TODAY,
      }),
    mutates: true,
  },
  "records.dualLink.set": {
    // The regional organization by its 组织代码 (anywhere in the city, audited); by id only within the sets.
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.records.dualLink.set({
        orgId: await linkableIn(db, r),
        regionalOrgCode: await val(db, "select code from orgs where id = ?", await regionalOrg(db)),
        startOn: TODAY,
      }),
    foreign: [
      // Another area's regional organization by id: not found, like a missing one.
      async (c, r, w, db) =>
        c.records.dualLink.set({
          orgId: await linkableIn(db, r),
          regionalOrgId:
            r === "city"
              ? NONE
              : await val(
                  db,
                  "select id from orgs where path like ? and formation_mode in ('regional','grid') and revoked_on is null order by id limit 1",
                  await foreignSubtree(db, w),
                ),
          startOn: TODAY,
        }),
      async (c, r, w, db) =>
        c.records.dualLink.set({
          orgId: await (r === "city" ? NONE : grassroots(db, await foreignSubtree(db, w))),
          regionalOrgId: await regionalOrg(db),
          startOn: TODAY,
        }),
      // Any regional organization may be linked; another area's non-regional one does not exist (never named).
      async (c, r, w, db) =>
        c.records.dualLink.set({
          orgId: await linkableIn(db, r),
          regionalOrgId:
            r === "city"
              ? NONE
              : await val(
                  db,
                  "select id from orgs where path like ? and formation_mode = 'standalone' order by id limit 1",
                  await foreignSubtree(db, w),
                ),
          startOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "records.dualLink.end": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.records.dualLink.end({
        id: await insertDualLink(db, await linkableIn(db, r), await regionalOrg(db)),
        endOn: TODAY,
      }),
    // A link of 澄江区 (another county).
    foreign: async (c, r, _w, db) =>
      c.records.dualLink.end({
        id:
          r === "city"
            ? NONE
            : await val(
                db,
                "select d.id from dual_links d join orgs o on o.id = d.org_id where o.path like (select path from orgs where name like '%澄江区委%') || '%' and d.end_on is null order by d.id limit 1",
              ),
        endOn: TODAY,
      }),
    mutates: true,
  },
  "records.secretary.set": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.records.secretary.set({ ...(await secretaryCandidate(db, await subtreeOf(db, r))), startOn: TODAY }),
    foreign: [
      async (c, r, w, db) => {
        const far = await secretaryCandidate(db, await foreignSubtree(db, w));
        return c.records.secretary.set({
          orgId: r === "city" ? NONE : far.orgId,
          memberId: far.memberId,
          startOn: TODAY,
        });
      },
      // Another area's member named in one's own organization does not exist either (never its name).
      async (c, r, w, db) =>
        c.records.secretary.set({
          orgId: (await secretaryCandidate(db, await subtreeOf(db, r))).orgId,
          memberId: r === "city" ? NONE : w.ids.foreignMember,
          startOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "records.secretary.end": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.records.secretary.end({ id: await currentSecretaryTerm(db, await subtreeOf(db, r)), endOn: TODAY }),
    foreign: async (c, r, w, db) =>
      c.records.secretary.end({
        id: await (r === "city" ? NONE : currentSecretaryTerm(db, await foreignSubtree(db, w))),
        endOn: TODAY,
      }),
    mutates: true,
  },
  "records.member.create": {
    // The branch secretary adds members to its own organization.
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.records.member.create({
        idNumber: withCitizenIdCheckChar(ID_BODY),
        name: "测试党员",
        gender: "male",
        joinedOn: "2015-07-01",
        fullOn: "2016-07-01",
        orgId: await orgFor(db, r),
        jobCategory: null,
        phone: "13900000000",
      }),
    foreign: [
      async (c, r, w, db) =>
        c.records.member.create({
          idNumber: withCitizenIdCheckChar(ID_BODY),
          name: "外区党员",
          gender: "male",
          joinedOn: "2015-07-01",
          orgId: await (r === "city" ? NONE : grassroots(db, await foreignSubtree(db, w))),
        }),
      // One's own organization, another area's host as the workplace by id (by credit code it could be named).
      async (c, r, w, db) =>
        c.records.member.create({
          idNumber: withCitizenIdCheckChar(ID_BODY),
          name: "测试党员",
          gender: "male",
          joinedOn: "2015-07-01",
          orgId: await orgFor(db, r),
          workHostId: r === "city" ? NONE : w.ids.foreignHost,
        }),
    ],
    mutates: true,
  },
  "records.member.update": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) => {
      const id = await memberIn(db, await subtreeOf(db, r));
      return c.records.member.update({
        id,
        version: await versionOf(db, "members", id),
        phone: "13900000001",
        lostContact: false,
      });
    },
    foreign: [
      async (c, r, w, db) =>
        c.records.member.update({
          id: r === "city" ? NONE : w.ids.foreignMember,
          version: await versionOf(db, "members", w.ids.foreignMember),
          phone: "13900000002",
        }),
      async (c, r, w, db) => {
        const id = await memberIn(db, await subtreeOf(db, r));
        return c.records.member.update({
          id,
          version: await versionOf(db, "members", id),
          workHostId: r === "city" ? NONE : w.ids.foreignHost,
        });
      },
    ],
    mutates: true,
  },
  "records.member.changeStatus": {
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.records.member.changeStatus({
        memberId: await memberIn(db, await subtreeOf(db, r)),
        status: "stopped",
        effectiveOn: TODAY,
        reason: "长期不参加组织生活",
      }),
    foreign: (c, r, w) =>
      c.records.member.changeStatus({
        memberId: r === "city" ? NONE : w.ids.foreignMember,
        status: "stopped",
        effectiveOn: TODAY,
        reason: "长期不参加组织生活",
      }),
    mutates: true,
  },
  "records.transfer.request": {
    // The sending side (holding the member) requests; the receiving organization may be anywhere in the city.
    expect: allow([...ORG_BOUND]),
    own: async (c, r, _w, db) =>
      c.records.transfer.request({
        memberId: await memberIn(db, await subtreeOf(db, r)),
        toOrgCode: await val(db, "select code from orgs where name like '%石桥镇石桥村支部委员会'"),
        effectiveOn: TODAY,
        reason: "工作调动",
      }),
    foreign: [
      // Another area's grassroots organization by id (by code it could be named): not found.
      async (c, r, w, db) =>
        c.records.transfer.request({
          memberId: await memberIn(db, await subtreeOf(db, r)),
          toOrgId: await (r === "city" ? NONE : grassroots(db, await foreignSubtree(db, w))),
          effectiveOn: TODAY,
        }),
      async (c, r, w, db) =>
        c.records.transfer.request({
          memberId: r === "city" ? NONE : w.ids.foreignMember,
          toOrgId: await orgFor(db, r),
          effectiveOn: TODAY,
        }),
      // Another area's management node as the receiver: not found, never named.
      async (c, r, w, db) =>
        c.records.transfer.request({
          memberId: await memberIn(db, await subtreeOf(db, r)),
          toOrgId: r === "city" ? NONE : w.ids.foreignOrg,
          effectiveOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "records.transfer.decide": {
    // The receiving organization's chain decides.
    expect: allow([...ORG_BOUND]),
    own: async (c, r, w, db) =>
      c.records.transfer.decide({
        transferId: await pendingTransferTo(w, db, await receivingOrg(db, r)),
        decision: "accept",
      }),
    foreign: async (c, r, w, db) =>
      c.records.transfer.decide({
        transferId: await (r === "city"
          ? NONE
          : pendingTransferTo(w, db, await grassroots(db, await foreignSubtree(db, w)))),
        decision: "reject",
        reason: "材料不全",
      }),
    mutates: true,
  },
  "records.instructor.create": {
    // Kept by a management node: the branch's own organization is in scope but cannot keep instructors
    // (a rule of the domain, answered BAD_REQUEST); the owner has no node at all.
    expect: allow([...ADMINS], "NOT_FOUND", { branch: "BAD_REQUEST" }),
    own: (c, r) =>
      c.records.instructor.create({
        number: `ZDY-MX-${r}`,
        name: "测试指导员",
        kind: "partTime",
        dispatchOrgName: "清河县市场监督管理局",
        phone: "13900000003",
      }),
    foreign: [
      (c, r, w) =>
        c.records.instructor.create({
          number: `ZDY-MX-far-${r}`,
          name: "外区指导员",
          kind: "partTime",
          dispatchOrgName: "青山县市场监督管理局",
          registeredById: r === "city" ? NONE : w.ids.foreignOrg,
        }),
      // Another area's organization as the dispatcher by id (by 组织代码 it could be named): not found.
      (c, r, w) =>
        c.records.instructor.create({
          number: `ZDY-MX-far2-${r}`,
          name: "外区指导员",
          kind: "partTime",
          dispatchOrgId: r === "city" ? NONE : w.ids.foreignOrg,
        }),
    ],
    mutates: true,
  },
  "records.instructor.update": {
    // The node keeping (or dispatching) the instructor corrects the record; the branch keeps none (its
    // township's instructor answers not found).
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) => {
      const id = instructorFor(db, r);
      const version = await val(db, "select version from instructors where id = ?", await id);
      return c.records.instructor.update({ id: await id, version, phone: "13900000009", kind: "fullTime" });
    },
    foreign: [
      async (c, r, w, db) =>
        c.records.instructor.update({
          id: r === "city" ? NONE : w.ids.foreignInstructor,
          version: await val(db, "select version from instructors where id = ?", w.ids.foreignInstructor),
          phone: "13900000010",
        }),
      // One's own instructor handed to another area's organization by id: not found.
      async (c, r, w, db) => {
        const id = instructorFor(db, r);
        return c.records.instructor.update({
          id: await id,
          version: await val(db, "select version from instructors where id = ?", await id),
          dispatchOrgId: r === "city" ? NONE : w.ids.foreignOrg,
        });
      },
    ],
    mutates: true,
  },
  "records.assignment.start": {
    // The one write path of an assignment (an instructor's page and the 指导员选派 page), for administrators
    // only (a secretary or an owner is refused by the ladder). The node keeping (or dispatching) the
    // instructor assigns them to a host of its territory, or (the 行业党委, which has none) one its
    // organizations cover.
    expect: allow([...ADMINS]),
    own: async (c, r, w, db) => {
      const instructorId = await instructorFor(db, r);
      return c.records.assignment.start({
        instructorId,
        hostId: await hostToAssign(w, db, r, instructorId),
        startOn: TODAY,
      });
    },
    foreign: (c, r, w) =>
      c.records.assignment.start({
        instructorId: r === "city" ? NONE : w.ids.foreignInstructor,
        hostId: w.ids.foreignHost,
        startOn: TODAY,
      }),
    mutates: true,
  },
  "records.assignment.end": {
    expect: allow([...ADMINS]),
    own: async (c, r, _w, db) =>
      c.records.assignment.end({ id: await openAssignmentOf(db, await instructorFor(db, r)), endOn: TODAY }),
    foreign: async (c, r, w, db) =>
      c.records.assignment.end({
        id: await (r === "city" ? NONE : openAssignmentOf(db, w.ids.foreignInstructor)),
        endOn: TODAY,
      }),
    mutates: true,
  },
  "records.policy.set": {
    // The city's administrator only; for anyone else it does not exist.
    expect: allow(["city"]),
    own: (c) =>
      c.records.policy.set({
        effectiveOn: "2027-01-01",
        params: { jointCap: 6, termYears: { branch: 3 } },
        note: "测试版本",
      }),
    mutates: true,
  },
  "records.policy.list": {
    // Every administrator reads the rules its figures are counted by; a secretary or an owner has none.
    expect: allow([...ADMINS]),
    own: (c) => c.records.policy.list(),
  },
  "records.indicators.node": {
    // Figures are of management nodes: the branch's own organization is in scope but has none (a rule of
    // the domain, BAD_REQUEST); its figures are on dashboard.branch.
    expect: allow([...ADMINS], "NOT_FOUND", { branch: "BAD_REQUEST" }),
    own: async (c, r, _w, db) => c.records.indicators.node({ nodeId: await nodeOf(db, r), asOf: TODAY }),
    foreign: (c, r, w) =>
      c.records.indicators.node({ nodeId: r === "city" ? NONE : w.ids.foreignOrg, asOf: TODAY }),
  },
};
