/** The home of an enterprise's owner. */
import { createTRPCRouter } from "../../trpc.ts";
import { home } from "./home.ts";

export const ownerRouter = createTRPCRouter({
  home,
});
