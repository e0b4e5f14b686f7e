import { orgProcedure } from "../../trpc.ts";
import { csvDownload } from "../list-csv.ts";
import { orgListInput } from "./list.ts";

/** Organizations of the subtree, as a CSV download: every row of the list with its filters, in its order. */
export const csv = orgProcedure
  .input(orgListInput.omit({ page: true, pageSize: true }))
  .query(({ ctx, input }) => csvDownload(ctx, "orgs", input));
