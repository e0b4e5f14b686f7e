/**
 * Crash safety (issue 9): the built portal (`next start`, real HTTP, its own copy of the demo database) is
 * killed with SIGKILL — the whole process tree at once: next, next-server and the import worker it spawned —
 * at a random moment of an import, of the report workflow and of a burst of edits. Afterwards the file must
 * pass `PRAGMA integrity_check` and `foreign_key_check`, and each operation must be wholly present or
 * wholly absent; every operation acknowledged to the client (HTTP 200) must be present. Each scenario's
 * first iteration runs to completion before the kill: it proves the checks can see a completed operation
 * and times the operation for the random delays of the following ones.
 */
import ExcelJS from "exceljs";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  between,
  discard,
  disposeSessions,
  expectIntact,
  freshCopy,
  seedPristine,
  session,
  sleep,
  startPortal,
  trpcQuery,
  withDb,
  type Portal,
} from "./crash-kit.ts";
import { REPORT_NOW } from "./clock.ts";
import { creditCode as seriesCode } from "./import-kit.ts";

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  seedPristine();
});
test.afterAll(disposeSessions);

/** Send a request whose answer may never come (the server is killed): resolves to the status or null. */
async function attempt(
  fn: () => Promise<{ status: () => number; text: () => Promise<string> }>,
): Promise<{ status: number | null; body: string }> {
  try {
    const res = await fn();
    return { status: res.status(), body: await res.text() };
  } catch {
    return { status: null, body: "" };
  }
}

function log(line: string): void {
  console.log(`  [crash] ${line}`);
}

// ---------------------------------------------------------------------------------------------------------
// (a) An import: the upload is accepted, the worker process reads, plans and writes in one transaction.

const creditCode = (n: number) => seriesCode(n, "9136990288");
const IMPORT_HOSTS = 1000;
const IMPORT_PREFIX = "崩溃测试导入企业";

/**
 * IMPORT_HOSTS hosts of a township founded this year, with this year's figures (2 × IMPORT_HOSTS data rows):
 * the demo's past years are approved, and an import into them is refused by the period lock (issue 18).
 */
async function importWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const hs = wb.addWorksheet("两新组织");
  hs.addRow(["统一社会信用代码", "名称", "类别", "所在区划代码", "成立日期"]);
  const ys = wb.addWorksheet("经营数据");
  ys.addRow(["统一社会信用代码", "年度", "从业人员数", "年营业收入(万元)"]);
  for (let i = 1; i <= IMPORT_HOSTS; i++) {
    hs.addRow([creditCode(i), `${IMPORT_PREFIX}${i}有限公司`, "非公企业", "369902001", "2026-02-01"]);
    ys.addRow([creditCode(i), "2026", String(8 + (i % 9)), "96.5"]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface ImportOutcome {
  hosts: number;
  years: number;
  createAudits: number;
  runAudits: number;
  job: { state: string; done: number } | null;
}

function importOutcome(file: string): ImportOutcome {
  return withDb(file, (db) => ({
    hosts: db
      .prepare("select count(*) from hosts where name like ?")
      .pluck()
      .get(`${IMPORT_PREFIX}%`) as number,
    years: db
      .prepare(
        "select count(*) from host_years y join hosts h on h.id = y.host_id where h.name like ? and y.revenue_fen = 96500000",
      )
      .pluck()
      .get(`${IMPORT_PREFIX}%`) as number,
    createAudits: db
      .prepare(
        "select count(*) from audit_log where action = 'import.create' and entity in ('hosts', 'host_years')",
      )
      .pluck()
      .get() as number,
    runAudits: db
      .prepare("select count(*) from audit_log where action = 'import.run'")
      .pluck()
      .get() as number,
    job: (db.prepare("select state, done from jobs order by id desc limit 1").get() ?? null) as {
      state: string;
      done: number;
    } | null,
  }));
}

/** Watch the job row from outside (a read-only connection, as the page's poll would see it). */
async function watchJob(file: string, until: (job: { state: string; done: number }) => boolean, ms: number) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const start = performance.now();
  try {
    while (performance.now() - start < ms) {
      const job = db.prepare("select state, done from jobs order by id desc limit 1").get() as
        { state: string; done: number } | undefined;
      if (job && until(job)) return { job, at: performance.now() };
      await sleep(15);
    }
    return null;
  } finally {
    db.close();
  }
}

type ImportMode = "complete" | "server-only" | "any" | "write";
/**
 * 0: run to completion, then kill (calibration); 1: kill the portal only, during the write: the worker runs
 * detached and finishes the import; 2: kill everything at any moment from the upload on; 3…: kill everything
 * inside the write transaction.
 */
const IMPORT_MODES: ImportMode[] = ["complete", "server-only", "any", "write", "write"];

test("SIGKILL during an import: the imported hosts are all there or none, the file intact", async () => {
  test.setTimeout(150_000);
  const workbook = await importWorkbook();
  let writeMs = 2000;
  let uploadToDoneMs = 4000;
  const outcomes: string[] = [];
  let killedInsideWrite = 0;
  let restartChecked = false;
  for (const [i, mode] of IMPORT_MODES.entries()) {
    const file = freshCopy(`import-${i}`);
    // "write": the worker holds its open transaction, every row written, for 3 s (a fault-injection hook of
    // the import job), so the kill lands inside the write whatever the machine's speed.
    const portal = await startPortal(
      file,
      mode === "write" ? { LIANGXIN_FAULT_IMPORT_PAUSE_MS: "3000" } : {},
    );
    const admin = await session(portal, "city");
    const started = performance.now();
    const upload = attempt(() =>
      admin.post("/api/io/import", {
        multipart: {
          file: {
            name: "崩溃测试.xlsx",
            mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            buffer: workbook,
          },
        },
        timeout: 60_000,
      }),
    );
    const writing = async () => {
      const up = await upload;
      expect(up.status, up.body).toBe(200);
      const planned = await watchJob(file, (j) => j.state !== "queued" && j.done >= 30, 60_000);
      expect(planned, "the import reaches its write stage").not.toBeNull();
      return planned!.at;
    };
    const finished = () => watchJob(file, (j) => j.state === "succeeded" || j.state === "failed", 90_000);
    let delay = 0;
    if (mode === "complete") {
      const writeFrom = await writing();
      const done = await finished();
      expect(done?.job.state, "the calibration import succeeds").toBe("succeeded");
      writeMs = Math.max(200, done!.at - writeFrom);
      uploadToDoneMs = done!.at - started;
    } else if (mode === "any") {
      delay = between(0, uploadToDoneMs);
      await sleep(delay);
    } else {
      await writing();
      delay = between(0, Math.floor(writeMs * 0.5));
      await sleep(delay);
    }
    const killed = await portal.crash({ serverOnly: mode === "server-only" });
    const up = await upload;
    if (mode === "server-only") {
      // The worker outlives the portal and commits; it is gone when the job says so.
      expect((await finished())?.job.state, "the worker finishes without the portal").toBe("succeeded");
      await sleep(200);
    }

    expectIntact(file, `import #${i}`);
    const o = importOutcome(file);
    const label = `import #${i} (${mode}, +${delay} ms, upload ${up.status ?? "no answer"}, job ${o.job?.state ?? "none"} ${o.job?.done ?? ""}%, ${killed.length} processes killed)`;
    // All or nothing: every host with its year and an audit row each, and the run's audit row.
    if (o.hosts === 0) {
      expect({ years: o.years, audits: o.createAudits, runs: o.runAudits }, label).toEqual({
        years: 0,
        audits: 0,
        runs: 0,
      });
      expect(o.job?.state ?? "none", label).not.toBe("succeeded");
    } else {
      expect(
        { hosts: o.hosts, years: o.years, audits: o.createAudits, runs: o.runAudits, job: o.job?.state },
        label,
      ).toEqual({
        hosts: IMPORT_HOSTS,
        years: IMPORT_HOSTS,
        audits: 2 * IMPORT_HOSTS,
        runs: 1,
        job: "succeeded",
      });
    }
    if (mode === "complete" || mode === "server-only") expect(o.hosts, label).toBe(IMPORT_HOSTS);
    if (mode === "write" && o.job?.state === "running") killedInsideWrite++;
    outcomes.push(`${label}: ${o.hosts} of ${IMPORT_HOSTS} hosts`);
    log(outcomes.at(-1)!);
    if (mode === "complete")
      log(`calibration: upload to done ${uploadToDoneMs} ms, write stage ${writeMs} ms`);

    // After the first kill inside the write: the restarted portal says the import failed and wrote nothing
    // (instead of showing it running forever), and the imported hosts are not found.
    if (mode === "write" && o.job?.state === "running" && !restartChecked) {
      restartChecked = true;
      const restarted = await startPortal(file);
      const city = await session(restarted, "city");
      const jobId = withDb(file, (db) => db.prepare("select max(id) from jobs").pluck().get()) as number;
      const job = await trpcQuery<{ state: string; errors: { reason: string }[] }>(city, "io.job", {
        id: jobId,
      });
      expect(job.state, label).toBe("failed");
      expect(job.errors[0]?.reason, label).toContain("未写入任何数据");
      const found = await trpcQuery<{ total: number }>(city, "hosts.list", {
        q: IMPORT_PREFIX,
        page: 1,
        pageSize: 1,
      });
      expect(found.total, label).toBe(0);
      await restarted.crash();
      log(`import #${i} restarted: the job reads "${job.errors[0]?.reason}"`);
    }
    discard(file);
  }
  // The kills did land inside the write transaction (not only before or after it).
  expect(killedInsideWrite, outcomes.join("\n")).toBeGreaterThan(0);
});

// ---------------------------------------------------------------------------------------------------------
// (b) The report workflow: the township submits, the county returns, the township resubmits, the county
//     approves. Each step is one transaction writing state, version, frozen figures and its audit row.

const YEAR = 2026;
const STEPS = [
  { action: "report.submit", state: "submitted" },
  { action: "report.return", state: "returned" },
  { action: "report.submit", state: "submitted" },
  { action: "report.approve", state: "approved" },
] as const;

interface SubmissionRow {
  id: number;
  state: string;
  version: number;
  figures: string | null;
  submitted_at: string | null;
  decided_at: string | null;
  return_reason: string | null;
}

test("SIGKILL during the report workflow: state, frozen figures and audit stay together", async () => {
  test.setTimeout(150_000);
  const nodeId = withDb(freshCopy("nodes"), (db) =>
    db.prepare("select org_id from users where username = 'township'").pluck().get(),
  ) as number;
  let chainMs = 1500;
  const outcomes: string[] = [];
  const iterations = 5;
  for (let i = 0; i < iterations; i++) {
    const file = freshCopy(`report-${i}`);
    // After the year end: the 2026 reporting window is open.
    const portal = await startPortal(file, { LIANGXIN_NOW: REPORT_NOW });
    const township = await session(portal, "township");
    const county = await session(portal, "county");
    const checks = await trpcQuery<{ checks: { code: string; level: string }[]; errors: number }>(
      township,
      "report.checks",
      { year: YEAR },
    );
    expect(checks.errors, "the township's demo report has no blocking error").toBe(0);
    const explanations = Object.fromEntries(
      checks.checks.filter((c) => c.level === "warning").map((c) => [c.code, "已逐项核实,情况属实"]),
    );
    const signed = { unitHead: "张建国", preparer: "李晓梅" };
    let acked = 0;
    let submissionId = 0;
    const chain = async (): Promise<void> => {
      const post = (ctx: APIRequestContext, proc: string, input: unknown) =>
        attempt(() => ctx.post(`/api/trpc/${proc}`, { data: { json: input } }));
      const steps: (() => ReturnType<typeof post>)[] = [
        () => post(township, "report.submit", { nodeId, year: YEAR, explanations, ...signed }),
        () => post(county, "report.return", { submissionId, reason: "请核实从业人员数", version: 1 }),
        () => post(township, "report.submit", { nodeId, year: YEAR, explanations, version: 2, ...signed }),
        () => post(county, "report.approve", { submissionId, version: 3 }),
      ];
      for (const step of steps) {
        const res = await step();
        if (res.status === null) return;
        expect(res.status, res.body).toBe(200);
        const out = (JSON.parse(res.body) as { result: { data: { json: { id: number } } } }).result.data.json;
        submissionId = out.id;
        acked++;
      }
    };
    const mode = i === 0 ? "complete" : "random";
    const started = performance.now();
    const running = chain();
    let delay = 0;
    if (mode === "complete") {
      await running;
      chainMs = performance.now() - started;
      expect(acked).toBe(STEPS.length);
    } else {
      // Each iteration aims at another step: wait until the steps before it are acknowledged, then kill
      // at a random moment of that step (a fast machine would otherwise always kill during the first).
      const target = (i - 1) % STEPS.length;
      while (acked < target && performance.now() - started < 30_000) await sleep(2);
      delay = between(0, Math.max(5, Math.floor(chainMs / STEPS.length)));
      await sleep(delay);
    }
    await portal.crash();
    await running;

    expectIntact(file, `report #${i}`);
    const label = `report #${i} (${mode}, +${delay} ms, ${acked} of ${STEPS.length} steps acknowledged)`;
    withDb(file, (db) => {
      const row = db
        .prepare(
          "select id, state, version, figures, submitted_at, decided_at, return_reason from report_submissions where org_id = ? and year = ?",
        )
        .get(nodeId, YEAR) as SubmissionRow | undefined;
      const audits = db
        .prepare(
          // This year's steps (the demo's past years were submitted and approved by the seed).
          "select action, after from audit_log where action like 'report.%' and entity = 'report_submission' and entity_id = (select cast(id as text) from report_submissions where org_id = ? and year = ?) order by id",
        )
        .all(nodeId, YEAR) as { action: string; after: string }[];
      if (!row) {
        expect(acked, `${label}: an acknowledged submission is missing`).toBe(0);
        expect(audits, label).toEqual([]);
        outcomes.push(`${label}: no submission`);
        return;
      }
      // Steps are applied in order; the one in flight may or may not have been committed.
      expect(row.version, label).toBeGreaterThanOrEqual(acked);
      expect(row.version, label).toBeLessThanOrEqual(Math.min(acked + 1, STEPS.length));
      const step = STEPS[row.version - 1]!;
      expect(row.state, label).toBe(step.state);
      // One audit row per committed step, the last one naming the row's state and version.
      expect(
        audits.map((a) => a.action),
        label,
      ).toEqual(STEPS.slice(0, row.version).map((s) => s.action));
      const last = JSON.parse(audits.at(-1)!.after) as { state: string; version: number; total?: unknown };
      expect({ state: last.state, version: last.version }, label).toEqual({
        state: row.state,
        version: row.version,
      });
      // The frozen figures travel with the state.
      expect(row.figures, label).not.toBeNull();
      const figures = JSON.parse(row.figures!) as {
        year: number;
        total: Record<string, unknown>;
        rows: unknown[];
      };
      expect(figures.year, label).toBe(YEAR);
      expect(figures.rows.length, label).toBeGreaterThan(0);
      expect(row.submitted_at, label).not.toBeNull();
      if (row.state === "submitted" && row.version === 1) expect(row.decided_at, label).toBeNull();
      if (row.state === "returned") expect(row.return_reason, label).toBe("请核实从业人员数");
      if (row.state === "approved") {
        expect(row.decided_at, label).not.toBeNull();
        expect(last.total, label).toEqual(figures.total);
      }
      if (row.state === "submitted") expect(last.total, label).toEqual(figures.total);
      outcomes.push(`${label}: ${row.state} v${row.version}`);
    });
    log(outcomes.at(-1)!);
    discard(file);
  }
});

// ---------------------------------------------------------------------------------------------------------
// (c) A burst of edits: eight administrators' tabs keep editing eight hosts through records.host.update
//     (optimistic version), each edit changing three fields at once.

const EDITORS = 8;

interface Edit {
  token: string;
  version: number;
}

test("SIGKILL during a burst of edits: each acknowledged edit is there in full, with its audit row", async () => {
  test.setTimeout(150_000);
  const hostIds = withDb(freshCopy("hosts"), (db) =>
    db
      .prepare(
        `select h.id from hosts h join orgs o on o.region_id = h.region_id
         join users u on u.org_id = o.id and u.username = 'township' order by h.id limit ?`,
      )
      .pluck()
      .all(EDITORS),
  ) as number[];
  expect(hostIds).toHaveLength(EDITORS);
  const outcomes: string[] = [];
  let totalAcked = 0;
  let totalInFlight = 0;
  const iterations = 5;
  for (let i = 0; i < iterations; i++) {
    const file = freshCopy(`edits-${i}`);
    const initial = withDb(file, (db) =>
      hostIds.map(
        (id) =>
          db.prepare("select version, address from hosts where id = ?").get(id) as {
            version: number;
            address: string | null;
          },
      ),
    );
    const portal: Portal = await startPortal(file);
    const township = await session(portal, "township");
    // The administrator has been working: the API route is loaded before the burst.
    await trpcQuery(township, "hosts.get", { id: hostIds[0] });
    let stop = false;
    const acked: Edit[][] = hostIds.map(() => []);
    const inFlight: (string | null)[] = hostIds.map(() => null);
    const editor = async (k: number) => {
      let version = initial[k]!.version;
      for (let n = 1; !stop; n++) {
        const token = `崩溃测试${i}-${k}-${n}`;
        inFlight[k] = token;
        const res = await attempt(() =>
          township.post("/api/trpc/records.host.update", {
            data: {
              json: {
                id: hostIds[k],
                version,
                address: `${token}号`,
                contactPhone: `0791-${String(n).padStart(7, "0")}`,
                ownerName: `负责人${token}`,
              },
            },
          }),
        );
        if (res.status === null) return;
        expect(res.status, res.body).toBe(200);
        version = (JSON.parse(res.body) as { result: { data: { json: { version: number } } } }).result.data
          .json.version;
        acked[k]!.push({ token, version });
        inFlight[k] = null;
      }
    };
    const editors = hostIds.map((_, k) => editor(k));
    const delay = between(200, 2500);
    await sleep(delay);
    await portal.crash();
    stop = true;
    await Promise.all(editors);

    expectIntact(file, `edits #${i}`);
    const ackedCount = acked.reduce((s, a) => s + a.length, 0);
    const inFlightCount = inFlight.filter((t) => t !== null).length;
    let committedInFlight = 0;
    const label = `edits #${i} (+${delay} ms)`;
    withDb(file, (db) => {
      hostIds.forEach((id, k) => {
        const row = db
          .prepare("select version, address, contact_phone, owner_name from hosts where id = ?")
          .get(id) as { version: number; address: string; contact_phone: string; owner_name: string };
        const audits = db
          .prepare(
            "select before, after from audit_log where action = 'host.update' and entity_id = ? order by id",
          )
          .all(String(id))
          .map((a) => {
            const r = a as { before: string; after: string };
            return {
              before: JSON.parse(r.before) as { version: number },
              after: JSON.parse(r.after) as { version: number; address: string; ownerName: string },
            };
          });
        const mine = acked[k]!;
        const v0 = initial[k]!.version;
        // One audit row per committed edit, versions in a row.
        expect(audits.length, `${label} host ${id}`).toBe(row.version - v0);
        audits.forEach((a, j) => {
          expect([a.before.version, a.after.version], `${label} host ${id}`).toEqual([v0 + j, v0 + j + 1]);
        });
        // Every acknowledged edit is committed, with the audit row of exactly that edit.
        mine.forEach((e, j) => {
          expect(audits[j]?.after.address, `${label} host ${id}: acknowledged ${e.token}`).toBe(
            `${e.token}号`,
          );
          expect(audits[j]?.after.version, `${label} host ${id}`).toBe(e.version);
        });
        const flying = inFlight[k];
        if (row.version === v0 + mine.length + 1) {
          // The edit in flight was committed: wholly (all three fields and its audit row).
          expect(flying, `${label} host ${id}: an edit nobody sent`).not.toBeNull();
          committedInFlight++;
        } else {
          expect(row.version, `${label} host ${id}`).toBe(v0 + mine.length);
        }
        const lastToken =
          row.version === v0 ? null : row.version === v0 + mine.length ? mine.at(-1)!.token : flying!;
        if (lastToken === null) {
          expect(row.address, `${label} host ${id}`).toBe(initial[k]!.address);
        } else {
          expect(
            { address: row.address, owner: row.owner_name, audit: audits.at(-1)?.after.ownerName },
            `${label} host ${id}`,
          ).toEqual({ address: `${lastToken}号`, owner: `负责人${lastToken}`, audit: `负责人${lastToken}` });
          const n = Number(lastToken.split("-").at(-1));
          expect(row.contact_phone, `${label} host ${id}`).toBe(`0791-${String(n).padStart(7, "0")}`);
        }
      });
    });
    totalAcked += ackedCount;
    totalInFlight += inFlightCount;
    outcomes.push(
      `${label}: ${ackedCount} edits acknowledged and found, ${inFlightCount} in flight at the kill (${committedInFlight} committed, ${inFlightCount - committedInFlight} absent)`,
    );
    log(outcomes.at(-1)!);
    discard(file);
  }
  expect(totalAcked, "the burst did edit").toBeGreaterThan(EDITORS);
  expect(totalInFlight, "the kills landed while edits were in flight").toBeGreaterThan(0);
});
