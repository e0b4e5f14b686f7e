import { connection } from "next/server";
import { servingStatus } from "@liangxin/db/driver";
import { serviceMessages as m } from "@/app/service-messages";

/**
 * While the database is missing or not migrated, every page says so (the portal never migrates; its API
 * refuses every call meanwhile). Read at request time, never at build time; once the process serves the
 * database (its port is open) the banner stays away, as the API serves.
 */
export async function ServiceBanner() {
  await connection();
  const status = servingStatus();
  if (status.ready) return null;
  return (
    <div
      data-testid="service-banner"
      style={{
        background: "#fff1f0",
        color: "#a8071a",
        padding: "8px 24px",
        borderBottom: "1px solid #ffa39e",
      }}
    >
      <strong>{m.notReadyTitle}</strong>:{status.reason}。{m.notReadyAction}
    </div>
  );
}
