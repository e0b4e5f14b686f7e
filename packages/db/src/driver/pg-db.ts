/**
 * The data layer on PostgreSQL. Every statement of the program is written once, with drizzle's SQLite
 * builder or as a `sql` template over the tables of `schema.ts`; on PostgreSQL the same `Db` API runs
 * them through a link to the server (a pool of node-postgres connections) or to PGlite (the tests):
 * - drizzle renders each statement in its SQLite dialect, and `pgText` turns the text into PostgreSQL's —
 *   numbered placeholders, and the few spellings the two engines do not share (see `pgText`);
 * - parameters go untyped, so PostgreSQL reads each as the type its place needs (0/1 as a boolean, ISO text
 *   as a date, JSON text as json);
 * - values come back as SQLite gives them: booleans as 0/1, dates and JSON as text, bigint and numeric as
 *   numbers (money is stored in 分, whole numbers far below 2^53) — so the program above the driver sees
 *   the same rows on both engines, and the year-end report is byte for byte the same.
 *
 * A transaction holds one connection of the pool for its statements (`PgLink.transaction`): every
 * statement of its body runs on that connection, on the `tx` it is handed or on the `db` it closes over
 * alike (as on SQLite's one connection), and a transaction inside it is a savepoint (on PGlite, which has
 * one connection, even one asked to be `separate`: see `Backend.single`).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { drizzle as drizzleProxy } from "drizzle-orm/sqlite-proxy";
import pg from "pg";
import * as schema from "../schema.ts";
import type { Db } from "./client.ts";
import { tracedStatement } from "./trace.ts";

/** Where a statement runs: a pool, one held connection, PGlite or a PGlite transaction. */
interface Runner {
  query(
    text: string,
    params: readonly unknown[],
    arrays: boolean,
  ): Promise<{ rows: unknown[]; count: number }>;
}

export interface PgLink {
  /** Where the current call chain's statements run (its open transaction's connection, if any). */
  readonly runner: Runner;
  /** In the current call chain: savepoints open (0: the outermost transaction); -1 outside one. */
  readonly depth: number;
  /**
   * Open a transaction (a savepoint inside one; with `separate`, a transaction of its own on another
   * connection even inside one — but not on PGlite, see `Backend.single`) and run `fn` in it: committed
   * when `fn` resolves.
   */
  transaction<T>(
    fn: (tx: Db) => Promise<T>,
    mode: "write" | "read",
    opts?: { separate?: boolean },
  ): Promise<T>;
  close(): Promise<void>;
}

const links = new WeakMap<object, PgLink>();
const pools = new WeakMap<object, pg.Pool>();

/** The node-postgres pool under a server's `Db` (for a library that runs its own statements), if any. */
export function pgPoolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

/** The PostgreSQL link of `db`, or undefined for an SQLite connection. */
export function pgLinkOf(db: Db): PgLink | undefined {
  return links.get(db);
}

/** Whether `db` runs on PostgreSQL. */
export function isPg(db: Db): boolean {
  return links.has(db);
}

// ——— values as SQLite gives them ———

const OID = {
  bool: 16,
  int8: 20,
  json: 114,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
  jsonb: 3802,
} as const;

const asText = (v: string) => v;
const parsers: Record<number, (v: string) => unknown> = {
  [OID.bool]: (v) => (v === "t" || v === "true" ? 1 : 0),
  [OID.int8]: Number,
  [OID.numeric]: Number,
  [OID.json]: asText,
  [OID.jsonb]: asText,
  [OID.date]: asText,
  [OID.timestamp]: asText,
  [OID.timestamptz]: asText,
};

const serverTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// ——— the text ———

const translated = new Map<string, string>();
const MAX_TEXTS = 2_000;

/**
 * A statement rendered by drizzle's SQLite dialect, as PostgreSQL takes it:
 * - `?` → `$1`, `$2`, … (outside quoted strings and names); `? is null` → `cast($1 as text) is null`;
 * - in an insert's `values (…)`, the bare `null` SQLite's dialect writes for a column without a value →
 *   `default` (an identity id, a column's default);
 * - a camelCase alias (`as hostId`, and its uses) quoted: PostgreSQL folds bare names to lower case;
 * - SQLite's unary plus (which keeps its planner off an index) dropped: PostgreSQL has it for numbers only;
 * - `like` → `ilike` (SQLite's like ignores ASCII case);
 * - scalar `max(a, b)`/`min(a, b)` → `greatest`/`least`; `total(x)` → `coalesce(sum(x), 0)`;
 *   `ifnull` → `coalesce`; `instr(a, b)` → `strpos(a, b)`; `cast(x as real)` → double precision;
 *   `unixepoch('subsec')` → `extract(epoch from clock_timestamp())`; `json_extract(doc, '$.key')` →
 *   `cast(doc as json) ->> 'key'` (text);
 * - `json_each(?)` (a list of ids or texts, `idList`/`textList`) → the elements of the jsonb array;
 * - `insert or ignore into` → `insert into … on conflict do nothing`; `on conflict ("t"."a")` → `("a")`;
 * - in an `order by`, a nullable column of the schema sorted as SQLite sorts it: `nulls first` ascending,
 *   `nulls last` descending (SQLite's NULL is the smallest value; PostgreSQL's default is the opposite).
 */
export function pgText(text: string): string {
  let out = translated.get(text);
  if (out === undefined) {
    out = translate(text);
    if (translated.size >= MAX_TEXTS) translated.clear();
    translated.set(text, out);
  }
  return out;
}

/** Each table's nullable columns (snake_case): where NULLs sort differently by default. */
const NULLABLE = new Map(
  Object.values(schema).flatMap((table) => {
    if (!is(table, SQLiteTable)) return [];
    const config = getTableConfig(table);
    const names = config.columns
      .filter((c) => !c.notNull)
      .map((c) => c.name.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`));
    return [[config.name, new Set(names)] as const];
  }),
);

/** The tables a statement reads, by the name or alias it gives them (`from hosts h`, `join "orgs" o`). */
function tablesOf(tokens: Token[]): Map<string, string> {
  const out = new Map<string, string>();
  const bare = (t: Token | undefined) =>
    t?.kind === "name" ? t.text.slice(1, -1) : t?.kind === "word" ? t.text.toLowerCase() : "";
  for (let i = 0; i < tokens.length; i++) {
    const w = bare(tokens[i]);
    if (tokens[i]!.kind !== "word" || (w !== "from" && w !== "join")) continue;
    const table = bare(tokens[nextSolid(tokens, i + 1)]);
    if (!NULLABLE.has(table)) continue;
    out.set(table, table);
    let k = nextSolid(tokens, nextSolid(tokens, i + 1) + 1);
    if (bare(tokens[k]) === "as") k = nextSolid(tokens, k + 1);
    const alias = bare(tokens[k]);
    if (alias && !SQL_WORDS.has(alias)) out.set(alias, table);
  }
  return out;
}

const SQL_WORDS = new Set([
  "where",
  "join",
  "left",
  "inner",
  "cross",
  "on",
  "group",
  "order",
  "limit",
  "union",
  "using",
]);

/**
 * Whether a column of an `order by` item may be NULL: of the table its qualifier names, or of any table the
 * statement reads when it is bare.
 */
function mayBeNull(tables: Map<string, string>, qualifier: string | null, column: string): boolean {
  const named = qualifier === null ? [...new Set(tables.values())] : [tables.get(qualifier) ?? qualifier];
  return named.some((t) => NULLABLE.get(t)?.has(column));
}

const ORDER_BY_ENDS = new Set(["limit", "offset", "for", "union", "except", "intersect", "returning"]);

/**
 * The items of the `order by` list whose `by` is at `by`: for each, the index of its last solid token and
 * whether it is a bare column (`c`, `t.c`, `"t"."c"`) with an optional direction.
 */
function orderItems(
  tokens: Token[],
  by: number,
): { last: number; qualifier: string | null; column: string | null; desc: boolean; nulls: boolean }[] {
  const items: Token[][] = [[]];
  const at: number[][] = [[]];
  let level = 0;
  for (let i = by + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "punct" && t.text === "(") level++;
    else if (t.kind === "punct" && t.text === ")" && --level < 0) break;
    else if (level === 0 && t.kind === "punct" && t.text === ";") break;
    else if (level === 0 && t.kind === "word" && ORDER_BY_ENDS.has(t.text.toLowerCase())) break;
    if (level === 0 && t.kind === "punct" && t.text === ",") {
      items.push([]);
      at.push([]);
      continue;
    }
    if (t.kind === "space") continue;
    items[items.length - 1]!.push(t);
    at[at.length - 1]!.push(i);
  }
  return items.map((item, k) => {
    const words = item.map((t) => (t.kind === "name" ? t.text.slice(1, -1) : t.text.toLowerCase()));
    const nulls = words.includes("nulls");
    const desc = words[words.length - 1] === "desc";
    const body = words[words.length - 1] === "asc" || desc ? item.slice(0, -1) : item;
    const bare =
      (body.length === 1 && body[0]!.kind !== "punct") ||
      (body.length === 3 && body[1]!.text === "." && body[0]!.kind !== "punct" && body[2]!.kind !== "punct");
    const last = body[body.length - 1];
    const column =
      bare && last ? (last.kind === "name" ? last.text.slice(1, -1) : last.text.toLowerCase()) : null;
    const first = body[0];
    const qualifier =
      column && body.length === 3 && first
        ? first.kind === "name"
          ? first.text.slice(1, -1)
          : first.text.toLowerCase()
        : null;
    return { last: at[k]![at[k]!.length - 1] ?? by, qualifier, column, desc, nulls };
  });
}

interface Token {
  kind: "word" | "string" | "name" | "param" | "punct" | "space";
  text: string;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= text.length) break;
        if (text[j] === c) {
          if (text[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out.push({ kind: c === "'" ? "string" : "name", text: text.slice(i, j + 1) });
      i = j + 1;
    } else if (c === "?") {
      out.push({ kind: "param", text: "?" });
      i++;
    } else if (/\s/.test(c)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      out.push({ kind: "space", text: text.slice(i, j) });
      i = j;
    } else if (/[A-Za-z_0-9]/.test(c)) {
      let j = i;
      while (j < text.length && /[A-Za-z_0-9]/.test(text[j]!)) j++;
      out.push({ kind: "word", text: text.slice(i, j) });
      i = j;
    } else {
      out.push({ kind: "punct", text: c });
      i++;
    }
  }
  return out;
}

/** The index of the `)` closing the `(` at `open`, and the top-level commas between. */
function group(tokens: Token[], open: number): { close: number; commas: number[] } {
  let level = 0;
  const commas: number[] = [];
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (tokens[i]!.kind !== "punct") continue;
    if (t === "(") level++;
    else if (t === ")") {
      level--;
      if (level === 0) return { close: i, commas };
    } else if (t === "," && level === 1) commas.push(i);
  }
  throw new Error(`SQL 括号不配对:${tokens.map((t) => t.text).join("")}`);
}

function nextSolid(tokens: Token[], from: number): number {
  let i = from;
  while (i < tokens.length && tokens[i]!.kind === "space") i++;
  return i;
}

const OPERATOR_WORDS = new Set([
  "and",
  "or",
  "not",
  "when",
  "then",
  "else",
  "select",
  "where",
  "on",
  "by",
  "is",
  "in",
  "case",
  "having",
  "between",
]);

/** Whether the `+` at `i` is unary: nothing that ends an operand comes before it. */
function unary(tokens: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && tokens[j]!.kind === "space") j--;
  if (j < 0) return true;
  const p = tokens[j]!;
  if (p.kind === "punct") return p.text !== ")";
  if (p.kind === "word") return OPERATOR_WORDS.has(p.text.toLowerCase());
  return false;
}

function translate(text: string): string {
  const tokens = tokenize(text);
  const lower = (i: number) => (tokens[i]?.kind === "word" ? tokens[i]!.text.toLowerCase() : "");
  const first = lower(nextSolid(tokens, 0));
  let inValues = false;
  let orIgnore = false;
  let tables: Map<string, string> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "punct" && t.text === "+" && unary(tokens, i)) {
      // SQLite's unary plus (`+h.founded_on`, which keeps its planner off an index) is for numbers only here.
      t.text = "";
      continue;
    }
    if (t.kind !== "word") continue;
    if (/[a-z]/.test(t.text) && /[A-Z]/.test(t.text)) {
      // A camelCase alias (`host_id as hostId`): PostgreSQL folds a bare name to lower case.
      t.text = `"${t.text}"`;
      continue;
    }
    const w = t.text.toLowerCase();
    const open = nextSolid(tokens, i + 1);
    const call = tokens[open]?.text === "(";
    if (first === "insert" && w === "or" && i === nextSolid(tokens, nextSolid(tokens, 0) + 1)) {
      const what = nextSolid(tokens, i + 1);
      if (lower(what) === "ignore") {
        orIgnore = true;
        t.text = "";
        tokens[what]!.text = "";
        tokens[i + 1]!.text = "";
        if (tokens[what + 1]?.kind === "space") tokens[what + 1]!.text = "";
      }
    } else if (first === "insert" && w === "values") inValues = true;
    else if (inValues && (w === "on" || w === "returning" || w === "select")) inValues = false;
    else if (inValues && w === "null") t.text = "default";
    else if (w === "like") t.text = "ilike";
    else if (call && (w === "max" || w === "min") && group(tokens, open).commas.length > 0)
      t.text = w === "max" ? "greatest" : "least";
    else if (call && w === "total") {
      const { close } = group(tokens, open);
      t.text = "coalesce(sum";
      tokens[close]!.text = "), 0)";
    } else if (call && w === "ifnull") t.text = "coalesce";
    else if (call && w === "unixepoch") {
      // unixepoch('subsec'): the wall clock in seconds with their fraction.
      const { close } = group(tokens, open);
      for (let k = open; k <= close; k++) tokens[k]!.text = "";
      t.text = "extract(epoch from clock_timestamp())";
    } else if (w === "order" && lower(nextSolid(tokens, i + 1)) === "by") {
      // SQLite sorts NULL first ascending and last descending; PostgreSQL the other way round by default.
      tables ??= tablesOf(tokens);
      for (const item of orderItems(tokens, nextSolid(tokens, i + 1)))
        if (item.column && !item.nulls && mayBeNull(tables, item.qualifier, item.column))
          tokens[item.last]!.text += item.desc ? " nulls last" : " nulls first";
    } else if (call && w === "instr") t.text = "strpos";
    else if (call && w === "conflict") {
      // on conflict ("t"."a", "t"."b"): PostgreSQL names the target's columns unqualified.
      const { close } = group(tokens, open);
      for (let k = open + 1; k < close; k++)
        if (tokens[k]!.kind === "name" && tokens[k + 1]?.text === "." && tokens[k + 2]?.kind === "name") {
          tokens[k]!.text = "";
          tokens[k + 1]!.text = "";
        }
    } else if (call && w === "json_extract") {
      // json_extract(doc, '$.key') → doc ->> 'key' (text: a caller comparing it with a number casts it).
      const { close, commas } = group(tokens, open);
      const path = tokens.slice(commas[0]! + 1, close).find((x) => x.kind !== "space");
      const key = path?.kind === "string" ? /^'\$\.(\w+)'$/.exec(path.text)?.[1] : undefined;
      if (commas.length !== 1 || !key) throw new Error(`json_extract 只支持 '$.键名':${text}`);
      t.text = "";
      tokens[open]!.text = "(cast(";
      for (let k = commas[0]!; k < close; k++) tokens[k]!.text = "";
      tokens[commas[0]!]!.text = ` as json) ->> '${key}'`;
    } else if (call && w === "json_each") {
      // (select … value from json_each(?)) → the elements of the jsonb array, as text, in a column `value`.
      const { close } = group(tokens, open);
      t.text = "jsonb_array_elements_text";
      tokens[open]!.text = "(cast(";
      tokens[close]!.text = " as jsonb)) as j(value)";
    } else if (
      w === "real" &&
      lower(nextSolid(tokens, i + 1)) === "" &&
      tokens[nextSolid(tokens, i + 1)]?.text === ")"
    ) {
      const before = tokens
        .slice(0, i)
        .reverse()
        .find((x) => x.kind !== "space");
      if (before?.kind === "word" && before.text.toLowerCase() === "as") t.text = "double precision";
    }
  }
  let n = 0;
  // `? is null` (an optional filter): PostgreSQL cannot tell an untyped parameter's type there; as text it can.
  const tested = (i: number) => lower(nextSolid(tokens, i + 1)) === "is";
  let out = tokens
    .map((t, i) => (t.kind !== "param" ? t.text : tested(i) ? `cast($${++n} as text)` : `$${++n}`))
    .join("");
  if (orIgnore) {
    const at = out.search(/\sreturning\s/i);
    out =
      at < 0 ? `${out} on conflict do nothing` : `${out.slice(0, at)} on conflict do nothing${out.slice(at)}`;
  }
  return out;
}

// ——— the data version ———

/** One more write that changes figures (the one row of `data_version`, created by the first). */
export const BUMP_DATA_VERSION =
  "insert into data_version (id, version) values (1, 1) on conflict (id) do update set version = data_version.version + 1";

/**
 * Move the data version when the transaction open on `db` commits (once, however many writes ask), or at
 * once outside a transaction. False when `db` is not PostgreSQL (SQLite's caller bumps in place: its
 * writers are one at a time anyway).
 */
export async function bumpDataVersionOnCommit(db: Db): Promise<boolean> {
  const link = links.get(db);
  if (!link) return false;
  const o = open.getStore();
  if (o?.root === link) o.top.bumpDataVersion = true;
  else await link.runner.query(BUMP_DATA_VERSION, [], false);
  return true;
}

/** Whether the current call chain runs in a read-only transaction of `db` (a port's `read`). */
export function pgInReadTransaction(db: Db): boolean {
  const link = links.get(db);
  const o = open.getStore();
  return link !== undefined && o?.root === link && o.top.mode === "read";
}

// ——— the links ———

/**
 * The transaction the current async call chain has open, per link. A use case written for SQLite runs its
 * statements on the `db` it was given, inside or outside `writeTransaction(db, …)` (on SQLite one
 * connection: the same thing); here a statement on `db` inside the body of a transaction runs on the
 * transaction's connection, so the body may use `db` or the `tx` it is handed alike.
 */
interface Open {
  root: PgLink;
  runner: Runner;
  depth: number;
  /** The outermost transaction's own state, shared by its savepoints. */
  top: { bumpDataVersion: boolean; mode: "read" | "write" };
}
const open = new AsyncLocalStorage<Open>();

/**
 * Run `fn` outside whatever transaction the current call chain has open on any link: what it opens is its
 * own (on a server, another connection), never a savepoint of the caller's.
 */
export function outsideTransactions<T>(fn: () => T): T {
  return open.exit(fn);
}

/** The runner for a statement of `root` in the current call chain. */
function current(root: PgLink, base: Runner): { runner: Runner; open: Open | undefined } {
  const o = open.getStore();
  return o?.root === root ? { runner: o.runner, open: o } : { runner: base, open: undefined };
}

/** How a root link reaches its server: statements outside a transaction, and one connection for one. */
interface Backend {
  runner: Runner;
  /** Run `fn` with a connection of its own in a transaction (`begin` already sent), and end it. */
  hold<T>(begin: string, fn: (runner: Runner) => Promise<T>): Promise<T>;
  /**
   * One connection only (PGlite): a transaction of its own (`separate`) inside an open one cannot exist —
   * it would wait for the one connection, which the open transaction holds until its body, waiting for
   * it, ends: a deadlock. There it joins the open transaction as a savepoint instead.
   */
  single?: boolean;
  close(): Promise<void>;
}

const BEGIN = {
  write: "begin isolation level read committed",
  read: "begin isolation level repeatable read read only",
} as const;

function rootLink(backend: Backend): Db {
  const link: PgLink = {
    get runner() {
      return current(link, backend.runner).runner;
    },
    get depth() {
      return current(link, backend.runner).open?.depth ?? -1;
    },
    async transaction(fn, mode, opts) {
      const o = current(link, backend.runner).open;
      if (o && (!opts?.separate || backend.single)) {
        const name = `lx_${o.depth + 1}`;
        await o.runner.query(`savepoint ${name}`, [], false);
        try {
          const out = await open.run({ root: link, runner: o.runner, depth: o.depth + 1, top: o.top }, () =>
            fn(db),
          );
          await o.runner.query(`release savepoint ${name}`, [], false);
          return out;
        } catch (e) {
          await o.runner.query(`rollback to savepoint ${name}`, [], false);
          throw e;
        }
      }
      return backend.hold(BEGIN[mode], async (runner) => {
        const top = { bumpDataVersion: false, mode };
        const out = await open.run({ root: link, runner, depth: 0, top }, () => fn(db));
        // Just before the commit: the version row's lock is held only while committing, so two writers
        // never wait for each other on it while they hold other rows (no deadlock), and are ordered by it.
        if (top.bumpDataVersion) await runner.query(BUMP_DATA_VERSION, [], false);
        return out;
      });
    },
    close: () => backend.close(),
  };
  const run = async (text: string, params: unknown[], method: "run" | "all" | "values" | "get") => {
    const r = await link.runner.query(pgText(text), params, true);
    return { rows: method === "get" ? (r.rows[0] as unknown[]) : r.rows };
  };
  // The batch callback too: drizzle's proxy reads the config (casing, schema) only after one.
  const db = drizzleProxy(
    run,
    async (batch) => {
      const out: { rows: unknown[] }[] = [];
      for (const q of batch) out.push(await run(q.sql, q.params as unknown[], q.method));
      return out;
    },
    { schema, casing: "snake_case" },
  ) as unknown as Db;
  links.set(db, link);
  return db;
}

/** A statement's rows for its span: those answered, else those changed. */
const spanRows = (r: { rows: unknown[]; count: number }) => (r.rows.length > 0 ? r.rows.length : r.count);

function poolRunner(client: pg.Pool | pg.PoolClient): Runner {
  return {
    query: (text, params, arrays) =>
      tracedStatement(
        "postgresql",
        text,
        async () => {
          const r = await client.query({
            text,
            values: params as unknown[],
            ...(arrays ? { rowMode: "array" as const } : {}),
          });
          return { rows: r.rows as unknown[], count: r.rowCount ?? 0 };
        },
        spanRows,
      ),
  };
}

function pgliteRunner(client: PGlite | PgliteTransaction): Runner {
  return {
    query: (text, params, arrays) =>
      tracedStatement(
        "postgresql",
        text,
        async () => {
          const r = await client.query(text, params as unknown[], {
            parsers,
            ...(arrays ? { rowMode: "array" as const } : {}),
          });
          return { rows: r.rows as unknown[], count: r.affectedRows ?? 0 };
        },
        spanRows,
      ),
  };
}

/** The data layer on the PostgreSQL server at `url` (a pool of `max` connections). */
export function openPgDb(url: string, max = 10): Db {
  // allowExitOnIdle: a command ends when its work is done, without waiting out the idle connections.
  // jit=off: PostgreSQL compiles a statement estimated as costly (the year-end report's host and member
  // statements) before running it — 0.5–0.6 s of the server's CPU each at 200,000 hosts (auto_explain's
  // "JIT: Timing … Total"), more than it saved in the statement.
  // max_parallel_workers_per_gather=0: the portal already runs statements side by side (its requests, and a
  // report asks its board, host and member statements at once on several connections); parallel workers
  // of each statement on top competed with them for the same cores — the city's report at 200,000 hosts on
  // two cores took 4.8–5.0 s without them against 6.0–7.6 s with them (the baseline statement the same).
  // An `options` parameter of the URL replaces both (pg reads the URL last; docs/configuration.md).
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: serverTypes,
    allowExitOnIdle: true,
    options: "-c jit=off -c max_parallel_workers_per_gather=0",
  });
  // An idle connection the server dropped (a restart): the pool discards it and the next statement opens
  // another; without a listener the event would end the process.
  pool.on("error", () => {});
  const db = rootLink({
    runner: poolRunner(pool),
    async hold(begin, fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        const held = poolRunner(client);
        await held.query(begin, [], false);
        try {
          const out = await fn(held);
          await held.query("commit", [], false);
          return out;
        } catch (e) {
          await held.query("rollback", [], false).catch((err: unknown) => {
            broken = err instanceof Error ? err : new Error(String(err));
          });
          throw e;
        }
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  });
  pools.set(db, pool);
  return db;
}

/** The data layer on a PGlite database (tests): one connection, one transaction at a time. */
export function pgliteDb(client: PGlite): Db {
  return rootLink({
    single: true,
    runner: pgliteRunner(client),
    // PGlite's own transaction holds its one connection: other statements wait until it ends.
    hold: (begin, fn) =>
      client.transaction(async (tx) => {
        // PGlite has begun with its default (read committed); a read sets its snapshot's level first.
        if (begin === BEGIN.read) await tx.query("set transaction isolation level repeatable read read only");
        return fn(pgliteRunner(tx));
      }),
    close: () => client.close(),
  });
}

/**
 * Hold PostgreSQL's session advisory lock (`classId`, `objId`) on a connection of its own until the
 * returned release is called. The server releases it when that connection ends — when the process holding
 * it dies, on whichever machine — so another instance tells a live holder from a dead one with
 * `pg_try_advisory_xact_lock` (see `advisoryLockFree`). On PGlite (one session) the lock is taken on the
 * one connection, where the same session's try would succeed: a server's deployment is what it is for.
 */
export async function holdAdvisoryLock(db: Db, classId: number, objId: number): Promise<() => Promise<void>> {
  const pool = pgPoolOf(db);
  if (!pool) {
    const link = pgLinkOf(db);
    if (!link) throw new Error("holdAdvisoryLock: not a PostgreSQL database");
    await link.runner.query("select pg_advisory_lock($1, $2)", [classId, objId], false);
    return async () => {
      await link.runner.query("select pg_advisory_unlock($1, $2)", [classId, objId], false);
    };
  }
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1, $2)", [classId, objId]);
  } catch (e) {
    client.release(e instanceof Error ? e : true);
    throw e;
  }
  return async () => {
    // Ending the connection (not returning it to the pool) releases the lock whatever happened meanwhile.
    client.release(true);
  };
}

/**
 * Whether nobody holds the advisory lock (`classId`, `objId`) at this moment: tried for the current
 * transaction (a caller inside `writeTransaction`), so a free lock is let go again when it ends.
 */
export async function advisoryLockFree(db: Db, classId: number, objId: number): Promise<boolean> {
  const link = pgLinkOf(db);
  if (!link) throw new Error("advisoryLockFree: not a PostgreSQL database");
  const r = await link.runner.query(
    "select pg_try_advisory_xact_lock($1, $2) as free",
    [classId, objId],
    false,
  );
  return (r.rows[0] as { free: unknown }).free === 1 || (r.rows[0] as { free: unknown }).free === true;
}
