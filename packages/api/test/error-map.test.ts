/**
 * The one table from an AppError's code to the answer a user gets: the tRPC code, the HTTP status and the
 * Chinese message (the error's own, never a generic one in its place). The procedures' tests check the
 * same answers end to end; this pins the table itself, code by code.
 */
import { APP_ERROR_CODES, AppError } from "@liangxin/domain";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { toTRPCError } from "../src/error-map.ts";
import { apiMessages } from "../src/messages.ts";

const ANSWERS = {
  NOT_FOUND: ["NOT_FOUND", 404],
  FORBIDDEN: ["FORBIDDEN", 403],
  CONFLICT: ["CONFLICT", 409],
  RULE: ["BAD_REQUEST", 400],
  BAD_INPUT: ["BAD_REQUEST", 400],
  PRECONDITION: ["PRECONDITION_FAILED", 412],
  THROTTLED: ["TOO_MANY_REQUESTS", 429],
  BUSY: ["SERVICE_UNAVAILABLE", 503],
  UNAVAILABLE: ["SERVICE_UNAVAILABLE", 503],
} as const;

describe("error map", () => {
  it.each(APP_ERROR_CODES)("answers an AppError %s with its code, status and own message", (code) => {
    const e = new AppError(code, `拒绝:${code}`, { rule: "SOME_RULE" });
    const mapped = toTRPCError(e)!;
    expect([mapped.code, getHTTPStatusCodeFromError(mapped)]).toEqual(ANSWERS[code]);
    expect(mapped.message).toBe(`拒绝:${code}`);
    expect(mapped.cause).toBe(e);
  });

  it("says no more than 记录不存在 for a record outside the scope, and the stale-record sentence for a version", () => {
    expect(toTRPCError(AppError.notFound("host"))).toMatchObject({
      code: "NOT_FOUND",
      message: "记录不存在",
    });
    expect(toTRPCError(AppError.stale())).toMatchObject({
      code: "CONFLICT",
      message: "该记录已被他人修改,请刷新后重试",
    });
  });

  it("answers the driver's busy error 503 with the busy sentence, the driver's error as the cause", () => {
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    const mapped = toTRPCError(busy)!;
    expect(mapped).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: apiMessages.busy });
    expect(mapped.cause).toBe(busy);
  });

  it("answers PostgreSQL's exclusion violation (two overlapping intervals saved at once) 409 in Chinese", () => {
    // As drizzle hands it over: the driver's error (code 23P01) as the cause of its own.
    const driver = Object.assign(new Error("conflicting key value violates exclusion constraint"), {
      code: "23P01",
    });
    const wrapped = new Error("Failed query: insert into coverages …", { cause: driver });
    const mapped = toTRPCError(wrapped)!;
    expect([mapped.code, getHTTPStatusCodeFromError(mapped)]).toEqual(["CONFLICT", 409]);
    expect(mapped.message).toBe(apiMessages.overlapping);
    expect(mapped.message).not.toContain("constraint");
  });

  it("leaves a fault and a tRPC error as they are (a fault is answered as an internal error)", () => {
    expect(toTRPCError(new Error("boom"))).toBeNull();
    expect(toTRPCError(Object.assign(new Error("x"), { code: "RULE" }))).toBeNull();
    expect(toTRPCError(new TRPCError({ code: "UNAUTHORIZED" }))).toBeNull();
  });
});
