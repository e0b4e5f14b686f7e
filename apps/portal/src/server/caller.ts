import { cache } from "react";
import { redirect } from "next/navigation";
import { createCaller, createContext } from "@liangxin/api";
import { sessionUserId } from "@/auth";

/** A tRPC caller for server components, bound to the signed-in user's scope (one per request). */
export const getCaller = cache(async () => {
  const userId = await sessionUserId();
  return createCaller(createContext({ userId }));
});

/**
 * The caller of a page that needs a signed-in user: without a session, or when the user is disabled or
 * bound to nothing, the page redirects to the login page. Layout and page render concurrently, so each
 * page calls this itself.
 */
export const requireCaller = cache(async () => {
  const caller = await getCaller();
  const me = await caller.home.me().catch(() => null);
  if (!me) redirect("/login");
  return { caller, me };
});
