/**
 * The five basics (五个基本) of grassroots organizations: the check and its board, and the records behind
 * them (team, venue, rules, means). Every query is bounded by the caller's subtree; every mutation runs in
 * one transaction with an audit row (packages/core/src/basics).
 */
import { createTRPCRouter } from "../../trpc.ts";
import { board } from "./board.ts";
import { basicsCommitteeRouter } from "./committee/index.ts";
import { funds } from "./funds.ts";
import { org } from "./org.ts";
import { basicsReserveRouter } from "./reserve/index.ts";
import { basicsRulesRouter } from "./rules/index.ts";
import { basicsSecretaryRouter } from "./secretary/index.ts";
import { sharedVenues } from "./sharedVenues.ts";
import { basicsVenueRouter } from "./venue/index.ts";

export const basicsRouter = createTRPCRouter({
  board,
  org,
  sharedVenues,
  committee: basicsCommitteeRouter,
  reserve: basicsReserveRouter,
  secretary: basicsSecretaryRouter,
  venue: basicsVenueRouter,
  rules: basicsRulesRouter,
  funds,
});
