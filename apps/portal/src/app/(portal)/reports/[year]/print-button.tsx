"use client";

import { Button } from "antd";
import { PrinterOutlined } from "@ant-design/icons";

export function PrintButton({ label }: { label: string }) {
  return (
    <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
      {label}
    </Button>
  );
}
