"use client";

import { ActionForm } from "@/components/action-form";
import { CellTable, type TableProps } from "@/components/data-table";
import { inputStyle } from "@/components/field";
import { decideCorrectionAction, userAction, withdrawCorrectionAction } from "./actions";
import { rm } from "./messages";

/** The buttons of a user's row: unlock (when locked), disable or enable, reset the password. */
export type UserCell = { action: "user"; id: number; username: string; disabled: boolean; locked: boolean };

function UserActions({ cell }: { cell: UserCell }) {
  return (
    <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }} data-testid={`user-actions-${cell.username}`}>
      {cell.locked ? (
        <ActionForm action={userAction} submitLabel={rm.unlock} inline>
          <input type="hidden" name="id" value={cell.id} />
          <input type="hidden" name="op" value="unlock" />
        </ActionForm>
      ) : null}
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
      <ActionForm action={withdrawCorrectionAction} submitLabel={rm.withdraw} inline danger>
        <input type="hidden" name="id" value={cell.id} />
      </ActionForm>
    );
  return (
    <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
      <ActionForm action={decideCorrectionAction} submitLabel={rm.approve} inline>
        <input type="hidden" name="id" value={cell.id} />
        <input type="hidden" name="decision" value="approve" />
      </ActionForm>
      <ActionForm action={decideCorrectionAction} submitLabel={rm.reject} inline danger>
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
