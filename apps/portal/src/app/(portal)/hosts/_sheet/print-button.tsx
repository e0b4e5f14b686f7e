"use client";

import { Button } from "antd";

/** Opens the browser's print dialog; hidden on paper. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="primary" className="lx-no-print" data-testid="print-button" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
