"use server";

import { revalidatePath } from "next/cache";
import { TRPCError } from "@trpc/server";
import { userMessage } from "@liangxin/api";
import { signOut } from "@/auth";
import { getCaller } from "@/server/caller";
import type { ActionState } from "@/components/action-form";
import { rm } from "./messages.ts";

function text(data: FormData, key: string): string {
  return String(data.get(key) ?? "").trim();
}
function optText(data: FormData, key: string): string | null {
  const v = text(data, key);
  return v ? v : null;
}
function num(data: FormData, key: string): number {
  const v = text(data, key);
  return v === "" ? Number.NaN : Number(v);
}

/** Run an API call for a form: a refusal becomes the Chinese sentence the user reads (never zod's JSON). */
async function run(
  fn: () => Promise<unknown>,
  ok: string,
  path: string,
  procedure: string,
): Promise<ActionState> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof TRPCError) return { error: userMessage(e, procedure), ok: null };
    throw e;
  }
  revalidatePath(path);
  return { error: null, ok };
}

export async function submitCorrectionAction(_s: ActionState, data: FormData): Promise<ActionState> {
  const caller = await getCaller();
  const revenue = text(data, "revenue");
  return run(
    () =>
      caller.corrections.submit({
        year: num(data, "year"),
        employees: num(data, "employees"),
        // The text as typed (万元): the API reads it exactly into 分.
        revenue: revenue === "" ? null : revenue,
        contactPhone: optText(data, "contactPhone"),
        address: optText(data, "address"),
      }),
    rm.submitted,
    "/",
    "corrections.submit",
  );
}

export async function decideCorrectionAction(_s: ActionState, data: FormData): Promise<ActionState> {
  const caller = await getCaller();
  const id = num(data, "id");
  const approve = text(data, "decision") === "approve";
  return run(
    () =>
      caller.corrections.decide(
        approve ? { id, approve: true } : { id, approve: false, reason: text(data, "reason") },
      ),
    rm.done,
    "/corrections",
    "corrections.decide",
  );
}

export async function updateContactAction(_s: ActionState, data: FormData): Promise<ActionState> {
  const caller = await getCaller();
  const id = num(data, "id");
  return run(
    () =>
      caller.hosts.updateContact({
        id,
        contactPhone: optText(data, "contactPhone"),
        address: optText(data, "address"),
        version: num(data, "version"),
      }),
    rm.saved,
    `/hosts/${id}`,
    "hosts.updateContact",
  );
}

export async function createUserAction(_s: ActionState, data: FormData): Promise<ActionState> {
  const caller = await getCaller();
  const role = text(data, "role") as "admin" | "secretary" | "owner";
  const orgId = num(data, "orgId");
  return run(
    () =>
      caller.users.create({
        username: text(data, "username"),
        displayName: text(data, "displayName"),
        password: String(data.get("password") ?? ""),
        role,
        ...(role !== "owner" && Number.isInteger(orgId) ? { orgId } : {}),
        ...(role === "owner" ? { hostCreditCode: text(data, "hostCreditCode") } : {}),
      }),
    rm.created,
    "/users",
    "users.create",
  );
}

export async function userAction(_s: ActionState, data: FormData): Promise<ActionState> {
  const caller = await getCaller();
  const id = num(data, "id");
  const op = text(data, "op");
  return run(
    () => {
      if (op === "disable") return caller.users.setDisabled({ id, disabled: true });
      if (op === "enable") return caller.users.setDisabled({ id, disabled: false });
      return caller.users.resetPassword({ id, password: String(data.get("password") ?? "") });
    },
    rm.done,
    "/users",
    op === "reset" ? "users.resetPassword" : "users.setDisabled",
  );
}

/**
 * Change the own password. Every session of the user ends with it, this one included: the browser is
 * signed out and sent to the login page, which says why.
 */
export async function changePasswordAction(_s: ActionState, data: FormData): Promise<ActionState> {
  const caller = await getCaller();
  const result = await run(
    () =>
      caller.account.changePassword({
        oldPassword: String(data.get("oldPassword") ?? ""),
        newPassword: String(data.get("newPassword") ?? ""),
      }),
    rm.passwordChanged,
    "/account",
    "account.changePassword",
  );
  if (result.error) return result;
  await signOut({ redirectTo: "/login?changed=1" });
  return result;
}

export async function withdrawCorrectionAction(_s: ActionState, data: FormData): Promise<ActionState> {
  const caller = await getCaller();
  return run(
    () => caller.corrections.withdraw({ id: num(data, "id") }),
    rm.withdrawn,
    "/",
    "corrections.withdraw",
  );
}

/** An administrator ends one session of a managed user. */
export async function endSessionAction(_s: ActionState, data: FormData): Promise<ActionState> {
  const caller = await getCaller();
  const id = num(data, "id");
  return run(
    () => caller.users.endSession({ id, sessionId: num(data, "sessionId") }),
    rm.done,
    `/users/${id}`,
    "users.endSession",
  );
}
