"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { Table, Tag } from "antd";

export interface Column {
  key: string;
  title: string;
}

/**
 * What a server page may put in a cell: plain data, rendered here, never a React element. An element in a
 * row's data crosses to this client component inside the RSC payload, where React outlines it as a lazy
 * reference once the payload is large enough (`"name":"$L44"`); antd's table takes any object that is not
 * an element for a `{ children, props }` cell and renders it empty — on the server and after hydration.
 * Plain cells keep every list's names whatever its size; the type refuses an element at compile time.
 */
export type PlainCell =
  | string
  | number
  | null
  | { link: string; text: string; testId?: string }
  | { text: string; testId?: string }
  | { tag: string; color?: string };

/** A cell that does something (a button, a small form): rendered by the area's table (`renderAction`). */
export interface ActionCell {
  action: string;
}

export type Cell<A extends ActionCell = never> = PlainCell | A | { items: readonly Cell<A>[] };

export type Row<A extends ActionCell = never> = { key: string | number } & { [column: string]: Cell<A> };

export interface TableProps<A extends ActionCell = never> {
  columns: readonly Column[];
  rows: readonly Row<A>[];
  testId?: string;
  /** Client-side pages of this many rows (when there are more); none by default. */
  pageSize?: number;
  emptyText?: string;
}

/**
 * Text this short (a date, a status, a count, a short name) stays on one line: a table squeezed by a long
 * column otherwise wraps it one character per line. Longer text wraps as usual.
 */
const SHORT = 12;
const nowrap = { whiteSpace: "nowrap" } as const;
const isShort = (text: string) => text.length <= SHORT;

function renderCell<A extends ActionCell>(cell: Cell<A>, renderAction?: (a: A) => ReactNode): ReactNode {
  if (cell === null) return cell;
  if (typeof cell === "number") return <span style={nowrap}>{cell}</span>;
  if (typeof cell === "string") return isShort(cell) ? <span style={nowrap}>{cell}</span> : cell;
  if ("items" in cell)
    return (
      <div style={{ display: "flex", flexDirection: "column", gap: 4 }}>
        {cell.items.map((c, i) => (
          <div key={i} style={{ display: "flex", gap: 8, alignItems: "center" }}>
            {renderCell(c, renderAction)}
          </div>
        ))}
      </div>
    );
  if ("action" in cell) return renderAction ? renderAction(cell) : null;
  if ("link" in cell)
    return (
      <Link href={cell.link} data-testid={cell.testId} style={isShort(cell.text) ? nowrap : undefined}>
        {cell.text}
      </Link>
    );
  if ("tag" in cell) return <Tag color={cell.color}>{cell.tag}</Tag>;
  return (
    <span data-testid={cell.testId} style={isShort(cell.text) ? nowrap : undefined}>
      {cell.text}
    </span>
  );
}

/** A table whose cells may hold the actions of an area: the area's client module supplies `renderAction`. */
export function CellTable<A extends ActionCell>({
  columns,
  rows,
  testId,
  pageSize,
  emptyText,
  renderAction,
}: TableProps<A> & { renderAction?: (a: A) => ReactNode }) {
  return (
    <Table<Row<A>>
      data-testid={testId}
      rowKey="key"
      size="small"
      locale={emptyText ? { emptyText } : undefined}
      pagination={pageSize && rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      dataSource={[...rows]}
      columns={columns.map((c) => ({
        key: c.key,
        title: c.title,
        // A column's title stays on one line: the column is at least as wide as its title.
        onHeaderCell: () => ({ style: nowrap }),
        render: (_: unknown, row: Row<A>) => renderCell(row[c.key] ?? null, renderAction),
      }))}
      scroll={{ x: true }}
    />
  );
}

/** A read-only table of plain cells (text, links, tags). */
export function DataTable(props: TableProps) {
  return <CellTable {...props} />;
}
