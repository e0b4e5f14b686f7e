import Link from "next/link";
import type { ReactNode } from "react";
import type { Column, PlainCell } from "./data-table.tsx";

/**
 * A read-only table of plain cells rendered on the server as plain HTML: no client component per row or
 * cell, nothing to hydrate. antd's Table renders every cell through its hooks and theme on each request
 * (a hosts list page of 20 rows cost about 70 ms of CPU, most of it antd); this table looks the same
 * (`.lx-table` in globals.css copies antd's small table) and keeps antd's row class (`ant-table-row`), so
 * that what finds a row still finds it. For lists paged on the server; a table that pages in the browser
 * or holds actions stays a `CellTable`.
 */
type Cell = PlainCell | { items: readonly Cell[] };
export type PlainRow = { key: string | number } & { [column: string]: Cell };

const SHORT = 12;
const isShort = (text: string) => text.length <= SHORT;

function renderCell(cell: Cell): ReactNode {
  if (cell === null) return null;
  if (typeof cell === "number") return <span className="lx-nowrap">{cell}</span>;
  if (typeof cell === "string") return isShort(cell) ? <span className="lx-nowrap">{cell}</span> : cell;
  if ("items" in cell)
    return (
      <div className="lx-cell-items">
        {cell.items.map((c, i) => (
          <div key={i}>{renderCell(c)}</div>
        ))}
      </div>
    );
  if ("link" in cell)
    return (
      <Link
        href={cell.link}
        data-testid={cell.testId}
        className={isShort(cell.text) ? "lx-nowrap" : undefined}
      >
        {cell.text}
      </Link>
    );
  if ("tag" in cell) return <span className={`lx-tag lx-tag-${cell.color ?? "default"}`}>{cell.tag}</span>;
  return (
    <span data-testid={cell.testId} className={isShort(cell.text) ? "lx-nowrap" : undefined}>
      {cell.text}
    </span>
  );
}

export function PlainTable({
  columns,
  rows,
  testId,
  emptyText = "暂无数据",
}: {
  columns: readonly Column[];
  rows: readonly PlainRow[];
  testId?: string;
  emptyText?: string;
}) {
  return (
    <div className="lx-table" data-testid={testId}>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr className="lx-table-empty">
              <td colSpan={columns.length}>{emptyText}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key} className="ant-table-row" data-row-key={row.key}>
                {columns.map((c) => (
                  <td key={c.key}>{renderCell(row[c.key] ?? null)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
