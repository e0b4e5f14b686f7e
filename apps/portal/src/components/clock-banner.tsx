import { connection } from "next/server";
import { clock, clockMessages, formatChinaTime } from "@liangxin/domain";

/** While LIANGXIN_NOW pins the clock, every page says so (read at request time, never at build time). */
export async function ClockBanner() {
  await connection();
  const pinnedAt = clock.pinnedAt;
  if (!pinnedAt) return null;
  return (
    <div
      role="status"
      data-testid="clock-banner"
      style={{ background: "#fffbe6", color: "#614700", padding: "4px 24px", fontSize: 13 }}
    >
      {clockMessages.pinnedBanner(clock.today(), formatChinaTime(pinnedAt, { minutes: true }))}
    </div>
  );
}
