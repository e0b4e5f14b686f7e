/**
 * 培训 (training): events organized by a management node, their participants (members, instructors, hosts'
 * 出资人 in the organizer's scope), a person's history, and the shares of secretaries and instructors
 * trained this year (packages/core/src/training).
 */
import { createTRPCRouter } from "../../trpc.ts";
import { addParticipant } from "./addParticipant.ts";
import { candidates } from "./candidates.ts";
import { create } from "./create.ts";
import { get } from "./get.ts";
import { history } from "./history.ts";
import { list } from "./list.ts";
import { removeParticipant } from "./removeParticipant.ts";
import { shares } from "./shares.ts";
import { untrained } from "./untrained.ts";
import { update } from "./update.ts";

export const trainingRouter = createTRPCRouter({
  list,
  get,
  create,
  update,
  addParticipant,
  removeParticipant,
  candidates,
  history,
  shares,
  untrained,
});
