/**
 * 领导干部联系点: leaders registered by a management node, their contact points (dated) and visits, and the
 * points overdue by the policy's `contactVisitMonths` (packages/core/src/cadres/contacts.ts).
 */
import { createTRPCRouter } from "../../trpc.ts";
import { createLeader } from "./createLeader.ts";
import { endLink } from "./endLink.ts";
import { leaders } from "./leaders.ts";
import { link } from "./link.ts";
import { of } from "./of.ts";
import { overdue } from "./overdue.ts";
import { updateLeader } from "./updateLeader.ts";
import { visit } from "./visit.ts";
import { visits } from "./visits.ts";

export const contactsRouter = createTRPCRouter({
  leaders,
  visits,
  overdue,
  of,
  createLeader,
  updateLeader,
  link,
  endLink,
  visit,
});
