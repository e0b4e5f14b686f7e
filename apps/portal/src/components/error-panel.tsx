"use client";

import Link from "next/link";
import { serviceMessages as m } from "@/app/service-messages";

/**
 * What error.tsx and global-error.tsx show: a Chinese explanation and the error number. For an error of the
 * server the number is the request id (Next.js passes it as `digest`), which is also in the server's log
 * line for that request; the support desk finds the line with it.
 */
export function ErrorPanel({
  error,
  reset,
  title = m.errorTitle,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  title?: string;
}) {
  return (
    <div
      style={{ minHeight: "50vh", display: "grid", placeItems: "center", textAlign: "center", padding: 24 }}
    >
      <div style={{ maxWidth: 560 }}>
        <div style={{ fontSize: 56, color: "#c8161d", fontWeight: 700 }}>500</div>
        <h1 style={{ fontSize: 22 }}>{title}</h1>
        <p style={{ color: "#666" }}>{m.errorText}</p>
        <p data-testid="error-number" style={{ fontSize: 16 }}>
          {m.errorNumber}{" "}
          {error.digest ? (
            <code style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1, userSelect: "all" }}>
              {error.digest}
            </code>
          ) : (
            <span>{m.noErrorNumber}</span>
          )}
        </p>
        <p style={{ display: "flex", gap: 16, justifyContent: "center" }}>
          <button type="button" onClick={() => reset()} style={{ padding: "4px 16px", cursor: "pointer" }}>
            {m.retry}
          </button>
          <Link href="/">{m.backHome}</Link>
        </p>
      </div>
    </div>
  );
}
