/**
 * `seedContacts`: the demo city's showcase sites (示范点) and leading cadres' contact points (联系点),
 * deterministic from the seed and "today" —
 * - showcases: for each of the demo's years, the city, each county and each township (or park) name a few
 *   grassroots organizations of their subtree, or hosts of their territory, at their own level; some of
 *   them end after a year or two;
 * - leaders: each county and township node registers 1–3 leading cadres, each with 1–3 contact points in
 *   the node's area started in the demo's years, and visits roughly every one to three months; a share of
 *   the points (the first leader of every node among them) has its last visit more than a quarter before
 *   today, so that each county and township has overdue visits in its administrator's 待办.
 *
 * It draws from a random stream of its own, after the city, its daily work and the five basics, so every
 * earlier figure stays as it was (none of these tables enters the year-end report). Writes no audit rows.
 */
import { addDays, addMonths, DEFAULT_POLICY, honourLevelOf, maxDate, minDate } from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { type Db, BulkInsert, selectAll, selectValue, writeTransaction } from "@liangxin/db/driver";
import * as tables from "@liangxin/db/schema";
import { Rng } from "./random.ts";
import { personName } from "./names.ts";
import { seedStamp } from "./daily-work.ts";
import { SortedPaths } from "./subtrees.ts";
import { demoYears } from "./shift.ts";

/** The stream of the showcases and contact points: a generator of its own, mixed from the demo's seed. */
export const CONTACTS_STREAM = 0x1ea_d3c5;

const REASONS = [
  "党组织班子坚强有力,三会一课规范落实",
  "党建引领企业发展成效明显,带动就业显著",
  "党员先锋岗、责任区作用发挥突出",
  "党建阵地建设标准化、规范化水平高",
  "党建与业务深度融合,获评行业先进",
  "积极参与基层治理和公益服务,群众认可度高",
];
const COUNTY_POSTS = ["县委副书记", "县委常委、组织部部长", "副县长", "县人大常委会副主任", "县政协副主席"];
const TOWNSHIP_POSTS = ["党委书记", "镇长", "党委副书记", "党委委员、组织委员", "人大主席"];
const CONTENTS = [
  "召开党员座谈会,了解党组织建设和企业经营情况",
  "指导开展主题党日活动,宣讲惠企政策",
  "走访生产一线,听取职工和党员意见建议",
  "督促落实三会一课,检查党建工作台账",
];
const PROBLEMS = [
  "党员活动场所偏小",
  "发展党员工作滞后",
  "党建经费保障不足",
  "组织生活记录不规范",
  null,
  null,
];
const FOLLOW_UPS = [
  "协调共享党群服务中心",
  "列入年度发展计划",
  "指导规范台账管理",
  "协调落实党建工作经费",
  null,
];

interface Node {
  id: number;
  name: string;
  category: string;
  path: string;
  regionPath: string | null;
  regionName: string | null;
}

export async function seedContacts(db: Db, opts: { seed: number; today: string }): Promise<void> {
  const { today } = opts;
  const rng = new Rng(opts.seed ^ CONTACTS_STREAM);
  const years = demoYears(today);
  const months = DEFAULT_POLICY.contactVisitMonths;
  const nodes = await selectAll<Node>(
    db,
    sql`select o.id, o.name, o.category, o.path, r.path as regionPath, r.name as regionName from orgs o
        left join regions r on r.id = o.region_id
        where o.category in ('cityCommittee','countyCommittee','townshipCommittee','parkCommittee')
          and o.founded_on <= ${today} and (o.revoked_on is null or ${today} < o.revoked_on) order by o.path`,
  );
  const grassroots = await selectAll<{ id: number; path: string; foundedOn: string }>(
    db,
    sql`select id, path, founded_on as foundedOn from orgs
        where category in ('committee','generalBranch','branch','jointBranch')
          and founded_on <= ${today} and (revoked_on is null or ${today} < revoked_on) order by path`,
  );
  const hosts = await selectAll<{ id: number; regionPath: string; foundedOn: string }>(
    db,
    sql`select h.id, r.path as regionPath, h.founded_on as foundedOn from hosts h join regions r on r.id = h.region_id
        where h.closed_on is null order by r.path, h.id`,
  );
  // Both lists are sorted by the path: a node's rows are one run of them, found without a pass.
  const grassrootsByPath = new SortedPaths(grassroots, (o) => o.path);
  const hostsByPath = new SortedPaths(hosts, (h) => h.regionPath);
  const orgsUnder = (n: Node) => grassrootsByPath.under(n.path).filter((o) => o.path !== n.path);
  const hostsUnder = (n: Node) => (n.regionPath === null ? [] : hostsByPath.under(n.regionPath));
  const dayIn = (year: number) =>
    minDate(
      `${year}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
      today,
    );

  await writeTransaction(db, async () => {
    const bulk = new BulkInsert(db);
    const insShowcase = bulk.into(tables.showcases, [
      "orgId",
      "hostId",
      "level",
      "namedById",
      "startOn",
      "endOn",
      "reasons",
      "createdAt",
    ]);
    const insLeader = bulk.into(tables.leaders, [
      "id",
      "name",
      "post",
      "unit",
      "registeredById",
      "createdAt",
    ]);
    const insPoint = bulk.into(tables.contactPoints, [
      "id",
      "leaderId",
      "orgId",
      "hostId",
      "startOn",
      "endOn",
    ]);
    const insVisit = bulk.into(tables.contactVisits, [
      "contactPointId",
      "visitedOn",
      "content",
      "problems",
      "followUp",
      "createdAt",
    ]);
    let leaderId = Number((await selectValue(db, sql`select coalesce(max(id), 0) from leaders`)) ?? 0);
    let pointId = Number((await selectValue(db, sql`select coalesce(max(id), 0) from contact_points`)) ?? 0);

    for (const n of nodes) {
      const level = honourLevelOf(n.category)!;
      const orgs = orgsUnder(n);
      const own = hostsUnder(n);
      // ---- 示范点: a few a year at the node's level ----
      const perYear = level === "city" ? [2, 3] : level === "county" ? [1, 3] : [0, 2];
      const used = new Set<string>();
      for (const year of years) {
        if (`${year}-01-01` > today) continue;
        for (let k = rng.int(perYear[0]!, perYear[1]!); k > 0; k--) {
          const useHost = own.length > 0 && (orgs.length === 0 || rng.chance(0.3));
          const subject = useHost ? rng.pick(own) : orgs.length > 0 ? rng.pick(orgs) : null;
          if (!subject) continue;
          const key = `${useHost ? "h" : "o"}${subject.id}`;
          if (used.has(key)) continue;
          used.add(key);
          const startOn = maxDate(dayIn(year), subject.foundedOn);
          if (startOn > today) continue;
          const ends = rng.chance(0.25);
          const endOn = ends ? addDays(addMonths(startOn, rng.int(12, 24)), 0) : null;
          await insShowcase(
            useHost ? null : subject.id,
            useHost ? subject.id : null,
            level,
            n.id,
            startOn,
            endOn !== null && endOn > startOn ? endOn : null,
            rng.pick(REASONS),
            seedStamp(startOn),
          );
        }
      }
      // ---- 领导干部联系点: counties and townships ----
      if (level === "city" || (orgs.length === 0 && own.length === 0)) continue;
      const posts = level === "county" ? COUNTY_POSTS : TOWNSHIP_POSTS;
      const unit = level === "county" ? `${n.regionName ?? n.name}委` : `${n.regionName ?? n.name}党委`;
      const leaderCount = rng.int(1, 3);
      for (let l = 0; l < leaderCount; l++) {
        leaderId += 1;
        const startYear = rng.pick(years.slice(0, 3));
        await insLeader(
          leaderId,
          personName(rng, rng.chance(0.7) ? "male" : "female"),
          rng.pick(posts),
          unit,
          n.id,
          seedStamp(minDate(`${startYear}-01-05`, today)),
        );
        const pointCount = rng.int(1, 3);
        const chosen = new Set<string>();
        for (let p = 0; p < pointCount; p++) {
          const useHost = own.length > 0 && (orgs.length === 0 || rng.chance(0.4));
          const subject = useHost ? rng.pick(own) : orgs.length > 0 ? rng.pick(orgs) : null;
          if (!subject) continue;
          const key = `${useHost ? "h" : "o"}${subject.id}`;
          if (chosen.has(key)) continue;
          chosen.add(key);
          const startOn = maxDate(dayIn(startYear), subject.foundedOn);
          if (startOn > addDays(today, -200)) continue;
          // The first leader's first point of each node, and a share of the others, stop visiting early.
          const lapsed = (l === 0 && p === 0) || rng.chance(0.25);
          const ended = !lapsed && rng.chance(0.1);
          const endOn = ended ? minDate(addMonths(startOn, rng.int(12, 20)), addDays(today, -30)) : null;
          const lastDay =
            endOn !== null
              ? addDays(endOn, -1)
              : lapsed
                ? addMonths(today, -(months + rng.int(1, 4)))
                : today;
          pointId += 1;
          await insPoint(
            pointId,
            leaderId,
            useHost ? null : subject.id,
            useHost ? subject.id : null,
            startOn,
            endOn,
          );
          let visit = addDays(startOn, rng.int(10, 60));
          while (visit <= lastDay) {
            await insVisit(
              pointId,
              visit,
              rng.pick(CONTENTS),
              rng.pick(PROBLEMS),
              rng.pick(FOLLOW_UPS),
              seedStamp(visit),
            );
            // Every one to three months; a point kept up is visited again within the quarter.
            visit = addDays(addMonths(visit, rng.int(1, months)), -rng.int(0, 10));
          }
        }
      }
    }
    await bulk.flush();
  });
}
