// The real-server tests, part of `npm test`: PGlite reports PostgreSQL 18 while deployments run Debian's
// PostgreSQL 15, so every migration runs on the real server too, and what PGlite (one connection) cannot
// show — two sessions at once — is checked here:
// - `liangxin migrate` (the real command line) run by two processes at once: the advisory lock lets one
//   apply every migration and the other find none left, and both succeed;
// - the schema has every table of the SQLite schema and the exclusion constraints; every text column
//   collates "C", so a database created with a Chinese ICU locale orders names as SQLite does;
// - two sessions writing overlapping coverages of one host at once: exactly one is accepted;
// - `liangxin copy --to postgres://…` of the demo city (seeded for 2026-12-03) into a second database:
//   every row of every table with its id and its values, and the next id after the largest;
// - `backup` / `restore` on PostgreSQL (pg_dump / pg_restore): a change after the backup is gone after
//   the restore; a damaged backup file is refused and the database left as it was;
// - the year-end report JSON byte for byte the same on SQLite and on PostgreSQL (`checkReports`);
// - export and import on PostgreSQL: the demo's import-format export the same workbook as SQLite's, and
//   imported back it changes nothing; edited, exactly the edited rows (`checkImportExport`).
// Starts its own server on a free port and stops it, whatever happens.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
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
    let stdout = "";
    child.stdout.on("data", (d) => {
      out += d;
      stdout += d;
    });
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code, out, stdout }));
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
  const errorsFile = path.join(tmpdir(), `liangxin-pg-refused-${process.pid}.xlsx`);
  const refused = await cli(["import", "package.json", "--errors", errorsFile], { DATABASE_URL: server.url });
  rmSync(errorsFile, { force: true });
  check(
    refused.code !== 0 &&
      refused.out.includes("不是有效的 Excel 工作簿") &&
      !existsSync(path.join(root, "postgres:")),
    `an import of a file that is no workbook is refused in Chinese on PostgreSQL, and no file is named after the URL (${refused.out.trim().split("\n").at(-1)})`,
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
    const otherCollation = (
      await pool.query(
        `select table_name || '.' || column_name as c from information_schema.columns
         where table_schema = 'public' and data_type = 'text' and collation_name is distinct from 'C'`,
      )
    ).rows.map((r) => r.c);
    check(
      otherCollation.length === 0,
      `every text column collates "C", as SQLite orders${otherCollation.length ? ` (not: ${otherCollation.join(", ")})` : ""}`,
    );
    await checkCollation();
    await checkSessionSettings(server.url);

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

  await checkCopy();
} catch (e) {
  console.error(e);
  failures++;
} finally {
  stop();
}

/**
 * The product's own connections (openPgDb, in a process of their own) run without PostgreSQL's JIT (it
 * compiled each of the report's long statements for about half a second of the server's CPU) and without
 * parallel workers per statement (they competed with the statements the portal runs side by side).
 */
async function checkSessionSettings(url) {
  const code = `
    import { sql } from "drizzle-orm";
    import { closeDatabase, openPgDb, selectValue } from "@liangxin/db/driver";
    const db = openPgDb(process.env.DATABASE_URL);
    console.log("jit=" + (await selectValue(db, sql\`show jit\`)) + " workers=" +
      (await selectValue(db, sql\`show max_parallel_workers_per_gather\`)));
    await closeDatabase(db);`;
  const out = await new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      cwd: path.join(root, "packages/db"),
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.stderr.on("data", (d) => (text += d));
    child.on("close", () => resolve(text.trim()));
  });
  check(
    out === "jit=off workers=0",
    `the portal's connections run with jit off and no parallel workers (${out.split("\n").at(-1)})`,
  );
}

/** A value as both engines hold it, for comparing: booleans as 0/1, 分 as numbers, the rest as stored. */
function canonical(value, kind) {
  if (value === null || value === undefined) return null;
  if (kind === "bool") return value === true || value === 1 ? 1 : 0;
  if (kind === "int8") return Number(value);
  return value;
}

async function createDatabase(name, options = "") {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} ${options}`);
  } finally {
    await admin.end();
  }
  return server.url.replace(/\/liangxin$/, `/${name}`);
}

/** The report JSON of the command line (`report --format json`) on each database; two commands at a time. */
async function reportsOn(urls, jobs) {
  const out = urls.map(() => new Map());
  const queue = jobs.flatMap(([year, unit]) => urls.map((url, i) => ({ url, i, year, unit })));
  const work = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const r = await cli(["report", "--year", String(job.year), "--unit", job.unit], {
        DATABASE_URL: job.url,
        LIANGXIN_NOW: "2026-12-03T10:00:00+08:00",
      });
      out[job.i].set(
        `${job.year} ${job.unit}`,
        r.code === 0 ? r.stdout : `(失败 ${r.code}) ${r.out.slice(0, 300)}`,
      );
    }
  };
  await Promise.all([work(), work()]);
  return out;
}

/** Whether every database's reports equal the first one's, byte for byte; names those that differ. */
function sameReports(maps, names) {
  const differing = [];
  for (const [key, json] of maps[0]) {
    if (!json.startsWith("{")) differing.push(`${key}: ${json}`);
    for (let i = 1; i < maps.length; i++)
      if (maps[i].get(key) !== json) differing.push(`${key} (${names[i]})`);
  }
  return differing;
}

/**
 * The year-end report JSON, byte for byte, from SQLite and from PostgreSQL: the demo seeded on 2026-12-03
 * into SQLite, copied, and seeded straight into PostgreSQL by `seed --demo` (the city, every year); a city
 * of 20,000 hosts seeded into SQLite and copied (the city and two counties, this year and last).
 */
async function checkReports(demoFile, demoCopyUrl, dir) {
  const demoUrl = await createDatabase("liangxin_demo");
  const env = { DATABASE_URL: demoUrl, LIANGXIN_NOW: "2026-12-03T10:00:00+08:00" };
  const t0 = performance.now();
  const seeded = await cli(["seed", "--demo", "--today", "2026-12-03"], env);
  check(
    seeded.code === 0,
    `seed --demo straight into PostgreSQL (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  if (seeded.code !== 0) console.log(seeded.out.slice(-2000));
  const years = [2022, 2023, 2024, 2025, 2026];
  const demo = await reportsOn(
    [demoFile, demoCopyUrl, demoUrl],
    years.map((y) => [y, "G369900"]),
  );
  const demoDiff = sameReports(demo, ["SQLite", "copy", "seeded on PostgreSQL"]);
  check(
    demoDiff.length === 0,
    `the demo city's report JSON of ${years.join("、")} is the same byte for byte on SQLite, after copy and seeded on PostgreSQL${demoDiff.length ? `; differ: ${demoDiff.join("; ")}` : ""}`,
  );

  await checkImportExport(demoFile, demoUrl, dir);

  const cityFile = path.join(dir, "city.db");
  const cityEnv = { DATABASE_URL: cityFile, LIANGXIN_NOW: "2026-12-03T10:00:00+08:00" };
  const t1 = performance.now();
  const city = await cli(["seed", "--scale", "city", "--hosts", "20000"], cityEnv);
  check(
    city.code === 0,
    `a city of 20,000 hosts seeded into SQLite (${((performance.now() - t1) / 1000).toFixed(1)} s)`,
  );
  const cityUrl = await createDatabase("liangxin_city");
  await cli(["migrate"], { DATABASE_URL: cityUrl });
  const t2 = performance.now();
  const copied = await cli(["copy", "--to", cityUrl], cityEnv);
  check(
    copied.code === 0,
    `the city copied to PostgreSQL (${((performance.now() - t2) / 1000).toFixed(1)} s)`,
  );
  const units = ["G369900", "G369901", "G369902"];
  const scale = await reportsOn(
    [cityFile, cityUrl],
    [2025, 2026].flatMap((y) => units.map((u) => [y, u])),
  );
  const scaleDiff = sameReports(scale, ["SQLite", "copy"]);
  check(
    scaleDiff.length === 0,
    `the 20,000-host city's report JSON (city and two counties, 2025 and 2026) is the same byte for byte after copy${scaleDiff.length ? `; differ: ${scaleDiff.join("; ")}` : ""}`,
  );
}

/**
 * A database created with a Chinese ICU locale (pinyin order) still orders the portal's text as SQLite does
 * (code point: 张 U+5F20 before 阿 U+963F), since its columns collate "C"; the database's own default
 * would put 阿 (a) first.
 */
async function checkCollation() {
  const url = await createDatabase(
    "liangxin_zh",
    "template template0 locale_provider icu icu_locale 'zh' locale 'C.UTF-8' encoding 'UTF8'",
  );
  const migrated = await cli(["migrate"], { DATABASE_URL: url });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(
      "insert into regions (code, name, level, path, depth) values ('1', '阿城区', 'city', '/1/', 0), ('2', '张家镇', 'city', '/2/', 0)",
    );
    const byColumn = (await c.query("select name from regions order by name")).rows.map((r) => r.name);
    const byLocale = (await c.query('select name from regions order by name collate "default"')).rows.map(
      (r) => r.name,
    );
    const dbDefault = (
      await c.query(
        "select collation_name as c from information_schema.columns where table_name = 'regions' and column_name = 'name'",
      )
    ).rows[0]?.c;
    check(
      migrated.code === 0 && byColumn.join() === "张家镇,阿城区" && byLocale.join() === "阿城区,张家镇",
      `in a database created with the ICU locale zh, names order as on SQLite (${byColumn.join(" < ")}; column collation ${dbDefault}), not by pinyin (${byLocale.join(" < ")})`,
    );
  } finally {
    await c.end();
  }
}

/** A workbook's sheets as plain values (dates as ISO text), for comparing two exports. */
async function workbookValues(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = {};
  wb.eachSheet((ws) => {
    const rows = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      rows.push(
        (row.values ?? []).map((v) =>
          v instanceof Date ? v.toISOString() : typeof v === "object" && v !== null ? JSON.stringify(v) : v,
        ),
      );
    });
    out[ws.name] = rows;
  });
  return out;
}

/**
 * Export and import on PostgreSQL: the import-format export of the demo seeded on PostgreSQL is the same
 * workbook, cell for cell, as the SQLite file's; imported back into PostgreSQL it changes nothing; with a
 * host renamed and a year's employees changed it changes exactly those rows, audited.
 */
async function checkImportExport(sqliteFile, pgUrl, dir) {
  const now = { LIANGXIN_NOW: "2026-12-03T10:00:00+08:00" };
  const fromSqlite = path.join(dir, "export-sqlite.xlsx");
  const fromPg = path.join(dir, "export-pg.xlsx");
  const a = await cli(["export", "--format", "import", "--out", fromSqlite], {
    ...now,
    DATABASE_URL: sqliteFile,
  });
  const t0 = performance.now();
  const b = await cli(["export", "--format", "import", "--out", fromPg], { ...now, DATABASE_URL: pgUrl });
  const exportSecs = ((performance.now() - t0) / 1000).toFixed(1);
  check(a.code === 0 && b.code === 0, `the import-format export runs on both (PostgreSQL ${exportSecs} s)`);
  if (b.code !== 0) console.log(b.out.slice(-2000));
  if (a.code !== 0 || b.code !== 0) return;
  const [va, vb] = [await workbookValues(fromSqlite), await workbookValues(fromPg)];
  const sheets = Object.keys(va);
  const differ = sheets.filter((name) => JSON.stringify(va[name]) !== JSON.stringify(vb[name]));
  const rows = sheets.reduce((n, name) => n + va[name].length, 0);
  check(
    differ.length === 0 && JSON.stringify(sheets) === JSON.stringify(Object.keys(vb)),
    `the demo's import-format export is the same workbook from SQLite and from PostgreSQL (${sheets.length} sheets, ${rows} rows)${differ.length ? `; differ: ${differ.join("、")}` : ""}`,
  );

  const pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
  const changes = async () =>
    (
      await pool.query(
        "select entity, count(*)::int as n from audit_log where action in ('import.create', 'import.update') group by entity order by entity",
      )
    ).rows.map((r) => `${r.entity}:${r.n}`);
  try {
    const t1 = performance.now();
    const same = await cli(["import", fromPg], { ...now, DATABASE_URL: pgUrl });
    const importSecs = ((performance.now() - t1) / 1000).toFixed(1);
    const afterSame = await changes();
    check(
      same.code === 0 && afterSame.length === 0,
      `the export imported back into PostgreSQL changes nothing (${importSecs} s)${afterSame.length ? `: ${afterSame.join(", ")}` : ""}`,
    );
    if (same.code !== 0) console.log(same.out.slice(-3000));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fromPg);
    const cell = (sheet, header, row) => {
      const ws = wb.getWorksheet(sheet);
      const headers = ws.getRow(1).values;
      const col = headers.findIndex(
        (h) => typeof h === "string" && h.replace(/[*\s]/g, "").startsWith(header),
      );
      return ws.getRow(row).getCell(col);
    };
    const code = String(cell("两新组织", "统一社会信用代码", 2).value);
    const renamed = `${cell("两新组织", "名称", 2).value}(更名)`;
    cell("两新组织", "名称", 2).value = renamed;
    // A figure of the demo's year (the past years are approved: the period lock refuses their changes).
    const year = 2026;
    let yr = 2;
    while (Number(cell("经营数据", "年度", yr).value) !== year) yr++;
    const yearCode = String(cell("经营数据", "统一社会信用代码", yr).value);
    const employees = Number(cell("经营数据", "从业人员数", yr).value) + 7;
    cell("经营数据", "从业人员数", yr).value = employees;
    const edited = path.join(dir, "export-pg-edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const run = await cli(["import", edited], { ...now, DATABASE_URL: pgUrl });
    const name = (await pool.query("select name from hosts where credit_code = $1", [code])).rows[0]?.name;
    const stored = (
      await pool.query(
        "select employees from host_years y join hosts h on h.id = y.host_id where h.credit_code = $1 and y.year = $2",
        [yearCode, year],
      )
    ).rows[0]?.employees;
    const afterEdit = await changes();
    check(
      run.code === 0 &&
        name === renamed &&
        stored === employees &&
        JSON.stringify(afterEdit) === JSON.stringify(["host_years:1", "hosts:1"]),
      `an edited workbook imported into PostgreSQL changes exactly the renamed host and the year's employees, audited (${afterEdit.join(", ")})`,
    );
    if (run.code !== 0) console.log(run.out.slice(-3000));
  } finally {
    await pool.end();
  }
}

async function checkCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), "liangxin-copy-"));
  const file = path.join(dir, "demo.db");
  const copyUrl = server.url.replace(/\/liangxin$/, "/liangxin_copy");
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("create database liangxin_copy");
    await admin.end();
    const env = { DATABASE_URL: file, LIANGXIN_NOW: "2026-12-03T10:00:00+08:00" };
    const t0 = performance.now();
    const seeded = await cli(["seed", "--demo", "--today", "2026-12-03"], env);
    check(
      seeded.code === 0,
      `the demo city seeded into SQLite (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const migrated = await cli(["migrate"], { DATABASE_URL: copyUrl });
    check(migrated.code === 0, "the copy's database migrated");
    const t1 = performance.now();
    const copied = await cli(["copy", "--to", copyUrl], env);
    check(
      copied.code === 0,
      `copy --to postgres:// succeeds (${((performance.now() - t1) / 1000).toFixed(1)} s)`,
    );
    if (copied.code !== 0) console.log(copied.out);
    const again = await cli(["copy", "--to", copyUrl], env);
    check(
      again.code !== 0 && again.out.includes("不是空的"),
      "a second copy into the same database is refused",
    );

    const sqlite = new Database(file, { readonly: true });
    const pool = new pg.Pool({ connectionString: copyUrl, max: 2 });
    try {
      const types = {
        // Dates and JSON as the text PostgreSQL holds: JSON documents are kept as written, byte for byte.
        getTypeParser: (oid, format) =>
          oid === 1082 || oid === 114 ? (v) => v : pg.types.getTypeParser(oid, format),
      };
      // The data version is the database's own counter, moved past the target's by the copy (as a restore
      // does): no row of the city.
      const tables = (
        await pool.query(
          "select table_name as t from information_schema.tables where table_schema = 'public' order by 1",
        )
      ).rows
        .map((r) => r.t)
        .filter((t) => t !== "data_version");
      let rows = 0;
      const differing = [];
      for (const t of tables) {
        const cols = (
          await pool.query(
            "select column_name as c, udt_name as u from information_schema.columns where table_name = $1 order by ordinal_position",
            [t],
          )
        ).rows;
        const kinds = cols.map((c) => (c.u === "bool" ? "bool" : c.u === "int8" ? "int8" : ""));
        const names = cols.map((c) => `"${c.c}"`).join(", ");
        const order = cols.map((_, i) => i + 1).join(", ");
        // json has no ordering operator: its text orders it, as SQLite orders the same text.
        const orderPg = cols.map((c, i) => (c.u === "json" ? `"${c.c}"::text` : String(i + 1))).join(", ");
        const fromSqlite = sqlite.prepare(`select ${names} from "${t}" order by ${order}`).raw(true).all();
        const fromPg = (
          await pool.query({
            text: `select ${names} from "${t}" order by ${orderPg}`,
            rowMode: "array",
            types,
          })
        ).rows;
        const a = JSON.stringify(fromSqlite.map((r) => r.map((v, i) => canonical(v, kinds[i]))));
        const b = JSON.stringify(fromPg.map((r) => r.map((v, i) => canonical(v, kinds[i]))));
        if (a !== b) differing.push(`${t} (${fromSqlite.length} vs ${fromPg.length} rows)`);
        rows += fromSqlite.length;
      }
      check(
        differing.length === 0 && rows > 10_000,
        `every row of ${tables.length} tables equal after copy (${rows} rows)${differing.length ? `; differ: ${differing.join(", ")}` : ""}`,
      );
      const maxId = sqlite.prepare("select max(id) as m from regions").get().m;
      const next = (
        await pool.query(
          "insert into regions (code, name, level, path, depth) values ('999999', '新区', 'township', '/x/', 2) returning id",
        )
      ).rows[0].id;
      check(next === maxId + 1, `the next id after the copy follows the largest (${maxId} → ${next})`);
    } finally {
      sqlite.close();
      await pool.end();
    }
    await checkReports(file, copyUrl, dir);
    await checkBackup(copyUrl, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function checkBackup(url, dir) {
  const env = { DATABASE_URL: url };
  const count = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const r = await c.query(
        "select (select count(*)::int from regions) as regions, (select count(*)::int from hosts where name like '%(改)') as renamed",
      );
      return JSON.stringify(r.rows[0]);
    } finally {
      await c.end();
    }
  };
  const file = path.join(dir, "backup.dump");
  const before = await count();
  const backedUp = await cli(["backup", file], env);
  check(backedUp.code === 0 && existsSync(file), "backup of PostgreSQL writes a pg_dump archive");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let changed;
  try {
    changed = await c.query("update hosts set name = name || '(改)' where id = (select min(id) from hosts)");
    await c.query(
      "insert into regions (code, name, level, path, depth) values ('888888', '备份后', 'township', '/y/', 2)",
    );
  } finally {
    await c.end();
  }
  const damaged = path.join(dir, "damaged.dump");
  writeFileSync(damaged, "PGDMP not really");
  const refused = await cli(["restore", damaged], env);
  check(refused.code !== 0 && refused.out.includes("不是完好的"), "restore refuses a damaged backup file");
  const restored = await cli(["restore", file], env);
  if (restored.code !== 0) console.log(restored.out);
  const after = await count();
  check(
    restored.code === 0 && after === before && changed.rowCount === 1,
    `restore brings back the state of the backup (${before} before, a host renamed and a region added, ${after} restored)`,
  );
}
log(
  `${failures === 0 ? "passed" : `${failures} failed`} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exitCode = failures === 0 ? 0 : 1;
