/**
 * Figures kept per data version (issue 25), across processes: two API server processes on one database
 * file, as two portal processes. Process A closes a host of the city; process B, asked over and over while
 * A writes and afterwards, never answers the figure from before the write once A has acknowledged it — for
 * the year-end report, the dashboard and a drill-down (all of which B keeps in its memory, per version).
 * A figure kept without the version (or a write that did not move it) would be answered stale here.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, migrateDb, openDb } from "@liangxin/db/driver";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { CLOCK_ENV } from "@liangxin/domain";

const here = path.dirname(fileURLToPath(import.meta.url));
const YEAR = Number(DEMO_TODAY.slice(0, 4));

interface Server {
  child: ChildProcess;
  call<T>(userId: number, procedure: string, input?: unknown): Promise<T>;
}

/** Start an API server process over `file`; resolves once it listens (on a port it chose). */
async function startServer(file: string, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, [path.join(here, "fixtures", "api-server.mjs"), file], {
    env: { ...process.env, [CLOCK_ENV]: `${DEMO_TODAY}T10:00:00+08:00`, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`API 服务进程启动失败(退出码 ${code})`)));
    createInterface({ input: child.stdout! }).once("line", (line) => {
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  return {
    child,
    async call<T>(userId: number, procedure: string, input?: unknown): Promise<T> {
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        method: "POST",
        body: JSON.stringify({ userId, path: procedure, input }),
      });
      const body = (await res.json()) as { data?: T; error?: { code: string; message: string } };
      if (body.error) throw new Error(`${procedure}:${body.error.code} ${body.error.message}`);
      return body.data as T;
    },
  };
}

interface Figures {
  report: number;
  dashboard: number;
  drill: number[];
}

describe("figures kept per data version, two processes on one database file", () => {
  let dir: string;
  let file: string;
  let a: Server;
  let b: Server;
  /** A process where every report not yet kept counts as long (computed in the background). */
  let c: Server;
  let cityAdmin: number;
  let cityOrg: number;
  let hosts: { id: number; version: number }[];
  /** A host closed by the second test. */
  let spare: { id: number; version: number };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "lx-figures-cache-"));
    file = path.join(dir, "city.db");
    const db = openDb(file);
    try {
      migrateDb(db);
      await seedDemo(db, { pastReports: false });
      const one = <T>(q: string) => db.$client.prepare(q).get() as T;
      cityAdmin = one<{ id: number }>("select id from users where username = 'city'").id;
      cityOrg = one<{ id: number }>("select org_id as id from users where username = 'city'").id;
      // Hosts operating today and at the year's end, to close one per round.
      hosts = db.$client
        .prepare(
          `select id, version from hosts where closed_on is null and founded_on < '${YEAR}-01-01'
           order by id limit 4`,
        )
        .all() as { id: number; version: number }[];
      spare = hosts.pop()!;
    } finally {
      closeDb(db);
    }
    [a, b, c] = await Promise.all([
      startServer(file),
      startServer(file),
      startServer(file, { LIANGXIN_LONG_REPORT_HOSTS: "0" }),
    ]);
  }, 180_000);

  afterAll(() => {
    for (const s of [a, b, c]) s?.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  /** The city's hosts as the report (31 December), the dashboard (today) and the drill-down list them. */
  const read = {
    report: async (s: Server) =>
      (await s.call<{ total: { hosts: number } }>(cityAdmin, "report.get", { nodeId: cityOrg, year: YEAR }))
        .total.hosts,
    dashboard: async (s: Server) =>
      (await s.call<{ total: { hosts: number } }>(cityAdmin, "dashboard.admin")).total.hosts,
    drill: async (s: Server) =>
      (
        await s.call<{ hosts: { id: number }[] }>(cityAdmin, "report.drill", {
          nodeId: cityOrg,
          year: YEAR,
          key: "hosts",
        })
      ).hosts.map((h) => h.id),
  };

  async function figures(s: Server): Promise<Figures> {
    return { report: await read.report(s), dashboard: await read.dashboard(s), drill: await read.drill(s) };
  }

  it("answers no figure from before a write acknowledged by the other process", async () => {
    expect(hosts).toHaveLength(3);
    const start = await figures(b);
    expect(start.report).toBeGreaterThan(0);
    expect(start.drill).toHaveLength(start.report);
    for (const [round, host] of hosts.entries()) {
      // B keeps the figures of the moment (asked twice: the second answer is the kept one).
      const before = await figures(b);
      expect(await figures(b)).toEqual(before);
      expect(before.report).toBe(start.report - round);
      expect(before.dashboard).toBe(start.dashboard - round);
      expect(before.drill).toContain(host.id);

      // B is asked without pause while A closes the host, and for a while after A's answer.
      let ackAt = Number.POSITIVE_INFINITY;
      let afterAck = 0;
      const seen: { kind: keyof typeof read; startedAt: number; value: number | number[] }[] = [];
      const hammer = async (kind: keyof typeof read) => {
        for (let n = 0; n < 200; n++) {
          const startedAt = performance.now();
          const value = await read[kind](b);
          seen.push({ kind, startedAt, value });
          if (startedAt > ackAt && ++afterAck >= 24) return;
        }
      };
      const write = (async () => {
        await a.call(cityAdmin, "records.host.update", {
          id: host.id,
          version: host.version,
          closedOn: DEMO_TODAY,
        });
        ackAt = performance.now();
      })();
      await Promise.all([hammer("report"), hammer("dashboard"), hammer("drill"), write]);

      const stale = seen.filter(
        (s) =>
          s.startedAt > ackAt &&
          (Array.isArray(s.value) ? s.value.includes(host.id) : s.value !== before[s.kind as "report"] - 1),
      );
      expect(stale, `第 ${round + 1} 轮:写入确认后 B 仍答旧数`).toEqual([]);
      for (const kind of ["report", "dashboard", "drill"] as const)
        expect(seen.filter((s) => s.kind === kind && s.startedAt > ackAt).length).toBeGreaterThan(0);
      // Afterwards, through either process.
      for (const s of [a, b]) {
        const after = await figures(s);
        expect(after.report).toBe(before.report - 1);
        expect(after.dashboard).toBe(before.dashboard - 1);
        expect(after.drill).not.toContain(host.id);
        expect(after.drill).toHaveLength(after.report);
      }
    }
  }, 300_000);

  it("computes a long report in the background: the page polls its progress, then reads the kept report", async () => {
    type Progress = {
      state: string;
      done: number;
      total: number;
      stage: string | null;
      node: { id: number };
    };
    const ask = () => c.call<Progress>(cityAdmin, "report.progress", { nodeId: cityOrg, year: YEAR });
    const first = await ask();
    expect(first).toMatchObject({ state: "running", done: 0, total: 2, node: { id: cityOrg } });
    expect(first.stage).toMatch(/正在/);
    const states = [first];
    while (states.at(-1)!.state === "running") {
      await new Promise((r) => setTimeout(r, 100));
      states.push(await ask());
      expect(states.length).toBeLessThan(600);
    }
    expect(states.at(-1)!.state).toBe("ready");
    // The same report as a process computing it directly; asked again, ready at once.
    expect(await read.report(c)).toBe(await read.report(b));
    expect((await ask()).state).toBe("ready");
    // A write moves the data version: the report is computed anew (in the background again).
    const before = await read.report(b);
    await a.call(cityAdmin, "records.host.update", {
      id: spare.id,
      version: spare.version,
      closedOn: DEMO_TODAY,
    });
    expect((await ask()).state).toBe("running");
    while ((await ask()).state === "running") await new Promise((r) => setTimeout(r, 100));
    expect(await read.report(c)).toBe(before - 1);
  }, 120_000);
});
