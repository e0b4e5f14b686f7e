/**
 * 2. A township administrator's dashboard and hosts list page under an open-loop load on the built portal;
 * 3. the same pages of a township of the same size in a small city, to see that a scoped page costs what
 * its scope holds, not what the city holds.
 */
import autocannon from "autocannon";
import { BENCH_PASSWORD, ensureTownshipAdmin, pickTownship, type Township } from "../lib/dbs.ts";
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
  bytes: number;
  load: LoadResult | null;
}

export interface CityPages {
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

function load(portal: Portal, cookie: string, page: PageSpec, o: PagesOptions): Promise<LoadResult> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${portal.url}${page.path}`,
        headers: { cookie },
        overallRate: o.rate,
        connections: o.connections,
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
          requests: times.length,
          achievedRate: times.length / o.duration,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          max: times.length ? Math.max(...times) : NaN,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
    let tick = 0;
    const timer = setInterval(() => {
      tick += 5;
      if (tick < o.duration) log(`  … ${tick}/${o.duration} s, ${fmtInt(times.length)} answers`);
    }, 5000);
    instance.on("done", () => clearInterval(timer));
  });
}

async function measureCity(
  dbFile: string,
  dbHosts: number,
  township: Township,
  o: PagesOptions,
  withLoad: boolean,
): Promise<CityPages> {
  const username = await ensureTownshipAdmin(dbFile, township);
  const port = await freePort();
  const pages: PageResult[] = [];
  // A freshly started portal per page: what one page's load leaves queued never slows the next page.
  for (const page of PAGES) {
    log(`starting the built portal on 127.0.0.1:${port} with the ${fmtInt(dbHosts)}-host city …`);
    const portal = await startPortal(dbFile, port);
    try {
      const cookie = await login(portal.url, username, BENCH_PASSWORD);
      log(`signed in as ${username} (乡镇管理员 of ${township.name}, ${fmtInt(township.hosts)} hosts)`);
      let bytes = 0;
      for (let i = 0; i < o.warmup; i++) bytes = (await fetchPage(portal, cookie, page)).bytes;
      // At most o.sequential requests, and no more than a minute of them (at least 5) when pages are slow.
      const sequentialMs: number[] = [];
      const until = performance.now() + 60_000;
      for (let i = 0; i < o.sequential && (i < 5 || performance.now() < until); i++)
        sequentialMs.push((await fetchPage(portal, cookie, page)).ms);
      const sequentialMedian = median(sequentialMs);
      log(
        `  ${page.path}: 200 with the real page (${Math.round(bytes / 1024)} KB); one at a time: median ${fmtMs(sequentialMedian)} of ${sequentialMs.length}`,
      );
      let result: LoadResult | null = null;
      if (withLoad) {
        log(
          `  ${page.path}: open loop ${o.rate} requests/s for ${o.duration} s (${o.connections} connections) …`,
        );
        result = await load(portal, cookie, page, o);
        log(
          `  ${page.path}: p50 ${fmtMs(result.p50)}, p95 ${fmtMs(result.p95)}, ${fmtInt(result.requests)} answers, ` +
            `errors ${result.errors}, non-2xx ${result.non2xx}, not the page ${result.mismatches}`,
        );
        // The page must still be the real page after the load (the session held throughout).
        try {
          const after = await fetchPage(portal, cookie, page, 120_000);
          log(`  ${page.path}: after the load, the real page again in ${fmtMs(after.ms)}`);
        } catch (e) {
          result.afterLoad = e instanceof Error ? e.message : String(e);
          log(`  ${page.path}: after the load: ${result.afterLoad}`);
        }
      }
      pages.push({ page, sequentialMs, sequentialMedian, bytes, load: result });
    } finally {
      await portal.stop();
    }
  }
  return { dbHosts, township, username, pages };
}

export interface PagesResult {
  big: CityPages;
  small: CityPages | null;
  options: PagesOptions;
}

export async function measurePages(
  bigDb: { file: string; hosts: number },
  smallDb: { file: string; hosts: number } | null,
  o: PagesOptions,
  withLoad: boolean,
): Promise<PagesResult> {
  const bigTownship = await pickTownship(bigDb.file);
  const big = await measureCity(bigDb.file, bigDb.hosts, bigTownship, o, withLoad);
  let small: CityPages | null = null;
  if (smallDb) {
    const township = await pickTownship(smallDb.file, bigTownship.hosts);
    small = await measureCity(smallDb.file, smallDb.hosts, township, o, false);
  }
  return { big, small, options: o };
}
