import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { createCaller, createContext } from "@liangxin/api";
import { sessionUserId } from "@/auth";
import { clientAddress } from "@/server/client-address";
import { allows } from "@/app/nav";

/** A tRPC caller for server components, bound to the signed-in user's scope (one per request). */
export const getCaller = cache(async () => {
  const userId = await sessionUserId();
  return createCaller(await createContext({ userId, clientAddress: clientAddress(await headers()) }));
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

/**
 * The caller of a page that belongs to the menu entry `href` (the page itself or one below it): a caller
 * whose menu lacks the entry gets the 404 page, exactly like an unknown address — never an error from an
 * API procedure the role may not call.
 */
export async function requirePage(href: string) {
  const found = await requireCaller();
  if (!allows(found.me, href)) notFound();
  return found;
}
