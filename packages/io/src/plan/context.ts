/**
 * What every step of planning shares: today, the import's rows by sheet, the working copies of the tables
 * (`state.ts`) and the errors found so far, in the order they are found (the error report lists them so).
 * Its helpers report a problem on a cell (sheet, row, column header, value, reason in Chinese), refuse the
 * second row with the same key in a sheet, and resolve a code to the id of a record of the import or the
 * database.
 */
import { ioMessages as m } from "../messages.ts";
import { TABLES, type ImportError, type Loc, type ParsedTables, type TableKey } from "../tables.ts";
import type { PlanState } from "./state.ts";

/** The column header (as in the template) of a field of a sheet. */
export const header = <K extends TableKey>(table: K, field: string): string =>
  TABLES[table].columns.find((c) => c.field === field)?.header ?? field;

export class PlanContext {
  /** The errors of reading the file first, then those of planning. */
  readonly errors: ImportError[];

  constructor(
    /** Today (ISO): the start of secretary terms replacing another, and a date of the rule checks. */
    readonly today: string,
    /** The import's rows, by sheet. */
    readonly sheets: ParsedTables,
    readonly state: PlanState,
    readErrors: readonly ImportError[],
  ) {
    this.errors = [...readErrors];
  }

  /** Reports a problem of one cell. */
  error(loc: Loc, column: string, value: string | number | null, reason: string): void {
    this.errors.push({
      sheet: loc.sheet,
      row: loc.row,
      column,
      value: value === null ? "" : String(value),
      reason,
    });
  }

  /** A check for one sheet: rejects (with an error) the second row with the same key. */
  firstInSheet(): (key: string, loc: Loc, column: string, value: string) => boolean {
    const seen = new Set<string>();
    return (key, loc, column, value) => {
      if (seen.has(key)) {
        this.error(loc, column, value, m.duplicateKey(value));
        return false;
      }
      seen.add(key);
      return true;
    };
  }

  /** The id of the organization with this code (of the import or the database), else an error. */
  orgId(code: string, loc: Loc, column: string): number | undefined {
    const id = this.state.orgs.idOf(code);
    if (id === undefined) this.error(loc, column, code, m.orgMissing);
    return id;
  }

  /** The id of the host with this credit code, else an error. */
  hostId(code: string, loc: Loc, column: string): number | undefined {
    const id = this.state.hosts.idOf(code);
    if (id === undefined) this.error(loc, column, code, m.hostMissing);
    return id;
  }

  /** The id of the member with this citizen id number, else an error. */
  memberId(idNumber: string, loc: Loc, column: string): number | undefined {
    const id = this.state.members.idOf(idNumber);
    if (id === undefined) this.error(loc, column, idNumber, m.memberMissing);
    return id;
  }
}
