/**
 * The write side of the ledger (台账) and the figures of a node: one procedure per change, each calling one
 * command of `@liangxin/db` with the caller's scope (the command checks edit access, the domain's rules,
 * the version, and writes the audit row in the same transaction).
 */
import { createTRPCRouter } from "../../trpc.ts";
import { recordsHostRouter } from "./host/index.ts";
import { recordsOrgRouter } from "./org/index.ts";
import { recordsCoverageRouter } from "./coverage/index.ts";
import { recordsCoverageRequestRouter } from "./coverageRequest/index.ts";
import { recordsDualLinkRouter } from "./dualLink/index.ts";
import { recordsSecretaryRouter } from "./secretary/index.ts";
import { recordsMemberRouter } from "./member/index.ts";
import { recordsTransferRouter } from "./transfer/index.ts";
import { recordsInstructorRouter } from "./instructor/index.ts";
import { recordsAssignmentRouter } from "./assignment/index.ts";
import { recordsPolicyRouter } from "./policy/index.ts";
import { recordsIndicatorsRouter } from "./indicators/index.ts";

export const recordsRouter = createTRPCRouter({
  host: recordsHostRouter,
  org: recordsOrgRouter,
  coverage: recordsCoverageRouter,
  /**
   * 覆盖申请: covering a host outside the proposer's territory is proposed, and takes effect when the host's
   * territory administrator (township level, or a common superior) accepts it; the lists of both sides.
   */
  coverageRequest: recordsCoverageRequestRouter,
  dualLink: recordsDualLinkRouter,
  secretary: recordsSecretaryRouter,
  member: recordsMemberRouter,
  transfer: recordsTransferRouter,
  instructor: recordsInstructorRouter,
  /**
   * The one write path of an instructor's assignment (an instructor's page and the 指导员选派 page): for
   * administrators only, the stricter rung of the two pairs it replaced (work.instructors.assign/end).
   */
  assignment: recordsAssignmentRouter,
  policy: recordsPolicyRouter,
  indicators: recordsIndicatorsRouter,
});
