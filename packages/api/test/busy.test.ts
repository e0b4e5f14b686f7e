/**
 * A save that meets the write lock of another connection (a large import writing in one transaction)
 * for longer than the busy timeout: the user reads a Chinese "busy, not saved, retry" (503), not a
 * server error, nothing is written, and the same save succeeds once the lock is released.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@liangxin/db/driver";
import { send } from "./fuzz-kit.ts";
import { twoConnections, type TwoConnections } from "./two-connections.ts";

let pair: TwoConnections;
let db: Db;
let other: Db;

beforeAll(async () => {
  pair = await twoConnections("busy");
  ({ first: db, second: other } = pair);
  db.$client.pragma("busy_timeout = 100");
});
afterAll(() => pair.close());

it("a save during another connection's write transaction answers 503 in Chinese and writes nothing", async () => {
  const userId = db.$client
    .prepare("select id from users where username = 'township'")
    .pluck()
    .get() as number;
  const host = db.$client
    .prepare(
      `select h.id, h.version, h.contact_phone as phone from hosts h join regions r on r.id = h.region_id
       where r.name = '柳林镇' order by h.id limit 1`,
    )
    .get() as { id: number; version: number; phone: string | null };
  const input = {
    id: host.id,
    contactPhone: "0791-8888888",
    address: "柳林镇新街1号",
    version: host.version,
  };
  const audits = () => db.$client.prepare("select count(*) from audit_log").pluck().get() as number;
  const before = audits();

  other.$client.exec("begin immediate");
  const refused = await send(db, userId, "hosts.updateContact", input);
  other.$client.exec("rollback");

  expect(refused.status).toBe(503);
  expect(refused.error?.message).toContain("数据库正忙");
  expect(refused.error?.message).toContain("未保存");
  expect(audits()).toBe(before);
  expect(db.$client.prepare("select contact_phone from hosts where id = ?").pluck().get(host.id)).toBe(
    host.phone,
  );

  const saved = await send(db, userId, "hosts.updateContact", input);
  expect(saved.status).toBe(200);
  expect(db.$client.prepare("select contact_phone from hosts where id = ?").pluck().get(host.id)).toBe(
    "0791-8888888",
  );
});
