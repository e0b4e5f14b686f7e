/**
 * As the system: every management node of a year's tree submits its report and its parent approves it,
 * from the deepest level up (the demo's past years carry approved reports, so that drill-downs of approved
 * figures and 撤销审核 can be tried). Warnings are explained with one given text; an error stops it.
 */
import { clock, isManagement } from "@liangxin/domain";
import type { Cx } from "@liangxin/db/cx";
import type { Db } from "@liangxin/db/driver";
import { unsafeNodeScope } from "@liangxin/db/scope";
import { buildReportIn, loadSubmission, ReportComputer, warningCodes } from "./build.ts";
import { approveReportIn, submitReportIn } from "./workflow.ts";

export interface ApproveYearResult {
  year: number;
  approved: number;
}

export interface ApproveYearInput {
  year: number;
  /** The written explanation given for every warning. */
  explanation: string;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * On the connection given, for the seed, which approves the past years inside its transaction; each node
 * submits as its own administrator and its parent's administrator approves (the system acts for them).
 */
export async function approveYearIn(db: Db, input: ApproveYearInput): Promise<ApproveYearResult> {
  const { year } = input;
  const today = clock.today();
  const tree = (await new ReportComputer(db).index(year)).tree;
  // Children before parents: reverse pre-order of the management nodes that have a parent.
  const nodes = tree
    .orgs()
    .filter((o) => isManagement(o.category) && tree.parentOf(o.id) !== null)
    .reverse();
  let approved = 0;
  for (const [i, node] of nodes.entries()) {
    const existing = await loadSubmission(db, node.id, year);
    if (existing?.state === "approved") continue;
    const own: Cx = { db, scope: (await unsafeNodeScope(db, node.code))!, today };
    const parent = tree.org(tree.parentOf(node.id)!)!;
    const parentCx: Cx = { db, scope: (await unsafeNodeScope(db, parent.code))!, today };
    let submissionId = existing?.id;
    if (!existing || existing.state === "returned") {
      const view = await buildReportIn(own, { nodeId: node.id, year });
      const explanations = Object.fromEntries(warningCodes(view.checks).map((c) => [c, input.explanation]));
      submissionId = (
        await submitReportIn(own, {
          nodeId: node.id,
          year,
          explanations,
          ...(existing ? { version: existing.version } : {}),
        })
      ).id;
    }
    await approveReportIn(parentCx, { submissionId: submissionId! });
    approved++;
    input.onProgress?.(i + 1, nodes.length);
  }
  return { year, approved };
}
