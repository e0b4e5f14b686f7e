/** User management by administrators: accounts below their node, passwords, sessions. */
import { createTRPCRouter } from "../../trpc.ts";
import { list } from "./list.ts";
import { targets } from "./targets.ts";
import { create } from "./create.ts";
import { setDisabled } from "./setDisabled.ts";
import { resetPassword } from "./resetPassword.ts";
import { sessions } from "./sessions.ts";
import { endSession } from "./endSession.ts";

export const usersRouter = createTRPCRouter({
  list,
  targets,
  create,
  setDisabled,
  resetPassword,
  sessions,
  endSession,
});
