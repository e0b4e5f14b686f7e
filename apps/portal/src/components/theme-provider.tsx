"use client";

import { useSyncExternalStore, type ReactNode } from "react";
import { ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
// antd's own animation library: its provider switches every antd animation on or off without changing the
// tree (antd's `token.motion` adds a provider when it first changes, which remounts the page and empties
// whatever the user had typed before hydration).
import { Provider as MotionProvider } from "@rc-component/motion";

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Whether the user's system asks for less motion (read in the browser; the server renders with motion). */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(REDUCED_MOTION).matches,
    () => false,
  );
}

/**
 * One theme object for every render: antd derives its tokens from the theme it is given, and a new object
 * on every request (and every render) is a new theme to derive and hash again.
 */
const THEME = { zeroRuntime: true, token: { colorPrimary: "#c8161d", borderRadius: 4 } } as const;

/**
 * The portal's antd theme and Chinese locale. A user whose system asks for reduced motion gets none: menus,
 * confirmations and drawers open and close without animation (WCAG 2.3.3).
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const reduced = usePrefersReducedMotion();
  return (
    <ConfigProvider locale={zhCN} theme={THEME}>
      <MotionProvider motion={!reduced}>{children}</MotionProvider>
    </ConfigProvider>
  );
}
