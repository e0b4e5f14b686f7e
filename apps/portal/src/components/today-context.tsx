"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * The product's today (Asia/Shanghai, the server's clock module, pinned in tests), for client components:
 * a date picker opens on its month and offers it, where the browser's own clock could be another day.
 */
const TodayContext = createContext<string | null>(null);

export function TodayContextProvider({ today, children }: { today: string; children: ReactNode }) {
  return <TodayContext.Provider value={today}>{children}</TodayContext.Provider>;
}

/** The product's today as YYYY-MM-DD, or null outside the provider. */
export const useProductToday = () => useContext(TodayContext);
