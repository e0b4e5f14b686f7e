/** The ledger's scoped reads and the contact update of hosts (两新组织). */
import { createTRPCRouter } from "../../trpc.ts";
import { list } from "./list.ts";
import { csv } from "./csv.ts";
import { formOptions } from "./formOptions.ts";
import { lookup } from "./lookup.ts";
import { get } from "./get.ts";
import { updateContact } from "./updateContact.ts";
import { sheet } from "./sheet.ts";
import { sheets } from "./sheets.ts";
import { sheetUnits } from "./sheetUnits.ts";

export const hostsRouter = createTRPCRouter({
  list,
  csv,
  formOptions,
  lookup,
  get,
  updateContact,
  sheet,
  sheets,
  sheetUnits,
});
