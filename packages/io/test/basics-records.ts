/**
 * Five-basics records (五个基本) written through the use cases of @liangxin/core/basics, as the forms write
 * them, into a demo database: for two grassroots organizations with a secretary, a committee with cross
 * posts and a 换届, a reserve cadre, the secretary's kind, source and allowances, an own venue with two
 * checks, a shared venue of the city serving both, the four core rules (one dropped and adopted again) and
 * funds of two years; payrolls of the hosts they cover.
 */
import type { Db } from "@liangxin/db/driver";
import {
  adoptRule,
  createSharedVenue,
  dropRule,
  endCommitteeMember,
  linkVenue,
  recordVenue,
  setCommitteeMember,
  setFunds,
  setReserveCadre,
  setSecretaryAllowance,
  setSecretaryProfile,
} from "@liangxin/core/basics";
import { scopeOf, TODAY } from "./helpers.ts";

export interface BasicsOrg {
  orgId: number;
  code: string;
  secretaryTermId: number;
  secretaryMemberId: number;
  memberIds: number[];
}

/**
 * Grassroots organizations with an open secretary term and at least three other members held there, their
 * five-basics records cleared: the demo records the five basics of most organizations, and the tests start
 * the chosen ones from none (test setup, not a use of the product).
 */
export function basicsOrgs(db: Db, n: number): BasicsOrg[] {
  const orgs = db.$client
    .prepare(
      `select o.id as orgId, o.code, s.id as secretaryTermId, s.member_id as secretaryMemberId from orgs o
       join secretaries s on s.org_id = o.id and s.end_on is null
       where o.category in ('committee', 'generalBranch', 'branch', 'jointBranch') and o.revoked_on is null
         and s.start_on <= '2024-01-01'
         and (select count(*) from members m where m.org_id = o.id and m.status = 'normal' and m.joined_on < '2023-01-01') >= 4
       order by o.id limit ?`,
    )
    .all(n) as Omit<BasicsOrg, "memberIds">[];
  const ids = orgs.map((o) => o.orgId).join(",");
  db.$client.exec(`
    delete from committee_members where org_id in (${ids});
    delete from reserve_cadres where org_id in (${ids});
    delete from org_rules where org_id in (${ids});
    delete from org_funds where org_id in (${ids});
    delete from venue_links where org_id in (${ids});
    delete from venue_checks where venue_id in (select id from venues where org_id in (${ids}));
    delete from venues where org_id in (${ids});
    delete from secretary_allowances where secretary_id in (select id from secretaries where org_id in (${ids}));
  `);
  return orgs.map((o) => ({
    ...o,
    memberIds: (
      db.$client
        .prepare(
          "select id from members where org_id = ? and status = 'normal' and id <> ? and joined_on < '2023-01-01' order by id limit 3",
        )
        .pluck()
        .all(o.orgId, o.secretaryMemberId) as number[]
    ).slice(0, 3),
  }));
}

export async function addBasicsRecords(db: Db): Promise<BasicsOrg[]> {
  const cx = { db, scope: await scopeOf(db, "city"), today: TODAY };
  const orgs = basicsOrgs(db, 2);
  if (orgs.length < 2) throw new Error("the demo has no two organizations for the five basics");
  const shared = await createSharedVenue(cx, {
    name: "城区党群服务中心",
    checkedOn: "2024-03-01",
    status: "standard",
    areaSqm: 300,
    equipment: ["av", "furniture", "flag", "emblem", "reading"],
  });
  for (const [i, o] of orgs.entries()) {
    const [a, b, c] = o.memberIds as [number, number, number];
    await setCommitteeMember(cx, {
      orgId: o.orgId,
      memberId: o.secretaryMemberId,
      post: "secretary",
      startOn: "2024-01-01",
      onBoard: true,
    });
    const old = await setCommitteeMember(cx, {
      orgId: o.orgId,
      memberId: a,
      post: "organization",
      startOn: "2023-01-01",
      inManagement: true,
    });
    // A 换届: the organization member's post ends, a new one starts.
    await endCommitteeMember(cx, { id: old.id, endOn: "2025-01-01" });
    await setCommitteeMember(cx, {
      orgId: o.orgId,
      memberId: a,
      post: "deputySecretary",
      startOn: "2025-01-01",
      onSupervisoryBoard: true,
    });
    await setCommitteeMember(cx, { orgId: o.orgId, memberId: b, post: "propaganda", startOn: "2025-01-01" });
    await setReserveCadre(cx, { orgId: o.orgId, memberId: c, startOn: "2025-06-01" });
    await setSecretaryProfile(cx, {
      secretaryId: o.secretaryTermId,
      kind: i === 0 ? "fullTime" : "partTime",
      source: i === 0 ? "owner" : "dispatched",
    });
    await setSecretaryAllowance(cx, {
      secretaryId: o.secretaryTermId,
      monthlyFen: 50_050,
      startOn: "2024-01-01",
    });
    await setSecretaryAllowance(cx, {
      secretaryId: o.secretaryTermId,
      monthlyFen: 80_001,
      startOn: "2025-07-01",
    });
    if (i === 0) {
      await recordVenue(cx, {
        orgId: o.orgId,
        name: "党员活动室",
        checkedOn: "2024-02-01",
        status: "incomplete",
        areaSqm: 40,
        equipment: ["flag", "emblem"],
      });
      await recordVenue(cx, {
        orgId: o.orgId,
        name: "党员活动室",
        checkedOn: "2025-02-01",
        status: "standard",
        areaSqm: 60,
        equipment: ["av", "furniture", "flag", "emblem", "reading"],
      });
    }
    await linkVenue(cx, { venueId: shared.venue.id, orgId: o.orgId, startOn: "2024-04-01" });
    for (const rule of ["threeMeetingsOneLesson", "themeDay", "democraticReview", "openAffairs"] as const)
      await adoptRule(cx, { orgId: o.orgId, rule, adoptedOn: "2023-05-01" });
    const dropped = await adoptRule(cx, { orgId: o.orgId, rule: "duesCollection", adoptedOn: "2023-05-01" });
    await dropRule(cx, { id: dropped.id, droppedOn: "2024-05-01" });
    await adoptRule(cx, { orgId: o.orgId, rule: "duesCollection", adoptedOn: "2025-05-01" });
    for (const year of [2025, 2026]) {
      await setFunds(cx, { orgId: o.orgId, year, source: "managementFee", amountFen: 5_000_000 + i });
      await setFunds(cx, { orgId: o.orgId, year, source: "duesReturn", amountFen: 300_000 });
    }
  }
  // Payrolls of the hosts the organizations cover, to the 分.
  db.$client
    .prepare(
      `update host_years set payroll_fen = 123456789 + host_id where host_id in
       (select host_id from coverages where org_id in (${orgs.map((o) => o.orgId).join(",")}))`,
    )
    .run();
  return orgs;
}
