/**
 * Issue 21: a host's contact has one write path, the ledger's host writer, whose update carries the
 * version (`… where id = ? and version = ?`) inside its transaction. Two administrators open the same host
 * on two portal processes (two connections to one database file) and both save: the first save wins, the
 * second reads the stale-record message and writes nothing — no lost update. The same holds when the
 * second save goes through the ledger's full host edit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@liangxin/db/driver";
import { send } from "./fuzz-kit.ts";
import { twoConnections, type TwoConnections } from "./two-connections.ts";

let pair: TwoConnections;
let first: Db;
let second: Db;
let userId: number;

beforeAll(async () => {
  pair = await twoConnections("overlap");
  ({ first, second } = pair);
  userId = first.$client.prepare("select id from users where username = 'township'").pluck().get() as number;
});
afterAll(() => pair.close());

interface HostRow {
  id: number;
  version: number;
  phone: string | null;
  address: string | null;
}

function hostOf(db: Db, offset: number): HostRow {
  return db.$client
    .prepare(
      `select h.id, h.version, h.contact_phone as phone, h.address from hosts h
       join regions r on r.id = h.region_id where r.name = '柳林镇' order by h.id limit 1 offset ?`,
    )
    .get(offset) as HostRow;
}

const reread = (db: Db, id: number) =>
  db.$client
    .prepare("select id, version, contact_phone as phone, address from hosts where id = ?")
    .get(id) as HostRow;
const audits = (db: Db, id: number) =>
  db.$client
    .prepare("select count(*) from audit_log where entity = 'host' and entity_id = ?")
    .pluck()
    .get(String(id)) as number;

describe("two overlapping saves of one host", () => {
  it("contact and contact: the first wins, the second is told the record changed and writes nothing", async () => {
    const opened = hostOf(first, 0);
    const a = {
      id: opened.id,
      contactPhone: "0791-1111111",
      address: "柳林镇东街1号",
      version: opened.version,
    };
    const b = {
      id: opened.id,
      contactPhone: "0791-2222222",
      address: "柳林镇西街2号",
      version: opened.version,
    };
    const auditsBefore = audits(first, opened.id);

    const won = await send(first, userId, "hosts.updateContact", a);
    const lost = await send(second, userId, "hosts.updateContact", b);

    expect(won.status).toBe(200);
    expect(lost.status).toBe(409);
    expect(lost.error?.message).toBe("该记录已被他人修改,请刷新后重试");
    const after = reread(second, opened.id);
    expect(after).toMatchObject({
      phone: "0791-1111111",
      address: "柳林镇东街1号",
      version: opened.version + 1,
    });
    expect(audits(first, opened.id)).toBe(auditsBefore + 1);
  });

  it("contact and the full edit: the one that comes second with the old version is refused", async () => {
    const opened = hostOf(first, 1);
    const won = await send(first, userId, "hosts.updateContact", {
      id: opened.id,
      contactPhone: "0791-3333333",
      address: opened.address,
      version: opened.version,
    });
    const lost = await send(second, userId, "records.host.update", {
      id: opened.id,
      version: opened.version,
      contactPhone: "0791-4444444",
    });
    expect(won.status).toBe(200);
    expect(lost.status).toBe(409);
    expect(lost.error?.message).toBe("该记录已被他人修改,请刷新后重试");
    expect(reread(first, opened.id).phone).toBe("0791-3333333");
  });
});
