/**
 * The one clock through the API (issue 13): at 00:30 on 1 January in Beijing — still 31 December in UTC —
 * "today" is 1 January for every record made then, and the audit entry shows 00:30.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, formatChinaTime, setClock } from "@liangxin/domain";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { seedDemo } from "@liangxin/seed/demo";
import { createCaller } from "../src/root.ts";
import { createContext } from "../src/context.ts";

const INSTANT = "2026-01-01T00:30:00+08:00";
let db: Db;
let restore: () => void;

function callerFor(username: string) {
  const id = db.$client.prepare("select id from users where username = ?").pluck().get(username) as number;
  // No `today` given: the context takes it from the one clock.
  return createCaller(createContext({ db, userId: id }));
}

beforeAll(async () => {
  restore = setClock(fixedClock(INSTANT));
  db = openTestDb();
  await seedDemo(db, { today: "2026-01-01" });
});
afterAll(() => restore());

describe("at 2026-01-01 00:30 Beijing time", () => {
  it("dates a new plan's progress note 2026-01-01, and its audit entry shows 00:30", async () => {
    const township = callerFor("township");
    expect((await township.work.context()).today).toBe("2026-01-01");
    const board = await township.work.plans.board();
    const host = board.shouldEstablish.find((h) => h.openPlanId === null)!;
    expect(host).toBeDefined();
    const { id } = await township.work.plans.create({
      hostId: host.hostId,
      targetOn: "2026-06-30",
      responsible: "王建国",
      note: "已摸清企业内党员情况",
    });
    const plan = await township.work.plans.get({ id });
    expect(plan.notes.map((n) => n.notedOn)).toEqual(["2026-01-01"]);

    const audit = await township.audit.search({ page: 1, pageSize: 10, action: "plan.create" });
    const entry = audit.rows.find((r) => r.entityId === String(id))!;
    expect(entry.at).toBe("2025-12-31T16:30:00.000Z");
    expect(formatChinaTime(entry.at)).toBe("2026-01-01 00:30:00");
    // The audit search by day finds it on 1 January (a day in China), not on 31 December.
    const onDay = await township.audit.search({
      page: 1,
      pageSize: 10,
      from: "2026-01-01",
      to: "2026-01-01",
    });
    expect(onDay.rows.some((r) => r.entityId === String(id) && r.action === "plan.create")).toBe(true);
    const dayBefore = await township.audit.search({
      page: 1,
      pageSize: 10,
      from: "2025-12-31",
      to: "2025-12-31",
    });
    expect(dayBefore.rows.some((r) => r.entityId === String(id) && r.action === "plan.create")).toBe(false);
  });

  it("dates an owner's correction 2026-01-01 in the township's 待办", async () => {
    const owner = callerFor("owner");
    await owner.corrections.submit({
      year: 2025,
      employees: 88,
      revenue: 612.5,
      contactPhone: "0571-88990011",
      address: null,
    });
    const inbox = await callerFor("township").work.inbox();
    const item = inbox.find((i) => i.kind === "correctionAwaiting")!;
    expect(item).toBeDefined();
    expect(item.date).toBe("2026-01-01");
  });
});
