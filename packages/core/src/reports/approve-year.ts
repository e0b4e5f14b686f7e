/**
 * As the system: every management node of a year's tree submits its report and its parent approves it,
 * from the deepest level up (the demo's past years carry approved reports, so that drill-downs of approved
 * figures and 撤销审核 can be tried). Warnings are explained with one given text; an error stops it.
 */
import { isManagement } from "@liangxin/domain";
import type { Db } from "@liangxin/db/driver";
import { unsafeNodeScope } from "@liangxin/db/scope";
import { buildReport, loadSubmission, ReportComputer, warningCodes } from "./build.ts";
import { approveReport, submitReport } from "./workflow.ts";

export interface ApproveYearResult {
  year: number;
  approved: number;
}

export function approveYear(
  db: Db,
  year: number,
  opts: { explanation: string; onProgress?: (done: number, total: number) => void },
): ApproveYearResult {
  const tree = new ReportComputer(db).index(year).tree;
  // Children before parents: reverse pre-order of the management nodes that have a parent.
  const nodes = tree
    .orgs()
    .filter((o) => isManagement(o.category) && tree.parentOf(o.id) !== null)
    .reverse();
  let approved = 0;
  nodes.forEach((node, i) => {
    const existing = loadSubmission(db, node.id, year);
    if (existing?.state === "approved") return;
    const own = unsafeNodeScope(db, node.code)!;
    const parent = tree.org(tree.parentOf(node.id)!)!;
    const parentScope = unsafeNodeScope(db, parent.code)!;
    let submissionId = existing?.id;
    if (!existing || existing.state === "returned") {
      const view = buildReport(db, own, { nodeId: node.id, year });
      const explanations = Object.fromEntries(warningCodes(view.checks).map((c) => [c, opts.explanation]));
      submissionId = submitReport(db, own, {
        nodeId: node.id,
        year,
        explanations,
        ...(existing ? { version: existing.version } : {}),
      }).id;
    }
    approveReport(db, parentScope, { submissionId: submissionId! });
    approved++;
    opts.onProgress?.(i + 1, nodes.length);
  });
  return { year, approved };
}
