/**
 * Issue 15, findings 2, 6 and 7: citizen IDs and names through the side doors.
 * - 2: no answer carries a full citizen ID except the audited reveal (`members.unmask`): the answers of
 *   the member mutations and the before/after of the audit log are masked; the audit row keeps it in full.
 * - 6: `members.list` finds a counted-only row only by what the row shows (the masked name and ID), never
 *   by the name it hides; editable rows keep the full search.
 * - 7: registering a citizen ID that is registered already (a member or an applicant, in the caller's
 *   scope or not) answers one neutral message pointing to 组织关系接转, is audited with a masked ID; after
 *   10 such refusals within an hour the user's registrations are refused for the rest of the hour.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "@liangxin/db/audit";
import { type Db } from "@liangxin/db/driver";
import {
  citizenIdBirthDate,
  fixedClock,
  isValidCitizenId,
  maskCitizenId,
  setClock,
  withCitizenIdCheckChar,
} from "@liangxin/domain";
import { buildWorld, callerOn, cloneDb, TODAY, type Caller, type World } from "./fixtures-views.ts";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

/** Every valid 18-character citizen ID written anywhere in an answer. */
function fullIdsIn(answer: unknown): string[] {
  const text = JSON.stringify(answer) ?? "";
  return [...text.matchAll(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g)]
    .map((m) => m[0].toUpperCase())
    .filter((id) => isValidCitizenId(id));
}

const value = <T = number>(db: Db, sql: string, ...p: unknown[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...p) as T;

const idNumberOf = (db: Db, memberId: number) =>
  value<string>(db, "select id_number from members where id = ?", memberId);

/** Every row of the caller's audit search (all pages). */
async function auditRows(caller: Caller, action?: string) {
  const rows: unknown[] = [];
  for (let page = 1; page < 50; page++) {
    const r = await caller.audit.search({ page, pageSize: 200, ...(action ? { action } : {}) });
    rows.push(...r.rows);
    if (rows.length >= r.total || r.rows.length === 0) break;
  }
  return rows;
}

describe("finding 2: full citizen IDs only through the audited reveal", () => {
  it("a secretary's no-op update answers the member with a masked ID (the secretary may not unmask)", async () => {
    const db = cloneDb(w.db);
    const branch = callerOn(db, "branch");
    const id = (await branch.members.list({ page: 1, pageSize: 1 })).rows[0]!.id!;
    const full = idNumberOf(db, id);
    await expect(branch.members.unmask({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const answer = await branch.records.member.update({
      id,
      version: value(db, "select version from members where id = ?", id),
    });
    expect(fullIdsIn(answer)).toEqual([]);
    expect(JSON.stringify(answer)).toContain(maskCitizenId(full));
  });

  it("member.create, member.update and member.changeStatus answer masked IDs; the audit row keeps the full one", async () => {
    const db = cloneDb(w.db);
    const township = callerOn(db, "township");
    const orgId = value(
      db,
      "select id from orgs where parent_id = (select org_id from users where username = 'township') and category = 'branch' limit 1",
    );
    const idNumber = withCitizenIdCheckChar("36012219800101123");
    const created = await township.records.member.create({
      idNumber,
      name: "身份测试",
      gender: "male",
      joinedOn: "2015-07-01",
      fullOn: "2016-07-01",
      orgId,
    });
    const corrected = withCitizenIdCheckChar("36012219800101125");
    const updated = await township.records.member.update({ id: created.id, version: 1, idNumber: corrected });
    const changed = await township.records.member.changeStatus({
      memberId: created.id,
      status: "stopped",
      effectiveOn: TODAY,
      reason: "测试",
    });
    for (const answer of [created, updated, changed]) expect(fullIdsIn(answer)).toEqual([]);
    expect(JSON.stringify(created)).toContain(maskCitizenId(idNumber));
    expect(JSON.stringify(changed)).toContain(maskCitizenId(corrected));
    // Stored in full: the audit trail of the corrected ID.
    const stored = value<string>(
      db,
      "select before || after from audit_log where action = 'member.update' and entity_id = ?",
      String(created.id),
    );
    expect(stored).toContain(idNumber);
    expect(stored).toContain(corrected);
  });

  it("audit.search (the /audit page) shows every administrator masked IDs, in before, after and the entity key", async () => {
    const db = cloneDb(w.db);
    const branch = callerOn(db, "branch");
    const id = (await branch.members.list({ page: 1, pageSize: 1 })).rows[0]!.id!;
    const full = idNumberOf(db, id);
    await branch.records.member.update({
      id,
      version: value(db, "select version from members where id = ?", id),
    });
    // An entry keyed by the citizen ID, as an import writes one for a member row.
    const branchOrg = value(db, "select org_id from users where username = 'branch'");
    await writeAudit(db, {
      userId: null,
      username: "township",
      action: "import.update",
      entity: "members",
      entityId: full,
      scopeOrgId: branchOrg,
      before: { idNumber: full, name: "甲" },
      after: { idNumber: full, name: "乙", note: `公民身份号码${full}已更正` },
    });
    for (const admin of ["township", "county", "city"]) {
      const rows = await auditRows(callerOn(db, admin));
      expect(rows.length, admin).toBeGreaterThan(0);
      expect(fullIdsIn(rows), admin).toEqual([]);
      const text = JSON.stringify(rows);
      expect(text, admin).toContain(maskCitizenId(full));
    }
  });
});

/** A counted-only row as the caller sees it: surname and stars. Written here, independently of the query. */
const masked = (name: string) => {
  const chars = [...name];
  return chars.length <= 1 ? "*" : chars[0] + "*".repeat(chars.length - 1);
};

type ListRow = Awaited<ReturnType<Caller["members"]["list"]>>["rows"][number];

async function listAll(caller: Caller, q?: string): Promise<ListRow[]> {
  const rows: ListRow[] = [];
  for (let page = 1; page < 100; page++) {
    const r = await caller.members.list({ page, pageSize: 200, ...(q === undefined ? {} : { q }) });
    rows.push(...r.rows);
    if (rows.length >= r.total || r.rows.length === 0) break;
  }
  return rows;
}

const countedKey = (r: ListRow) => `${r.name}|${r.idNumberMasked}|${r.workHostName ?? ""}`;

describe("finding 6: members.list searches counted-only rows only by what they show", () => {
  for (const admin of ["township", "county"]) {
    it(`${admin}: one-character and full-name queries never find a counted row by its hidden name`, async () => {
      const caller = callerOn(w.db, admin);
      const all = await listAll(caller);
      const counted = all.filter((r) => r.access === "counted");
      expect(counted.length).toBeGreaterThan(0);
      // The hidden names, from the database: members whose masked name and masked ID make a counted row.
      const shown = new Set(counted.map((r) => `${r.name}|${r.idNumberMasked}`));
      const hidden = (
        w.db.$client.prepare("select name, id_number as idNumber from members").all() as {
          name: string;
          idNumber: string;
        }[]
      ).filter((m) => shown.has(`${masked(m.name)}|${maskCitizenId(m.idNumber)}`));
      expect(hidden.length).toBeGreaterThan(0);
      // Characters of the hidden names (beyond the surname), and the names themselves.
      const chars = [...new Set(hidden.flatMap((m) => [...m.name].slice(1)))].slice(0, 30);
      const names = hidden.slice(0, 10).map((m) => m.name);
      for (const q of [...chars, ...names]) {
        const got = (await listAll(caller, q)).filter((r) => r.access === "counted");
        const expected = counted.filter((r) => r.name.includes(q) || r.idNumberMasked.includes(q));
        expect(got.map(countedKey).sort(), `${admin} "${q}"`).toEqual(expected.map(countedKey).sort());
      }
      // What a counted row shows finds it: the surname with its stars, and the visible part of the ID.
      const row = counted[0]!;
      for (const q of [row.name, row.idNumberMasked.slice(-4)])
        expect((await listAll(caller, q)).map(countedKey), `${admin} "${q}"`).toContain(countedKey(row));
      // Editable rows keep the full search: by any part of the name.
      const own = all.find((r) => r.access === "edit" && [...r.name].length >= 2)!;
      const got = await listAll(caller, [...own.name].slice(1).join(""));
      expect(got.some((r) => r.id === own.id)).toBe(true);
    });
  }
});

const NEUTRAL = "该人员不能在此登记,请通过组织关系接转办理";
const THROTTLED = "操作过于频繁,请稍后再试";
const REFUSED = "person.registrationRefused";

/** What the caller reads of an attempt: its error's code and message, or "ok". */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return `${err.code} ${err.message}`;
  }
}

/** Citizen IDs registered somewhere, seen from the township administrator and its branch secretary. */
function registered(db: Db) {
  const subtree = (username: string) =>
    value<string>(
      db,
      "select o.path || '*' from users u join orgs o on o.id = u.org_id where u.username = ?",
      username,
    );
  const memberId = (inside: boolean, username: string) =>
    value<string>(
      db,
      `select m.id_number from members m join orgs o on o.id = m.org_id
       where (o.path glob ?) = ? and m.status = 'normal' order by m.id limit 1`,
      subtree(username),
      inside ? 1 : 0,
    );
  const applicantId = (inside: boolean, username: string) =>
    value<string>(
      db,
      `select a.id_number from applicants a join orgs o on o.id = a.org_id
       where (o.path glob ?) = ? and a.member_id is null order by a.id limit 1`,
      subtree(username),
      inside ? 1 : 0,
    );
  return { memberId, applicantId, foreign: idNumberOf(db, w.ids.foreignMember) };
}

function grassrootsOf(db: Db, username: string) {
  return value(
    db,
    `select o.id from orgs o where o.category = 'branch' and o.revoked_on is null and o.path glob
       (select o2.path || '*' from users u join orgs o2 on o2.id = u.org_id where u.username = ?) order by o.id limit 1`,
    username,
  );
}

const memberInput = (idNumber: string, orgId: number) => ({
  idNumber,
  name: "重复登记",
  gender: "male" as const,
  joinedOn: "2015-07-01",
  orgId,
});
const applicantInput = (idNumber: string, orgId: number) => ({
  idNumber,
  name: "重复登记",
  gender: "male" as const,
  orgId,
  appliedOn: "2026-03-01",
});

describe("finding 7: a citizen ID registered already answers one neutral message, audited and throttled", () => {
  it("the same answer whether the person is in the caller's scope or not; nothing written; each attempt audited", async () => {
    const db = cloneDb(w.db);
    const ids = registered(db);
    const township = callerOn(db, "township");
    const branch = callerOn(db, "branch");
    const townshipOrg = grassrootsOf(db, "township");
    const branchOrg = value(db, "select org_id from users where username = 'branch'");
    const ownMember = (await township.members.list({ page: 1, pageSize: 1 })).rows[0]!.id!;
    const tables = () =>
      value<string>(db, "select (select count(*) from members) || '/' || (select count(*) from applicants)");
    const before = tables();
    const answers: string[] = [];
    const tried: string[] = [];
    for (const id of [ids.memberId(true, "township"), ids.foreign]) {
      answers.push(await outcome(township.records.member.create(memberInput(id, townshipOrg))));
      tried.push(id);
    }
    // A corrected ID that is another person's (here: one of another county).
    answers.push(
      await outcome(
        township.records.member.update({
          id: ownMember,
          version: value(db, "select version from members where id = ?", ownMember),
          idNumber: ids.foreign,
          birthDate: citizenIdBirthDate(ids.foreign),
        }),
      ),
    );
    tried.push(ids.foreign);
    for (const id of [
      ids.memberId(true, "branch"),
      ids.memberId(false, "branch"),
      ids.applicantId(true, "branch"),
      ids.applicantId(false, "branch"),
    ]) {
      answers.push(await outcome(branch.work.development.create(applicantInput(id, branchOrg))));
      tried.push(id);
    }
    expect(answers).toEqual(answers.map(() => `BAD_REQUEST ${NEUTRAL}`));
    expect(tables()).toBe(before);
    // Audited: who tried which (masked) ID; the audit row holds no full ID.
    const rows = db.$client
      .prepare("select username, after from audit_log where action = ? order by id")
      .all(REFUSED) as { username: string; after: string }[];
    expect(rows.map((r) => r.username)).toEqual([...Array(3).fill("township"), ...Array(4).fill("branch")]);
    rows.forEach((r, i) => {
      expect(r.after).toContain(maskCitizenId(tried[i]!));
      expect(fullIdsIn(r.after)).toEqual([]);
    });
    // The township administrator finds them in its audit search.
    expect((await township.audit.search({ page: 1, pageSize: 50, action: REFUSED })).total).toBe(7);
  });

  it("after 10 refusals within an hour, the user's registrations are refused for the rest of the hour", async () => {
    const db = cloneDb(w.db);
    const ids = registered(db);
    const township = callerOn(db, "township");
    const orgId = grassrootsOf(db, "township");
    const fresh = (n: number) => withCitizenIdCheckChar(`36012219750201${String(n).padStart(3, "0")}`);
    const restore = setClock(fixedClock("2026-12-03T10:00:00+08:00"));
    try {
      for (let i = 0; i < 10; i++)
        expect(await outcome(township.records.member.create(memberInput(ids.foreign, orgId)))).toBe(
          `BAD_REQUEST ${NEUTRAL}`,
        );
      const members = value(db, "select count(*) from members");
      // The next attempt is refused whatever the ID, a fresh one included, and for applicants too.
      for (const attempt of [
        () => township.records.member.create(memberInput(ids.foreign, orgId)),
        () => township.records.member.create(memberInput(fresh(1), orgId)),
        () => township.work.development.create(applicantInput(fresh(2), orgId)),
      ])
        expect(await outcome(attempt())).toBe(`TOO_MANY_REQUESTS ${THROTTLED}`);
      expect(value(db, "select count(*) from members")).toBe(members);
      // Another user is not held back.
      expect(
        await outcome(callerOn(db, "county").records.member.create(memberInput(ids.foreign, orgId))),
      ).toBe(`BAD_REQUEST ${NEUTRAL}`);
      setClock(fixedClock("2026-12-03T10:59:00+08:00"));
      expect(await outcome(township.records.member.create(memberInput(fresh(3), orgId)))).toBe(
        `TOO_MANY_REQUESTS ${THROTTLED}`,
      );
      // An hour after the refusals, registrations go through again.
      setClock(fixedClock("2026-12-03T11:00:01+08:00"));
      expect(await outcome(township.records.member.create(memberInput(fresh(4), orgId)))).toBe("ok");
    } finally {
      restore();
    }
  });
});
