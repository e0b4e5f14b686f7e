"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";

/**
 * Plain links (`<a href>` in markup written on the server as one piece of HTML, where a `<Link>` per link
 * would cost a client component each) navigate like `<Link>`: a plain click on a link of this portal moves
 * within the page's router instead of loading the whole page again. A click with a modifier key, on
 * another origin or with a target, or one already handled is left to the browser.
 */
export function SoftLinks({ children }: { children: ReactNode }) {
  const router = useRouter();
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target instanceof Element ? e.target.closest("a") : null;
    if (!a || !e.currentTarget.contains(a) || a.target || a.hasAttribute("download")) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    e.preventDefault();
    router.push(`${url.pathname}${url.search}${url.hash}`);
  };
  return <div onClick={onClick}>{children}</div>;
}
