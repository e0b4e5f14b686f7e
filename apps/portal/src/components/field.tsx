import type { ReactNode } from "react";

/** A labelled native form control (forms post to server actions). */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label style={{ display: "flex", flexDirection: "column", gap: 4, minWidth: 160 }}>
      <span style={{ fontSize: 13, color: "#555" }}>{label}</span>
      {children}
    </label>
  );
}

export const inputStyle = { padding: "4px 8px", border: "1px solid #d9d9d9", borderRadius: 4, fontSize: 14 };
