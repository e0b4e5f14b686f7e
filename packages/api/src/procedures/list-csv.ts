/**
 * The CSV download of a ledger list, for the portal's route (`/api/lists/[list]`): the list's procedure's
 * input without the page, the same scope. The procedure answers the file's name and `open`, which the route
 * calls after it: the rows are read in a read transaction of their own, as the response is sent
 * (`openListCsv`), not in the procedure's, which ends when it returns. Over HTTP only the name goes out.
 */
import { listCsvFileName, openListCsv, type ListFilters, type ListName } from "@liangxin/io";
import type { Context } from "../context.ts";
import type { Scope } from "@liangxin/db/scope";

export interface CsvDownload {
  fileName: string;
  /** The CSV as a stream (UTF-8 with BOM); rejects before any byte when its statement fails. */
  open: () => Promise<ReadableStream<Uint8Array>>;
}

export function csvDownload<L extends ListName>(
  ctx: Pick<Context, "port" | "today"> & { scope: Scope },
  list: L,
  filter: ListFilters[L],
): CsvDownload {
  const who = { scope: ctx.scope, today: ctx.today };
  return {
    fileName: listCsvFileName(list, ctx.today),
    open: () => openListCsv(ctx.port, who, list, filter),
  };
}
