"use client";

import type { ReactNode } from "react";
import { Table } from "antd";

export interface Column {
  key: string;
  title: string;
}

/** A read-only table: cells are pre-rendered on the server (links included). */
export function DataTable({
  columns,
  rows,
  testId,
}: {
  columns: Column[];
  rows: ({ key: string | number } & Record<string, ReactNode>)[];
  testId?: string;
}) {
  return (
    <Table
      data-testid={testId}
      size="small"
      pagination={false}
      columns={columns.map((c) => ({ key: c.key, dataIndex: c.key, title: c.title }))}
      dataSource={rows}
      scroll={{ x: true }}
    />
  );
}
