/** Owners' corrections of business data: submitted and withdrawn by the owner, decided by the administrator. */
import { createTRPCRouter } from "../../trpc.ts";
import { submit } from "./submit.ts";
import { withdraw } from "./withdraw.ts";
import { mine } from "./mine.ts";
import { inbox } from "./inbox.ts";
import { decide } from "./decide.ts";

export const correctionsRouter = createTRPCRouter({
  submit,
  withdraw,
  mine,
  inbox,
  decide,
});
