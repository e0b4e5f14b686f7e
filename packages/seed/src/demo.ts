/**
 * `seedDemo`: fill an empty database with the fictional city 清源市 in one transaction, plus six demo
 * accounts (password `Demo@2026`). Deterministic: the same seed and "today" give the same rows (password
 * hashes aside, which are salted).
 */
import { fixedClock, isIsoDate, setClock, yearOf } from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { writeAudit } from "@liangxin/db/audit";
import { bumpDataVersion } from "@liangxin/db/data-version";
import { type Db, selectValue, syncIdSequences, writeTransaction } from "@liangxin/db/driver";
import { createUser, SYSTEM_ACTOR } from "@liangxin/db/auth";
import { CITY_TABLES, TABLE_LABELS } from "@liangxin/db/tables";
import { buildDemo, DEMO_PASSWORD, DEMO_TODAY } from "./build.ts";
import { SEED_TABLES, SQL_TABLE, writeSeedData, type SeedTable } from "./write.ts";
import { seedDailyWork, seedStamp } from "./daily-work.ts";
import { seedBasics } from "./basics.ts";
import { seedAssessment } from "./assessment.ts";
import { seedTraining } from "./training.ts";
import { seedContacts } from "./contacts.ts";
import { demoYears, shiftSeedData } from "./shift.ts";
import { approveYearIn } from "@liangxin/core/reports";

export { DEMO_PASSWORD, DEMO_TODAY } from "./build.ts";
export const DEMO_SEED = 20261121;

export interface SeedDemoOptions {
  /** Seed of the generator (default 20261121). */
  seed?: number;
  /**
   * The demo's "today": nothing is dated after it, and its years are the three before and its own
   * (default: the canonical day 2026-12-03, for tests; the command line passes the clock's today).
   */
  today?: string;
  /**
   * Approve the reports of the past years at every level (default true). Tests about other things pass
   * false: their records may then be dated in those years without meeting the period lock.
   */
  pastReports?: boolean;
  /** Progress: steps done, steps in all, and a Chinese label of the step just started. */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface DemoAccount {
  username: string;
  password: string;
  role: "admin" | "secretary" | "owner";
  /** e.g. 市级管理员 */
  roleLabel: string;
  /** The organization or host unit the account is bound to. */
  scopeName: string;
}

/** Rows per table after seeding, keyed by SQL table name. */
export type TableCounts = Record<string, number>;

export interface DemoSummary {
  seed: number;
  today: string;
  /** The one password of every demo account. */
  password: string;
  accounts: DemoAccount[];
  counts: TableCounts;
  elapsedMs: number;
}

export const demoMessages = {
  notEmpty: (hosts: number, orgs: number) =>
    `数据库中已有数据(两新组织 ${hosts} 个、党组织 ${orgs} 个),演示数据只能写入空数据库`,
  tableNotEmpty: (table: string, n: number) => `数据库中已有${table}数据 ${n} 条,演示数据只能写入空数据库`,
  badToday: (today: string) => `演示数据的“今天”应为 2026-01-01 或以后的有效日期(YYYY-MM-DD):${today}`,
  badSeed: (seed: number) => `随机种子应为非负整数:${seed}`,
  stepBuild: "生成演示数据(行政区划、党组织、两新组织、党员、指导员)",
  stepWrite: (table: string) => `写入${TABLE_LABELS[table] ?? table}`,
  stepUsers: "创建演示账号",
  stepReports: (years: number[]) => `逐级上报并审核往年年报(${years.join("、")}年)`,
  reportExplanation: "演示数据:已逐项核实",
  stepDone: "完成",
} as const;

/** Tables the summary counts, in dependency order: every table of the one list (`@liangxin/db/tables`). */
export const COUNTED_TABLES: readonly string[] = CITY_TABLES.map((t) => t.name);

/** Rows per table of `tables` (default: the tables the summary counts; names are code constants). */
export async function countTables(db: Db, tables: readonly string[] = COUNTED_TABLES): Promise<TableCounts> {
  const counts: TableCounts = {};
  for (const t of tables) {
    counts[t] = (await selectValue<number>(db, sql`select count(*) from ${sql.identifier(t)}`)) ?? 0;
  }
  return counts;
}

const MAY_EXIST = new Set<string>(["policies", "users", "audit_log"]);

/** The earliest day a demo can be seeded for: the city moves back at most a year from its canonical day. */
const MIN_TODAY = "2026-01-01";

export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  const seed = options.seed ?? DEMO_SEED;
  const today = options.today ?? DEMO_TODAY;
  const progress = options.onProgress;
  if (!isIsoDate(today) || today < MIN_TODAY) throw new Error(demoMessages.badToday(today));
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(demoMessages.badSeed(seed));

  const before = await countTables(db);
  const hosts = before.hosts ?? 0;
  const orgs = before.orgs ?? 0;
  if (hosts > 0 || orgs > 0) throw new Error(demoMessages.notEmpty(hosts, orgs));
  // Data tables must be empty; policies, users (the demo usernames must be free) and the log may exist.
  for (const t of COUNTED_TABLES) {
    const n = before[t] ?? 0;
    if (!MAY_EXIST.has(t) && n > 0) throw new Error(demoMessages.tableNotEmpty(TABLE_LABELS[t] ?? t, n));
  }

  // 1 build step + the generated tables + users + past years' reports.
  const total = 1 + SEED_TABLES.length + 2;
  let done = 0;
  progress?.(done, total, demoMessages.stepBuild);
  // The city of the canonical day, moved to `today`: the same story relative to any day.
  const built = buildDemo(seed, DEMO_TODAY);
  const accounts = built.accounts;
  const data = shiftSeedData(built.data, DEMO_TODAY, today);
  // Policy versions already set are kept; the defaults are written only into an empty table.
  if ((before.policies ?? 0) > 0) data.policies = [];
  done++;

  const summary = await writeTransaction(db, async (): Promise<DemoSummary> => {
    await writeSeedData(db, data, seedStamp(today), (table: SeedTable) => {
      done++;
      progress?.(done, total, demoMessages.stepWrite(SQL_TABLE[table]));
    });
    progress?.(done, total, demoMessages.stepUsers);
    for (const a of accounts) {
      await createUser(
        db,
        {
          username: a.username,
          displayName: a.displayName,
          password: DEMO_PASSWORD,
          role: a.role,
          ...(a.orgCode ? { orgCode: a.orgCode } : {}),
          ...(a.hostCreditCode ? { hostCreditCode: a.hostCreditCode } : {}),
        },
        SYSTEM_ACTOR,
      );
    }
    done++;
    const counts = await countTables(db);
    await writeAudit(db, {
      userId: SYSTEM_ACTOR.userId,
      username: SYSTEM_ACTOR.username,
      action: "seed.demo",
      entity: "database",
      entityId: null,
      scopeOrgId: data.orgs[0]?.id ?? null,
      before: null,
      after: { seed, today, counts },
    });
    counts.audit_log = (counts.audit_log ?? 0) + 1;
    return {
      seed,
      today,
      password: DEMO_PASSWORD,
      accounts: accounts.map((a) => ({
        username: a.username,
        password: DEMO_PASSWORD,
        role: a.role,
        roleLabel: a.roleLabel,
        scopeName: a.scopeName,
      })),
      counts,
      elapsedMs: 0,
    };
  });
  await seedDailyWork(db, { seed, today });
  // The five basics draw from a stream of their own: the figures above stay as they were.
  await seedBasics(db, { seed, today });
  // Assessment (考核) draws from a stream of its own as well.
  await seedAssessment(db, { seed, today });
  // The trainings, a stream of their own too.
  await seedTraining(db, { seed, today });
  // Showcases and leaders' contact points: a stream of their own too.
  await seedContacts(db, { seed, today });
  // The past years carry approved reports: every level submitted and its parent approved, in January.
  const past = options.pastReports === false ? [] : demoYears(today).filter((y) => y < yearOf(today));
  progress?.(total - 1, total, demoMessages.stepReports(past));
  await writeTransaction(db, async () => {
    for (const year of past) {
      const day = `${year + 1}-01-20` < today ? `${year + 1}-01-20` : today;
      const restore = setClock(fixedClock(`${day}T10:00:00+08:00`));
      try {
        await approveYearIn(db, { year, explanation: demoMessages.reportExplanation });
      } finally {
        restore();
      }
    }
  });
  // The reports wrote their audit entries: count again.
  summary.counts = await countTables(db);
  // Rows were written with their ids: PostgreSQL's identity sequences follow them (nothing on SQLite).
  // The steps above wrote records without an audit row each: figures kept by a running portal move on.
  await writeTransaction(db, () => bumpDataVersion(db));
  await syncIdSequences(db);
  progress?.(total, total, demoMessages.stepDone);
  summary.elapsedMs = Math.round(performance.now() - started);
  return summary;
}
