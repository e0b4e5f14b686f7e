"use client";

import { ErrorPanel } from "@/components/error-panel";

/** An error of a page outside the signed-in area (or of the portal's layout itself). */
export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorPanel error={error} reset={reset} />;
}
