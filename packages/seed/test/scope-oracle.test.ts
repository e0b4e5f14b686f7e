/**
 * An independent oracle for the scope module (issue 15): the three sets computed here in plain JavaScript
 * from the domain's snapshot (trees walked by parent ids, dated records filtered in memory), never through
 * the module's SQL, and compared with the module's id sets for every demo user at three dates.
 */
import { inForce, type IsoDate, type Snapshot } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { loadScope, scopeSets, type Scope, type ScopeSets } from "@liangxin/db/scope";
import { DEMO_TODAY, seedDemo } from "../src/demo.ts";
import { loadSnapshot } from "@liangxin/db/snapshot";

let db: Db;
let snap: Snapshot;
let instructors: { id: number; registeredById: number; dispatchOrgId: number | null }[];
let users: { id: number; username: string }[];
let transfers: { fromOrgId: number | null; toOrgId: number | null }[];
let coverageRequests: { hostId: number; orgId: number }[];

const DATES: IsoDate[] = ["2024-12-31", "2025-07-01", DEMO_TODAY];

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db);
  // Coverage requests across a boundary (the demo has none): the branch's joint branch proposing a host of
  // 石桥镇, and an organization of 石桥镇 proposing a host of 柳林镇 (each side named only to the other).
  const one = (sql: string) => db.$client.prepare(sql).pluck().get() as number;
  const branchUser = one("select id from users where username = 'branch'");
  const request = db.$client.prepare(
    `insert into coverage_requests (host_id, org_id, start_on, requested_by, requested_on, created_at)
     values (?, ?, ?, ?, ?, ?)`,
  );
  const hostIn = (township: string) =>
    one(
      `select h.id from hosts h join regions r on r.id = h.region_id where r.name = '${township}' order by h.id limit 1`,
    );
  request.run(
    hostIn("石桥镇"),
    one("select org_id from users where username = 'branch'"),
    DEMO_TODAY,
    branchUser,
    DEMO_TODAY,
    `${DEMO_TODAY}T02:00:00.000Z`,
  );
  request.run(
    hostIn("柳林镇"),
    one(`select id from orgs where parent_id = (select id from orgs where name like '%石桥镇委员会')
         and category <> 'managing' order by id limit 1`),
    DEMO_TODAY,
    branchUser,
    DEMO_TODAY,
    `${DEMO_TODAY}T02:00:00.000Z`,
  );
  snap = await loadSnapshot(db);
  instructors = db.$client
    .prepare(
      "select id, registered_by_id as registeredById, dispatch_org_id as dispatchOrgId from instructors",
    )
    .all() as typeof instructors;
  users = db.$client.prepare("select id, username from users order by id").all() as typeof users;
  transfers = db.$client
    .prepare("select from_org_id as fromOrgId, to_org_id as toOrgId from transfers")
    .all() as typeof transfers;
  coverageRequests = db.$client
    .prepare("select host_id as hostId, org_id as orgId from coverage_requests")
    .all() as typeof coverageRequests;
});

/** Ids whose chain of parents reaches `root` (the root included). */
function descendants(rows: readonly { id: number; parentId: number | null }[], root: number): Set<number> {
  const parent = new Map(rows.map((r) => [r.id, r.parentId]));
  const out = new Set<number>();
  for (const r of rows) {
    for (let cur: number | null | undefined = r.id; cur != null; cur = parent.get(cur)) {
      if (cur === root) {
        out.add(r.id);
        break;
      }
    }
  }
  return out;
}

function oracle(scope: Scope, d: IsoDate): ScopeSets {
  const empty = () => new Set<number>();
  if (scope.host) {
    const covering = snap.coverages.filter(
      (c) => c.hostId === scope.host!.id && inForce(c.startOn, c.endOn, d),
    );
    return {
      hosts: { editable: empty(), reference: empty(), own: new Set([scope.host.id]) },
      orgs: { editable: empty(), reference: empty() },
      members: { editable: empty(), counted: empty() },
      instructors: { editable: empty(), reference: empty() },
      named: { orgs: new Set(covering.map((c) => c.orgId)), hosts: empty() },
    };
  }
  const subtree = scope.org ? descendants(snap.orgs, scope.org.id) : empty();
  const territory = scope.region ? descendants(snap.regions, scope.region.id) : empty();
  const hostsEditable = new Set(snap.hosts.filter((h) => territory.has(h.regionId)).map((h) => h.id));
  const coveragesOn = snap.coverages.filter((c) => inForce(c.startOn, c.endOn, d));
  const coveredBySubtree = new Set(coveragesOn.filter((c) => subtree.has(c.orgId)).map((c) => c.hostId));
  const hostsReference = new Set([...coveredBySubtree].filter((h) => !hostsEditable.has(h)));

  const orgsReference = new Set<number>();
  for (const c of coveragesOn) if (hostsEditable.has(c.hostId)) orgsReference.add(c.orgId);
  for (const l of snap.dualLinks) {
    if (!inForce(l.startOn, l.endOn, d)) continue;
    if (subtree.has(l.regionalOrgId)) orgsReference.add(l.orgId);
    if (subtree.has(l.orgId)) orgsReference.add(l.regionalOrgId);
  }
  for (const o of subtree) orgsReference.delete(o);

  const holder = new Map<number, number | null>();
  for (const r of snap.relationships) if (inForce(r.startOn, r.endOn, d)) holder.set(r.memberId, r.orgId);
  const status = new Map<number, { on: string; status: string }>();
  for (const e of snap.statusEvents) {
    if (e.effectiveOn > d) continue;
    const prev = status.get(e.memberId);
    if (!prev || e.effectiveOn >= prev.on) status.set(e.memberId, { on: e.effectiveOn, status: e.status });
  }
  const membersEditable = new Set<number>();
  for (const [m, org] of holder) if (org !== null && subtree.has(org)) membersEditable.add(m);
  const membersCounted = new Set<number>();
  for (const w of snap.workplaces) {
    if (!inForce(w.startOn, w.endOn, d) || !hostsEditable.has(w.hostId) || membersEditable.has(w.memberId))
      continue;
    if ((status.get(w.memberId)?.status ?? "normal") === "normal") membersCounted.add(w.memberId);
  }

  const instructorsEditable = new Set(
    instructors
      .filter(
        (i) => subtree.has(i.registeredById) || (i.dispatchOrgId !== null && subtree.has(i.dispatchOrgId)),
      )
      .map((i) => i.id),
  );
  const instructorsReference = new Set<number>();
  for (const a of snap.assignments) {
    if (!inForce(a.startOn, a.endOn, d)) continue;
    if (
      (hostsEditable.has(a.hostId) || coveredBySubtree.has(a.hostId)) &&
      !instructorsEditable.has(a.instructorId)
    )
      instructorsReference.add(a.instructorId);
  }
  // Named only: the node's superiors (walking up), transfer counterparts, instructors' dispatchers and
  // registrars, the workplaces of the members held and the hosts the own instructors serve.
  const namedOrgs = new Set<number>();
  const parentOf = new Map(snap.orgs.map((o) => [o.id, o.parentId]));
  for (let cur = scope.org ? parentOf.get(scope.org.id) : null; cur != null; cur = parentOf.get(cur))
    namedOrgs.add(cur);
  for (const t of transfers) {
    if (t.toOrgId !== null && subtree.has(t.toOrgId) && t.fromOrgId !== null) namedOrgs.add(t.fromOrgId);
    if (t.fromOrgId !== null && subtree.has(t.fromOrgId) && t.toOrgId !== null) namedOrgs.add(t.toOrgId);
  }
  // The two sides of a coverage request: its proposer, for a host of the territory; its host, for the
  // proposer's subtree.
  const namedByRequest = new Set<number>();
  for (const q of coverageRequests) {
    if (hostsEditable.has(q.hostId)) namedOrgs.add(q.orgId);
    if (subtree.has(q.orgId)) namedByRequest.add(q.hostId);
  }
  for (const i of instructors) {
    if (!instructorsEditable.has(i.id) && !instructorsReference.has(i.id)) continue;
    namedOrgs.add(i.registeredById);
    if (i.dispatchOrgId !== null) namedOrgs.add(i.dispatchOrgId);
  }
  const namedHosts = new Set<number>(namedByRequest);
  for (const w of snap.workplaces)
    if (inForce(w.startOn, w.endOn, d) && membersEditable.has(w.memberId)) namedHosts.add(w.hostId);
  for (const a of snap.assignments)
    if (inForce(a.startOn, a.endOn, d) && instructorsEditable.has(a.instructorId)) namedHosts.add(a.hostId);
  for (const id of [...subtree, ...orgsReference]) namedOrgs.delete(id);
  for (const id of [...hostsEditable, ...hostsReference]) namedHosts.delete(id);
  return {
    hosts: { editable: hostsEditable, reference: hostsReference, own: empty() },
    orgs: { editable: subtree, reference: orgsReference },
    members: { editable: membersEditable, counted: membersCounted },
    instructors: { editable: instructorsEditable, reference: instructorsReference },
    named: { orgs: namedOrgs, hosts: namedHosts },
  };
}

const sorted = (s: ScopeSets) =>
  Object.fromEntries(
    Object.entries(s).map(([k, v]) => [
      k,
      Object.fromEntries(
        Object.entries(v as Record<string, Set<number>>).map(([kk, vv]) => [
          kk,
          [...vv].sort((a, b) => a - b),
        ]),
      ),
    ]),
  );

describe("the scope module's sets equal an independent computation", () => {
  for (const d of DATES) {
    it(`for every demo user on ${d}`, async () => {
      expect(users.length).toBeGreaterThanOrEqual(6);
      for (const u of users) {
        const scope = (await loadScope(db, u.id))!;
        const got = await scopeSets({ db, scope, today: d });
        expect(sorted(got), `${u.username} on ${d}`).toEqual(sorted(oracle(scope, d)));
      }
    });
  }

  it("gives every role something to see, and counted-only members to a township", async () => {
    const byName = async (n: string) => (await loadScope(db, users.find((u) => u.username === n)!.id))!;
    const township = await scopeSets({ db, scope: await byName("township"), today: DEMO_TODAY });
    expect(township.members.counted.size).toBeGreaterThan(0);
    expect(township.hosts.editable.size).toBeGreaterThan(0);
    expect(township.orgs.reference.size).toBeGreaterThan(0);
    const branch = await scopeSets({ db, scope: await byName("branch"), today: DEMO_TODAY });
    expect(branch.hosts.editable.size).toBe(0);
    expect(branch.hosts.reference.size).toBeGreaterThan(0);
    const owner = await scopeSets({ db, scope: await byName("owner"), today: DEMO_TODAY });
    expect(owner.hosts.own.size).toBe(1);
  });
});
