import { redirect } from "next/navigation";
import { todayIso } from "@liangxin/api";

export const dynamic = "force-dynamic";

/** The report of the current year. */
export default function ReportsIndex() {
  redirect(`/reports/${todayIso().slice(0, 4)}`);
}
