/**
 * Issue 25, goal 1: the city's report uses both cores. On a database file, the report's five-basics board
 * asks its statements of the read thread (read-thread.ts) while the report's counts run on the calling
 * thread. Whether it may was once decided only after the board had read its organizations — by then the
 * counts had opened their transaction on the shared connection, and all its statements ran one after the
 * other on the calling thread, depending on which of the two started first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "@liangxin/core/reports";
import { bumpDataVersion } from "@liangxin/db/data-version";
import { hostFactsStats } from "@liangxin/db/report-counts";
import {
  closeDb,
  execute,
  migrateDb,
  openDb,
  readThreadSettled,
  readThreadStats,
  selectValue,
  type Db,
} from "@liangxin/db/driver";
import { sql } from "drizzle-orm";
import { unsafeSystemScope } from "@liangxin/db/scope";
import { fixedClock, setClock } from "@liangxin/domain";
import { seedScale } from "../src/scale.ts";

const TODAY = "2026-12-03";
/** The city's quality statements (quality.ts: joint organizations, instructors, standalone organizations). */
const QUALITY = 3;
// The kept figures' years follow the clock (report-facts.ts): pinned, 2025 is one of them whatever the date.
const restore = setClock(fixedClock(`${TODAY}T10:00:00+08:00`));
afterAll(() => restore());

describe("the city's year-end report on a database file", () => {
  let dir: string;
  let db: Db;
  let city: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "liangxin-report-thread-"));
    db = openDb(path.join(dir, "city.db"));
    migrateDb(db);
    await seedScale(db, { hosts: 3_000, today: TODAY });
    city = (await selectValue<string>(
      db,
      sql`select code from orgs where parent_id is null and category = 'cityCommittee'`,
    ))!;
  }, 120_000);
  afterAll(() => {
    closeDb(db);
    rmSync(dir, { recursive: true, force: true });
  });

  /** The statements asked of the read thread while the city's report of `year` is built. */
  async function askedOfThread(year = 2025): Promise<number> {
    await readThreadSettled();
    const asked = () =>
      readThreadStats.answered + readThreadStats.takenBack + readThreadStats.stale + readThreadStats.failed;
    const before = { asked: asked(), stale: readThreadStats.stale, failed: readThreadStats.failed };
    const view = await buildReport(
      { db, scope: await unsafeSystemScope(db), today: TODAY },
      { nodeCode: city, year },
    );
    await readThreadSettled();
    expect(view.total.hosts).toBeGreaterThan(2_000);
    expect(view.basics?.total.orgs).toBeGreaterThan(0);
    // Each answered by the thread or taken back by the calling thread when it needed it first; none of
    // another version, none failed.
    expect(readThreadStats.stale).toBe(before.stale);
    expect(readThreadStats.failed).toBe(before.failed);
    return asked() - before.asked;
  }

  it("asks the kept five basics of the read thread, the host parts read as the writes keep them", async () => {
    const kept = hostFactsStats.kept;
    // The organizations under the node with their kept five basics of 2025 (basics/kept.ts), and the
    // city's three quality statements (quality.ts), asked before the counts.
    expect(await askedOfThread()).toBe(1 + QUALITY);
    expect(hostFactsStats.kept).toBe(kept + 1);
  }, 120_000);

  it("asks the board's statements of the read thread for the current year, judged on today", async () => {
    // Nine statements of the board: its organizations and eight facts.
    expect(await askedOfThread(2026)).toBe(9 + QUALITY);
  }, 120_000);

  it("asks the counts' host and instructor statements too while the kept parts wait for a recount", async () => {
    // A write outside a write transaction: its regions are marked, recounted by the next write transaction.
    await execute(db, sql`update host_years set employees = employees + 1 where year = 2025`);
    await bumpDataVersion(db);
    const counted = hostFactsStats.counted;
    expect(await askedOfThread()).toBe(1 + QUALITY + 2);
    expect(hostFactsStats.counted).toBe(counted + 1);
  }, 120_000);
});
