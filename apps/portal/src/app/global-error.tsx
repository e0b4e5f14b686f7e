"use client";

import { ErrorPanel } from "@/components/error-panel";
import { serviceMessages as m } from "./service-messages.ts";

/** An error of the root layout itself: replaces the whole document (so no stylesheet of the layout). */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="zh-CN">
      <head>
        <title>{m.globalTitle}</title>
      </head>
      <body style={{ margin: 0, fontFamily: "system-ui, sans-serif" }}>
        <ErrorPanel error={error} reset={reset} title={m.globalTitle} />
      </body>
    </html>
  );
}
