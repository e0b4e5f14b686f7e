/** 换届: record an election (it restarts the term: orgs.lastElectionOn); due within 90 days and overdue. */
import type { Cx } from "@liangxin/db/cx";
import { writeTransaction, type Db } from "@liangxin/db/driver";
import { eq, sql } from "drizzle-orm";
import {
  assertNotFuture,
  electionDue,
  termYearsFor,
  WORK_MESSAGES,
  AppError,
  type ElectionDue,
} from "@liangxin/domain";
import { elections, orgs } from "@liangxin/db/schema";
import type { Scope } from "@liangxin/db/scope";
import {
  auditWork,
  requireGrassrootsInSubtree,
  subtreeGrassroots,
  workPolicy,
  type WorkOrgRow,
} from "./common.ts";

export interface ElectionRow extends ElectionDue {
  orgId: number;
  orgName: string;
  orgCode: string;
  category: string;
  lastElectionOn: string | null;
}

function rowOf(o: WorkOrgRow, due: ElectionDue): ElectionRow {
  return {
    ...due,
    orgId: o.id,
    orgName: o.name,
    orgCode: o.code,
    category: o.category,
    lastElectionOn: o.lastElectionOn,
  };
}

export interface ElectionBoard {
  rows: ElectionRow[];
  dueSoon: ElectionRow[];
  overdue: ElectionRow[];
}

/** Every grassroots organization of the caller's subtree with its term; the due-soon and overdue lists. */
export async function electionBoard(cx: Cx): Promise<ElectionBoard> {
  return electionBoardIn(cx.db, cx.scope, cx.today);
}

/** `electionBoard` on a connection and scope: for the reads that combine it (the inbox, the dashboard). */
export async function electionBoardIn(db: Db, scope: Scope, today: string): Promise<ElectionBoard> {
  const policy = await workPolicy(db, today);
  const rows: ElectionRow[] = [];
  for (const o of await subtreeGrassroots(db, scope, today)) {
    const due = electionDue(o, policy, today);
    if (due) rows.push(rowOf(o, due));
  }
  rows.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.orgId - b.orgId));
  return {
    rows,
    dueSoon: rows.filter((r) => r.state === "dueSoon"),
    overdue: rows.filter((r) => r.state === "overdue"),
  };
}

/** Record an election held on `input.heldOn`: an elections row and the organization's lastElectionOn. */
export async function recordElection(
  cx: Cx,
  input: { orgId: number; heldOn: string; note?: string | undefined },
): Promise<{ id: number; dueOn: string }> {
  const { db, scope, today } = cx;
  const org = await requireGrassrootsInSubtree(db, scope, input.orgId);
  assertNotFuture(input.heldOn, today);
  const last = org.lastElectionOn ?? org.foundedOn;
  if (input.heldOn < last)
    throw AppError.rule("ELECTION_BEFORE_LAST", WORK_MESSAGES.electionBeforeLast(input.heldOn, last));
  const policy = await workPolicy(db, input.heldOn);
  const termYears = termYearsFor(org.category, policy) ?? policy.termYears.branch;
  return writeTransaction(db, async (tx) => {
    const row = (
      await tx
        .insert(elections)
        .values({ orgId: org.id, heldOn: input.heldOn, termYears, note: input.note ?? null })
        .returning()
    )[0]!;
    await tx
      .update(orgs)
      .set({ lastElectionOn: input.heldOn, version: sql`${orgs.version} + 1` })
      .where(eq(orgs.id, org.id));
    await auditWork(
      tx,
      scope,
      "election.record",
      "election",
      row.id,
      { lastElectionOn: org.lastElectionOn },
      row,
    );
    const due = electionDue({ ...org, lastElectionOn: input.heldOn }, policy, today);
    return { id: row.id, dueOn: due?.dueOn ?? input.heldOn };
  });
}
