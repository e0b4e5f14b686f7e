/**
 * A job whose worker died (killed with the portal, a machine restart) is settled as failed when its owner
 * next looks at it — through the portal's own port, whose queries read on read-only connections: the
 * settling is a write of its own, and the answer is the settled job.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { execute, openPort, selectValue, type Port } from "@liangxin/db/driver";
import { queueJob } from "@liangxin/db/queries";
import { sql } from "drizzle-orm";
import { createCaller, createContext } from "../src/index.ts";
import { twoConnections, type TwoConnections } from "./two-connections.ts";

let pair: TwoConnections;
let port: Port;

beforeAll(async () => {
  pair = await twoConnections("job-abandoned");
  port = openPort(pair.first.$client.name);
});
afterAll(() => {
  port.close();
  pair.close();
});

it("answers a running job without a live worker as failed, and stores it so", async () => {
  const db = pair.first;
  const userId = (await selectValue<number>(db, sql`select id from users where username = 'city'`))!;
  const id = await queueJob(db, { kind: "import", userId, fileName: "台账.xlsx" });
  await port.write((tx) => execute(tx, sql`update jobs set state = 'running' where id = ${id}`));

  const caller = createCaller(createContext({ port, userId, today: "2026-12-03" }));
  const job = await caller.io.job({ id });
  expect(job.state).toBe("failed");
  expect(job.errors[0]?.reason).toMatch(/^导入进程意外中止.*请重新导入$/);
  expect(await port.read((r) => selectValue<string>(r, sql`select state from jobs where id = ${id}`))).toBe(
    "failed",
  );
});
