/**
 * The daily-work router: establishment plans, instructor dispatch, organization life, elections,
 * ratings and rectifications, pacts, the development pipeline and the inbox. Every query is scoped by
 * the caller's scope; every mutation runs in one transaction with an audit row (in packages/db).
 */
import { createTRPCRouter } from "../../trpc.ts";
import { context } from "./context.ts";
import { orgs } from "./orgs.ts";
import { workPlansRouter } from "./plans/index.ts";
import { workInstructorsRouter } from "./instructors/index.ts";
import { workMeetingsRouter } from "./meetings/index.ts";
import { workElectionsRouter } from "./elections/index.ts";
import { workRatingsRouter } from "./ratings/index.ts";
import { workRectificationsRouter } from "./rectifications/index.ts";
import { workPactsRouter } from "./pacts/index.ts";
import { workDevelopmentRouter } from "./development/index.ts";
import { inbox } from "./inbox.ts";

export const workRouter = createTRPCRouter({
  context,
  orgs,
  plans: workPlansRouter,
  /** Assigning and ending an assignment are records.assignment.start/end, the one write path. */
  instructors: workInstructorsRouter,
  meetings: workMeetingsRouter,
  elections: workElectionsRouter,
  ratings: workRatingsRouter,
  rectifications: workRectificationsRouter,
  pacts: workPactsRouter,
  development: workDevelopmentRouter,
  inbox,
});
