/**
 * `seedDailyWork`: the demo city's daily work, deterministic from the seed and "today" — meetings of the
 * current year (most organizations keep to 三会一课, some fall behind; the demo branch secretary's
 * organization is one 党课 short), election history matching orgs.lastElectionOn, last year's ratings
 * with a few weak-and-lax cases, establishment plans for two thirds of the 应建未建 hosts of every
 * territory (one third overdue, with progress notes), and a few joint-building pacts. Runs after the
 * city is written, in its own transaction; writes no audit rows (seed data, like the city itself).
 */
import { addDays, hostFactsAsOf, policyAsOf, type MeetingKind } from "@liangxin/domain";
import type { Db } from "../client.ts";
import { loadPolicyVersions, loadSnapshot } from "../snapshot.ts";
import { personName } from "./names.ts";
import { Rng } from "./random.ts";

const TOPICS = [
  "学习贯彻党的二十大精神",
  "学习《中国共产党章程》",
  "党员先锋岗创建",
  "安全生产与党员责任区",
  "服务职工群众",
  "主题教育专题学习",
  "企业发展与党建融合",
];

const PLAN_NOTES = [
  "已摸清企业内党员情况,动员组织关系转入",
  "与企业出资人沟通组建事宜,出资人表示支持",
  "拟定书记人选,报乡镇党委审核",
  "指导员上门指导,协助准备组建材料",
];

interface OrgLite {
  id: number;
  category: string;
  foundedOn: string;
  lastElectionOn: string | null;
  path: string;
}

export function seedDailyWork(db: Db, opts: { seed: number; today: string }): void {
  const { today } = opts;
  const rng = new Rng(opts.seed ^ 0x5a17);
  const sqlite = db.$client;
  const year = Number(today.slice(0, 4));
  const policy = policyAsOf(loadPolicyVersions(db), today).params;
  const stamp = (d: string) => `${d}T00:00:00.000Z`;
  const orgs = sqlite
    .prepare(
      `select id, category, founded_on as foundedOn, last_election_on as lastElectionOn, path from orgs
       where category in ('committee','generalBranch','branch','jointBranch')
         and founded_on <= ? and (revoked_on is null or ? < revoked_on) order by id`,
    )
    .all(today, today) as OrgLite[];
  const branchUserOrg = sqlite.prepare("select org_id from users where username = 'branch'").pluck().get() as
    number | null | undefined;

  const insMeeting = sqlite.prepare(
    "insert into meetings (org_id, kind, held_on, topic, attendees, created_at) values (?, ?, ?, ?, ?, ?)",
  );
  const insElection = sqlite.prepare(
    "insert into elections (org_id, held_on, term_years, note) values (?, ?, ?, '换届选举')",
  );
  const insRating = sqlite.prepare(
    "insert into ratings (org_id, year, stars, grade, created_at) values (?, ?, ?, ?, ?)",
  );
  const insRect = sqlite.prepare(
    `insert into rectifications (org_id, year, reason, measures, responsible, deadline, resolved_on, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const write = sqlite.transaction(() => {
    // Meetings of the current year, up to today.
    const months = Number(today.slice(5, 7)) - 1; // whole months elapsed
    for (const o of orgs) {
      const diligent = o.id === branchUserOrg || rng.chance(0.7);
      const start = o.foundedOn > `${year}-01-01` ? o.foundedOn : `${year}-01-01`;
      const at = (month: number, day: number) =>
        `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      const hold = (kind: MeetingKind, date: string) => {
        if (date < start || date > today) return;
        insMeeting.run(o.id, kind, date, rng.pick(TOPICS), rng.int(3, 25), stamp(date));
      };
      for (let mo = 1; mo <= months; mo++) {
        for (const kind of ["branchCommittee", "groupMeeting", "themeDay"] as const) {
          if (diligent || rng.chance(0.6)) hold(kind, at(mo, rng.int(3, 26)));
        }
      }
      const quarters = Math.floor(months / 3);
      for (let q = 0; q < quarters; q++) {
        hold("memberAssembly", at(q * 3 + 2, rng.int(5, 25)));
        // The demo secretary's organization is one 党课 short (so recording one brings it up to date).
        const skip = o.id === branchUserOrg ? q === quarters - 1 : !diligent && rng.chance(0.4);
        if (!skip) hold("partyLecture", at(q * 3 + rng.int(1, 3), rng.int(5, 25)));
      }
    }
    // Election history behind orgs.lastElectionOn.
    for (const o of orgs) {
      if (!o.lastElectionOn || o.lastElectionOn === o.foundedOn) continue;
      const term = o.category === "committee" ? policy.termYears.committee : policy.termYears.branch;
      insElection.run(o.id, o.lastElectionOn, term);
    }
    // Last year's ratings; a few weak and lax organizations under rectification.
    for (const o of orgs) {
      if (o.foundedOn > `${year - 1}-12-31`) continue;
      const stars = rng.weighted([
        [5, 10],
        [4, 30],
        [3, 40],
        [2, 15],
        [1, 5],
      ] as const);
      const useGrade = rng.chance(0.2);
      const grade = stars >= 4 ? "advanced" : stars >= 2 ? "average" : "lagging";
      insRating.run(o.id, year - 1, useGrade ? null : stars, useGrade ? grade : null, stamp(`${year}-01-20`));
      if (stars === 1) {
        const resolved = rng.chance(0.5) ? addDays(`${year}-03-01`, rng.int(30, 180)) : null;
        insRect.run(
          o.id,
          year,
          "组织生活不经常、不认真、不严肃,班子软弱涣散",
          "选优配强书记,建立“三会一课”台账,指导员包联整顿",
          personName(rng, rng.chance(0.5) ? "male" : "female"),
          `${year}-12-31`,
          resolved && resolved <= today ? resolved : null,
          stamp(`${year}-02-15`),
        );
      }
    }
  });
  write();

  // Plans for the 应建未建 hosts of every township: one third overdue, one third running, one third without.
  const facts = hostFactsAsOf(loadSnapshot(db), today, policy);
  const hosts = sqlite
    .prepare("select id, region_id as regionId from hosts order by region_id, id")
    .all() as { id: number; regionId: number }[];
  const insPlan = sqlite.prepare(
    `insert into establishment_plans (host_id, target_on, responsible, state, created_at) values (?, ?, ?, 'open', ?)`,
  );
  const insNote = sqlite.prepare(
    "insert into plan_notes (plan_id, noted_on, note, created_at) values (?, ?, ?, ?)",
  );
  const byRegion = new Map<number, number>();
  const pacts = sqlite.prepare(
    "insert into pacts (kind, name, start_on, end_on, outcome, funds, created_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const party = sqlite.prepare(
    "insert into pact_parties (pact_id, org_id, host_id, name) values (?, ?, ?, ?)",
  );
  sqlite.transaction(() => {
    for (const h of hosts) {
      if (!facts.get(h.id)?.shouldEstablishNotEstablished) continue;
      const i = byRegion.get(h.regionId) ?? 0;
      byRegion.set(h.regionId, i + 1);
      const slot = i % 3;
      if (slot === 2) continue;
      const created = addDays(today, slot === 0 ? -rng.int(150, 200) : -rng.int(10, 40));
      const target = slot === 0 ? addDays(today, -rng.int(5, 40)) : addDays(today, rng.int(40, 120));
      const planId = Number(
        insPlan.run(h.id, target, personName(rng, rng.chance(0.5) ? "male" : "female"), stamp(created))
          .lastInsertRowid,
      );
      const notes = slot === 0 ? 2 : 1;
      for (let n = 0; n < notes; n++) {
        const on = addDays(created, 20 + n * 30);
        if (on <= today) insNote.run(planId, on, PLAN_NOTES[n % PLAN_NOTES.length], stamp(on));
      }
    }
    // A few pacts: each township node with one covered host of its territory and an outside party.
    const townships = sqlite
      .prepare(
        `select o.id, o.name, r.path from orgs o join regions r on r.id = o.region_id
         where o.category in ('townshipCommittee','parkCommittee') order by o.id`,
      )
      .all() as { id: number; name: string; path: string }[];
    for (const t of townships) {
      const host = sqlite
        .prepare(
          `select h.id, h.name from hosts h join regions r on r.id = h.region_id
           where r.path glob ? and exists(select 1 from coverages c where c.host_id = h.id and c.end_on is null)
           order by h.id limit 1`,
        )
        .get(`${t.path}*`) as { id: number; name: string } | undefined;
      if (!host) continue;
      const start = addDays(today, -rng.int(60, 400));
      const pactId = Number(
        pacts.run(
          rng.pick(["villageEnterprise", "organHost", "regional"] as const),
          `${t.name.replace(/^中共/, "").replace(/委员会$/, "")}与${host.name}联建共建`,
          start,
          null,
          "共建党员活动阵地,联合开展主题党日和志愿服务",
          rng.int(1, 20) / 2,
          stamp(start),
        ).lastInsertRowid,
      );
      party.run(pactId, t.id, null, null);
      party.run(pactId, null, host.id, null);
      party.run(pactId, null, null, "清源市供电公司党委");
    }
  })();
}
