// The real-server tests, part of `npm test`: PGlite reports PostgreSQL 18 while deployments run Debian's
// PostgreSQL 15, so every migration runs on the real server too, and what PGlite (one connection) cannot
// show — two sessions at once — is checked here:
// - `liangxin migrate` (the real command line) run by two processes at once: the advisory lock lets one
//   apply every migration and the other find none left, and both succeed;
// - the schema has every table of the SQLite schema and the exclusion constraints;
// - two sessions writing overlapping coverages of one host at once: exactly one is accepted.
// Starts its own server on a free port and stops it, whatever happens.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startPgServer } from "./pg-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const started = performance.now();
const log = (line) => console.log(`[pg-server] ${line}`);
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "  ✓" : "  ✗"} ${what}`);
  if (!ok) failures++;
}

function cli(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "apps/cli/bin/liangxin.mjs"), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
}

const server = await startPgServer({ log });
const stop = () => server.stop();
process.on("SIGINT", () => {
  stop();
  process.exit(130);
});
try {
  const journal = JSON.parse(
    readFileSync(path.join(root, "packages/db/drizzle-pg/meta/_journal.json"), "utf8"),
  );
  const migrations = journal.entries.length;

  // Two processes migrate at once.
  const [a, b] = await Promise.all([
    cli(["migrate"], { DATABASE_URL: server.url }),
    cli(["migrate"], { DATABASE_URL: server.url }),
  ]);
  check(a.code === 0 && b.code === 0, `two migrate commands at once both succeed (${a.code}, ${b.code})`);
  if (a.code !== 0 || b.code !== 0) console.log(a.out, b.out);
  const applied = [a.out, b.out].map((o) => Number(/本次应用 (\d+) 个迁移/.exec(o)?.[1] ?? NaN)).sort();
  check(
    applied[0] === 0 && applied[1] === migrations,
    `one applied all ${migrations} migrations, the other none (${applied.join(", ")})`,
  );
  const again = await cli(["migrate"], { DATABASE_URL: server.url });
  check(again.code === 0 && again.out.includes("本次应用 0 个迁移"), "a third migrate finds nothing to do");
  const refused = await cli(["seed", "--demo"], { DATABASE_URL: server.url });
  check(
    refused.code !== 0 && refused.out.includes("尚在建设中") && !existsSync(path.join(root, "postgres:")),
    "a command not yet on PostgreSQL refuses in Chinese, and makes no file named after the URL",
  );

  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  try {
    const version = (await pool.query("show server_version")).rows[0].server_version;
    check(version.startsWith("15."), `the server is PostgreSQL 15 (${version})`);
    const tables = (
      await pool.query(
        "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
      )
    ).rows[0].n;
    check(tables >= 54, `every table is there (${tables})`);
    const constraints = (
      await pool.query("select conname from pg_constraint where contype = 'x' order by conname")
    ).rows.map((r) => r.conname);
    check(constraints.length === 3, `three exclusion constraints (${constraints.join(", ")})`);

    // Two sessions write overlapping coverages of one host at the same time.
    const region = (
      await pool.query(
        "insert into regions (code, name, level, path, depth) values ('330100', '测试市', 'city', '/1/', 0) returning id",
      )
    ).rows[0].id;
    const org = async (code) =>
      (
        await pool.query(
          "insert into orgs (code, name, category, path, depth, founded_on, created_at) values ($1, $1, 'branch', '/x/', 1, '2020-01-01', '2026-12-03T00:00:00.000Z') returning id",
          [code],
        )
      ).rows[0].id;
    const [o1, o2] = [await org("O1"), await org("O2")];
    const host = (
      await pool.query(
        "insert into hosts (credit_code, name, kind, region_id, founded_on, created_at) values ('91330100MA2H000001', '测试企业', 'enterprise', $1, '2019-05-01', '2026-12-03T00:00:00.000Z') returning id",
        [region],
      )
    ).rows[0].id;
    const s1 = await pool.connect();
    const s2 = await pool.connect();
    try {
      await s1.query("begin");
      await s2.query("begin");
      await s1.query("insert into coverages (host_id, org_id, start_on) values ($1, $2, '2024-01-01')", [
        host,
        o1,
      ]);
      // The second waits for the first session's decision, then is refused.
      const second = s2
        .query("insert into coverages (host_id, org_id, start_on) values ($1, $2, '2024-06-01')", [host, o2])
        .then(
          () => "accepted",
          (e) => e.code,
        );
      await new Promise((r) => setTimeout(r, 200));
      await s1.query("commit");
      const outcome = await second;
      await s2.query(outcome === "accepted" ? "commit" : "rollback");
      check(
        outcome === "23P01",
        `the second of two overlapping coverages written at once is refused (${outcome})`,
      );
      const n = (await pool.query("select count(*)::int as n from coverages where host_id = $1", [host]))
        .rows[0].n;
      check(n === 1, `exactly one coverage of the host is stored (${n})`);
    } finally {
      s1.release();
      s2.release();
    }
  } finally {
    await pool.end();
  }
} catch (e) {
  console.error(e);
  failures++;
} finally {
  stop();
}
log(
  `${failures === 0 ? "passed" : `${failures} failed`} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exitCode = failures === 0 ? 0 : 1;
