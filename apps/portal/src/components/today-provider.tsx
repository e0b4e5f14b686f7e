import type { ReactNode } from "react";
import { connection } from "next/server";
import { clock } from "@liangxin/domain";
import { TodayContextProvider } from "./today-context.tsx";

/** Hands the clock module's today (read at request time, never at build time) to client components. */
export async function TodayProvider({ children }: { children: ReactNode }) {
  await connection();
  return <TodayContextProvider today={clock.today()}>{children}</TodayContextProvider>;
}
