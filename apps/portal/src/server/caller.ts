import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createCaller, createContext } from "@liangxin/api";
import { sessionUserId } from "@/auth";
import { clientAddress } from "@/server/client-address";

/** A tRPC caller for server components, bound to the signed-in user's scope (one per request). */
export const getCaller = cache(async () => {
  const userId = await sessionUserId();
  return createCaller(createContext({ userId, clientAddress: clientAddress(await headers()) }));
});

/**
 * The caller of a page that needs a signed-in user: without a session, or when the user is disabled or
 * bound to nothing, the page redirects to the login page; a user whose password an administrator chose
 * goes to /password first, whatever page was asked for. Layout and page render concurrently, so each page
 * calls this itself.
 */
export const requireCaller = cache(async () => {
  const caller = await getCaller();
  const me = await caller.home.me().catch(() => null);
  if (!me) redirect("/login");
  if (me.mustChangePassword) redirect("/password");
  return { caller, me };
});
