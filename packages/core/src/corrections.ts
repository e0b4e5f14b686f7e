/**
 * An owner's correction of its host's business data (employees, revenue, contact): submitted as pending,
 * approved (applied to host_years/hosts in one transaction, audited) or rejected with a reason by the
 * township administrator of the host's territory.
 */
import { APP_ERROR_MESSAGES, AppError, clock, parseMoney } from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { writeAudit } from "@liangxin/db/audit";
import type { Cx } from "@liangxin/db/cx";
import { type Db, execute, selectAll, selectOne, selectValue, writeTransaction } from "@liangxin/db/driver";
import { type Scope, scopeSql } from "@liangxin/db/scope";
import { territoryNodeOf } from "@liangxin/db/queries";

export interface CorrectionPayload {
  year: number;
  employees: number;
  /** 营业收入 in 分 (typed and shown in 万元). Payloads before migration 0011 held `revenue` in 万元. */
  revenueFen: number | null;
  contactPhone: string | null;
  address: string | null;
}

export interface CorrectionRow {
  id: number;
  hostId: number;
  hostName: string;
  regionName: string;
  requestedBy: string;
  payload: CorrectionPayload;
  /** The figures of that year and the contact on record, to compare with. */
  current: {
    employees: number | null;
    revenueFen: number | null;
    contactPhone: string | null;
    address: string | null;
  };
  state: "pending" | "approved" | "rejected" | "withdrawn";
  createdAt: string;
  decidedAt: string | null;
  reason: string | null;
}

export const correctionMessages = {
  alreadyDecided: "该更正申请已处理,请刷新页面查看结果",
  withdrawn: "该更正申请已由出资人撤回,无需处理",
  reasonRequired: "驳回时必须填写理由",
  pendingExists: "本企业已有待审核的更正申请:请等待乡镇(街道)审核,或撤回该申请后再提交",
  unchanged:
    "申请内容与现有数据相同,没有需要更正的内容:请修改从业人员数、营业收入、联系电话或地址中的至少一项后再提交",
  notWithdrawable: "该更正申请已处理或已撤回,不能撤回",
} as const;

const ROW_SQL = sql`
  select k.id, k.host_id as hostId, h.name as hostName, r.name as regionName, u.display_name as requestedBy,
    k.payload, k.state, k.created_at as createdAt, k.decided_at as decidedAt, k.reason,
    h.contact_phone as contactPhone, h.address,
    (select employees from host_years y where y.host_id = k.host_id and y.year = cast(json_extract(k.payload, '$.year') as integer)) as curEmployees,
    (select revenue_fen from host_years y where y.host_id = k.host_id and y.year = cast(json_extract(k.payload, '$.year') as integer)) as curRevenueFen
  from host_corrections k join hosts h on h.id = k.host_id join regions r on r.id = h.region_id
  join users u on u.id = k.requested_by`;

interface RawRow {
  id: number;
  hostId: number;
  hostName: string;
  regionName: string;
  requestedBy: string;
  payload: string;
  state: CorrectionRow["state"];
  createdAt: string;
  decidedAt: string | null;
  reason: string | null;
  contactPhone: string | null;
  address: string | null;
  curEmployees: number | null;
  curRevenueFen: number | null;
}

/**
 * A stored payload as proposed. Migration 0011 turned every `revenue` (万元) into `revenueFen` (分); a
 * payload still in the old form (a copy of an older database) reads the same, to the nearest 分.
 */
function payloadOf(json: string): CorrectionPayload {
  const p = JSON.parse(json) as CorrectionPayload & { revenue?: unknown };
  if (p.revenueFen !== undefined || !("revenue" in p)) return p;
  const { revenue, ...rest } = p;
  let revenueFen: number | null = null;
  if (typeof revenue === "number" && Number.isFinite(revenue) && revenue >= 0) {
    const exact = parseMoney(revenue, "wan");
    revenueFen = exact.ok ? exact.fen : Math.round(revenue * 1_000_000);
  }
  return { ...rest, revenueFen };
}

function toRow(r: RawRow): CorrectionRow {
  return {
    id: r.id,
    hostId: r.hostId,
    hostName: r.hostName,
    regionName: r.regionName,
    requestedBy: r.requestedBy,
    payload: payloadOf(r.payload),
    current: {
      employees: r.curEmployees,
      revenueFen: r.curRevenueFen,
      contactPhone: r.contactPhone,
      address: r.address,
    },
    state: r.state,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    reason: r.reason,
  };
}

/** Whether a correction would change nothing: the year's figures and the contact on record are the same. */
async function unchanged(db: Db, hostId: number, p: CorrectionPayload): Promise<boolean> {
  const year = await selectOne<{ employees: number; revenueFen: number | null }>(
    db,
    sql`select employees, revenue_fen as revenueFen from host_years where host_id = ${hostId} and year = ${p.year}`,
  );
  if (!year) return false;
  const host = (await selectOne<{ phone: string | null; address: string | null }>(
    db,
    sql`select contact_phone as phone, address from hosts where id = ${hostId}`,
  ))!;
  return (
    year.employees === p.employees &&
    (year.revenueFen ?? null) === (p.revenueFen ?? null) &&
    (host.phone ?? null) === (p.contactPhone ?? null) &&
    (p.address === null || p.address === host.address)
  );
}

/** The owner (`cx`: the caller) submits a correction of its own host. Returns its id. */
export async function submitCorrection(cx: Cx, payload: CorrectionPayload): Promise<number> {
  const { db, scope } = cx;
  if (scope.role !== "owner" || !scope.host) throw AppError.notFound();
  const hostId = scope.host.id;
  return writeTransaction(db, async (tx) => {
    const pending = await selectOne(
      db,
      sql`select 1 from host_corrections where host_id = ${hostId} and state = 'pending'`,
    );
    if (pending) throw new AppError("CONFLICT", correctionMessages.pendingExists);
    if (await unchanged(db, hostId, payload)) throw new AppError("BAD_INPUT", correctionMessages.unchanged);
    const id = (await selectValue<number>(
      db,
      sql`insert into host_corrections (host_id, requested_by, payload, created_at)
          values (${hostId}, ${scope.userId}, ${JSON.stringify(payload)}, ${clock.nowIso()}) returning id`,
    ))!;
    const region = (await selectValue<number>(db, sql`select region_id from hosts where id = ${hostId}`))!;
    await writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: "correction.submit",
      entity: "hostCorrection",
      entityId: id,
      scopeOrgId: await territoryNodeOf(db, region),
      before: null,
      after: { hostId, ...payload },
    });
    return id;
  });
}

/**
 * The owner withdraws its own pending correction (撤回): it is no longer decided, and another may be
 * submitted. Audited. Anyone else's correction does not exist for the caller (`cx`). `input.now`: the
 * moment of the withdrawal (default: the clock's now).
 */
export async function withdrawCorrection(
  cx: Cx,
  input: { id: number; now?: Date | undefined },
): Promise<void> {
  const { db, scope } = cx;
  const { id: correctionId, now = clock.now() } = input;
  if (scope.role !== "owner" || !scope.host) throw AppError.notFound();
  const hostId = scope.host.id;
  const row = await selectOne<{ state: CorrectionRow["state"]; regionId: number }>(
    db,
    sql`select k.state, h.region_id as regionId from host_corrections k join hosts h on h.id = k.host_id
        where k.id = ${correctionId} and k.host_id = ${hostId}`,
  );
  if (!row) throw AppError.notFound();
  if (row.state !== "pending") throw new AppError("CONFLICT", correctionMessages.notWithdrawable);
  await writeTransaction(db, async (tx) => {
    const changed = await execute(
      db,
      sql`update host_corrections set state = 'withdrawn', decided_by = ${scope.userId}, decided_at = ${now.toISOString()}
          where id = ${correctionId} and state = 'pending'`,
    );
    if (changed.changes !== 1) throw new AppError("CONFLICT", correctionMessages.notWithdrawable);
    await writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: "correction.withdraw",
      entity: "hostCorrection",
      entityId: correctionId,
      scopeOrgId: await territoryNodeOf(db, row.regionId),
      before: { state: "pending" },
      after: { state: "withdrawn" },
    });
  });
}

/** The owner's (`cx`: the caller) own corrections, newest first; none for anyone else. */
export async function myCorrections(cx: Cx): Promise<CorrectionRow[]> {
  const { db, scope } = cx;
  if (scope.role !== "owner" || !scope.host) return [];
  return (
    await selectAll<RawRow>(db, sql`${ROW_SQL} where k.host_id = ${scope.host.id} order by k.id desc`)
  ).map(toRow);
}

/**
 * Corrections of hosts of the caller's territory (`cx`: an administrator with a territory; null for anyone
 * else), of one state or all, the newest `limit` (200 by default) with the pending ones first.
 */
export async function correctionInbox(
  cx: Cx,
  filter: { state?: CorrectionRow["state"] | undefined; limit?: number | undefined } = {},
): Promise<{ rows: CorrectionRow[]; total: number } | null> {
  const { db, scope } = cx;
  const { state, limit = 200 } = filter;
  if (scope.role !== "admin" || !scope.region) return null;
  const { within } = scopeSql(scope, "");
  const st = state ?? null;
  const where = sql`${within.territory("r")} and (${st} is null or k.state = ${st})`;
  const rows = await selectAll<RawRow>(
    db,
    sql`${ROW_SQL} where ${where} order by k.state = 'pending' desc, k.id desc limit ${limit}`,
  );
  const total = (await selectValue<number>(
    db,
    sql`select count(*) from host_corrections k join hosts h on h.id = k.host_id join regions r on r.id = h.region_id
        where ${where}`,
  ))!;
  return { rows: rows.map(toRow), total };
}

/** A decision on the correction `id`: approve it, or reject it with a reason. */
export type CorrectionDecision = { id: number; now?: Date | undefined } & (
  { approve: true } | { approve: false; reason: string }
);

/** Whether the caller decides corrections: the administrator of a township-level territory. */
export function decidesCorrections(scope: Scope): boolean {
  return scope.role === "admin" && scope.region?.level === "township";
}

/**
 * Approve (apply the figures to host_years and the contact to hosts) or reject with a reason. Only the
 * township administrator of the host's territory (`cx`: the caller); others: not found (outside) or
 * forbidden (county). `input.now`: the moment of the decision (default: the clock's now).
 */
export async function decideCorrection(cx: Cx, input: CorrectionDecision): Promise<void> {
  const { db, scope } = cx;
  const { id: correctionId, now = clock.now() } = input;
  const decision = input;
  if (scope.role !== "admin" || !scope.region) throw AppError.notFound();
  const { within } = scopeSql(scope, "");
  const row = await selectOne<RawRow>(
    db,
    sql`${ROW_SQL} where k.id = ${correctionId} and ${within.territory("r")}`,
  );
  if (!row) throw AppError.notFound();
  if (!decidesCorrections(scope)) throw new AppError("FORBIDDEN", APP_ERROR_MESSAGES.forbidden);
  if (row.state === "withdrawn") throw new AppError("CONFLICT", correctionMessages.withdrawn);
  if (row.state !== "pending") throw new AppError("CONFLICT", correctionMessages.alreadyDecided);
  if (!decision.approve && !decision.reason.trim())
    throw new AppError("BAD_INPUT", correctionMessages.reasonRequired);
  const c = toRow(row);
  const at = now.toISOString();
  const region = (await selectValue<number>(db, sql`select region_id from hosts where id = ${c.hostId}`))!;
  const scopeOrgId = await territoryNodeOf(db, region);
  await writeTransaction(db, async (tx) => {
    const changed = await execute(
      db,
      sql`update host_corrections set state = ${decision.approve ? "approved" : "rejected"}, decided_by = ${scope.userId},
            decided_at = ${at}, reason = ${decision.approve ? null : decision.reason.trim()}
          where id = ${c.id} and state = 'pending'`,
    );
    if (changed.changes !== 1) throw new AppError("CONFLICT", correctionMessages.alreadyDecided);
    if (decision.approve) {
      const p = c.payload;
      await execute(
        db,
        sql`insert into host_years (host_id, year, employees, revenue_fen) values (${c.hostId}, ${p.year}, ${p.employees}, ${p.revenueFen})
            on conflict (host_id, year) do update set employees = excluded.employees, revenue_fen = excluded.revenue_fen`,
      );
      await execute(
        db,
        sql`update hosts set contact_phone = ${p.contactPhone}, address = coalesce(${p.address}, address), version = version + 1
            where id = ${c.hostId}`,
      );
      await writeAudit(tx, {
        userId: scope.userId,
        username: scope.username,
        action: "host.update",
        entity: "host",
        entityId: c.hostId,
        scopeOrgId,
        before: { year: p.year, ...c.current },
        after: { ...p },
      });
    }
    await writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: decision.approve ? "correction.approve" : "correction.reject",
      entity: "hostCorrection",
      entityId: c.id,
      scopeOrgId,
      before: { state: "pending" },
      after: decision.approve ? { state: "approved" } : { state: "rejected", reason: decision.reason.trim() },
    });
  });
}
