"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { portalMessages } from "../messages.ts";

export interface LoginState {
  error: string | null;
}

/** Sign in with the credentials provider; on failure answer a Chinese message for the form. */
export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  try {
    await signIn("credentials", {
      username: String(formData.get("username") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirectTo: "/",
    });
    return { error: null };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      const throttled = (code ?? "").match(/^throttled-(\d+)$/);
      if (throttled) return { error: portalMessages.loginThrottled(Number(throttled[1])) };
      if (code === "disabled") return { error: portalMessages.loginDisabled };
      return { error: portalMessages.loginInvalid };
    }
    throw error;
  }
}
