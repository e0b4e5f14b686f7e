import { createTRPCRouter } from "../../../trpc.ts";
import { submit } from "./submit.ts";
import { list } from "./list.ts";
import { review } from "./review.ts";

export const fiveGoodRouter = createTRPCRouter({ list, submit, review });
