/**
 * The report's five-basics 附表 (五个基本): for each child row and the 直属 row of a node's report, the
 * grassroots organizations and how many meet each basic and all five, as of the report's day (its
 * 31 December, or today for the current year). Computed by the same check as the dashboard and the
 * 五个基本 board (`basicsBoardIn`, under the node), so the figures equal theirs; each organization is
 * counted once, in the row of the unit it lies under (else 直属), and the 合计 is the sum of the rows.
 */
import {
  countFiveBasics,
  minDate,
  yearEnd,
  type BasicsAnnex,
  type BasicsAnnexRow,
  type BasicsCheck,
  type ReportRow,
} from "@liangxin/domain";
import type { Db } from "@liangxin/db/driver";
import type { Scope } from "@liangxin/db/scope";
import { basicsBoardIn, type BasicsBoard } from "../basics/check.ts";

/** The day a year's five basics are counted on: its 31 December, or today while the year runs. */
export function basicsDay(year: number, today: string): string {
  return minDate(yearEnd(year), today);
}

/**
 * The five basics' board of `node` (already resolved inside the caller's subtree) on `on`: the board runs
 * under the node, the caller's scope narrowed to it. Started before the report is counted, its statements
 * run on the read thread meanwhile (read-thread.ts).
 */
export function reportBoardIn(
  db: Db,
  scope: Scope,
  node: { id: number; code: string; name: string; category: string; path: string },
  on: string,
): Promise<BasicsBoard> {
  const under: Scope = {
    ...scope,
    org: { id: node.id, code: node.code, name: node.name, category: node.category, path: node.path },
  };
  return basicsBoardIn(db, under, on);
}

/** The five-basics 附表 of the report rows given, from the node's board (`reportBoardIn`). */
export function basicsAnnexOf(
  board: BasicsBoard,
  rows: readonly Pick<ReportRow, "kind" | "orgId" | "code" | "name">[],
): BasicsAnnex {
  const childIds = new Set(rows.filter((r) => r.kind === "child").map((r) => r.orgId));
  // The board's checks per report row in one pass: a child row's unit, else the 直属 row.
  const byChild = new Map<number, BasicsCheck[]>();
  const direct: BasicsCheck[] = [];
  for (const b of board.rows) {
    const list = b.unitId !== null && childIds.has(b.unitId) ? byChild.get(b.unitId) : direct;
    if (list) list.push(b.check);
    else byChild.set(b.unitId!, [b.check]);
  }
  return {
    on: board.on,
    rows: annexRows(rows, (r) => countFiveBasics(r.kind === "child" ? (byChild.get(r.orgId) ?? []) : direct)),
    total: board.total,
  };
}

/** The 附表's rows: each child row and the 直属 row of the report, with its count. */
export function annexRows(
  rows: readonly Pick<ReportRow, "kind" | "orgId" | "code" | "name">[],
  countOf: (row: { kind: "child" | "direct"; orgId: number }) => BasicsAnnexRow["count"],
): BasicsAnnexRow[] {
  const out: BasicsAnnexRow[] = [];
  for (const r of rows) {
    if (r.kind !== "child" && r.kind !== "direct") continue;
    out.push({
      kind: r.kind,
      orgId: r.orgId,
      code: r.code,
      name: r.name,
      count: countOf({ kind: r.kind, orgId: r.orgId }),
    });
  }
  return out;
}
