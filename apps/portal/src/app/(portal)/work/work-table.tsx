"use client";

import type { ApplicantStage, PlanMilestoneKey } from "@liangxin/domain";
import {
  CellTable,
  type Cell as BaseCell,
  type Column,
  type Row as BaseRow,
  type TableProps,
} from "@/components/data-table";
import { AdvanceButton, ConfirmFullButton } from "./development-forms.tsx";
import { EndAssignmentButton } from "./dispatch-forms.tsx";
import { CompleteMilestoneButton } from "./plan-forms.tsx";
import { ResolveButton } from "./rating-forms.tsx";
import { workMessages as m } from "./messages.ts";

export type { Column };

/** A small action in a cell, rendered by the client (no function crosses from server to client). */
export type ActionCell =
  | { action: "endAssignment"; id: number; today: string }
  | { action: "resolve"; id: number; today: string }
  | { action: "advance"; id: number; stage: ApplicantStage; today: string }
  | { action: "confirmFull"; id: number; today: string }
  | { action: "milestone"; id: number; key: PlanMilestoneKey; label: string; today: string };

export type Cell = BaseCell<ActionCell>;
export type Row = BaseRow<ActionCell>;

function renderAction(cell: ActionCell) {
  switch (cell.action) {
    case "endAssignment":
      return <EndAssignmentButton assignmentId={cell.id} today={cell.today} />;
    case "resolve":
      return <ResolveButton id={cell.id} today={cell.today} />;
    case "advance":
      return <AdvanceButton applicantId={cell.id} stage={cell.stage} today={cell.today} />;
    case "confirmFull":
      return <ConfirmFullButton memberId={cell.id} today={cell.today} />;
    case "milestone":
      return <CompleteMilestoneButton planId={cell.id} milestone={cell} today={cell.today} />;
  }
}

/** A server-rendered list of the daily work: plain cells and the work's actions, 20 rows a page. */
export function WorkTable({ pageSize = 20, ...props }: TableProps<ActionCell>) {
  return <CellTable {...props} pageSize={pageSize} emptyText={m.none} renderAction={renderAction} />;
}
