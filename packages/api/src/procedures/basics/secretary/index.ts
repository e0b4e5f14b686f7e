import { createTRPCRouter } from "../../../trpc.ts";
import { allowance } from "./allowance.ts";
import { profile } from "./profile.ts";

export const basicsSecretaryRouter = createTRPCRouter({ profile, allowance });
