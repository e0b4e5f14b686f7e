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

/** Administrators with a territory. */
const TERRITORIAL = ["city", "county", "township"] as const;
/** Anyone bound to an organization: its subtree is theirs to edit. */
const ORG_BOUND = [...ADMINS, "branch"] as const;

// --- record lookups ------------------------------------------------------------------------------

/** The host a role's own call edits: 柳林镇's for administrators with a territory (and for the owner, its own). */
function hostFor(w: World, db: Db, r: Role): number {
  if (r === "owner") return w.ids.ownerHost;
  if (r === "branch") return w.ids.crossHost; // covered by the branch: reference only
  if (r === "industry")
    // covered by the 行业党委's organizations: reference only
    return val(
      db,
      `select c.host_id from coverages c join orgs o on o.id = c.org_id where o.path glob ? and c.end_on is null
       order by c.host_id limit 1`,
      subtreeOf(db, r),
    );
  return w.ids.liulinHost;
}

const liulinRegion = (w: World, db: Db) =>
  val(db, "select region_id from hosts where id = ?", w.ids.liulinHost);

/** A grassroots organization of the role's subtree (the branch: its own). */
const orgFor = (db: Db, r: Role) => (r === "branch" ? nodeOf(db, r) : grassroots(db, subtreeOf(db, r)));

/** A normal member held in the subtree with no pending transfer. */
const memberIn = (db: Db, glob: string) =>
  val(
    db,
    `select m.id from members m join orgs o on o.id = m.org_id where o.path glob ? and m.status = 'normal'
     and not exists (select 1 from transfers t where t.member_id = m.id and t.state = 'pending') order by m.id limit 1`,
    glob,
  );

/** A joint organization (topmost of its unit) of the subtree, able to cover one more host. */
const jointIn = (db: Db, glob: string) =>
  val(
    db,
    `select id from orgs where path glob ? and category = 'jointBranch' and formation_mode = 'joint'
     and revoked_on is null order by id limit 1`,
    glob,
  );

/** A host open today and covered by no one from today on. */
const uncoveredHost = (db: Db) =>
  val(
    db,
    `select h.id from hosts h where h.closed_on is null and h.founded_on < ? and not exists
       (select 1 from coverages c where c.host_id = h.id and (c.end_on is null or c.end_on > ?)) order by h.id limit 1`,
    TODAY,
    TODAY,
  );

/** A host open today, covered by no one from today on, in the region subtree `glob` (or outside it: `not`). */
const uncoveredHostWhere = (db: Db, glob: string, not = false) =>
  val(
    db,
    `select h.id from hosts h join regions r on r.id = h.region_id where r.path ${not ? "not " : ""}glob ?
     and h.closed_on is null and h.founded_on < ? and not exists
       (select 1 from coverages c where c.host_id = h.id and (c.end_on is null or c.end_on > ?)) order by h.id limit 1`,
    glob,
    TODAY,
    TODAY,
  );

/** `n` hosts as uncoveredHostWhere gives one. */
const uncoveredHostsWhere = (db: Db, glob: string, n: number): number[] =>
  db.$client
    .prepare(
      `select h.id from hosts h join regions r on r.id = h.region_id where r.path glob ?
       and h.closed_on is null and h.founded_on < ? and not exists
         (select 1 from coverages c where c.host_id = h.id and (c.end_on is null or c.end_on > ?)) order by h.id limit ?`,
    )
    .pluck()
    .all(glob, TODAY, TODAY, n) as number[];

/** GLOB of a role's territory (none for the 行业党委 and the branch: every region is outside it). */
const territoryOf = (db: Db, r: Role): string =>
  r === "industry" || r === "branch"
    ? "/none/*"
    : `${val<string>(
        db,
        "select g.path from users u join orgs o on o.id = u.org_id join regions g on g.id = o.region_id where u.username = ?",
        r === "owner" || r === "anonymous" ? "township" : r,
      )}*`;

/** GLOB of the regions of 石桥镇 (township B, beside the township's 柳林镇), and 柳林镇's own. */
const regionGlob = (db: Db, name: string) =>
  `${val<string>(db, "select path from regions where name = ?", name)}*`;

/** A pending coverage request, as proposed by the organization `orgId` for `hostId`. */
function pendingCoverageRequest(db: Db, hostId: number, orgId: number, w: World): number {
  return db.$client
    .prepare(
      `insert into coverage_requests (host_id, org_id, start_on, requested_by, requested_on, created_at)
       values (?, ?, ?, ?, ?, '2026-12-03T02:00:00.000Z') returning id`,
    )
    .pluck()
    .get(hostId, orgId, TODAY, w.ids.user("branch"), TODAY) as number;
}

/**
 * A request a role's administrator decides: for the township (柳林镇), a 石桥镇 joint organization proposing
 * a 柳林镇 host; for the county and the city (common superiors), the branch's joint branch proposing a 石桥镇
 * host. Others (the 行业党委, the branch, the owner) get the township's: not theirs to decide.
 */
function requestToDecide(db: Db, r: Role, w: World): number {
  if (r === "county" || r === "city")
    return pendingCoverageRequest(db, uncoveredHostWhere(db, regionGlob(db, "石桥镇")), w.ids.crossJoint, w);
  const shiqiaoJoint = val(
    db,
    `select id from orgs where path glob (select path from orgs where name like '%石桥镇委员会') || '*'
     and formation_mode in ('joint','regional','grid') and revoked_on is null order by id limit 1`,
  );
  return pendingCoverageRequest(db, uncoveredHostWhere(db, regionGlob(db, "柳林镇")), shiqiaoJoint, w);
}

/** A request of 青山县 (another county) about one of its hosts: nobody of 清河县 sees it. */
function foreignRequest(db: Db, w: World): number {
  return pendingCoverageRequest(
    db,
    uncoveredHostWhere(db, `${val<string>(db, "select path from regions where name = '青山县'")}*`),
    jointIn(db, foreignSubtree(db, w)),
    w,
  );
}

/** A regional (区域联建) organization of 柳林镇: the other side of a dual-management link. */
const regionalOrg = (db: Db) =>
  val(
    db,
    `select id from orgs where path glob ? and formation_mode in ('regional','grid') and revoked_on is null
     order by id limit 1`,
    subtreeOf(db, "township"),
  );

/** A standalone grassroots organization of the subtree (the branch: its own) to link with `regionalOrg`. */
const linkableIn = (db: Db, r: Role) =>
  r === "branch"
    ? nodeOf(db, r)
    : val(
        db,
        `select id from orgs where path glob ? and category in ${GRASSROOTS_SQL} and formation_mode = 'standalone'
         and revoked_on is null order by id limit 1`,
        subtreeOf(db, r),
      );

function insertDualLink(db: Db, orgId: number, regionalOrgId: number): number {
  return db.$client
    .prepare(
      "insert into dual_links (org_id, regional_org_id, start_on) values (?, ?, '2025-01-01') returning id",
    )
    .pluck()
    .get(orgId, regionalOrgId) as number;
}

/** A member of a grassroots organization of the subtree who may become its secretary today. */
const secretaryCandidate = (db: Db, glob: string) =>
  db.$client
    .prepare(
      `select m.org_id as orgId, m.id as memberId from members m join orgs o on o.id = m.org_id
       where o.path glob ? and o.category in ${GRASSROOTS_SQL} and o.revoked_on is null and m.status = 'normal'
         and not exists (select 1 from secretaries s where s.member_id = m.id and s.end_on is null)
         and not exists (select 1 from secretaries s where s.org_id = m.org_id and (s.start_on >= ? or s.end_on > ?))
       order by m.id limit 1`,
    )
    .get(glob, TODAY, TODAY) as { orgId: number; memberId: number };

const currentSecretaryTerm = (db: Db, glob: string) =>
  val(
    db,
    `select s.id from secretaries s join orgs o on o.id = s.org_id where o.path glob ? and s.end_on is null
     and s.start_on < ? order by s.id limit 1`,
    glob,
    TODAY,
  );

/** A host covered today by an organization of the subtree. */
const coveredHostIn = (db: Db, glob: string) =>
  val(
    db,
    `select c.host_id from coverages c join orgs o on o.id = c.org_id where o.path glob ? and c.end_on is null
     order by c.host_id limit 1`,
    glob,
  );

const openCoverage = (db: Db, glob: string) =>
  val(
    db,
    `select c.id from coverages c join orgs o on o.id = c.org_id where o.path glob ? and c.end_on is null
     and c.start_on < ? order by c.id limit 1`,
    glob,
    TODAY,
  );

/** A pending transfer of a member of 石桥镇 to `toOrgId`, requested today. */
function pendingTransferTo(w: World, db: Db, toOrgId: number): number {
  const memberId = memberIn(
    db,
    `${val<string>(db, "select path from orgs where id = ?", w.ids.node("石桥镇"))}*`,
  );
  return db.$client
    .prepare(
      `insert into transfers (member_id, from_org_id, to_org_id, requested_on, effective_on, requested_by, created_at)
       select id, org_id, ?, ?, ?, ?, '2026-12-03T02:00:00.000Z' from members where id = ? returning id`,
    )
    .pluck()
    .get(toOrgId, TODAY, TODAY, w.ids.user("shiqiao"), memberId) as number;
}

/** The receiving side of a transfer in the role's area. */
const receivingOrg = (db: Db, r: Role) =>
  r === "branch" || r === "industry" ? orgFor(db, r) : grassroots(db, subtreeOf(db, "township"));

/** The instructor a role's own call uses: kept by its node (the branch keeps none: its township's). */
const instructorFor = (db: Db, r: Role) =>
  val(
    db,
    "select id from instructors where registered_by_id = ? order by id limit 1",
    nodeOf(db, r === "branch" ? "township" : r),
  );

const openAssignmentOf = (db: Db, instructorId: number) =>
  val(
    db,
    "select id from assignments where instructor_id = ? and end_on is null and start_on < ? order by id limit 1",
    instructorId,
    TODAY,
  );

/** A host of the role's area (the 行业党委: one it covers) not served by the instructor today. */
export function hostToAssign(w: World, db: Db, r: Role, instructorId: number): number {
  const free = `not exists (select 1 from assignments a where a.instructor_id = ? and a.host_id = h.id and a.end_on is null)`;
  if (r === "industry")
    return val(
      db,
      `select h.id from hosts h join coverages c on c.host_id = h.id join orgs o on o.id = c.org_id
       where o.path glob ? and c.end_on is null and h.closed_on is null and ${free} order by h.id limit 1`,
      subtreeOf(db, r),
      instructorId,
    );
  return val(
    db,
    `select h.id from hosts h where h.region_id = ? and h.closed_on is null and ${free} order by h.id limit 1`,
    liulinRegion(w, db),
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
    own: (c, _r, w, db) =>
      c.records.host.create({
        creditCode: withCreditCheckChar(CREDIT_BODY),
        name: "清河县测试新建科技有限公司",
        kind: "enterprise",
        industry: "C",
        regionId: liulinRegion(w, db),
        foundedOn: "2026-01-05",
        ownerName: "张测试",
        contactPhone: "0791-1234567",
      }),
    foreign: (c, r, w, db) =>
      c.records.host.create({
        creditCode: withCreditCheckChar(CREDIT_BODY),
        name: "青山县测试新建科技有限公司",
        kind: "enterprise",
        regionId:
          r === "city" ? NONE : val(db, "select region_id from hosts where id = ?", w.ids.foreignHost),
        foundedOn: "2026-01-05",
      }),
    mutates: true,
  },
  "records.host.update": {
    // The 行业党委 and the branch see their covered hosts for reference; the owner edits nothing directly.
    expect: allow([...TERRITORIAL]),
    own: (c, r, w, db) => {
      const id = hostFor(w, db, r);
      return c.records.host.update({
        id,
        version: versionOf(db, "hosts", id),
        name: "清河县测试更名有限公司",
        contactPhone: "0791-7654321",
      });
    },
    foreign: (c, r, w, db) =>
      c.records.host.update({
        id: r === "city" ? NONE : w.ids.foreignHost,
        version: versionOf(db, "hosts", w.ids.foreignHost),
        name: "改名",
      }),
    mutates: true,
  },
  "records.host.setYear": {
    expect: allow([...TERRITORIAL]),
    own: (c, r, w, db) =>
      c.records.host.setYear({ hostId: hostFor(w, db, r), year: 2026, employees: 58, revenue: 1234.56 }),
    foreign: (c, r, w) =>
      c.records.host.setYear({ hostId: r === "city" ? NONE : w.ids.foreignHost, year: 2026, employees: 3 }),
    mutates: true,
  },
  "records.org.create": {
    // Within the subtree: under the caller's node (the branch: under its own organization).
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) =>
      c.records.org.create({
        code: `MX-${r}`,
        name: "中共测试新建支部委员会",
        category: "branch",
        parentId: nodeOf(db, r),
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
    own: (c, r, _w, db) => c.records.org.suggestCode({ parentId: nodeOf(db, r) }),
    foreign: (c, r, w) => c.records.org.suggestCode({ parentId: r === "city" ? NONE : w.ids.foreignOrg }),
    mutates: false,
  },
  "records.org.update": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) => {
      const id = orgFor(db, r);
      return c.records.org.update({ id, version: versionOf(db, "orgs", id), lastElectionOn: "2026-06-30" });
    },
    foreign: (c, r, w, db) => {
      const id = grassroots(db, foreignSubtree(db, w));
      return c.records.org.update({
        id: r === "city" ? NONE : id,
        version: versionOf(db, "orgs", id),
        name: "改名",
      });
    },
    mutates: true,
  },
  "records.org.reparent": {
    // Both ends must be in the subtree: a branch cannot move itself to another superior.
    expect: allow([...ADMINS]),
    own: async (c, r, w, db) => {
      const township = nodeOf(db, "township");
      if (r === "city" || r === "county")
        // An enterprise's branch of 柳林镇 moves to 石桥镇.
        return c.records.org.reparent({
          orgId: val(
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
          orgId: nodeOf(db, r),
          toParentId: w.ids.node("石桥镇"),
          effectiveOn: TODAY,
        });
      // A branch nested in a grassroots organization of the subtree becomes directly subordinate to the node.
      const glob = subtreeOf(db, r);
      let orgId = db.$client
        .prepare(
          `select o.id from orgs o join orgs p on p.id = o.parent_id where o.path glob ? and p.category in ${GRASSROOTS_SQL}
           and o.revoked_on is null order by o.id limit 1`,
        )
        .pluck()
        .get(glob) as number | undefined;
      if (orgId === undefined)
        orgId = (
          await callerOn(db, "city").records.org.create({
            code: `MX-nested-${r}`,
            name: "中共测试内设支部委员会",
            category: "branch",
            parentId: grassroots(db, glob),
            foundedOn: "2020-01-01",
          })
        ).id;
      return c.records.org.reparent({ orgId, toParentId: nodeOf(db, r), effectiveOn: TODAY });
    },
    foreign: (c, r, w, db) =>
      c.records.org.reparent({
        orgId: r === "city" ? NONE : grassroots(db, foreignSubtree(db, w)),
        toParentId: nodeOf(db, r),
        effectiveOn: TODAY,
      }),
    mutates: true,
  },
  "records.coverage.set": {
    // By the covering organization's chain, for a host of the caller's own territory (another's is proposed:
    // records.coverageRequest). The 行业党委 and the branch keep no territory: nothing to cover directly.
    expect: allow([...TERRITORIAL]),
    own: (c, r, _w, db) =>
      c.records.coverage.set({
        hostId:
          r === "branch" || r === "industry"
            ? uncoveredHostWhere(db, regionGlob(db, "柳林镇"))
            : uncoveredHostWhere(db, territoryOf(db, r)),
        orgId: r === "branch" ? nodeOf(db, r) : jointIn(db, subtreeOf(db, r)),
        startOn: TODAY,
      }),
    foreign: [
      (c, r, w, db) =>
        c.records.coverage.set({
          hostId: uncoveredHost(db),
          orgId: r === "city" ? NONE : jointIn(db, foreignSubtree(db, w)),
          startOn: TODAY,
        }),
      // A host of another area already covered there: refused as not found, never naming host or coverer.
      (c, r, w, db) =>
        c.records.coverage.set({
          hostId: r === "city" ? NONE : coveredHostIn(db, foreignSubtree(db, w)),
          orgId: r === "branch" ? nodeOf(db, r) : jointIn(db, subtreeOf(db, r)),
          startOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "records.coverage.setMany": {
    // As records.coverage.set, for several hosts of the caller's territory at once.
    expect: allow([...TERRITORIAL]),
    own: (c, r, _w, db) =>
      c.records.coverage.setMany({
        hostIds: uncoveredHostsWhere(
          db,
          r === "branch" || r === "industry" ? regionGlob(db, "柳林镇") : territoryOf(db, r),
          2,
        ),
        orgId: r === "branch" ? nodeOf(db, r) : jointIn(db, subtreeOf(db, r)),
        startOn: TODAY,
      }),
    foreign: [
      (c, r, w, db) =>
        c.records.coverage.setMany({
          hostIds: [uncoveredHost(db)],
          orgId: r === "city" ? NONE : jointIn(db, foreignSubtree(db, w)),
          startOn: TODAY,
        }),
      // One host of another area, already covered there, among the caller's own: nothing is covered, and
      // the refusal is not found, never naming that host or its coverer.
      (c, r, w, db) =>
        c.records.coverage.setMany({
          hostIds: [
            ...uncoveredHostsWhere(db, r === "branch" || r === "industry" ? "*" : territoryOf(db, r), 1),
            r === "city" ? NONE : coveredHostIn(db, foreignSubtree(db, w)),
          ],
          orgId: r === "branch" ? nodeOf(db, r) : jointIn(db, subtreeOf(db, r)),
          startOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "records.coverageRequest.propose": {
    // A host outside the proposer's territory, by its exact credit code (the city's territory is the whole
    // city: every host is its own, covered directly).
    expect: allow(["county", "township", "industry", "branch"], "NOT_FOUND", { city: "BAD_REQUEST" }),
    own: (c, r, _w, db) =>
      c.records.coverageRequest.propose({
        orgId: r === "branch" ? nodeOf(db, r) : jointIn(db, subtreeOf(db, r === "owner" ? "township" : r)),
        hostCreditCode: val(
          db,
          "select credit_code from hosts where id = ?",
          uncoveredHostWhere(db, r === "city" ? "*" : territoryOf(db, r), r !== "city"),
        ),
        startOn: TODAY,
      }),
    foreign: [
      // Another area's organization as the coverer: not found.
      (c, r, w, db) =>
        c.records.coverageRequest.propose({
          orgId: r === "city" ? NONE : jointIn(db, foreignSubtree(db, w)),
          hostCreditCode: val(db, "select credit_code from hosts where id = ?", w.ids.foreignHost),
          startOn: TODAY,
        }),
      // A host by id that the caller does not see (by credit code it could be named): not found.
      (c, r, w, db) =>
        c.records.coverageRequest.propose({
          orgId: r === "branch" ? nodeOf(db, r) : jointIn(db, subtreeOf(db, r === "owner" ? "township" : r)),
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
    own: (c, r, w, db) => c.records.coverageRequest.accept({ id: requestToDecide(db, r, w) }),
    foreign: (c, r, w, db) =>
      c.records.coverageRequest.accept({ id: r === "city" ? NONE : foreignRequest(db, w) }),
    mutates: true,
  },
  "records.coverageRequest.reject": {
    expect: allow([...TERRITORIAL]),
    own: (c, r, w, db) =>
      c.records.coverageRequest.reject({ id: requestToDecide(db, r, w), reason: "拟单独组建党支部" }),
    foreign: (c, r, w, db) =>
      c.records.coverageRequest.reject({
        id: r === "city" ? NONE : foreignRequest(db, w),
        reason: "拟单独组建党支部",
      }),
    mutates: true,
  },
  "records.coverage.end": {
    // The owner's own host's coverage is not the owner's to end.
    expect: allow([...ORG_BOUND]),
    own: (c, r, w, db) =>
      c.records.coverage.end({
        id:
          r === "owner"
            ? val(db, "select id from coverages where host_id = ? and end_on is null", w.ids.ownerHost)
            : openCoverage(db, subtreeOf(db, r)),
        endOn: TODAY,
      }),
    foreign: (c, r, w, db) =>
      c.records.coverage.end({
        id: r === "city" ? NONE : openCoverage(db, foreignSubtree(db, w)),
        endOn: TODAY,
      }),
    mutates: true,
  },
  "records.dualLink.set": {
    // The regional organization by its 组织代码 (anywhere in the city, audited); by id only within the sets.
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) =>
      c.records.dualLink.set({
        orgId: linkableIn(db, r),
        regionalOrgCode: val(db, "select code from orgs where id = ?", regionalOrg(db)),
        startOn: TODAY,
      }),
    foreign: [
      // Another area's regional organization by id: not found, like a missing one.
      (c, r, w, db) =>
        c.records.dualLink.set({
          orgId: linkableIn(db, r),
          regionalOrgId:
            r === "city"
              ? NONE
              : val(
                  db,
                  "select id from orgs where path glob ? and formation_mode in ('regional','grid') and revoked_on is null order by id limit 1",
                  foreignSubtree(db, w),
                ),
          startOn: TODAY,
        }),
      (c, r, w, db) =>
        c.records.dualLink.set({
          orgId: r === "city" ? NONE : grassroots(db, foreignSubtree(db, w)),
          regionalOrgId: regionalOrg(db),
          startOn: TODAY,
        }),
      // Any regional organization may be linked; another area's non-regional one does not exist (never named).
      (c, r, w, db) =>
        c.records.dualLink.set({
          orgId: linkableIn(db, r),
          regionalOrgId:
            r === "city"
              ? NONE
              : val(
                  db,
                  "select id from orgs where path glob ? and formation_mode = 'standalone' order by id limit 1",
                  foreignSubtree(db, w),
                ),
          startOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "records.dualLink.end": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) =>
      c.records.dualLink.end({ id: insertDualLink(db, linkableIn(db, r), regionalOrg(db)), endOn: TODAY }),
    // A link of 澄江区 (another county).
    foreign: (c, r, _w, db) =>
      c.records.dualLink.end({
        id:
          r === "city"
            ? NONE
            : val(
                db,
                "select d.id from dual_links d join orgs o on o.id = d.org_id where o.path glob (select path from orgs where name like '%澄江区委%') || '*' and d.end_on is null order by d.id limit 1",
              ),
        endOn: TODAY,
      }),
    mutates: true,
  },
  "records.secretary.set": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) =>
      c.records.secretary.set({ ...secretaryCandidate(db, subtreeOf(db, r)), startOn: TODAY }),
    foreign: [
      (c, r, w, db) => {
        const far = secretaryCandidate(db, foreignSubtree(db, w));
        return c.records.secretary.set({
          orgId: r === "city" ? NONE : far.orgId,
          memberId: far.memberId,
          startOn: TODAY,
        });
      },
      // Another area's member named in one's own organization does not exist either (never its name).
      (c, r, w, db) =>
        c.records.secretary.set({
          orgId: secretaryCandidate(db, subtreeOf(db, r)).orgId,
          memberId: r === "city" ? NONE : w.ids.foreignMember,
          startOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "records.secretary.end": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) =>
      c.records.secretary.end({ id: currentSecretaryTerm(db, subtreeOf(db, r)), endOn: TODAY }),
    foreign: (c, r, w, db) =>
      c.records.secretary.end({
        id: r === "city" ? NONE : currentSecretaryTerm(db, foreignSubtree(db, w)),
        endOn: TODAY,
      }),
    mutates: true,
  },
  "records.member.create": {
    // The branch secretary adds members to its own organization.
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) =>
      c.records.member.create({
        idNumber: withCitizenIdCheckChar(ID_BODY),
        name: "测试党员",
        gender: "male",
        joinedOn: "2015-07-01",
        fullOn: "2016-07-01",
        orgId: orgFor(db, r),
        jobCategory: null,
        phone: "13900000000",
      }),
    foreign: [
      (c, r, w, db) =>
        c.records.member.create({
          idNumber: withCitizenIdCheckChar(ID_BODY),
          name: "外区党员",
          gender: "male",
          joinedOn: "2015-07-01",
          orgId: r === "city" ? NONE : grassroots(db, foreignSubtree(db, w)),
        }),
      // One's own organization, another area's host as the workplace by id (by credit code it could be named).
      (c, r, w, db) =>
        c.records.member.create({
          idNumber: withCitizenIdCheckChar(ID_BODY),
          name: "测试党员",
          gender: "male",
          joinedOn: "2015-07-01",
          orgId: orgFor(db, r),
          workHostId: r === "city" ? NONE : w.ids.foreignHost,
        }),
    ],
    mutates: true,
  },
  "records.member.update": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) => {
      const id = memberIn(db, subtreeOf(db, r));
      return c.records.member.update({
        id,
        version: versionOf(db, "members", id),
        phone: "13900000001",
        lostContact: false,
      });
    },
    foreign: [
      (c, r, w, db) =>
        c.records.member.update({
          id: r === "city" ? NONE : w.ids.foreignMember,
          version: versionOf(db, "members", w.ids.foreignMember),
          phone: "13900000002",
        }),
      (c, r, w, db) => {
        const id = memberIn(db, subtreeOf(db, r));
        return c.records.member.update({
          id,
          version: versionOf(db, "members", id),
          workHostId: r === "city" ? NONE : w.ids.foreignHost,
        });
      },
    ],
    mutates: true,
  },
  "records.member.changeStatus": {
    expect: allow([...ORG_BOUND]),
    own: (c, r, _w, db) =>
      c.records.member.changeStatus({
        memberId: memberIn(db, subtreeOf(db, r)),
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
    own: (c, r, _w, db) =>
      c.records.transfer.request({
        memberId: memberIn(db, subtreeOf(db, r)),
        toOrgCode: val(db, "select code from orgs where name like '%石桥镇石桥村支部委员会'"),
        effectiveOn: TODAY,
        reason: "工作调动",
      }),
    foreign: [
      // Another area's grassroots organization by id (by code it could be named): not found.
      (c, r, w, db) =>
        c.records.transfer.request({
          memberId: memberIn(db, subtreeOf(db, r)),
          toOrgId: r === "city" ? NONE : grassroots(db, foreignSubtree(db, w)),
          effectiveOn: TODAY,
        }),
      (c, r, w, db) =>
        c.records.transfer.request({
          memberId: r === "city" ? NONE : w.ids.foreignMember,
          toOrgId: orgFor(db, r),
          effectiveOn: TODAY,
        }),
      // Another area's management node as the receiver: not found, never named.
      (c, r, w, db) =>
        c.records.transfer.request({
          memberId: memberIn(db, subtreeOf(db, r)),
          toOrgId: r === "city" ? NONE : w.ids.foreignOrg,
          effectiveOn: TODAY,
        }),
    ],
    mutates: true,
  },
  "records.transfer.decide": {
    // The receiving organization's chain decides.
    expect: allow([...ORG_BOUND]),
    own: (c, r, w, db) =>
      c.records.transfer.decide({
        transferId: pendingTransferTo(w, db, receivingOrg(db, r)),
        decision: "accept",
      }),
    foreign: (c, r, w, db) =>
      c.records.transfer.decide({
        transferId: r === "city" ? NONE : pendingTransferTo(w, db, grassroots(db, foreignSubtree(db, w))),
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
    own: (c, r, _w, db) => {
      const id = instructorFor(db, r);
      const version = val(db, "select version from instructors where id = ?", id);
      return c.records.instructor.update({ id, version, phone: "13900000009", kind: "fullTime" });
    },
    foreign: [
      (c, r, w, db) =>
        c.records.instructor.update({
          id: r === "city" ? NONE : w.ids.foreignInstructor,
          version: val(db, "select version from instructors where id = ?", w.ids.foreignInstructor),
          phone: "13900000010",
        }),
      // One's own instructor handed to another area's organization by id: not found.
      (c, r, w, db) => {
        const id = instructorFor(db, r);
        return c.records.instructor.update({
          id,
          version: val(db, "select version from instructors where id = ?", id),
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
    own: (c, r, w, db) => {
      const instructorId = instructorFor(db, r);
      return c.records.assignment.start({
        instructorId,
        hostId: hostToAssign(w, db, r, instructorId),
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
    own: (c, r, _w, db) =>
      c.records.assignment.end({ id: openAssignmentOf(db, instructorFor(db, r)), endOn: TODAY }),
    foreign: (c, r, w, db) =>
      c.records.assignment.end({
        id: r === "city" ? NONE : openAssignmentOf(db, w.ids.foreignInstructor),
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
    own: (c, r, _w, db) => c.records.indicators.node({ nodeId: nodeOf(db, r), asOf: TODAY }),
    foreign: (c, r, w) =>
      c.records.indicators.node({ nodeId: r === "city" ? NONE : w.ids.foreignOrg, asOf: TODAY }),
  },
};
