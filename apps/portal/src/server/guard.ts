import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";

/**
 * A scoped read: "not found" (and "forbidden") show the 404 page, like an unknown URL. So does a read the
 * API refuses as malformed (a search text over the limit typed into the URL, say): an address that
 * cannot exist, not a server error.
 */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (
      e instanceof TRPCError &&
      (e.code === "NOT_FOUND" || e.code === "FORBIDDEN" || e.code === "BAD_REQUEST")
    )
      notFound();
    throw e;
  }
}

/** A scoped read that does not exist for the caller (NOT_FOUND: a node without territory, say): null. */
export async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") return null;
    throw e;
  }
}

/**
 * A part of a page the caller may not be given (FORBIDDEN: a role the procedure is not open to; NOT_FOUND:
 * nothing of it in the caller's scope): `fallback`. Any other error is an error.
 */
export async function orWhenDenied<T, F>(p: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) return fallback;
    throw e;
  }
}

/** An id from the URL, or the 404 page. */
export function idParam(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return id;
}

export function str(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}

/** The page sizes a list offers (its default first, then these). */
export const PAGE_SIZES = [20, 30, 50, 100] as const;

/** The page size chosen in the URL (`size`), one of PAGE_SIZES, else the list's default. */
export function pageSizeParam(v: string | string[] | undefined, fallback: number): number {
  const n = Number(str(v) ?? NaN);
  return (PAGE_SIZES as readonly number[]).includes(n) ? n : fallback;
}

export function pageParam(v: string | string[] | undefined): number {
  const n = Number(str(v) ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
