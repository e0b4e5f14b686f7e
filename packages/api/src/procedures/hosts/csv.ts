import { orgProcedure } from "../../trpc.ts";
import { csvDownload } from "../list-csv.ts";
import { hostListInput } from "./list.ts";

/** Operating hosts the caller sees, as a CSV download: every row of the list with its filters, in its order. */
export const csv = orgProcedure
  .input(hostListInput.omit({ page: true, pageSize: true }))
  .query(({ ctx, input }) => csvDownload(ctx, "hosts", input));
