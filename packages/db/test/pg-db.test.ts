/**
 * The data layer on PostgreSQL (driver/pg-db.ts), on PGlite: a statement written for SQLite is run as
 * PostgreSQL takes it, values come back as SQLite gives them, and transactions hold: a body's statements
 * on the `db` it closes over are inside its transaction, a throw rolls back, a nested one is a savepoint.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestPglite } from "../src/driver/pg.ts";
import { pgLinkOf, pgliteDb, pgText } from "../src/driver/pg-db.ts";
import {
  execute,
  readTransaction,
  selectAll,
  selectOne,
  selectValue,
  writeTransaction,
} from "../src/driver/query.ts";
import { closeDatabase } from "../src/driver/connection.ts";
import { insertRows } from "../src/driver/bulk.ts";
import { idList, textList } from "../src/dialect/sqlite.ts";
import * as tables from "../src/schema.ts";
import { claimQueuedJob, queueJob, setJobWorkerArgs } from "../src/queries/jobs.ts";
import { openTestDb, type Db } from "../src/driver/client.ts";

describe("pgText: SQLite's text as PostgreSQL takes it", () => {
  it("numbers the placeholders, but not a ? inside a string or a name", () => {
    expect(pgText(`select * from "t?" where a = ? and b = '?' and c = ?`)).toBe(
      `select * from "t?" where a = $1 and b = '?' and c = $2`,
    );
  });

  it("quotes camelCase aliases and their uses, leaves snake_case and keywords", () => {
    expect(pgText("select host_id as hostId from x order by hostId")).toBe(
      `select host_id as "hostId" from x order by "hostId"`,
    );
  });

  it("writes default for the null SQLite's dialect writes for a column without a value, in values only", () => {
    expect(pgText(`insert into "t" ("id", "a") values (null, ?), (null, null) returning "id"`)).toBe(
      `insert into "t" ("id", "a") values (default, $1), (default, default) returning "id"`,
    );
    expect(pgText("update t set a = null where b is null")).toBe("update t set a = null where b is null");
  });

  it("translates the functions the engines do not share", () => {
    expect(pgText("select max(a, b), max(c), min(x, 1), total(n), ifnull(a, 0), instr(a, 'x') from t")).toBe(
      "select greatest(a, b), max(c), least(x, 1), coalesce(sum(n), 0), coalesce(a, 0), strpos(a, 'x') from t",
    );
    expect(pgText("select cast(a as real) from t where name like ?")).toBe(
      "select cast(a as double precision) from t where name ilike $1",
    );
    expect(pgText("delete from r where expire < unixepoch('subsec') * 1000")).toBe(
      "delete from r where expire < extract(epoch from clock_timestamp()) * 1000",
    );
    expect(pgText("select cast(json_extract(k.payload, '$.year') as integer) from k")).toBe(
      "select cast((cast(k.payload as json) ->> 'year') as integer) from k",
    );
    expect(() => pgText("select json_extract(a, '$.x[0]') from t")).toThrow(/json_extract/);
    expect(pgText("select 1 from k where (? is null or k.state = ?) and ? is not null")).toBe(
      "select 1 from k where (cast($1 as text) is null or k.state = $2) and cast($3 as text) is not null",
    );
    expect(
      pgText(
        'insert into "v" ("id", "a", "b") values (null, ?, ?) on conflict ("v"."a", "v"."b") do update set "b" = ?',
      ),
    ).toBe(
      'insert into "v" ("id", "a", "b") values (default, $1, $2) on conflict ("a", "b") do update set "b" = $3',
    );
    expect(pgText("insert or ignore into t (a) values (?)")).toBe(
      "insert into t (a) values ($1) on conflict do nothing",
    );
  });

  it("sorts a nullable column of the schema as SQLite does (NULL smallest), and nothing else", () => {
    expect(pgText("select id from hosts h order by h.closed_on, h.name desc, closed_on desc limit 5")).toBe(
      "select id from hosts h order by h.closed_on nulls first, h.name desc, closed_on desc nulls last limit 5",
    );
    // drizzle's quoted names; a window's order; an explicit choice and an expression left alone.
    expect(
      pgText(
        'select row_number() over (order by "orgs"."region_id" desc) from "orgs" order by "orgs"."region_id" nulls last, coalesce("orgs"."region_id", 0)',
      ),
    ).toBe(
      'select row_number() over (order by "orgs"."region_id" desc nulls last) from "orgs" order by "orgs"."region_id" nulls last, coalesce("orgs"."region_id", 0)',
    );
    // `name` is nullable in pact_parties only.
    expect(
      pgText("select 1 from pact_parties p join hosts h on h.id = p.host_id order by h.name, p.name"),
    ).toBe(
      "select 1 from pact_parties p join hosts h on h.id = p.host_id order by h.name, p.name nulls first",
    );
  });

  it("passes a row lock (for update skip locked) through, as the job queue's claim writes it", () => {
    expect(
      pgText(
        'update "jobs" set "claimed_at" = ? where "jobs"."id" = (select "jobs"."id" from "jobs" where "jobs"."state" = \'queued\' and "jobs"."claimed_at" is null order by "jobs"."id" limit 1 for update skip locked) returning "id", "worker_args"',
      ),
    ).toBe(
      'update "jobs" set "claimed_at" = $1 where "jobs"."id" = (select "jobs"."id" from "jobs" where "jobs"."state" = \'queued\' and "jobs"."claimed_at" is null order by "jobs"."id" limit 1 for update skip locked) returning "id", "worker_args"',
    );
  });

  it("drops SQLite's unary plus, keeps addition", () => {
    expect(pgText("select a + 1 from t where +t.on <= ? and (+t.x is null or ? < +t.x)")).toBe(
      "select a + 1 from t where t.on <= $1 and (t.x is null or $2 < t.x)",
    );
  });
});

describe("the data layer on PGlite", () => {
  let db: Db;
  beforeAll(async () => {
    db = pgliteDb((await openTestPglite()).$client);
    await execute(
      db,
      sql`insert into regions (code, name, level, path, depth) values ('370000', '省', 'province', '/1/', 0)`,
    );
  }, 60_000);
  afterAll(async () => closeDatabase(db));

  const regionCount = async () => (await selectValue<number>(db, sql`select count(*) from regions`))!;

  it("gives values as SQLite does: counts as numbers, booleans 0/1, dates and JSON as text", async () => {
    expect(await regionCount()).toBe(1);
    expect(
      await selectOne(db, sql`select true as yes, date '2026-12-03' as day, '{"b":1,"a":2}'::json as doc`),
    ).toEqual({ yes: 1, day: "2026-12-03", doc: '{"b":1,"a":2}' });
    expect(await selectValue(db, sql`select sum(x) from (values (2), (3)) as v(x)`)).toBe(5);
  });

  it("orders NULLs of a nullable column as SQLite does, both ways", async () => {
    const sqlite = openTestDb();
    const rows = [
      { code: "370200", name: "青岛", level: "city" as const, path: "/1/3/", depth: 1, parentId: 1 },
      { code: "370300", name: "淄博", level: "city" as const, path: "/1/4/", depth: 1, parentId: null },
      { code: "370400", name: "枣庄", level: "city" as const, path: "/1/5/", depth: 1, parentId: 2 },
    ];
    const order = async (on: Db, dir: "asc" | "desc") =>
      (
        await selectAll<{ code: string }>(
          on,
          sql.raw(`select code from regions where code > '370100' order by parent_id ${dir}, code`),
        )
      ).map((r) => r.code);
    await sqlite.insert(tables.regions).values(rows);
    await db.insert(tables.regions).values(rows);
    try {
      expect(await order(db, "asc")).toEqual(await order(sqlite, "asc"));
      expect(await order(db, "asc")).toEqual(["370300", "370200", "370400"]);
      expect(await order(db, "desc")).toEqual(await order(sqlite, "desc"));
    } finally {
      await db.delete(tables.regions).where(sql`code > '370100'`);
      await closeDatabase(sqlite);
    }
  });

  it("lists of ids and texts (idList, textList) match as on SQLite", async () => {
    const id = (await selectValue<number>(db, sql`select id from regions`))!;
    expect(await selectAll(db, sql`select code from regions where id in ${idList([id, id + 100])}`)).toEqual([
      { code: "370000" },
    ]);
    expect(
      await selectAll(db, sql`select code from regions where code in ${textList(["370000", "x"])}`),
    ).toEqual([{ code: "370000" }]);
  });

  it("the builder inserts with identity ids and reads back through drizzle's mapping", async () => {
    const [row] = await db
      .insert(tables.regions)
      .values({ code: "370100", name: "市", level: "city", path: "/1/2/", depth: 1 })
      .returning({ id: tables.regions.id });
    expect(row!.id).toBeGreaterThan(0);
    const again = await db
      .select({ name: tables.regions.name })
      .from(tables.regions)
      .orderBy(tables.regions.code);
    expect(again.map((r) => r.name)).toEqual(["省", "市"]);
  });

  it("a transaction is all or nothing, its body's statements on `db` inside it; a nested one a savepoint", async () => {
    const before = await regionCount();
    await expect(
      writeTransaction(db, async () => {
        await insertRows(
          db,
          tables.regions,
          ["code", "name", "level", "path", "depth"],
          [["370101", "区甲", "county", "/1/2/3/", 2]],
        );
        // Seen inside (the same connection), by a statement on the `db` the body closes over.
        expect(await regionCount()).toBe(before + 1);
        throw new Error("回滚");
      }),
    ).rejects.toThrow("回滚");
    expect(await regionCount()).toBe(before);

    await writeTransaction(db, async (tx) => {
      await execute(
        tx,
        sql`insert into regions (code, name, level, path, depth) values ('370102', '区乙', 'county', '/1/2/4/', 2)`,
      );
      await writeTransaction(tx, async () => {
        await execute(
          db,
          sql`insert into regions (code, name, level, path, depth) values ('370103', '区丙', 'county', '/1/2/5/', 2)`,
        );
        throw new Error("只回滚这一层");
      }).catch(() => {});
    });
    expect(await selectAll(db, sql`select code from regions where code like '3701%' order by code`)).toEqual([
      { code: "370100" },
      { code: "370102" },
    ]);
  });

  it("the job queue: the oldest queued job with its arguments is claimed once, with who and when", async () => {
    const userId = (
      await db
        .insert(tables.users)
        .values({ username: "queue", passwordHash: "x", role: "admin", displayName: "队列" })
        .returning({ id: tables.users.id })
    )[0]!.id;
    const job = { kind: "import" as const, userId, fileName: "a.xlsx" };
    const first = await queueJob(db, job);
    const second = await queueJob(db, job);
    const mine = await queueJob(db, job, { by: "host-a:1", at: "2026-12-03T10:00:00.000+08:00" });
    // Without its arguments a job is not yet claimable (its upload is being written).
    expect(await claimQueuedJob(db, "host-b:2", "2026-12-03T10:00:01.000+08:00")).toBeUndefined();
    for (const id of [second, first, mine])
      await setJobWorkerArgs(db, id, ["import-job", "--job", String(id)]);
    const claimed = await claimQueuedJob(db, "host-b:2", "2026-12-03T10:00:02.000+08:00");
    expect(claimed).toEqual({ id: first, workerArgs: ["import-job", "--job", String(first)] });
    expect((await claimQueuedJob(db, "host-b:2", "2026-12-03T10:00:03.000+08:00"))?.id).toBe(second);
    // The third was claimed when queued, by the instance that queued it.
    expect(await claimQueuedJob(db, "host-b:2", "2026-12-03T10:00:04.000+08:00")).toBeUndefined();
    expect(
      await selectAll(
        db,
        sql`select id, claimed_by as "claimedBy", claimed_at as "claimedAt" from jobs where id in ${idList([first, mine])} order by id`,
      ),
    ).toEqual([
      { id: first, claimedBy: "host-b:2", claimedAt: "2026-12-03T10:00:02.000+08:00" },
      { id: mine, claimedBy: "host-a:1", claimedAt: "2026-12-03T10:00:00.000+08:00" },
    ]);
  });

  it("a separate transaction inside an open one joins it on PGlite (one connection: waiting would deadlock)", async () => {
    const link = pgLinkOf(db)!;
    const insert = (code: string, path: string) =>
      execute(
        db,
        sql`insert into regions (code, name, level, path, depth) values (${code}, '区戊', 'county', ${path}, 2)`,
      );
    await expect(
      writeTransaction(db, async () => {
        await link.transaction(async () => insert("370105", "/1/2/7/"), "write", { separate: true });
        // Joined: seen inside, and undone with the open transaction.
        expect(await selectValue(db, sql`select count(*) from regions where code = '370105'`)).toBe(1);
        throw new Error("回滚");
      }),
    ).rejects.toThrow("回滚");
    expect(await selectValue(db, sql`select count(*) from regions where code = '370105'`)).toBe(0);
  });

  it("a read transaction sees one moment and refuses to write", async () => {
    await expect(
      readTransaction(db, async () =>
        execute(
          db,
          sql`insert into regions (code, name, level, path, depth) values ('370104', '区丁', 'county', '/1/2/6/', 2)`,
        ),
      ),
    ).rejects.toThrow(/read-only/);
  });
});
