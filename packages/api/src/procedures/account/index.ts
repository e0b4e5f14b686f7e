/** The signed-in user's own account. */
import { createTRPCRouter } from "../../trpc.ts";
import { changePassword } from "./changePassword.ts";

export const accountRouter = createTRPCRouter({
  changePassword,
});
