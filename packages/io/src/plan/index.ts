/**
 * planImport: plan a spreadsheet import without writing anything. It loads the current database state,
 * goes through the sheets references first — each row is validated and matched to a record of the import
 * or of the database (by 区划代码, 组织代码, 统一社会信用代码, 公民身份号码, 编号, or all key columns of a dated
 * relation), in any order of the rows — then checks the domain rules on the records as they would be
 * after the import, and computes the changes (updated in place; nothing is ever deleted). Every problem is
 * an error naming the sheet, row and column, in Chinese; a plan with errors has no changes.
 *
 * One file per step, in the order below: `state.ts` (loading), `regions.ts`, `orgs.ts`, `reparentings.ts`,
 * `hosts.ts`, `coverages.ts`, `members.ts`, `relationships.ts`, `workplaces.ts`, `status-events.ts`,
 * `org-links.ts`, `instructors.ts`, `basics.ts` (the five basics), `cadres.ts` (training, assessment, showcases, contact points), `rules.ts` (cross-table checks), `changes.ts`; `context.ts` holds what
 * the steps share, `fingerprint.ts` the database state a plan belongs to.
 */
import { statSync } from "node:fs";
import type { Db } from "@liangxin/db/driver";
import { emptyTables, readImportFolder, readImportWorkbook } from "../read.ts";
import { clock } from "@liangxin/domain";
import { ioMessages as m } from "../messages.ts";
import {
  TABLE_KEYS,
  type ImportError,
  type Located,
  type MemberRow,
  type ParsedImport,
  type ParsedTables,
  type TableKey,
} from "../tables.ts";
import type { Change, Counts } from "../work.ts";
import {
  planAllowances,
  planCommittee,
  planFunds,
  planOrgRules,
  planReserveCadres,
  planSecretaryProfiles,
  planVenueLinks,
  planVenues,
} from "./basics.ts";
import {
  planContactPoints,
  planContactVisits,
  planFiveGood,
  planInstructorAssessments,
  planLeaders,
  planSecretaryReviews,
  planShowcases,
  planTrainingParticipants,
  planTrainings,
} from "./cadres.ts";
import { checkPeriodLock, collectChanges } from "./changes.ts";
import { PlanContext } from "./context.ts";
import { planCoverages, type CoverageLoc } from "./coverages.ts";
import { databaseFingerprint } from "./fingerprint.ts";
import { planHosts, planHostYears } from "./hosts.ts";
import { planAssignments, planInstructors } from "./instructors.ts";
import { planMembers } from "./members.ts";
import { planOrgLinks } from "./org-links.ts";
import { placeOrgs, planOrgs, type PlannedOrgs } from "./orgs.ts";
import { planRegions } from "./regions.ts";
import { planRelationships, type Transfer } from "./relationships.ts";
import { planReparentings } from "./reparentings.ts";
import { checkDomainRules } from "./rules.ts";
import { loadState } from "./state.ts";
import { planStatusEvents } from "./status-events.ts";
import { planWorkplaces } from "./workplaces.ts";
import type { WriteTable } from "./write-order.ts";

export { databaseFingerprint } from "./fingerprint.ts";
export { WRITE_ORDER, type WriteTable } from "./write-order.ts";

export interface ImportPlan {
  errors: ImportError[];
  changes: Change[];
  counts: Record<WriteTable, Counts>;
  /** The database state the plan was computed on; applying to another state is refused. */
  fingerprint: string;
  rowCount: number;
}

export interface PlanOptions {
  /** Today (ISO): the start of secretary terms replacing another, and a date of the rule checks. */
  today?: string;
  /** Told the progress; a returned Promise is awaited (a job writes it to its row). */
  onProgress?: (done: number, total: number, stage: string) => void | Promise<void>;
}

/** What reading the file found besides the rows: its errors and how many data rows it had. */
export interface ReadOutcome {
  errors: ImportError[];
  rowCount: number;
}

/**
 * Planning that takes the tables as they are read: each step (one sheet, in the order below: references
 * before the rows that name them) runs as soon as its sheet and every earlier step's are in, and the
 * step's parsed rows are let go once it has staged them — a workbook read sheet by sheet in the template's
 * order is never held whole. `tableRead` tells that every row of a table is in `tables`; `finish` runs
 * the steps left, the rules across tables and the changes. Read errors come first in the plan's errors,
 * then those of planning, in the order found; the rules run only when there are none.
 */
export class ImportPlanner {
  private readonly read = new Set<TableKey>();
  private next = 0;
  private orgs: PlannedOrgs | null = null;
  private memberRows: Located<MemberRow>[] | null = null;
  private coverageLocs: CoverageLoc[] = [];
  private transfersOf = new Map<number, Transfer[]>();
  private readonly steps: { sheet: TableKey | null; run: () => void }[];

  private constructor(
    private readonly db: Db,
    private readonly tables: ParsedTables,
    private readonly cx: PlanContext,
    private readonly fingerprint: string,
    private readonly progress: NonNullable<PlanOptions["onProgress"]>,
  ) {
    const step = (sheet: TableKey | null, run: (cx: PlanContext) => void) => ({ sheet, run: () => run(cx) });
    this.steps = [
      step("regions", planRegions),
      step("orgs", (c) => (this.orgs = planOrgs(c))),
      step("reparentings", (c) => {
        planReparentings(c, this.orgs!);
        placeOrgs(c);
      }),
      step("hosts", planHosts),
      step("hostYears", planHostYears),
      step("coverage", (c) => (this.coverageLocs = planCoverages(c))),
      step("members", (c) => (this.memberRows = planMembers(c))),
      step("transfers", (c) => (this.transfersOf = planRelationships(c, this.memberRows!))),
      step("workplaces", (c) => planWorkplaces(c, this.memberRows!)),
      step(null, (c) => {
        planStatusEvents(c, this.memberRows!);
        this.memberRows = null;
      }),
      step(null, (c) => {
        planOrgLinks(c, this.orgs!.rows);
        this.orgs = null;
      }),
      step("instructors", planInstructors),
      step("assignments", planAssignments),
      // The five basics, after the secretaries the 党组织 rows name.
      step("secretaryProfiles", planSecretaryProfiles),
      step("allowances", planAllowances),
      step("committee", planCommittee),
      step("reserveCadres", planReserveCadres),
      step("venues", planVenues),
      step("venueLinks", planVenueLinks),
      step("orgRules", planOrgRules),
      step("funds", planFunds),
      // The cadre work, after the organizations, hosts, members, instructors and secretary terms it names.
      step("trainings", planTrainings),
      step("trainingParticipants", planTrainingParticipants),
      step("instructorAssessments", planInstructorAssessments),
      step("secretaryReviews", planSecretaryReviews),
      step("fiveGood", planFiveGood),
      step("showcases", planShowcases),
      step("leaders", planLeaders),
      step("contactPoints", planContactPoints),
      step("contactVisits", planContactVisits),
    ];
  }

  /** Load the database state the plan starts from; `tables` is filled by the reader as it reads. */
  static async start(db: Db, tables: ParsedTables, opts: PlanOptions = {}): Promise<ImportPlanner> {
    const today = opts.today ?? clock.today();
    const fingerprint = await databaseFingerprint(db);
    const progress = opts.onProgress ?? (() => {});
    const cx = new PlanContext(today, tables, await loadState(db), []);
    return new ImportPlanner(db, tables, cx, fingerprint, progress);
  }

  /** Every row of this table is in: run the steps that can run now. */
  tableRead(key: TableKey): void {
    this.read.add(key);
    while (this.next < this.steps.length) {
      const s = this.steps[this.next]!;
      if (s.sheet !== null && !this.read.has(s.sheet)) return;
      s.run();
      // Staged: the parsed rows go (those of 党员 and 党组织 stay with the steps that still need them).
      if (s.sheet !== null) this.tables[s.sheet] = [];
      this.next++;
    }
  }

  async finish(read: ReadOutcome): Promise<ImportPlan> {
    for (const k of TABLE_KEYS) if (!this.read.has(k)) this.tableRead(k);
    const { cx } = this;
    await this.progress(1, 3, m.stage.rules);
    // The rules across tables, once every row is valid.
    if (read.errors.length === 0 && cx.errors.length === 0)
      checkDomainRules(cx, this.coverageLocs, this.transfersOf);
    await this.progress(2, 3, m.stage.rules);
    const { changes, counts } = collectChanges(cx.state);
    await checkPeriodLock(this.db, cx, changes);
    await this.progress(3, 3, m.stage.rules);
    const errors = read.errors.concat(cx.errors);
    return {
      errors,
      changes: errors.length > 0 ? [] : changes,
      counts,
      fingerprint: this.fingerprint,
      rowCount: read.rowCount,
    };
  }
}

/**
 * Plan an import of the parsed rows. The rows are consumed: each table of `parsed.tables` is emptied once
 * staged, so that a city's million rows are not held while the rules run and the changes are computed.
 */
export async function planImport(db: Db, parsed: ParsedImport, opts: PlanOptions = {}): Promise<ImportPlan> {
  const planner = await ImportPlanner.start(db, parsed.tables, opts);
  await opts.onProgress?.(0, 3, m.stage.validate);
  return planner.finish(parsed);
}

/**
 * Read and plan an import file. A workbook is planned as it is read, table by table (`ImportPlanner`):
 * the same plan as `planImport(db, await readImport(source))` without ever holding all its rows. A
 * folder of CSV files is read whole first. A file that cannot be read is planned as its one error.
 */
export async function planImportFile(
  db: Db,
  source: string,
  opts: PlanOptions & {
    /** Told the reading's progress, sheet by sheet. */
    onRead?: (done: number, total: number, stage: string) => void | Promise<void>;
  } = {},
): Promise<ImportPlan> {
  if (statSync(source).isDirectory()) return planImport(db, readImportFolder(source), opts);
  const tables = emptyTables();
  const planner = await ImportPlanner.start(db, tables, opts);
  const parsed = await readImportWorkbook(source, {
    tables,
    listener: {
      tableRead: (key) => planner.tableRead(key),
      sheetRead: (done, total) => opts.onRead?.(done, total, m.stage.read),
    },
  });
  // What was planned of a file that broke off midway does not count: the plan is its one error.
  if (parsed.unreadable) return planImport(db, parsed, opts);
  await opts.onProgress?.(0, 3, m.stage.validate);
  return planner.finish(parsed);
}
