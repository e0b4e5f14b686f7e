import { orgProcedure } from "../../trpc.ts";
import { csvDownload } from "../list-csv.ts";
import { instructorListInput } from "./list.ts";

/** Instructors the caller sees, as a CSV download: every row of the list with its filters, in its order. */
export const csv = orgProcedure
  .input(instructorListInput.omit({ page: true, pageSize: true }))
  .query(({ ctx, input }) => csvDownload(ctx, "instructors", input));
