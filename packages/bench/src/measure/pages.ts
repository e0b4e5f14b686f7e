/**
 * 2. A township administrator's dashboard and hosts list page on the built portal (served as `npm start`
 * serves it: apps/portal/server.mjs, one process per core): the CPU time a page costs the portal's
 * processes, and the pages under an open-loop load;
 * 3. the same pages of a township of the same size in a small city, to see that a scoped page costs what
 * its scope holds, not what the city holds;
 * and the same load on PostgreSQL (the city copied with `copy --to`) served by two instances, as a
 * deployment with a load balancer would.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import {
  BENCH_PASSWORD,
  ensureTownshipAdmin,
  pickTownship,
  withCityOnPostgres,
  type Township,
} from "../lib/dbs.ts";
import { freePort, login, startPortal, type Portal } from "../lib/server.ts";
import { fmtInt, fmtMs, log, median, percentile } from "../lib/util.ts";

export interface PageSpec {
  key: "dashboard" | "hosts";
  label: string;
  path: string;
  /** Text only the real page holds (the login page and error pages do not). */
  marker: string;
}

export const PAGES: PageSpec[] = [
  { key: "dashboard", label: "工作台 (dashboard) /", path: "/", marker: 'data-testid="dashboard-rows"' },
  { key: "hosts", label: "两新组织 list /hosts", path: "/hosts", marker: 'data-testid="hosts-table"' },
];

export interface LoadResult {
  /** The 1-minute load average of the machine when the load began (latency is judged below 1 only). */
  loadAverage: number;
  /** CPU time of the portal's processes during the load ÷ requests answered (ms). */
  cpuPerRequestMs: number;
  requests: number;
  /** Requests answered per second over the run. */
  achievedRate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 2xx answers whose body was not the real page. */
  mismatches: number;
  /** What went wrong with the real page after the load, if anything. */
  afterLoad?: string;
}

export interface PageResult {
  page: PageSpec;
  /** Sequential requests, one at a time after a warm-up: the median time of one page. */
  sequentialMs: number[];
  sequentialMedian: number;
  /** CPU time of the portal's processes over the one-at-a-time requests ÷ their number (ms). */
  cpuPerRequestMs: number;
  /**
   * The same one at a time on a portal that keeps no page (LIANGXIN_PAGE_CACHE=0): what rendering the page
   * costs, which is what the first request after any write pays (measured on the large SQLite city only).
   */
  rendered?: { sequentialMedian: number; cpuPerRequestMs: number; requests: number };
  bytes: number;
  load: LoadResult | null;
}

export interface CityPages {
  engine: "sqlite" | "postgres";
  /** Portal instances (each server.mjs) and the processes of each. */
  instances: number;
  processes: number;
  dbHosts: number;
  township: Township;
  username: string;
  pages: PageResult[];
}

export interface PagesOptions {
  rate: number;
  duration: number;
  connections: number;
  sequential: number;
  warmup: number;
  /** Processes of each portal instance (LIANGXIN_PORTAL_PROCESSES); the machine's cores by default. */
  processes: number;
}

/** The portal instances serving one database, and the CPU time of all their processes. */
interface Deployment {
  portals: Portal[];
  cpuMs(): number;
  stop(): Promise<void>;
}

async function deploy(
  database: string,
  instances: number,
  processes: number,
  pageCache = true,
): Promise<Deployment> {
  const authSecret = randomBytes(32).toString("base64url");
  const storageDir = mkdtempSync(path.join(os.tmpdir(), "liangxin-bench-storage-"));
  const portals: Portal[] = [];
  try {
    for (let i = 0; i < instances; i++)
      portals.push(
        await startPortal(database, await freePort(), { processes, authSecret, storageDir, pageCache }),
      );
  } catch (e) {
    await Promise.all(portals.map((p) => p.stop()));
    throw e;
  }
  return {
    portals,
    cpuMs: () => portals.reduce((sum, p) => sum + p.cpuMs(), 0),
    stop: async () => {
      await Promise.all(portals.map((p) => p.stop()));
    },
  };
}

/** One request; throws unless it is the real page (200, not a redirect to /login, the page's marker). */
async function fetchPage(
  portal: Portal,
  cookie: string,
  page: PageSpec,
  timeoutMs = 120_000,
): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(`${portal.url}${page.path}`, {
    headers: { cookie },
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) {
    throw new Error(
      `${page.path} answered ${res.status} ${res.headers.get("location") ?? ""} (expected 200)`,
    );
  }
  if (!body.includes(page.marker)) throw new Error(`${page.path} is not the real page (no ${page.marker})`);
  return { ms, bytes: Buffer.byteLength(body) };
}

/** The open loop against every instance at once, the rate and connections split between them. */
async function load(d: Deployment, cookie: string, page: PageSpec, o: PagesOptions): Promise<LoadResult> {
  const loadAverage = os.loadavg()[0]!;
  const times: number[] = [];
  const cpu0 = d.cpuMs();
  const n = d.portals.length;
  const parts = await Promise.all(
    d.portals.map((portal, i) =>
      loadOne(portal, cookie, page, o, times, {
        rate: o.rate / n,
        connections: Math.max(1, Math.round(o.connections / n)),
        progress: i === 0,
      }),
    ),
  );
  const cpu = d.cpuMs() - cpu0;
  const sum = (k: "errors" | "timeouts" | "non2xx" | "mismatches") => parts.reduce((a, p) => a + p[k], 0);
  return {
    loadAverage,
    cpuPerRequestMs: times.length ? cpu / times.length : NaN,
    requests: times.length,
    achievedRate: times.length / o.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.length ? Math.max(...times) : NaN,
    errors: sum("errors"),
    timeouts: sum("timeouts"),
    non2xx: sum("non2xx"),
    mismatches: sum("mismatches"),
  };
}

function loadOne(
  portal: Portal,
  cookie: string,
  page: PageSpec,
  o: PagesOptions,
  times: number[],
  share: { rate: number; connections: number; progress: boolean },
): Promise<{ errors: number; timeouts: number; non2xx: number; mismatches: number }> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${portal.url}${page.path}`,
        headers: { cookie },
        overallRate: share.rate,
        connections: share.connections,
        duration: o.duration,
        // autocannon corrects for coordinated omission with an expected interval of ceil(1/rate) = 1 ms
        // per connection, which adds synthetic samples to every answer slower than 1 ms: the percentiles
        // below are computed from the real response times instead.
        ignoreCoordinatedOmission: true,
        verifyBody: (body: unknown) => typeof body === "string" && body.includes(page.marker),
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
    if (!share.progress) return;
    let tick = 0;
    const timer = setInterval(() => {
      tick += 5;
      if (tick < o.duration) log(`  … ${tick}/${o.duration} s, ${fmtInt(times.length)} answers`);
    }, 5000);
    instance.on("done", () => clearInterval(timer));
  });
}

/**
 * After a warm-up (every process of every instance has served the page), at most o.sequential requests one
 * at a time, and no more than a minute of them (at least 5) when pages are slow: their times and the CPU
 * time of the portal's processes per request.
 */
async function oneAtATime(
  d: Deployment,
  cookie: string,
  page: PageSpec,
  o: PagesOptions,
  instances: number,
  note = "",
): Promise<{ bytes: number; sequentialMs: number[]; sequentialMedian: number; cpuPerRequestMs: number }> {
  let bytes = 0;
  const warmup = Math.max(o.warmup, 2 * o.processes * instances);
  for (let i = 0; i < warmup; i++)
    bytes = (await fetchPage(d.portals[i % d.portals.length]!, cookie, page)).bytes;
  const sequentialMs: number[] = [];
  const until = performance.now() + 60_000;
  const cpu0 = d.cpuMs();
  for (let i = 0; i < o.sequential && (i < 5 || performance.now() < until); i++)
    sequentialMs.push((await fetchPage(d.portals[i % d.portals.length]!, cookie, page)).ms);
  const cpuPerRequestMs = (d.cpuMs() - cpu0) / sequentialMs.length;
  const sequentialMedian = median(sequentialMs);
  log(
    `  ${page.path}: 200 with the real page (${Math.round(bytes / 1024)} KB); one at a time${note ? ` (${note})` : ""}: median ${fmtMs(sequentialMedian)} of ${sequentialMs.length}, ${fmtMs(cpuPerRequestMs)} of CPU each`,
  );
  return { bytes, sequentialMs, sequentialMedian, cpuPerRequestMs };
}

async function measureCity(
  database: { url: string; engine: "sqlite" | "postgres"; instances: number },
  dbHosts: number,
  township: Township,
  username: string,
  o: PagesOptions,
  withLoad: boolean,
): Promise<CityPages> {
  const pages: PageResult[] = [];
  const where = `${database.instances > 1 ? `${database.instances} instances` : "the built portal"} (${o.processes} process${o.processes > 1 ? "es" : ""} each) on ${database.engine === "postgres" ? "PostgreSQL" : "SQLite"}`;
  // A freshly started portal per page: what one page's load leaves queued never slows the next page.
  for (const page of PAGES) {
    log(`starting ${where} with the ${fmtInt(dbHosts)}-host city …`);
    const d = await deploy(database.url, database.instances, o.processes);
    try {
      const cookie = await login(d.portals[0]!.url, username, BENCH_PASSWORD);
      log(`signed in as ${username} (乡镇管理员 of ${township.name}, ${fmtInt(township.hosts)} hosts)`);
      const { bytes, sequentialMs, sequentialMedian, cpuPerRequestMs } = await oneAtATime(
        d,
        cookie,
        page,
        o,
        database.instances,
      );
      let result: LoadResult | null = null;
      if (withLoad) {
        log(
          `  ${page.path}: open loop ${o.rate} requests/s for ${o.duration} s (${o.connections} connections; load average ${os.loadavg()[0]!.toFixed(2)}) …`,
        );
        result = await load(d, cookie, page, o);
        log(
          `  ${page.path}: p50 ${fmtMs(result.p50)}, p95 ${fmtMs(result.p95)}, ${fmtInt(result.requests)} answers, ` +
            `${fmtMs(result.cpuPerRequestMs)} of CPU each, errors ${result.errors}, non-2xx ${result.non2xx}, not the page ${result.mismatches}`,
        );
        // The page must still be the real page after the load (the session held throughout).
        try {
          const after = await fetchPage(d.portals[0]!, cookie, page, 120_000);
          log(`  ${page.path}: after the load, the real page again in ${fmtMs(after.ms)}`);
        } catch (e) {
          result.afterLoad = e instanceof Error ? e.message : String(e);
          log(`  ${page.path}: after the load: ${result.afterLoad}`);
        }
      }
      pages.push({ page, sequentialMs, sequentialMedian, cpuPerRequestMs, bytes, load: result });
    } finally {
      await d.stop();
    }
    if (withLoad && database.engine === "sqlite") {
      log(
        `starting ${where} with the ${fmtInt(dbHosts)}-host city, keeping no page (LIANGXIN_PAGE_CACHE=0) …`,
      );
      const r = await deploy(database.url, database.instances, o.processes, false);
      try {
        const cookie = await login(r.portals[0]!.url, username, BENCH_PASSWORD);
        const x = await oneAtATime(r, cookie, page, o, database.instances, "rendered every time");
        pages.at(-1)!.rendered = {
          sequentialMedian: x.sequentialMedian,
          cpuPerRequestMs: x.cpuPerRequestMs,
          requests: x.sequentialMs.length,
        };
      } finally {
        await r.stop();
      }
    }
  }
  return {
    engine: database.engine,
    instances: database.instances,
    processes: o.processes,
    dbHosts,
    township,
    username,
    pages,
  };
}

/**
 * The city of `dbFile` copied into a PostgreSQL server of its own (`migrate`, then `copy --to`), served by
 * two instances; the server is removed afterwards.
 */
async function measurePostgres(
  dbFile: string,
  dbHosts: number,
  township: Township,
  username: string,
  o: PagesOptions,
): Promise<CityPages> {
  return withCityOnPostgres(dbFile, dbHosts, (url) =>
    measureCity({ url, engine: "postgres", instances: 2 }, dbHosts, township, username, o, true),
  );
}

export interface PagesResult {
  big: CityPages;
  small: CityPages | null;
  /** The big city on PostgreSQL, two instances (when asked for). */
  pg: CityPages | null;
  options: PagesOptions;
}

export async function measurePages(
  bigDb: { file: string; hosts: number },
  smallDb: { file: string; hosts: number } | null,
  o: PagesOptions,
  withLoad: boolean,
  withPostgres = false,
): Promise<PagesResult> {
  const bigTownship = await pickTownship(bigDb.file);
  const bigUser = await ensureTownshipAdmin(bigDb.file, bigTownship);
  const big = await measureCity(
    { url: bigDb.file, engine: "sqlite", instances: 1 },
    bigDb.hosts,
    bigTownship,
    bigUser,
    o,
    withLoad,
  );
  let small: CityPages | null = null;
  if (smallDb) {
    const township = await pickTownship(smallDb.file, bigTownship.hosts);
    const user = await ensureTownshipAdmin(smallDb.file, township);
    small = await measureCity(
      { url: smallDb.file, engine: "sqlite", instances: 1 },
      smallDb.hosts,
      township,
      user,
      o,
      false,
    );
  }
  const pg = withPostgres
    ? await measurePostgres(bigDb.file, bigDb.hosts, bigTownship, bigUser, { ...o, processes: 1 })
    : null;
  return { big, small, pg, options: o };
}
