/**
 * Assessment (考核): instructors' annual assessment by their dispatcher, secretaries' 述职评议 by the
 * superior's administrator, 五好党支部 applications and reviews. Every query is bounded by the caller's
 * scope; every mutation runs in one transaction with an audit row (packages/core/src/assessment).
 */
import { createTRPCRouter } from "../../trpc.ts";
import { assess } from "./assess.ts";
import { fiveGoodRouter } from "./fiveGood/index.ts";
import { instructor } from "./instructor.ts";
import { instructors } from "./instructors.ts";
import { org } from "./org.ts";
import { reviewSecretary } from "./reviewSecretary.ts";
import { secretaries } from "./secretaries.ts";

export const assessmentRouter = createTRPCRouter({
  instructors,
  instructor,
  assess,
  secretaries,
  reviewSecretary,
  org,
  fiveGood: fiveGoodRouter,
});
