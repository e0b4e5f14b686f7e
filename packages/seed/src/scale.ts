/**
 * City-scale data (issue 8): about 200,000 host units (or N) with organizations, members and
 * instructors in the proportions of a large city (30,000 orgs, 400,000 members, 40,000 instructors per
 * 200,000 hosts), townships of about 700 hosts whatever N is, and dated history over 2023–2025.
 * Deterministic for a seed. Rows go through the bulk-write path (multi-row inserts) in one transaction.
 */
import { markAllFactsChanged } from "@liangxin/db/report-facts";
import { clock, DEFAULT_POLICY, type IsoDate } from "@liangxin/domain";
import { eq, sql } from "drizzle-orm";
import {
  type Db,
  execute,
  selectAll,
  selectValue,
  syncIdSequences,
  writeTransaction,
  withPageCache,
  withTempStoreInMemory,
  BulkInsert,
  type BulkValue,
} from "@liangxin/db/driver";
import { bumpDataVersion } from "@liangxin/db/data-version";
import * as tables from "@liangxin/db/schema";
import type { CityTableName } from "@liangxin/db/tables";
import { CodeFactory } from "./codes.ts";
import { brand, personName } from "./names.ts";
import { Rng } from "./random.ts";
import { seedBasics } from "./basics.ts";
import { seedAssessment } from "./assessment.ts";
import { seedTraining } from "./training.ts";
import { seedContacts } from "./contacts.ts";

export interface SeedScaleOptions {
  hosts?: number;
  seed?: number;
  today?: IsoDate;
  onProgress?: (done: number, total: number, stage: string) => void;
}

export interface ScaleSummary {
  counts: Record<string, number>;
  townships: number;
  counties: number;
  elapsedMs: number;
}

export const scaleMessages = {
  notEmpty: "数据库中已有数据:规模数据只能载入空数据库",
  badHosts: "两新组织数必须是 1,000 到 1,000,000 之间的整数",
  stageRegions: "行政区划与管理单位",
  stageHosts: "两新组织与经营数据",
  stageOrgs: "党组织与覆盖关系",
  stageMembers: "党员、组织关系与工作单位",
  stageInstructors: "党建工作指导员与指导关系",
} as const;

const HOSTS_PER_TOWNSHIP = 700;
const TOWNSHIPS_PER_COUNTY = 15;
/** The scale city is a fixed history (it does not follow the calendar): its years of figures. */
export const SCALE_YEARS = [2023, 2024, 2025] as const;
const YEARS = SCALE_YEARS;
const SUFFIX = [
  "科技有限公司",
  "贸易有限公司",
  "制造有限公司",
  "服务有限公司",
  "建设工程有限公司",
  "物流有限公司",
];
const SOCIAL = ["协会", "商会", "促进会", "服务中心", "研究会"];

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function date(rng: Rng, from: number, to: number): IsoDate {
  const y = rng.int(from, to);
  return `${y}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
}

/**
 * The seed's page cache, in KiB (at most; SQLite takes pages as it needs them). A city's indexes on credit
 * codes, citizen ids and names take their entries in random order: with SQLite's default cache of 2 MB a
 * large city's long transactions spill changed pages to the WAL again and again (a 200,000-host city's
 * rows took 26.6 s with it, 17.0 s with this). The statements' journals stay in memory too, as the import's.
 */
const SEED_CACHE_KIB = 524_288;

export async function seedScale(db: Db, options: SeedScaleOptions = {}): Promise<ScaleSummary> {
  return withPageCache(db, SEED_CACHE_KIB, () => withTempStoreInMemory(db, () => seedScaleIn(db, options)));
}

async function seedScaleIn(db: Db, options: SeedScaleOptions): Promise<ScaleSummary> {
  const started = performance.now();
  const total = options.hosts ?? 200_000;
  if (!Number.isInteger(total) || total < 1_000 || total > 1_000_000) throw new Error(scaleMessages.badHosts);
  if (!(await cityIsEmpty(db))) throw new Error(scaleMessages.notEmpty);
  const rng = new Rng(options.seed ?? 8_200_000);
  const codes = new CodeFactory(rng);
  const progress = options.onProgress ?? (() => {});
  const steps = 5;

  const townshipCount = Math.max(10, Math.round(total / HOSTS_PER_TOWNSHIP));
  const countyCount = Math.max(3, Math.ceil(townshipCount / TOWNSHIPS_PER_COUNTY));

  // Rows of the scale city are stamped with one instant of the one clock.
  const stamp = clock.nowIso();
  // Queued rows, written in multi-row statements; the tables in the order of their references.
  const bulk = new BulkInsert(db);
  const stamped =
    (add: (...values: BulkValue[]) => Promise<void>) =>
    (...values: BulkValue[]): Promise<void> =>
      add(...values, stamp);
  const ins = {
    region: bulk.into(tables.regions, ["id", "code", "name", "level", "parentId", "path", "depth"]),
    org: stamped(
      bulk.into(tables.orgs, [
        "id",
        "code",
        "name",
        "category",
        "parentId",
        "path",
        "depth",
        "regionId",
        "formationMode",
        "foundedOn",
        "lastElectionOn",
        "createdAt",
      ]),
    ),
    reparent: stamped(
      bulk.into(tables.orgReparentings, [
        "orgId",
        "fromParentId",
        "toParentId",
        "effectiveOn",
        "docNo",
        "reason",
        "createdAt",
      ]),
    ),
    host: stamped(
      bulk.into(tables.hosts, [
        "id",
        "creditCode",
        "name",
        "kind",
        "industry",
        "regionId",
        "foundedOn",
        "closedOn",
        "ownerName",
        "ownerIsMember",
        "unionOn",
        "createdAt",
      ]),
    ),
    hostYear: bulk.into(tables.hostYears, ["hostId", "year", "employees", "revenueFen"]),
    coverage: bulk.into(tables.coverages, ["hostId", "orgId", "startOn", "endOn"]),
    member: stamped(
      bulk.into(tables.members, [
        "id",
        "idNumber",
        "name",
        "gender",
        "birthDate",
        "joinedOn",
        "fullOn",
        "orgId",
        "outsideOrgName",
        "workHostId",
        "workSince",
        "jobCategory",
        "status",
        "statusOn",
        "createdAt",
      ]),
    ),
    relationship: bulk.into(tables.memberRelationships, [
      "memberId",
      "orgId",
      "outsideOrgName",
      "startOn",
      "endOn",
    ]),
    workplace: bulk.into(tables.memberWorkplaces, ["memberId", "hostId", "startOn", "endOn"]),
    status: stamped(
      bulk.into(tables.memberStatusEvents, ["memberId", "status", "effectiveOn", "reason", "createdAt"]),
    ),
    secretary: bulk.into(tables.secretaries, ["orgId", "memberId", "startOn"]),
    instructor: stamped(
      bulk.into(tables.instructors, [
        "id",
        "number",
        "name",
        "kind",
        "dispatchOrgId",
        "registeredById",
        "createdAt",
      ]),
    ),
    assignment: bulk.into(tables.assignments, ["instructorId", "hostId", "startOn", "endOn"]),
  };
  const policyExists = await selectValue<number>(db, sql`select count(*) from policies`);

  const counts: Partial<Record<CityTableName, number>> = {};
  const bump = (k: CityTableName, n = 1) => (counts[k] = (counts[k] ?? 0) + n);
  let orgId = 0;
  let memberId = 0;
  let hostId = 0;

  interface Org {
    id: number;
    path: string;
    depth: number;
    foundedOn: IsoDate;
  }
  const addOrg = async (
    parent: Org | null,
    code: string,
    name: string,
    category: string,
    regionId: number | null,
    mode: string | null,
    foundedOn: IsoDate,
  ): Promise<Org> => {
    const id = ++orgId;
    const path = `${parent ? parent.path : "/"}${id}/`;
    const depth = parent ? parent.depth + 1 : 0;
    const election = mode ? date(rng, 2021, 2025) : null;
    await ins.org(
      id,
      code,
      name,
      category,
      parent?.id ?? null,
      path,
      depth,
      regionId,
      mode,
      foundedOn,
      election,
    );
    bump("orgs");
    return { id, path, depth, foundedOn };
  };

  /** A member working in `host` (or nowhere), held by `holder` (or outside the tree). */
  const addMember = async (
    holder: Org | null,
    host: { id: number; foundedOn: IsoDate } | null,
    regionCode: string,
  ): Promise<{ id: number; joined: IsoDate }> => {
    const id = ++memberId;
    const gender = rng.chance(0.62) ? ("male" as const) : ("female" as const);
    const birth = date(rng, 1962, 2001);
    const joined = date(rng, Math.max(Number(birth.slice(0, 4)) + 19, 1990), 2025);
    const probationary = joined >= "2025-01-01" && rng.chance(0.5);
    const full = probationary ? null : addDaysIso(joined, 365);
    const outside = holder ? null : "外省某某党支部";
    const since = host ? maxIso(host.foundedOn, joined) : null;
    // Held outside until the holding organization existed: a transfer into the tree.
    const relStart = holder ? maxIso(joined, holder.foundedOn) : joined;
    const leaves = rng.chance(0.01);
    const leaving = leaves ? rng.pick(["transferredOut", "deceased", "expelled"] as const) : "normal";
    // Only a member held in the city's tree can be transferred out of it (one held outside already is).
    const status = leaving === "transferredOut" && !holder ? "deceased" : leaving;
    const statusOn = leaves ? maxIso(date(rng, 2024, 2025), addDaysIso(relStart, 30)) : null;
    await ins.member(
      id,
      codes.citizenId(regionCode, birth, gender),
      personName(rng, gender),
      gender,
      birth,
      joined,
      full,
      status === "transferredOut" ? null : (holder?.id ?? null),
      status === "transferredOut" ? "外市某某党支部" : outside,
      host?.id ?? null,
      since,
      rng.pick(["manager", "professional", "frontline", "frontline", "other"] as const),
      status,
      statusOn,
    );
    if (relStart > joined) {
      await ins.relationship(id, null, "外省某某党支部", joined, relStart);
      bump("member_relationships");
    }
    await ins.relationship(
      id,
      holder?.id ?? null,
      outside,
      relStart,
      status === "transferredOut" ? statusOn : null,
    );
    bump("member_relationships");
    if (status === "transferredOut") {
      await ins.relationship(id, null, "外市某某党支部", statusOn, null);
      bump("member_relationships");
    }
    if (host && since) {
      await ins.workplace(id, host.id, since, null);
      bump("member_workplaces");
    }
    if (statusOn) {
      await ins.status(id, status, statusOn, "规模数据");
      bump("member_status_events");
    }
    bump("members");
    return { id, joined };
  };

  await writeTransaction(db, async () => {
    // The report's kept host parts: recounted for the whole city once, at this transaction's commit.
    await markAllFactsChanged(db);
    if (policyExists === 0) {
      await execute(
        db,
        sql`insert into policies (effective_on, params, note, created_at)
            values (${"2020-01-01"}, ${JSON.stringify(DEFAULT_POLICY)}, ${"默认参数"}, ${stamp})`,
      );
    }
    progress(0, steps, scaleMessages.stageRegions);
    let regionId = 0;
    const cityRegion = ++regionId;
    await ins.region(cityRegion, "369900", "清源市", "city", null, `/${cityRegion}/`, 0);
    const city = await addOrg(
      null,
      "G369900",
      "中共清源市委两新组织工作委员会",
      "cityCommittee",
      cityRegion,
      null,
      "2005-01-01",
    );

    interface Township {
      regionId: number;
      code: string;
      name: string;
      node: Org;
      community: Org;
      joints: Org[];
      countyNode: Org;
    }
    const townships: Township[] = [];
    const countyNodes: Org[] = [];
    for (let c = 0; c < countyCount; c++) {
      const code = `3699${pad(c + 1, 2)}`;
      const rid = ++regionId;
      const cname = `第${c + 1}区`;
      await ins.region(rid, code, cname, "county", cityRegion, `/${cityRegion}/${rid}/`, 1);
      const cnode = await addOrg(
        city,
        `G${code}`,
        `中共清源市${cname}委两新组织工作委员会`,
        "countyCommittee",
        rid,
        null,
        "2006-01-01",
      );
      countyNodes.push(cnode);
      await addOrg(
        cnode,
        `H${code}`,
        `中共清源市${cname}物流行业委员会`,
        "industryCommittee",
        null,
        null,
        "2012-01-01",
      );
      const inCounty = Math.min(TOWNSHIPS_PER_COUNTY, townshipCount - c * TOWNSHIPS_PER_COUNTY);
      for (let t = 0; t < inCounty; t++) {
        const tcode = `${code}${pad(t + 1, 3)}`;
        const trid = ++regionId;
        const tname = `${cname}第${t + 1}街道`;
        await ins.region(trid, tcode, tname, "township", rid, `/${cityRegion}/${rid}/${trid}/`, 2);
        const node = await addOrg(
          cnode,
          `G${tcode}`,
          `中共${tname}工作委员会`,
          "townshipCommittee",
          trid,
          null,
          "2008-01-01",
        );
        const community = await addOrg(
          node,
          `D${tcode}C`,
          `中共${tname}社区联合委员会`,
          "branch",
          null,
          "affiliated",
          "2010-01-01",
        );
        townships.push({
          regionId: trid,
          code: tcode,
          name: tname,
          node,
          community,
          joints: [],
          countyNode: cnode,
        });
      }
    }
    counts.regions = regionId;
    progress(1, steps, scaleMessages.stageHosts);

    // Hosts, spread evenly over townships; coverage planned per host.
    const perTownship = Math.ceil(total / townships.length);
    let seq = 0;
    progress(2, steps, scaleMessages.stageOrgs);
    for (const t of townships) {
      const n = Math.min(perTownship, total - hostId);
      if (n <= 0) break;
      for (let i = 0; i < n; i++) {
        const id = ++hostId;
        const social = rng.chance(0.25);
        const foundedOn = date(rng, 2000, 2025);
        const closedOn = rng.chance(0.03) ? maxIso(addDaysIso(foundedOn, 200), date(rng, 2023, 2025)) : null;
        const sizeRoll = rng.next();
        const employees =
          sizeRoll < 0.05 ? rng.int(100, 1200) : sizeRoll < 0.2 ? rng.int(40, 99) : rng.int(3, 39);
        await ins.host(
          id,
          codes.creditCode(
            social ? "association" : "enterprise",
            t.code.slice(0, 6),
            foundedOn >= "2016-01-01",
          ),
          social
            ? `清源市${brand(rng)}${rng.pick(SOCIAL)}${++seq}`
            : `清源${brand(rng)}${rng.pick(SUFFIX)}${++seq}`,
          social ? "socialOrg" : "enterprise",
          rng.pick(["C", "F", "G", "I", "L", "M", "E"]),
          t.regionId,
          foundedOn,
          closedOn,
          personName(rng, "male"),
          rng.chance(0.1) ? 1 : 0,
          rng.chance(0.3) ? date(rng, 2010, 2025) : null,
        );
        for (const y of YEARS) {
          const e = Math.max(0, employees + rng.int(-5, 5));
          // 万元 with two decimals, held in 分 (1 万元 = 1,000,000 分).
          await ins.hostYear(id, y, e, Math.round(e * rng.float(2, 12) * 100) * 10_000);
          bump("host_years");
        }
        bump("hosts");
        const host = { id, foundedOn };
        const cover = async (org: Org, startOn: IsoDate, endOn: IsoDate | null) => {
          await ins.coverage(id, org.id, startOn, endOn);
          bump("coverages");
        };
        const coverStart = maxIso(foundedOn, date(rng, 2012, 2025));
        const roll = rng.next();
        if (roll < 0.12) {
          // 单独建: the host's own organization, sometimes a committee with two branches.
          const committee = employees >= 100 && rng.chance(0.3);
          const org = await addOrg(
            t.node,
            `D${t.code}${pad(id, 7)}`,
            `中共${"清源"}企业${id}${committee ? "委员会" : "支部委员会"}`,
            committee ? "committee" : "branch",
            null,
            "standalone",
            coverStart,
          );
          const holders = [org];
          if (committee) {
            for (let b = 1; b <= 2; b++)
              holders.push(
                await addOrg(
                  org,
                  `D${t.code}${pad(id, 7)}-${b}`,
                  `第${b}支部委员会`,
                  "branch",
                  null,
                  null,
                  coverStart,
                ),
              );
          }
          // A few moved from the township's joint branch to their own one in 2024–2025.
          if (coverStart >= "2024-01-01" && t.joints.length > 0 && rng.chance(0.3)) {
            const earlier = maxIso(foundedOn, "2023-01-01");
            if (earlier < coverStart) await cover(t.joints[0]!, earlier, coverStart);
          }
          await cover(org, coverStart, null);
          let first: { id: number; joined: IsoDate } | undefined;
          for (let k = rng.int(5, 12); k > 0; k--) {
            const m = await addMember(rng.chance(0.96) ? rng.pick(holders) : null, host, t.code.slice(0, 6));
            first ??= m;
          }
          if (first) {
            // A term starts once both the organization and the secretary's membership exist (an import
            // refuses an earlier one: the city's export must import back).
            await ins.secretary(org.id, first.id, maxIso(coverStart, first.joined));
            bump("secretaries");
          }
        } else if (roll < 0.22) {
          // 联合建: a joint branch of the township covering about five hosts.
          let joint = t.joints[t.joints.length - 1];
          if (!joint || rng.chance(0.2)) {
            joint = await addOrg(
              t.node,
              `D${t.code}J${pad(t.joints.length + 1, 4)}`,
              `中共${t.name}非公企业第${t.joints.length + 1}联合支部委员会`,
              "jointBranch",
              null,
              "joint",
              "2012-01-01",
            );
            t.joints.push(joint);
          }
          await cover(joint, coverStart, null);
          for (let k = rng.int(2, 4); k > 0; k--) await addMember(joint, host, t.code.slice(0, 6));
        } else if (roll < 0.32) {
          // 挂靠建: attached to the township's community organization.
          await cover(t.community, coverStart, null);
          for (let k = rng.int(1, 3); k > 0; k--) await addMember(t.community, host, t.code.slice(0, 6));
        } else if (roll < 0.55) {
          // Not covered, yet with members: some should establish (≥ 3 full members).
          for (let k = rng.chance(0.3) ? rng.int(3, 4) : rng.int(1, 2); k > 0; k--)
            await addMember(rng.chance(0.8) ? t.community : null, host, t.code.slice(0, 6));
        }
      }
    }
    // Re-parenting history: one organization per county moved between townships on 2025-07-01.
    await bulk.flush();
    for (const cnode of countyNodes) {
      const inCounty = townships.filter((t) => t.countyNode === cnode);
      const from = inCounty[0];
      const to = inCounty[1];
      const moved = from?.joints[1];
      if (!from || !to || !moved) continue;
      const path = `${to.node.path}${moved.id}/`;
      await db
        .update(tables.orgs)
        .set({ parentId: to.node.id, path, depth: to.node.depth + 1 })
        .where(eq(tables.orgs.id, moved.id));
      await ins.reparent(
        moved.id,
        from.node.id,
        to.node.id,
        "2025-07-01",
        `清两新〔2025〕${moved.id}号`,
        "区划调整",
      );
      bump("org_reparentings");
    }
    progress(3, steps, scaleMessages.stageMembers);

    // Instructors: one per five hosts, dispatched by the township, assigned to uncovered hosts.
    progress(4, steps, scaleMessages.stageInstructors);
    await bulk.flush();
    const uncovered = await selectAll<{ id: number; regionId: number; foundedOn: string }>(
      db,
      sql`select h.id, h.region_id as regionId, h.founded_on as foundedOn from hosts h
          where not exists (select 1 from coverages c where c.host_id = h.id) order by h.region_id, h.id`,
    );
    const nodeByRegion = new Map(townships.map((t) => [t.regionId, t]));
    const instructorTotal = Math.round(total / 5);
    let instructorId = 0;
    for (let i = 0; i < uncovered.length && instructorId < instructorTotal;) {
      const t = nodeByRegion.get(uncovered[i]!.regionId)!;
      const id = ++instructorId;
      await ins.instructor(
        id,
        `ZD${pad(id, 7)}`,
        personName(rng, rng.chance(0.5) ? "male" : "female"),
        rng.pick(["fullTime", "partTime", "seconded"] as const),
        t.node.id,
        t.countyNode.id,
      );
      bump("instructors");
      for (let k = rng.int(1, 2); k > 0 && i < uncovered.length; k--, i++) {
        const h = uncovered[i]!;
        const start = maxIso(h.foundedOn, date(rng, 2022, 2025));
        await ins.assignment(id, h.id, start, rng.chance(0.05) ? addDaysIso(start, 300) : null);
        bump("assignments");
      }
    }
    await bulk.flush();
    progress(5, steps, scaleMessages.stageInstructors);
  });
  // The five basics, as the demo's (a stream of their own: the city above stays as it was).
  await seedBasics(db, { seed: options.seed ?? 8_200_000, today: options.today ?? clock.today() });
  await seedAssessment(db, { seed: options.seed ?? 8_200_000, today: options.today ?? clock.today() });
  await seedTraining(db, { seed: options.seed ?? 8_200_000, today: options.today ?? clock.today() });
  await seedContacts(db, { seed: options.seed ?? 8_200_000, today: options.today ?? clock.today() });
  // Rows were written with their ids: PostgreSQL's identity sequences follow them (nothing on SQLite).
  // The steps above wrote records without an audit row each: figures kept by a running portal move on.
  await writeTransaction(db, () => bumpDataVersion(db));
  await syncIdSequences(db);
  return {
    counts,
    townships: townshipCount,
    counties: countyCount,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** Whether the database holds neither host units nor organizations (a city may be seeded into it). */
export async function cityIsEmpty(db: Db): Promise<boolean> {
  return (
    (await selectValue<number>(
      db,
      sql`select (select count(*) from hosts) + (select count(*) from orgs)`,
    )) === 0
  );
}

function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

function addDaysIso(d: IsoDate, days: number): IsoDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
