import { orgProcedure } from "../../trpc.ts";
import { csvDownload } from "../list-csv.ts";
import { memberListInput } from "./list.ts";

/** Members the caller lists (counted-only rows masked), as a CSV download: every row of the list with its filters, in its order. */
export const csv = orgProcedure
  .input(memberListInput.omit({ page: true, pageSize: true }))
  .query(({ ctx, input }) => csvDownload(ctx, "members", input));
