/**
 * `seedTraining`: the demo city's trainings (培训) for each demo year — per county a secretaries' class, an
 * instructors' class and an owners' study trip (考察学习), per township a members' class and some years a
 * secretaries' class — with participants each organizer sees (members held in its subtree on the day,
 * instructors it registered or dispatched, owners of hosts of its territory). Each township draws a target
 * share for its secretaries (about 35–65 %), so that on the demo's day no township has trained them all
 * (the e2e sees a share rise).
 *
 * It draws from a random stream of its own, so every figure the demo had before stays as it was. Runs after
 * the city, its daily work and the five basics, in its own transaction; writes no audit rows (seed data).
 */
import { addDays, maxDate, minDate, yearEnd, yearStart } from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { type Db, selectAll, writeTransaction } from "@liangxin/db/driver";
import { isUnder, pathIn, subtreeRange } from "@liangxin/db/scope";
import { trainingParticipants, trainings } from "@liangxin/db/schema";
import { Rng } from "./random.ts";
import { seedStamp } from "./daily-work.ts";
import { demoYears } from "./shift.ts";
import { PathOwners, SortedPaths } from "./subtrees.ts";

/** The stream of the trainings: a generator of its own, mixed from the demo's seed. */
export const TRAINING_STREAM = 0x7a1_9e5;

interface Node {
  id: number;
  name: string;
  path: string;
  regionPath: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

export async function seedTraining(db: Db, opts: { seed: number; today: string }): Promise<void> {
  const { today } = opts;
  const rng = new Rng(opts.seed ^ TRAINING_STREAM);
  const nodes = (category: string) =>
    selectAll<Node>(
      db,
      sql`select o.id, o.name, o.path, r.path as regionPath from orgs o left join regions r on r.id = o.region_id
          where o.category = ${category} and (o.revoked_on is null or ${today} < o.revoked_on) order by o.id`,
    );
  const counties = await nodes("countyCommittee");
  const townships = [...(await nodes("townshipCommittee")), ...(await nodes("parkCommittee"))];
  const under = (path: string, root: string) => isUnder(path, root);

  /** A day of the year in [from month, to month], not after a week before today (nor before 1 January). */
  const dayIn = (year: number, fromMonth: number, toMonth: number): string => {
    const d = `${year}-${pad(rng.int(fromMonth, toMonth))}-${pad(rng.int(1, 28))}`;
    return maxDate(yearStart(year), minDate(d, addDays(today, -7)));
  };

  await writeTransaction(db, async () => {
    const insertTraining = async (
      organizerId: number,
      title: string,
      kind: (typeof trainings.$inferInsert)["kind"],
      startOn: string,
      days: number,
      place: string,
      hours: number,
    ): Promise<number> =>
      (
        await db
          .insert(trainings)
          .values({
            organizerId,
            title,
            kind,
            startOn,
            endOn: minDate(addDays(startOn, days - 1), yearEnd(Number(startOn.slice(0, 4)))),
            place,
            hours,
            createdAt: seedStamp(startOn),
          })
          .returning({ id: trainings.id })
      )[0]!.id;
    const add = async (trainingId: number, kind: "member" | "instructor" | "owner", id: number) => {
      await db.insert(trainingParticipants).values({
        trainingId,
        kind,
        memberId: kind === "member" ? id : null,
        instructorId: kind === "instructor" ? id : null,
        hostId: kind === "owner" ? id : null,
      });
    };

    // Secretaries of grassroots organizations with the relationships that hold them, read once: a class's
    // list is those of the organizer's subtree in office and held on its day. (A query of the whole city
    // per class made the seed grow with the square of the city.) In the order the per-day query gave them:
    // by member, then term, then relationship; a row once per member, organization and holding one.
    const terms = await selectAll<{
      memberId: number;
      path: string;
      heldPath: string;
      startOn: string;
      endOn: string | null;
      heldFrom: string;
      heldUntil: string | null;
    }>(
      db,
      sql`select s.member_id as memberId, o.path, ro.path as heldPath, s.start_on as startOn, s.end_on as endOn,
            r.start_on as heldFrom, r.end_on as heldUntil
          from secretaries s join orgs o on o.id = s.org_id
          join member_relationships r on r.member_id = s.member_id
          join orgs ro on ro.id = r.org_id
          where o.category in ('committee','generalBranch','branch','jointBranch')
          order by s.member_id, s.id, r.start_on, r.end_on, r.org_id, r.id`,
    );
    const termsByPath = new SortedPaths(
      terms
        .map((t, i) => ({ ...t, i }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.i - b.i)),
      (t) => t.path,
    );
    /** Secretaries in office on the day of grassroots organizations under `root`, held then under `root`. */
    const secretariesOn = (day: string, root: string) => {
      const seen = new Set<string>();
      return termsByPath
        .under(root)
        .filter(
          (t) =>
            under(t.path, root) &&
            under(t.heldPath, root) &&
            t.startOn <= day &&
            (t.endOn === null || t.endOn > day) &&
            t.heldFrom <= day &&
            (t.heldUntil === null || t.heldUntil > day),
        )
        .sort((a, b) => a.i - b.i)
        .filter((t) => {
          const key = `${t.memberId}|${t.path}|${t.heldPath}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
    };
    const townshipsByPath = new PathOwners(townships);

    for (const year of demoYears(today)) {
      if (yearStart(year) > today) continue;
      const current = year === Number(today.slice(0, 4));
      // Each township's target share of secretaries trained this year.
      const target = new Map(
        townships.map((t) => [t.id, current ? rng.float(0.35, 0.65) : rng.float(0.4, 0.85)]),
      );
      for (const county of counties) {
        const short = county.name.replace(/^中共/, "").replace(/委员会$/, "");
        // 书记培训: most of a township's trained secretaries come here; the rest to the township's own class.
        const secretaryDay = dayIn(year, 3, 6);
        const secretaryClass = await insertTraining(
          county.id,
          `${year}年${short}两新党组织书记培训班`,
          "secretary",
          secretaryDay,
          3,
          `${short}党校`,
          24,
        );
        const countySecretaries = secretariesOn(secretaryDay, county.path);
        const trained = new Set<number>();
        for (const s of countySecretaries) {
          const town = townshipsByPath.first(s.path);
          if (trained.has(s.memberId)) continue;
          if (rng.chance((town ? target.get(town.id)! : 0.5) * 0.7)) {
            trained.add(s.memberId);
            await add(secretaryClass, "member", s.memberId);
          }
        }
        // 指导员培训: instructors the county registered or dispatched, serving on the day.
        const instructorDay = dayIn(year, 4, 9);
        const instructorClass = await insertTraining(
          county.id,
          `${year}年${short}党建工作指导员培训`,
          "instructor",
          instructorDay,
          2,
          `${short}党校`,
          16,
        );
        const instructors = await selectAll<{ id: number }>(
          db,
          // From the county's organizations through the indexes (not a pass over every instructor).
          sql`select distinct i.id from instructors i
              join assignments a on a.instructor_id = i.id and a.start_on <= ${instructorDay}
                and (a.end_on is null or a.end_on > ${instructorDay})
              where i.id in (
                select x.id from orgs r join instructors x on x.registered_by_id = r.id
                where ${pathIn("r.path", subtreeRange(county.path))}
                union
                select x.id from orgs d join instructors x on x.dispatch_org_id = d.id
                where ${pathIn("d.path", subtreeRange(county.path))})
              order by i.id`,
        );
        for (const i of instructors)
          if (rng.chance(current ? 0.55 : 0.7)) await add(instructorClass, "instructor", i.id);
        // 考察学习: owners of hosts of the county's territory.
        if (county.regionPath) {
          const tripDay = dayIn(year, 5, 10);
          const trip = await insertTraining(
            county.id,
            `${year}年${short}非公企业出资人考察学习`,
            "studyTrip",
            tripDay,
            2,
            "浙江嘉兴",
            12,
          );
          const owners = await selectAll<{ id: number }>(
            db,
            sql`select h.id from hosts h join regions r on r.id = h.region_id
                where ${pathIn("r.path", subtreeRange(county.regionPath))}
                  and h.owner_name is not null and h.founded_on <= ${tripDay}
                  and (h.closed_on is null or h.closed_on > ${tripDay}) order by h.id`,
          );
          for (const h of rng.sample(owners, Math.min(owners.length, rng.int(8, 15))))
            await add(trip, "owner", h.id);
        }
        // 乡镇: a members' class each year; a secretaries' class for those the county did not train.
        for (const town of townships.filter((t) => under(t.path, county.path))) {
          const tshort = town.name.replace(/^中共/, "").replace(/委员会$/, "");
          const memberDay = dayIn(year, 6, 11);
          const memberClass = await insertTraining(
            town.id,
            `${year}年${tshort}党员冬训`,
            "member",
            memberDay,
            1,
            `${tshort}党群服务中心`,
            8,
          );
          const held = await selectAll<{ id: number }>(
            db,
            sql`select r.member_id as id from member_relationships r join orgs o on o.id = r.org_id
                where ${pathIn("o.path", subtreeRange(town.path))}
                  and r.start_on <= ${memberDay} and (r.end_on is null or r.end_on > ${memberDay})
                order by r.member_id`,
          );
          for (const m of rng.sample(held, Math.min(held.length, rng.int(10, 20))))
            await add(memberClass, "member", m.id);
          const classDay = dayIn(year, 7, 11);
          const own = secretariesOn(classDay, town.path);
          const rest = [...new Set(own.map((s) => s.memberId))].filter((id) => !trained.has(id));
          const share = target.get(town.id)! * 0.3;
          const picked = rest.filter(() => rng.chance(share));
          if (picked.length > 0) {
            const townClass = await insertTraining(
              town.id,
              `${year}年${tshort}党组织书记轮训`,
              "secretary",
              classDay,
              1,
              `${tshort}党群服务中心`,
              8,
            );
            for (const id of picked) await add(townClass, "member", id);
          }
        }
      }
    }
  });
}
