/**
 * The tables an import writes, in the order their changes are written: a row's references (regions,
 * organizations, hosts, members, instructors) come before the rows that name them. The tables marked
 * `imported` of the one list of tables (`@liangxin/db/tables`), in its foreign-key order.
 */
import { IMPORTED_TABLES } from "@liangxin/db/tables";

export const WRITE_ORDER = IMPORTED_TABLES.map((t) => t.name);
export type WriteTable = (typeof IMPORTED_TABLES)[number]["name"];
