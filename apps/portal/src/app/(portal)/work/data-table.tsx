"use client";

import type { ReactNode } from "react";
import { Table } from "antd";
import { workMessages as m } from "./messages";

export interface Column {
  key: string;
  title: string;
}

export type Row = { key: string | number } & Record<string, ReactNode>;

/**
 * A server-rendered list: the page prepares each cell (text, tags, links, small client actions) and
 * passes plain columns, so no function crosses from server to client.
 */
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
    <Table
      data-testid={testId}
      rowKey="key"
      size="small"
      locale={{ emptyText: m.none }}
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      dataSource={rows.map((r) => ({ ...r }))}
      columns={columns.map((c) => ({ key: c.key, dataIndex: c.key, title: c.title }))}
    />
  );
}
