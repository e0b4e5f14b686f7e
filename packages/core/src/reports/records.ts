/**
 * The records behind submitted figures (issue 18): stored per row with a submission, read back for the
 * drill-down of frozen figures and for 校核, and the differences between reported and live records put in
 * words a county's organization department can act on (which organization, member or host, in which rows).
 */
import {
  decodeRowRecords,
  encodeRowRecords,
  HOST_FLAG,
  INDICATOR_LABELS,
  MEMBER_COUNT_LABELS,
  ORG_COUNT_LABELS,
  COUNTED_MODE_LABELS,
  type IndicatorParts,
  type RecordDifference,
  type RowKey,
  type RowRecords,
  diffParts,
} from "@liangxin/domain";
import { eq, sql } from "drizzle-orm";
import { idList, type Db, selectRows } from "@liangxin/db/driver";
import { maskName } from "@liangxin/db/queries";
import { reportRecords } from "@liangxin/db/schema";
import type { ReportCheck } from "./build.ts";

export interface StoredRecords {
  keys: RowKey[];
  rows: RowRecords[];
}

/** The records stored with a submission, rows in report order. */
export async function loadSubmissionRecords(db: Db, submissionId: number): Promise<StoredRecords> {
  const rows: StoredRow[] = await db
    .select({ kind: reportRecords.rowKind, orgId: reportRecords.rowOrgId, data: reportRecords.data })
    .from(reportRecords)
    .where(eq(reportRecords.submissionId, submissionId))
    .orderBy(reportRecords.rowIndex);
  return decodeStoredRows(rows);
}

/** A stored row of `report_records` or `report_check_records`, in row order. */
export interface StoredRow {
  kind: "child" | "direct";
  orgId: number;
  data: string;
}

/** Stored rows decoded into the records of each row. */
export function decodeStoredRows(rows: readonly StoredRow[]): StoredRecords {
  return {
    keys: rows.map((r) => ({ kind: r.kind, orgId: r.orgId })),
    rows: rows.map((r) => decodeRowRecords(r.data)),
  };
}

/** Rows per insert of `report_records` (5 parameters each). */
const INSERT_CHUNK = 1_000;

/** Replace the records of a submission (inside the caller's transaction). */
export async function storeSubmissionRecords(
  db: Db,
  submissionId: number,
  records: StoredRecords,
): Promise<void> {
  await db.delete(reportRecords).where(eq(reportRecords.submissionId, submissionId));
  const rows = records.keys.map((k, i) => ({
    submissionId,
    rowIndex: i,
    rowKind: k.kind,
    rowOrgId: k.orgId,
    data: encodeRowRecords(records.rows[i]!),
  }));
  // A report has a row per child node: a few dozen; chunks keep far below SQLite's parameter limit.
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await db.insert(reportRecords).values(rows.slice(i, i + INSERT_CHUNK));
}

/** Labels of the additive parts (the dictionary's, plus the numerators that have no column). */
const PART_LABELS: Record<string, string> = {
  ...INDICATOR_LABELS,
  aboveScaleCovered: "规模以上企业中已覆盖的",
  threeMemberStandalone: "有3名以上正式党员且单独组建的",
  ...Object.fromEntries(
    Object.entries(COUNTED_MODE_LABELS).map(([k, v]) => [
      `coveredByMode.${k}`,
      `${INDICATOR_LABELS.orgCovered}·${v}`,
    ]),
  ),
  ...Object.fromEntries(Object.entries(ORG_COUNT_LABELS).map(([k, v]) => [`orgs.${k}`, v])),
  ...Object.fromEntries(Object.entries(MEMBER_COUNT_LABELS).map(([k, v]) => [`members.${k}`, v])),
};

const HOST_FLAG_LABELS: [number, string][] = [
  [HOST_FLAG.orgCovered, "已覆盖"],
  [HOST_FLAG.standalone, "单独组建"],
  [HOST_FLAG.joint, "联合组建"],
  [HOST_FLAG.affiliated, "挂靠组建"],
  [HOST_FLAG.regional, "区域联建"],
  [HOST_FLAG.aboveScale, "规模以上"],
  [HOST_FLAG.withMembers, "有党员"],
  [HOST_FLAG.withThreeMembers, "有3名以上正式党员"],
  [HOST_FLAG.shouldEstablishNotEstablished, "应建未建"],
  [HOST_FLAG.instructorCovered, "选派指导员覆盖"],
  [HOST_FLAG.instructors, "有指导员"],
  [HOST_FLAG.workCovered, "工作覆盖"],
  [HOST_FLAG.employees, "有从业人员"],
  [HOST_FLAG.enterprise, "非公企业"],
];

function flagChange(kind: RecordDifference["kind"], before: number, after: number): string {
  if (kind === "hosts") {
    const parts: string[] = [];
    for (const [bit, label] of HOST_FLAG_LABELS) {
      if ((before & bit) !== (after & bit))
        parts.push(`${label}:${before & bit ? "是" : "否"}→${after & bit ? "是" : "否"}`);
    }
    return parts.join(",");
  }
  if (kind === "orgs") return "组织类别已变更";
  return before & 1 ? "正式党员→预备党员" : "预备党员→正式党员";
}

const KIND_LABEL: Record<RecordDifference["kind"], string> = {
  hosts: "两新组织",
  orgs: "党组织",
  members: "党员",
  employed: "在两新组织工作的党员",
};

/** At most this many differences are spelled out one by one; the rest are counted. */
export const MAX_LISTED_DIFFERENCES = 500;

/**
 * 校核 errors for the differences between reported rows and the live computation of the same node: one
 * per differing additive figure of the 合计, one per differing record (named; members masked).
 */
export async function describeDifferences(
  db: Db,
  input: {
    rowNames: string[];
    records: RecordDifference[];
    reportedTotal: IndicatorParts;
    liveTotal: IndicatorParts;
  },
): Promise<ReportCheck[]> {
  const out: ReportCheck[] = [];
  for (const d of diffParts(input.reportedTotal, input.liveTotal)) {
    out.push({
      level: "error",
      code: "RECONCILE_TOTAL",
      message: `合计「${PART_LABELS[d.key] ?? d.key}」按下级上报(含已审核)数据汇总为${d.reported},按实时数据计算为${d.live}`,
    });
  }
  const rows = (d: RecordDifference) => d.rows.map((i) => `「${input.rowNames[i] ?? "?"}」`).join("与");
  const listed = input.records.slice(0, MAX_LISTED_DIFFERENCES);
  // The names of the records listed, read once per table.
  const tableOf = (d: RecordDifference) =>
    d.kind === "orgs" ? "orgs" : d.kind === "hosts" ? "hosts" : "members";
  const names = new Map<string, Map<number, string>>();
  for (const table of ["orgs", "hosts", "members"] as const) {
    const ids = listed.filter((d) => tableOf(d) === table).map((d) => d.id);
    if (ids.length === 0) continue;
    names.set(
      table,
      new Map(
        await selectRows<[number, string]>(
          db,
          sql`select id, name from ${sql.raw(table)} where id in ${idList(ids)}`,
        ),
      ),
    );
  }
  const nameOf = (d: RecordDifference): string => {
    const name = names.get(tableOf(d))?.get(d.id) ?? `#${d.id}`;
    return d.kind === "members" || d.kind === "employed" ? maskName(name) : name;
  };
  for (const d of listed) {
    const who = `${KIND_LABEL[d.kind]}「${nameOf(d)}」`;
    let message: string;
    if (d.problem === "twice") message = `${who}同时计入${rows(d)},重复统计`;
    else if (d.problem === "gone") message = `${who}计入${rows(d)},但按实时数据已不属于本单位`;
    else if (d.problem === "missing") message = `${who}按实时数据属于本单位,但未计入任何一行`;
    else
      message = `${who}在${rows(d)}中的统计口径与实时数据不同(${flagChange(d.kind, d.reportedFlags!, d.liveFlags!)})`;
    out.push({ level: "error", code: "RECONCILE_RECORD", message });
  }
  if (input.records.length > listed.length) {
    out.push({
      level: "error",
      code: "RECONCILE_RECORD",
      message: `另有${input.records.length - listed.length}处记录差异未逐条列出`,
    });
  }
  return out;
}
