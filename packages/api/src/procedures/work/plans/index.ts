import { createTRPCRouter } from "../../../trpc.ts";
import { board } from "./board.ts";
import { get } from "./get.ts";
import { create } from "./create.ts";
import { addNote } from "./addNote.ts";
import { completeMilestone } from "./completeMilestone.ts";
import { foundOrganization } from "./foundOrganization.ts";

export const workPlansRouter = createTRPCRouter({
  board,
  get,
  create,
  addNote,
  completeMilestone,
  foundOrganization,
});
