/**
 * 党内统计年报: view (scoped to the caller's subtree), checks, the submit / return / approve workflow,
 * children's submission states, drill-down to the records behind a figure, and the analysis dashboard.
 */
import { createTRPCRouter } from "../../trpc.ts";
import { get } from "./get.ts";
import { checks } from "./checks.ts";
import { submit } from "./submit.ts";
import { saveCheck } from "./saveCheck.ts";
import { return_ } from "./return.ts";
import { approve } from "./approve.ts";
import { reopen } from "./reopen.ts";
import { children } from "./children.ts";
import { drill } from "./drill.ts";
import { analysis } from "./analysis.ts";
import { progress } from "./progress.ts";

export const reportRouter = createTRPCRouter({
  get,
  checks,
  submit,
  saveCheck,
  return: return_,
  approve,
  reopen,
  children,
  drill,
  analysis,
  progress,
});
