"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { Table, Tag } from "antd";
import type { ApplicantStage } from "@liangxin/domain";
import { AdvanceButton, ConfirmFullButton, EndAssignmentButton, ResolveButton } from "./forms";
import { workMessages as m } from "./messages";

export interface Column {
  key: string;
  title: string;
}

/** A small action in a cell, rendered by the client (no function crosses from server to client). */
export type ActionCell =
  | { action: "endAssignment"; id: number; today: string }
  | { action: "resolve"; id: number; today: string }
  | { action: "advance"; id: number; stage: ApplicantStage; today: string }
  | { action: "confirmFull"; id: number; today: string };

/** What a server page may put in a cell: plain data only. */
export type Cell =
  | string
  | number
  | null
  | { link: string; text: string }
  | { tag: string; color?: string }
  | ActionCell
  | { items: Cell[] };

export type Row = { key: string | number } & Record<string, Cell>;

function renderCell(cell: Cell): ReactNode {
  if (cell === null || typeof cell === "string" || typeof cell === "number") return cell;
  if ("link" in cell) return <Link href={cell.link}>{cell.text}</Link>;
  if ("tag" in cell) return <Tag color={cell.color}>{cell.tag}</Tag>;
  if ("items" in cell)
    return (
      <div style={{ display: "flex", flexDirection: "column", gap: 4 }}>
        {cell.items.map((c, i) => (
          <div key={i} style={{ display: "flex", gap: 8, alignItems: "center" }}>
            {renderCell(c)}
          </div>
        ))}
      </div>
    );
  switch (cell.action) {
    case "endAssignment":
      return <EndAssignmentButton assignmentId={cell.id} today={cell.today} />;
    case "resolve":
      return <ResolveButton id={cell.id} today={cell.today} />;
    case "advance":
      return <AdvanceButton applicantId={cell.id} stage={cell.stage} today={cell.today} />;
    case "confirmFull":
      return <ConfirmFullButton memberId={cell.id} today={cell.today} />;
  }
}

/** A server-rendered list: the page passes plain columns and cells. */
export function DataTable({
  columns,
  rows,
  testId,
  pageSize = 20,
}: {
  columns: readonly Column[];
  rows: readonly Row[];
  testId?: string;
  pageSize?: number;
}) {
  return (
    <Table<Row>
      data-testid={testId}
      rowKey="key"
      size="small"
      locale={{ emptyText: m.none }}
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      dataSource={[...rows]}
      columns={columns.map((c) => ({
        key: c.key,
        title: c.title,
        render: (_: unknown, row: Row) => renderCell(row[c.key] ?? null),
      }))}
    />
  );
}
