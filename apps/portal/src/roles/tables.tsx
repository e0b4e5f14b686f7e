"use client";

import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { CellTable, type TableProps } from "@/components/data-table";
import { inputStyle } from "@/components/field";
import { decideCorrectionAction, endSessionAction, userAction, withdrawCorrectionAction } from "./actions.ts";
import { rm } from "./messages.ts";

/** The buttons of a user's row: its sessions, disable or enable, reset the password. */
export type UserCell = { action: "user"; id: number; username: string; disabled: boolean };

function UserActions({ cell }: { cell: UserCell }) {
  return (
    <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }} data-testid={`user-actions-${cell.username}`}>
      <Link href={`/users/${cell.id}`}>{rm.sessions}</Link>
      <ActionForm
        action={userAction}
        submitLabel={cell.disabled ? rm.enable : rm.disable}
        inline
        danger={!cell.disabled}
      >
        <input type="hidden" name="id" value={cell.id} />
        <input type="hidden" name="op" value={cell.disabled ? "enable" : "disable"} />
      </ActionForm>
      <ActionForm action={userAction} submitLabel={rm.resetPassword} inline>
        <input type="hidden" name="id" value={cell.id} />
        <input type="hidden" name="op" value="reset" />
        <input
          name="password"
          type="password"
          placeholder={rm.newPassword}
          aria-label={rm.newPassword}
          style={{ ...inputStyle, width: 140 }}
        />
      </ActionForm>
    </div>
  );
}

export function UsersTable(props: TableProps<UserCell>) {
  return <CellTable {...props} renderAction={(c: UserCell) => <UserActions cell={c} />} />;
}

/** A pending correction: the township decides it, the owner may withdraw it. */
export type CorrectionCell =
  { action: "decideCorrection"; id: number } | { action: "withdrawCorrection"; id: number };

function CorrectionActions({ cell }: { cell: CorrectionCell }) {
  if (cell.action === "withdrawCorrection")
    return (
      <ActionForm
        action={withdrawCorrectionAction}
        submitLabel={rm.withdraw}
        inline
        danger
        confirm={rm.confirmWithdraw}
      >
        <input type="hidden" name="id" value={cell.id} />
      </ActionForm>
    );
  return (
    <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
      <ActionForm action={decideCorrectionAction} submitLabel={rm.approve} inline confirm={rm.confirmApprove}>
        <input type="hidden" name="id" value={cell.id} />
        <input type="hidden" name="decision" value="approve" />
      </ActionForm>
      <ActionForm
        action={decideCorrectionAction}
        submitLabel={rm.reject}
        inline
        danger
        confirm={rm.confirmReject}
      >
        <input type="hidden" name="id" value={cell.id} />
        <input type="hidden" name="decision" value="reject" />
        <input
          name="reason"
          placeholder={rm.reason}
          aria-label={rm.reason}
          style={{ ...inputStyle, width: 140 }}
        />
      </ActionForm>
    </div>
  );
}

export function CorrectionsTable(props: TableProps<CorrectionCell>) {
  return <CellTable {...props} renderAction={(c: CorrectionCell) => <CorrectionActions cell={c} />} />;
}

/** A live session of a managed user: the administrator ends it. */
export type SessionCell = { action: "endSession"; userId: number; sessionId: number };

export function SessionsTable(props: TableProps<SessionCell>) {
  return (
    <CellTable
      {...props}
      renderAction={(c: SessionCell) => (
        <ActionForm
          action={endSessionAction}
          submitLabel={rm.endSession}
          inline
          danger
          confirm={rm.confirmEndSession}
        >
          <input type="hidden" name="id" value={c.userId} />
          <input type="hidden" name="sessionId" value={c.sessionId} />
        </ActionForm>
      )}
    />
  );
}
