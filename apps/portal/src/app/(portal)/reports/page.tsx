import { redirect } from "next/navigation";
import { clock } from "@liangxin/domain";

export const dynamic = "force-dynamic";

/** The report of the current year. */
export default function ReportsIndex() {
  redirect(`/reports/${clock.today().slice(0, 4)}`);
}
