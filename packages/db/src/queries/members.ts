/**
 * Members as the caller sees them: editable when the relationship is held in the subtree; counted-only
 * (a masked row without a link) when held elsewhere and working in a host of the territory. The citizen
 * ID is masked everywhere; only an administrator of the member's chain may unmask it, and each unmasked
 * view is audited (`member.unmask`).
 */
import { maskCitizenId, MEMBER_FLAGS, type MemberFlag, type MemberSort } from "@liangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import { scopeSql, orgSubtreeRange, nodeWithin, memberAccess } from "../scope/index.ts";
import { writeAudit } from "../audit.ts";
import type { Cx } from "../cx.ts";
import { iterateRows, selectAll, selectOne, writeTransaction } from "../driver/query.ts";
import {
  likeParam,
  limitOffset,
  maskCitizenIdOf,
  maskName,
  maskNameOf,
  rowMaker,
  type Page,
  type PageInput,
} from "./common.ts";

export interface MemberListFilter extends PageInput {
  q?: string;
  /** Only members held by this organization (of the subtree). */
  orgId?: number;
  status?: string;
  /** Only members held in the subtree of this management node (an area of the caller's subtree). */
  nodeId?: number;
  /** Full (正式) or probationary (预备) members as of today. */
  membership?: "full" | "probationary";
  /** Include the counted-only rows (members of other areas working in the territory). Default true. */
  counted?: boolean;
  /** Only members with this flag: 流动党员, 失联党员, 口袋党员. */
  flag?: MemberFlag;
  /** The order within each group (the caller's own members first, counted-only ones after). */
  sort?: MemberSort;
}

const MEMBER_ORDER: Record<MemberSort, string> = {
  org: "ocode, name",
  name: "name",
  joinedOn: "joinedOn, name",
  "-joinedOn": "joinedOn desc, name",
};
const FLAG_COLUMN = { mobile: "m.mobile", lostContact: "m.lost_contact", pocket: "m.pocket" } as const;

/** A page of the members list, and how many of all its rows are counted-only (members held elsewhere). */
export interface MemberPage extends Page<MemberListRow> {
  countedOnly: number;
}

export interface MemberListRow {
  /** Null for a counted-only row: no link. */
  id: number | null;
  access: "edit" | "counted";
  name: string;
  gender: string;
  idNumberMasked: string;
  orgName: string | null;
  workHostName: string | null;
  status: string;
  full: boolean;
  /** 入党日期; null for a counted-only row (not shown, nor sorted by). */
  joinedOn: string | null;
  /** 流动党员, 失联党员, 口袋党员 as flagged. */
  flags: MemberFlag[];
}

const CITIZEN_ID_RE = /^\d{17}[\dXx]$/;

/** The list's filters without its page: what the list page and its download share. */
export type MemberRowsFilter = Omit<MemberListFilter, "page" | "pageSize">;

/**
 * The list's scoped statement (editable rows, then counted-only rows held elsewhere) and its order: the list
 * page and its download read the same rows in the same order.
 */
async function memberQuery(cx: Cx, filter: MemberRowsFilter) {
  const { db, scope, today } = cx;
  const s = scopeSql(scope, today);
  const editable: SQL[] = [s.within.subtree("o")];
  const counted: SQL[] = [
    sql`not exists(select 1 from orgs o2 where o2.id = m.org_id and ${s.within.subtree("o2")})`,
    sql`m.status = 'normal'`,
    sql`exists(select 1 from member_workplaces w join hosts h on h.id = w.host_id join regions r on r.id = h.region_id
            where w.member_id = m.id and ${s.within.territory("r")} and ${s.inForce("w")})`,
  ];
  const q = filter.q?.trim();
  if (q && CITIZEN_ID_RE.test(q)) {
    // A full citizen ID finds the member it belongs to (editable rows only: a counted row stays masked).
    editable.push(sql`m.id_number = ${q.toUpperCase()}`);
    counted.push(sql`false`);
  } else if (q) {
    // Both kinds of row are found by the masked ID they show; an editable row by its name, a counted-only
    // row only by the masked name it shows (never by the name it hides).
    const like = likeParam(q);
    const maskedId = sql`${maskCitizenIdOf("m.id_number")} like ${like} escape '\\'`;
    editable.push(sql`(m.name like ${like} escape '\\' or ${maskedId})`);
    counted.push(sql`(${maskNameOf("m.name")} like ${like} escape '\\' or ${maskedId})`);
  }
  if (filter.membership) {
    const full = sql`(m.full_on is not null and m.full_on <= ${today})`;
    const cond = filter.membership === "full" ? full : sql`not ${full}`;
    editable.push(cond);
    counted.push(cond);
  }
  if (filter.nodeId !== undefined) editable.push(nodeWithin("o", await orgSubtreeRange(db, filter.nodeId)));
  if (filter.orgId !== undefined) editable.push(sql`m.org_id = ${filter.orgId}`);
  if (filter.status) editable.push(sql`m.status = ${filter.status}`);
  if (filter.flag) {
    editable.push(sql`${sql.raw(FLAG_COLUMN[filter.flag])} = true`);
    counted.push(sql`${sql.raw(FLAG_COLUMN[filter.flag])} = true`);
  }
  const withCounted =
    filter.counted !== false &&
    filter.orgId === undefined &&
    filter.nodeId === undefined &&
    (filter.status === undefined || filter.status === "normal") &&
    scope.region !== null;
  const parts = [
    sql`select m.id, 'edit' as access, m.name, m.gender, m.id_number as idNumber, o.name as orgName,
       wh.name as workHostName, m.status, (m.full_on is not null and m.full_on <= ${today}) as full, 0 as grp, o.code as ocode,
       m.joined_on as joinedOn, m.mobile, m.lost_contact as lostContact, m.pocket
     from members m join orgs o on o.id = m.org_id left join hosts wh on wh.id = m.work_host_id
     where ${sql.join(editable, sql` and `)}`,
  ];
  if (withCounted)
    parts.push(
      sql`select null as id, 'counted' as access, m.name, m.gender, m.id_number as idNumber, null as orgName,
         wh.name as workHostName, m.status, (m.full_on is not null and m.full_on <= ${today}) as full, 1 as grp, '' as ocode,
         null as joinedOn, m.mobile, m.lost_contact as lostContact, m.pocket
       from members m left join hosts wh on wh.id = m.work_host_id
       where ${sql.join(counted, sql` and `)}`,
    );
  const union = sql.join(parts, sql` union all `);
  return { union, order: sql.raw(MEMBER_ORDER[filter.sort ?? "org"]) };
}

/** A row of the list's statement, in its select list's order. */
const MEMBER_RAW_KEYS = [
  "id",
  "access",
  "name",
  "gender",
  "idNumber",
  "orgName",
  "workHostName",
  "status",
  "full",
  "grp",
  "ocode",
  "joinedOn",
  "mobile",
  "lostContact",
  "pocket",
] as const;

type MemberRaw = Omit<MemberListRow, "idNumberMasked" | "full" | "flags"> & {
  idNumber: string;
  full: number;
  grp: number;
  ocode: string;
  mobile: number;
  lostContact: number;
  pocket: number;
};

/** The row as the caller sees it: a counted-only row's name masked, every citizen ID masked. */
function memberRow({
  idNumber,
  full,
  grp: _g,
  ocode: _o,
  mobile,
  lostContact,
  pocket,
  ...r
}: MemberRaw): MemberListRow {
  return {
    ...r,
    flags: MEMBER_FLAGS.filter((f) => ({ mobile, lostContact, pocket })[f] === 1),
    name: r.access === "counted" ? maskName(r.name) : r.name,
    idNumberMasked: maskCitizenId(idNumber),
    full: full === 1,
  };
}

/** Members the caller may list: editable rows first, then masked counted-only rows. */
export async function listMembers(cx: Cx, filter: MemberListFilter): Promise<MemberPage | null> {
  const { db, scope } = cx;
  if (!scope.org) return null;
  const { union, order } = await memberQuery(cx, filter);
  const { limit, offset } = limitOffset(filter);
  const counts = (await selectOne<{ total: number; countedOnly: number }>(
    db,
    sql`select count(*) as total, coalesce(sum(grp), 0) as countedOnly from (${union}) as u`,
  ))!;
  const raw = await selectAll<MemberRaw>(
    db,
    sql`select * from (${union}) as u order by grp, ${order} limit ${limit} offset ${offset}`,
  );
  return {
    rows: raw.map(memberRow),
    total: counts.total,
    countedOnly: counts.countedOnly,
    page: Math.floor(offset / limit) + 1,
    pageSize: limit,
  };
}

/**
 * Every row of the members list (all its pages, in its order), a batch at a time: the list's one scoped
 * statement read as it runs (`iterateRows`); citizen IDs masked as on the page. Run it inside a read
 * transaction (a port's read). An owner has no list: null.
 */
export async function memberRows(
  cx: Cx,
  filter: MemberRowsFilter,
  batch = 1000,
): Promise<AsyncIterable<MemberListRow[]> | null> {
  const { db, scope } = cx;
  if (!scope.org) return null;
  const { union, order } = await memberQuery(cx, filter);
  const make = rowMaker<MemberRaw>(MEMBER_RAW_KEYS);
  const select = sql`select * from (${union}) as u order by grp, ${order}`;
  return (async function* () {
    for await (const raw of iterateRows<unknown[]>(db, select, batch))
      yield raw.map((r) => memberRow(make(r)));
  })();
}

export interface MemberDetail {
  id: number;
  name: string;
  gender: string;
  birthDate: string | null;
  idNumberMasked: string;
  /** Whether the caller may unmask the citizen ID (an administrator of the member's chain). */
  canUnmask: boolean;
  joinedOn: string;
  fullOn: string | null;
  orgId: number | null;
  orgName: string | null;
  outsideOrgName: string | null;
  workHostId: number | null;
  workHostName: string | null;
  workSince: string | null;
  jobCategory: string | null;
  status: string;
  statusOn: string | null;
  mobile: boolean;
  lostContact: boolean;
  pocket: boolean;
  phone: string | null;
  version: number;
}

/** A member the caller may edit; counted-only members and anything else: null (not found). */
export async function getMember(cx: Cx, input: { id: number }): Promise<MemberDetail | null> {
  const { db, scope, today } = cx;
  const memberId = input.id;
  if ((await memberAccess(db, scope, memberId, today)) !== "edit") return null;
  const m = await selectOne<
    Omit<MemberDetail, "idNumberMasked" | "canUnmask" | "mobile" | "lostContact" | "pocket"> & {
      idNumber: string;
      mobile: number;
      lostContact: number;
      pocket: number;
    }
  >(
    db,
    sql`select m.id, m.name, m.gender, m.birth_date as birthDate, m.id_number as idNumber, m.joined_on as joinedOn,
         m.full_on as fullOn, m.org_id as orgId, o.name as orgName, m.outside_org_name as outsideOrgName,
         m.work_host_id as workHostId, h.name as workHostName, m.work_since as workSince,
         m.job_category as jobCategory, m.status, m.status_on as statusOn, m.mobile, m.lost_contact as lostContact,
         m.pocket, m.phone, m.version
       from members m left join orgs o on o.id = m.org_id left join hosts h on h.id = m.work_host_id where m.id = ${memberId}`,
  );
  if (!m) return null;
  const { idNumber, mobile, lostContact, pocket, ...rest } = m;
  return {
    ...rest,
    idNumberMasked: maskCitizenId(idNumber),
    canUnmask: scope.role === "admin",
    mobile: mobile === 1,
    lostContact: lostContact === 1,
    pocket: pocket === 1,
  };
}

export type UnmaskResult = { ok: true; idNumber: string } | { ok: false; reason: "notFound" | "forbidden" };

/**
 * The full citizen ID for an administrator of the member's chain (the holding organization is in the
 * administrator's subtree), audited as `member.unmask` in the same transaction.
 */
export async function unmaskMember(cx: Cx, input: { id: number }): Promise<UnmaskResult> {
  const { db, scope, today } = cx;
  const memberId = input.id;
  if ((await memberAccess(db, scope, memberId, today)) !== "edit") return { ok: false, reason: "notFound" };
  if (scope.role !== "admin") return { ok: false, reason: "forbidden" };
  return writeTransaction(db, async (tx) => {
    const row = (await selectOne<{ idNumber: string; orgId: number | null }>(
      db,
      sql`select id_number as idNumber, org_id as orgId from members where id = ${memberId}`,
    ))!;
    await writeAudit(tx, {
      userId: scope.userId,
      username: scope.username,
      action: "member.unmask",
      entity: "member",
      entityId: memberId,
      scopeOrgId: row.orgId,
      before: null,
      after: { viewedBy: scope.username },
    });
    return { ok: true as const, idNumber: row.idNumber };
  });
}

export interface TransferRow {
  id: number;
  /** "in": received by an organization of the subtree; "out": sent from one. */
  direction: "in" | "out";
  memberName: string;
  /** The member's page, when the member is the caller's to open today. */
  memberId: number | null;
  fromName: string | null;
  toName: string | null;
  requestedOn: string;
  effectiveOn: string;
  state: "pending" | "accepted" | "rejected";
  decidedOn: string | null;
  decisionReason: string | null;
  /** Whether the caller decides it (pending; the receiving side, or the sender for a transfer out of the city). */
  canDecide: boolean;
}

/**
 * 组织关系接转 of the caller's subtree: received (to decide) and sent, pending first, then the latest
 * decided ones (at most `input.limit`, 100 unless given).
 */
export async function listTransfers(cx: Cx, input: { limit?: number } = {}): Promise<TransferRow[] | null> {
  const { db, scope, today } = cx;
  const limit = input.limit ?? 100;
  if (!scope.org) return null;
  const { within } = scopeSql(scope, today);
  const rows = await selectAll<Omit<TransferRow, "canDecide"> & { canDecide: number }>(
    db,
    sql`select t.id, case when ${within.subtree("tt")} then 'in' else 'out' end as direction,
         m.name as memberName, case when ${within.subtree("mo")} then m.id end as memberId,
         f.name as fromName, coalesce(tt.name, t.outside_org_name) as toName,
         t.requested_on as requestedOn, t.effective_on as effectiveOn, t.state, t.decided_on as decidedOn,
         t.decision_reason as decisionReason,
         (t.state = 'pending' and (${within.subtree("tt")} or (t.to_org_id is null and ${within.subtree("f")}))) as canDecide
       from transfers t join members m on m.id = t.member_id
         left join orgs f on f.id = t.from_org_id left join orgs tt on tt.id = t.to_org_id
         left join orgs mo on mo.id = m.org_id
       where ${within.subtree("tt")} or ${within.subtree("f")}
       order by t.state = 'pending' desc, coalesce(t.decided_on, t.requested_on) desc, t.id desc
       limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, canDecide: r.canDecide === 1 }));
}
