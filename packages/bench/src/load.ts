/**
 * npm run load: 50 simulated users (six demo roles) mixing page views, searches and edits against the built
 * portal for 60 seconds. The script seeds a fresh demo city into a temporary file, serves it with
 * `next start` on 127.0.0.1 (building the portal first if there is no build), signs everyone in, runs the
 * mix, stops the portal and opens the database to find every acknowledged edit. It talks to 127.0.0.1
 * only. Exit code 1 on any 5xx, any acknowledged edit missing, or a failed sign-in.
 *
 * With LOAD_ENGINE=postgres (`npm run test:pg`) the demo is seeded into a PostgreSQL 15 server of its own
 * and LOAD_INSTANCES portal instances (2 by default) share it, the users split across them as a load
 * balancer would.
 *
 * Options (environment): LOAD_USERS (50), LOAD_SECONDS (60), LOAD_ENGINE (sqlite | postgres),
 * LOAD_INSTANCES (1 on SQLite, 2 on PostgreSQL), LOAD_PORT (the first instance's port; else free ports),
 * LOAD_KEEP=1 keeps the temporary folder (the SQLite file, the storage), LOAD_VERBOSE=1 shows the portals' logs.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import {
  closeDb,
  integrityCheck,
  isPg,
  openDb,
  openPgDb,
  selectAll,
  selectColumn,
  selectOne,
  type Db,
} from "@liangxin/db/driver";
import { loadScope, scopeSql } from "@liangxin/db/scope";
import { Recorder, Session, trpcData, type Kind } from "./load/client.ts";
import {
  choosePort,
  ensureBuilt,
  seedDemoDatabase,
  startPortal,
  type LoadDatabase,
  type Portal,
} from "./load/portal.ts";

const PASSWORD = "Demo@2026";
const USERS = Number(process.env.LOAD_USERS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const YEAR = 2026;
const ENGINE = process.env.LOAD_ENGINE === "postgres" ? "postgres" : "sqlite";
const INSTANCES = Number(process.env.LOAD_INSTANCES ?? (ENGINE === "postgres" ? 2 : 1));

type Role = "admin" | "secretary" | "owner";

/** Who the 50 users are: shares of the six demo accounts (each user has its own session). */
const ACCOUNTS: { username: string; role: Role; share: number; edits: boolean }[] = [
  { username: "city", role: "admin", share: 8, edits: true },
  { username: "county", role: "admin", share: 10, edits: true },
  { username: "township", role: "admin", share: 12, edits: true },
  { username: "industry", role: "admin", share: 6, edits: false },
  { username: "branch", role: "secretary", share: 8, edits: false },
  { username: "owner", role: "owner", share: 6, edits: false },
];

const PAGES: Record<Role, string[]> = {
  admin: [
    "/",
    "/hosts",
    "/orgs",
    "/members",
    "/instructors",
    "/inbox",
    "/work/plans",
    "/audit",
    `/reports/${YEAR}`,
  ],
  secretary: ["/", "/hosts", "/orgs", "/members", "/inbox", "/work/meetings"],
  owner: ["/", "/account"],
};
const SEARCH_TERMS = ["科技", "有限公司", "清源", "服务", "商贸", "协会", "王", "李", "张", "支部", "9136"];
const SEARCHES = ["hosts.list", "members.list", "orgs.list"] as const;
/** Hosts each editing account works on: a few dozen, so that two users sometimes edit the same one. */
const POOL = 30;

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface AckedEdit {
  hostId: number;
  version: number;
  address: string;
  contactPhone: string;
}

interface EditCounts {
  tried: number;
  acknowledged: number;
  conflicts: number;
  otherRefused: number;
  noAnswer: number;
}

/** The load's database, opened by this script (to choose hosts, and to check the edits afterwards). */
const openLoadDb = (d: LoadDatabase): Db => (d.engine === "postgres" ? openPgDb(d.url, 2) : openDb(d.url));

/** Hosts of each editing account's territory (every k-th, so that the pools overlap up the chain). */
async function hostPools(database: LoadDatabase): Promise<Map<string, number[]>> {
  const db = openLoadDb(database);
  try {
    const pools = new Map<string, number[]>();
    for (const a of ACCOUNTS.filter((x) => x.edits)) {
      // The hosts the account may edit (its territory), as the scope module says.
      const userId = (
        await selectOne<{ id: number }>(db, sql`select id from users where username = ${a.username}`)
      )?.id as number;
      const scope = await loadScope(db, userId);
      const ids = scope
        ? await selectColumn<number>(
            db,
            sql`select h.id from hosts h where ${scopeSql(scope, "").sets.hosts.editable("h")} order by h.id`,
          )
        : [];
      const step = Math.max(1, Math.floor(ids.length / POOL));
      pools.set(a.username, ids.filter((_, i) => i % step === 0).slice(0, POOL));
    }
    return pools;
  } finally {
    closeDb(db);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<number> {
  const t0 = performance.now();
  ensureBuilt();
  const built = performance.now();
  const database = await seedDemoDatabase(ENGINE);
  try {
    return await underLoad(database, built, t0);
  } finally {
    database.stop();
    if (process.env.LOAD_KEEP === "1") console.log(`kept: ${database.dir}`);
    else rmSync(database.dir, { recursive: true, force: true });
  }
}

async function underLoad(database: LoadDatabase, built: number, t0: number): Promise<number> {
  const authSecret = randomBytes(32).toString("base64url");
  const portals: Portal[] = [];
  try {
    for (let i = 0; i < INSTANCES; i++)
      portals.push(await startPortal(database, await choosePort(i), authSecret));
  } catch (e) {
    await Promise.all(portals.map((p) => p.stop()));
    throw e;
  }
  console.log(
    `门户 ${portals.map((p) => p.baseURL).join("、")},数据库 ${ENGINE === "postgres" ? "PostgreSQL 15" : database.url}(演示城市,${((performance.now() - built) / 1000).toFixed(1)} 秒准备)`,
  );

  const pools = await hostPools(database);
  const recorder = new Recorder();
  const stopper = new AbortController();
  const acked: AckedEdit[] = [];
  const edits: EditCounts = { tried: 0, acknowledged: 0, conflicts: 0, otherRefused: 0, noAnswer: 0 };
  const refusedBodies: string[] = [];
  let signInFailures = 0;

  // Every user signs in first (the sign-ins are recorded, outside the 60-second window's mix).
  const roster = ACCOUNTS.flatMap((a) => {
    const n = Math.round((a.share / 50) * USERS);
    return Array.from({ length: n }, (_, i) => ({ ...a, index: i }));
  });
  // The accounts sign in at once, the sessions of one account one after the other: the sign-in throttle
  // counts a try of a username and address while it runs, and refuses a sixth at once (parallel guessing).
  const signIn = async (u: (typeof roster)[number], i: number) => {
    // Users split across the instances, as a load balancer spreads them.
    const s = new Session(portals[i % portals.length]!.baseURL, recorder, stopper.signal);
    if (!(await s.signIn(u.username, PASSWORD))) {
      signInFailures++;
      if (signInFailures <= 3) console.log(`  sign-in failed: ${s.signInFailure}`);
    }
    return { ...u, session: s };
  };
  const sessions = (
    await Promise.all(
      ACCOUNTS.map(async (a) => {
        const out = [];
        for (const [i, u] of roster.entries()) if (u.username === a.username) out.push(await signIn(u, i));
        return out;
      }),
    )
  ).flat();

  const windowStart = performance.now();
  const deadline = windowStart + SECONDS * 1000;
  let editSerial = 0;

  const edit = async (s: Session, username: string) => {
    const hostId = pick(pools.get(username) ?? []);
    // Open the record (its current version), then save the change with that version.
    const got = await s.query("read", "hosts.get", { id: hostId });
    if (got.status !== 200) return;
    const host = trpcData<{ version: number }>(got);
    const n = ++editSerial;
    const address = `压测路${n}号(${username})`;
    const contactPhone = `0791-8${String(n).padStart(6, "0")}`;
    edits.tried++;
    const res = await s.mutation("edit", "records.host.update", {
      id: hostId,
      version: host.version,
      address,
      contactPhone,
    });
    if (res.status >= 200 && res.status < 300) {
      edits.acknowledged++;
      acked.push({ hostId, version: trpcData<{ version: number }>(res).version, address, contactPhone });
    } else if (res.status === 409) edits.conflicts++;
    else if (res.status === 0) edits.noAnswer++;
    else {
      edits.otherRefused++;
      if (refusedBodies.length < 5) refusedBodies.push(`${res.status} ${res.body.slice(0, 300)}`);
    }
  };

  const search = (s: Session) =>
    s.query("search", pick(SEARCHES), { q: pick(SEARCH_TERMS), page: 1, pageSize: 20 });

  const user = async (u: (typeof sessions)[number]) => {
    // Users do not all start in the same millisecond.
    await sleep(Math.random() * 1000);
    while (performance.now() < deadline) {
      const r = Math.random();
      if (u.role === "owner") {
        await u.session.page(pick(PAGES.owner));
      } else if (u.edits && r < 0.25) {
        await edit(u.session, u.username);
      } else if (r < 0.6) {
        await u.session.page(pick(PAGES[u.role]));
      } else {
        await search(u.session);
      }
      // A short pause between a user's actions (reading the page, typing).
      await sleep(100 + Math.random() * 400);
    }
  };
  const hardStop = setTimeout(() => stopper.abort(), (SECONDS + 20) * 1000);
  await Promise.all(sessions.map(user));
  clearTimeout(hardStop);
  const windowMs = performance.now() - windowStart;

  await Promise.all(portals.map((p) => p.stop()));

  // Every acknowledged edit is in the database: its audit row names exactly that change, and the host's
  // current row is the last acknowledged edit of it (no other writer touched these hosts).
  const db = openLoadDb(database);
  let found = 0;
  const missing: string[] = [];
  try {
    // The audit's documents read as text and parsed here: the same on both engines.
    const auditOf = async (hostId: number, version: number) => {
      const rows = await selectAll<{ after: string }>(
        db,
        sql`select after from audit_log where action = 'host.update' and entity_id = ${String(hostId)}`,
      );
      return rows
        .map((r) => JSON.parse(r.after) as { address: string; contactPhone: string; version: number })
        .find((a) => a.version === version);
    };
    const hostRow = (hostId: number) =>
      selectOne<{ version: number; address: string; contactPhone: string }>(
        db,
        sql`select version, address, contact_phone as contactPhone from hosts where id = ${hostId}`,
      );
    const latest = new Map<number, AckedEdit>();
    for (const e of acked) {
      const a = await auditOf(e.hostId, e.version);
      if (a && a.address === e.address && a.contactPhone === e.contactPhone) found++;
      else missing.push(`host ${e.hostId} v${e.version} ${e.address}`);
      const l = latest.get(e.hostId);
      if (!l || l.version < e.version) latest.set(e.hostId, e);
    }
    for (const e of latest.values()) {
      // The host exists: the edits were acknowledged for it.
      const h = (await hostRow(e.hostId))!;
      // An edit whose answer never came may have committed after the last acknowledged one.
      const later = h.version > e.version && edits.noAnswer > 0;
      if (!later && (h.version !== e.version || h.address !== e.address || h.contactPhone !== e.contactPhone))
        missing.push(
          `host ${e.hostId}: row v${h.version} ${h.address}, last acknowledged v${e.version} ${e.address}`,
        );
    }
    if (!isPg(db)) {
      const integrity = integrityCheck(db);
      if (integrity !== "ok") missing.push(`integrity_check: ${integrity}`);
    }
  } finally {
    closeDb(db);
  }

  // Report.
  const samples = recorder.samples;
  const byStatus = new Map<string, number>();
  for (const s of samples) {
    if (s.status >= 200 && s.status < 400) continue;
    const key = s.status === 0 ? "no answer" : String(s.status);
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  const fivexx = samples.filter((s) => s.status >= 500).length;
  const inWindow = samples.filter((s) => s.kind !== "login");
  const kinds: Kind[] = ["login", "page", "search", "read", "edit"];
  const table = kinds.map((kind) => {
    const ms = samples
      .filter((s) => s.kind === kind)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    return {
      kind,
      requests: ms.length,
      p50_ms: Math.round(percentile(ms, 50)),
      p95_ms: Math.round(percentile(ms, 95)),
      max_ms: Math.round(ms.at(-1) ?? 0),
    };
  });
  const pageTable = [...new Set(samples.filter((s) => s.kind === "page").map((s) => s.path ?? ""))]
    .map((p) => {
      const ms = samples
        .filter((s) => s.kind === "page" && s.path === p)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      return {
        page: p,
        views: ms.length,
        p50_ms: Math.round(percentile(ms, 50)),
        p95_ms: Math.round(percentile(ms, 95)),
      };
    })
    .sort((a, b) => b.p50_ms - a.p50_ms);
  const all = inWindow.map((s) => s.ms).sort((a, b) => a - b);
  console.log(
    `\n${sessions.length} 个并发用户,${portals.length} 个门户实例(${ACCOUNTS.map((a) => `${a.username}×${roster.filter((u) => u.username === a.username).length}`).join(", ")}),混合操作 ${(windowMs / 1000).toFixed(1)} 秒`,
  );
  console.table(table);
  console.table(pageTable);
  console.log(
    `requests served: ${samples.length} (${inWindow.length} in the mix, ${(inWindow.length / (windowMs / 1000)).toFixed(1)}/s), p50 ${Math.round(percentile(all, 50))} ms, p95 ${Math.round(percentile(all, 95))} ms`,
  );
  console.log(
    `errors by status: ${byStatus.size === 0 ? "none" : [...byStatus].map(([k, v]) => `${k}: ${v}`).join(", ")}; 5xx: ${fivexx}`,
  );
  console.log(
    `edits: ${edits.tried} sent, ${edits.acknowledged} acknowledged, ${found} found in the database, ${edits.conflicts} version conflicts (409), ${edits.otherRefused} other refusals, ${edits.noAnswer} without answer`,
  );
  if (signInFailures > 0) console.log(`sign-in failures: ${signInFailures}`);
  for (const b of refusedBodies) console.log(`  refused: ${b}`);
  for (const m of missing.slice(0, 20)) console.log(`  MISSING: ${m}`);
  console.log(
    `total ${((performance.now() - t0) / 1000).toFixed(1)} s; machine: ${availableParallelism()} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" / ")} (1 / 5 / 15 min)`,
  );

  const ok = fivexx === 0 && missing.length === 0 && found === edits.acknowledged && signInFailures === 0;
  console.log(ok ? "OK" : "FAILED");
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
