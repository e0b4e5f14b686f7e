/**
 * `seedDailyWork`: the demo city's daily work, deterministic from the seed and "today" — meetings of the
 * last two years counted back from today in days (most organizations keep to 三会一课, some fall behind;
 * the demo branch secretary's organization is one 党课 short of this year's pro-rata expectation, so that
 * recording one brings it up to date), election history matching orgs.lastElectionOn, last year's ratings
 * with a few weak-and-lax cases, establishment plans for two thirds of the 应建未建 hosts of every
 * territory (one third overdue, with progress notes), and a few joint-building pacts. Runs after the
 * city is written, in its own transaction; writes no audit rows (seed data, like the city itself).
 */
import {
  addDays,
  daysBetween,
  expectedMeetings,
  hostFactsAsOf,
  isLeapYear,
  maxDate,
  minDate,
  parseInstant,
  planMilestones,
  policyAsOf,
  yearToDate,
  type MeetingKind,
} from "@liangxin/domain";
import { sql } from "drizzle-orm";
import {
  type Db,
  selectAll,
  selectOne,
  selectValue,
  writeTransaction,
  BulkInsert,
} from "@liangxin/db/driver";
import * as tables from "@liangxin/db/schema";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import { personName } from "./names.ts";
import { Rng } from "./random.ts";
import { nodeWithin, subtreeRange } from "@liangxin/db/scope";

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
  hasPartyGroups: number;
}

/** Seed rows are stamped at midnight (Beijing time) of the day they tell of. */
export function seedStamp(day: string): string {
  return parseInstant(day)!.toISOString();
}

/** Monthly kinds meet every ~30.4 days, quarterly ones every ~91, yearly ones every 365, counted back. */
const CADENCE: readonly { kinds: readonly MeetingKind[]; everyDays: number; times: number; slack: number }[] =
  [
    { kinds: ["branchCommittee", "groupMeeting", "themeDay"], everyDays: 365 / 12, times: 24, slack: 10 },
    { kinds: ["memberAssembly", "partyLecture"], everyDays: 365 / 4, times: 8, slack: 20 },
    { kinds: ["lifeMeeting", "democraticReview"], everyDays: 365, times: 2, slack: 30 },
  ];

export async function seedDailyWork(db: Db, opts: { seed: number; today: string }): Promise<void> {
  const { today } = opts;
  const rng = new Rng(opts.seed ^ 0x5a17);
  const year = Number(today.slice(0, 4));
  const policy = policyAsOf(await loadPolicyVersions(db), today).params;
  const stamp = (d: string) => seedStamp(minDate(d, today));
  const orgs = await selectAll<OrgLite>(
    db,
    sql`select id, category, founded_on as foundedOn, last_election_on as lastElectionOn, path,
        has_party_groups as hasPartyGroups from orgs
        where category in ('committee','generalBranch','branch','jointBranch')
          and founded_on <= ${today} and (revoked_on is null or ${today} < revoked_on) order by id`,
  );
  const branchUserOrg = await selectValue<number | null>(
    db,
    sql`select org_id from users where username = 'branch'`,
  );

  await writeTransaction(db, async () => {
    const bulk = new BulkInsert(db);
    const insMeeting = bulk.into(tables.meetings, [
      "orgId",
      "kind",
      "heldOn",
      "topic",
      "attendees",
      "createdAt",
    ]);
    const insElection = bulk.into(tables.elections, ["orgId", "heldOn", "termYears", "note", "createdAt"]);
    const insRating = bulk.into(tables.ratings, ["orgId", "year", "stars", "grade", "createdAt"]);
    const insRect = bulk.into(tables.rectifications, [
      "orgId",
      "year",
      "reason",
      "measures",
      "responsible",
      "deadline",
      "resolvedOn",
      "createdAt",
    ]);
    // Meetings counted back from today in days, so that the same share is up to date on any day: the
    // k-th meeting of a cadence falls k intervals before today, a few days earlier still. Every draw is
    // made whatever the calendar, so the same organizations keep or skip the same meetings on any day.
    const ytd = yearToDate(today);
    const extra = new Rng(opts.seed ^ 0x0b7a);
    for (const o of orgs) {
      const isBranch = o.id === branchUserOrg;
      const diligent = isBranch || rng.chance(0.7);
      for (const c of CADENCE) {
        for (const kind of c.kinds) {
          for (let k = 0; k < c.times; k++) {
            const date = addDays(today, -Math.round(k * c.everyDays) - rng.int(1, c.slack));
            const keep = diligent || rng.chance(kind === "partyLecture" ? 0.6 : 0.8);
            const attendees = rng.int(3, 25);
            const topic = rng.pick(TOPICS);
            if (!keep || date < o.foundedOn || date > today) continue;
            // Only an organization with 党小组 holds 党小组会 (the draws above are made all the same).
            if (kind === "groupMeeting" && o.hasPartyGroups !== 1) continue;
            // The demo secretary's organization is one 党课 short: of this year's, and of the last 365 days.
            if (isBranch && kind === "partyLecture" && (date >= ytd.from || k === 0)) continue;
            await insMeeting(o.id, kind, date, topic, attendees, stamp(date));
          }
        }
      }
      if (isBranch) {
        // This year's 党课 so far: one fewer than the pro-rata expectation.
        const days = daysBetween(maxDate(ytd.from, o.foundedOn), today) + 1;
        const due = expectedMeetings(policy.meetingsPerYear.partyLecture, days, isLeapYear(year) ? 366 : 365);
        for (let i = 0; i < due - 1; i++) {
          const date = addDays(maxDate(ytd.from, o.foundedOn), 10 + i * 91);
          await insMeeting(o.id, "partyLecture", date, extra.pick(TOPICS), extra.int(3, 25), stamp(date));
        }
      }
    }
    // Election history behind orgs.lastElectionOn.
    for (const o of orgs) {
      if (!o.lastElectionOn || o.lastElectionOn === o.foundedOn) continue;
      const term = o.category === "committee" ? policy.termYears.committee : policy.termYears.branch;
      await insElection(o.id, o.lastElectionOn, term, "换届选举", stamp(o.lastElectionOn));
    }
    // Last year's ratings; a few weak and lax organizations under rectification.
    // (The draws are made for every organization, so that the calendar does not move the random stream.)
    for (const o of orgs) {
      const rated = o.foundedOn <= `${year - 1}-12-31`;
      const stars = rng.weighted([
        [5, 10],
        [4, 30],
        [3, 40],
        [2, 15],
        [1, 5],
      ] as const);
      const useGrade = rng.chance(0.2);
      const grade = stars >= 4 ? "advanced" : stars >= 2 ? "average" : "lagging";
      const resolved = stars === 1 && rng.chance(0.5) ? addDays(`${year}-03-01`, rng.int(30, 180)) : null;
      const responsible = stars === 1 ? personName(rng, rng.chance(0.5) ? "male" : "female") : "";
      if (!rated) continue;
      await insRating(
        o.id,
        year - 1,
        useGrade ? null : stars,
        useGrade ? grade : null,
        stamp(`${year}-01-20`),
      );
      if (stars === 1) {
        await insRect(
          o.id,
          year,
          "组织生活不经常、不认真、不严肃,班子软弱涣散",
          "选优配强书记,建立“三会一课”台账,指导员包联整顿",
          responsible,
          `${year}-12-31`,
          resolved && resolved <= today ? resolved : null,
          stamp(`${year}-02-15`),
        );
      }
    }
    await bulk.flush();
  });

  // Plans for the 应建未建 hosts of every township: one third overdue, one third running, one third without.
  const facts = hostFactsAsOf(await loadSnapshot(db), today, policy);
  const hosts = await selectAll<{ id: number; regionId: number }>(
    db,
    sql`select id, region_id as regionId from hosts order by region_id, id`,
  );
  const byRegion = new Map<number, number>();
  await writeTransaction(db, async () => {
    const bulk = new BulkInsert(db);
    const insNote = bulk.into(tables.planNotes, ["planId", "notedOn", "note", "createdAt"]);
    const insMilestone = bulk.into(tables.planMilestones, ["planId", "key", "doneOn", "createdAt"]);
    for (const h of hosts) {
      if (!facts.get(h.id)?.shouldEstablishNotEstablished) continue;
      const i = byRegion.get(h.regionId) ?? 0;
      byRegion.set(h.regionId, i + 1);
      const slot = i % 3;
      if (slot === 2) continue;
      const created = addDays(today, slot === 0 ? -rng.int(150, 200) : -rng.int(10, 40));
      const target = slot === 0 ? addDays(today, -rng.int(5, 40)) : addDays(today, rng.int(40, 120));
      const planId = (await selectValue<number>(
        db,
        sql`insert into establishment_plans (host_id, target_on, responsible, state, created_at)
            values (${h.id}, ${target}, ${personName(rng, rng.chance(0.5) ? "male" : "female")}, 'open', ${stamp(created)})
            returning id`,
      ))!;
      // A running plan has ticked off the milestones already due (a few days early); an overdue one is
      // stalled: none ticked off.
      if (slot === 1)
        for (const ms of planMilestones({ targetOn: target, state: "open" }, today)) {
          const on = maxDate(created, addDays(ms.dueOn, -3));
          if (ms.dueOn < today && ms.key !== "founding") await insMilestone(planId, ms.key, on, stamp(on));
        }
      const notes = slot === 0 ? 2 : 1;
      for (let n = 0; n < notes; n++) {
        const on = addDays(created, 20 + n * 30);
        if (on <= today) await insNote(planId, on, PLAN_NOTES[n % PLAN_NOTES.length]!, stamp(on));
      }
    }
    await bulk.flush();
    // A few pacts: each township node with one covered host of its territory and an outside party.
    const townships = await selectAll<{ id: number; name: string; path: string }>(
      db,
      sql`select o.id, o.name, r.path from orgs o join regions r on r.id = o.region_id
          where o.category in ('townshipCommittee','parkCommittee') order by o.id`,
    );
    for (const t of townships) {
      const host = await selectOne<{ id: number; name: string }>(
        db,
        sql`select h.id, h.name from hosts h join regions r on r.id = h.region_id
            where ${nodeWithin("r", subtreeRange(t.path))}
              and exists(select 1 from coverages c where c.host_id = h.id and c.end_on is null)
            order by h.id limit 1`,
      );
      if (!host) continue;
      const start = addDays(today, -rng.int(60, 400));
      const pactId = (
        await db
          .insert(tables.pacts)
          .values({
            kind: rng.pick(["villageEnterprise", "organHost", "regional"] as const),
            name: `${t.name.replace(/^中共/, "").replace(/委员会$/, "")}与${host.name}联建共建`,
            startOn: start,
            endOn: null,
            outcome: "共建党员活动阵地,联合开展主题党日和志愿服务",
            // 0.5 to 10 万元, in 分.
            fundsFen: rng.int(1, 20) * 500_000,
            createdAt: stamp(start),
          })
          .returning({ id: tables.pacts.id })
      )[0]!.id;
      await db.insert(tables.pactParties).values([
        { pactId, orgId: t.id, hostId: null, name: null },
        { pactId, orgId: null, hostId: host.id, name: null },
        { pactId, orgId: null, hostId: null, name: "清源市供电公司党委" },
      ]);
    }
  });
}
