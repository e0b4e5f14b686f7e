import { createTRPCRouter } from "../../../trpc.ts";
import { checkShared } from "./checkShared.ts";
import { createShared } from "./createShared.ts";
import { endLink } from "./endLink.ts";
import { link } from "./link.ts";
import { record } from "./record.ts";

export const basicsVenueRouter = createTRPCRouter({ record, createShared, checkShared, link, endLink });
