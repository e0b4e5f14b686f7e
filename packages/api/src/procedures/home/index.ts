/** The signed-in user and their own area, for the page header and the home page. */
import { createTRPCRouter } from "../../trpc.ts";
import { me } from "./me.ts";
import { overview } from "./overview.ts";

export const homeRouter = createTRPCRouter({
  me,
  overview,
});
