"use client";

import { ErrorPanel } from "@/components/error-panel";

/** An error of a page of the signed-in area: shown inside the frame, so the menu stays usable. */
export default function PortalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorPanel error={error} reset={reset} />;
}
