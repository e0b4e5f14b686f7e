import { createTRPCRouter } from "../../../trpc.ts";
import { adopt } from "./adopt.ts";
import { drop } from "./drop.ts";

export const basicsRulesRouter = createTRPCRouter({ adopt, drop });
