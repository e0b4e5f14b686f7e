import { referenceOrgs } from "@liangxin/db/queries";
import { orgProcedure } from "../../trpc.ts";

/** Organizations outside the subtree seen for reference (covering a host of the territory, dual link). */
export const references = orgProcedure.query(({ ctx }) => referenceOrgs(ctx));
