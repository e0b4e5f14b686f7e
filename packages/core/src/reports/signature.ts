/**
 * The signature block under a printed report (issue 20): 填报单位 / 单位负责人 / 填表人 / 填报日期. The
 * print view and the .xlsx export both take it from here. The names are those given at 上报 for the figures
 * shown (submitted or approved); a report not submitted, or returned and recomputed, has blank names to sign
 * by hand.
 */
import { chinaDateOf } from "@liangxin/domain";
import type { ReportView } from "./build.ts";

export const REPORT_SIGNATURE_LABELS = {
  unit: "填报单位",
  unitHead: "单位负责人",
  preparer: "填表人",
  date: "填报日期",
} as const;

export interface ReportSignature {
  /** The reporting node's name. */
  unit: string;
  unitHead: string | null;
  preparer: string | null;
  /** The submission's date in Beijing time (YYYY-MM-DD), or null before any submission of these figures. */
  date: string | null;
}

export function reportSignature(view: Pick<ReportView, "node" | "source" | "submission">): ReportSignature {
  const signed = view.source !== "live" ? view.submission : null;
  return {
    unit: view.node.name,
    unitHead: signed?.unitHead ?? null,
    preparer: signed?.preparer ?? null,
    date: signed?.submittedAt ? chinaDateOf(signed.submittedAt) : null,
  };
}
