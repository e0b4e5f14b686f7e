/**
 * 示范点: showcase sites named by the city, county and township committees, dated, with the reasons;
 * listed and counted within the caller's scope (packages/core/src/cadres/showcases.ts).
 */
import { createTRPCRouter } from "../../trpc.ts";
import { count } from "./count.ts";
import { end } from "./end.ts";
import { list } from "./list.ts";
import { mine } from "./mine.ts";
import { name } from "./name.ts";

export const showcasesRouter = createTRPCRouter({ list, count, mine, name, end });
