/**
 * A failing procedure leaves one error line with the request id, which is also the error's digest (the
 * 错误编号 of the error page) and, over HTTP, the end of the Chinese message. Refusals a user caused leave
 * none; the input is logged without passwords or citizen IDs.
 */
import { Writable } from "node:stream";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { withCitizenIdCheckChar } from "@liangxin/domain";
import { createLogger, newRequestId, runInRequest, setLogger } from "@liangxin/runtime";
import { appRouter, createCaller } from "../src/root.ts";
import { createContext } from "../src/context.ts";
import { logProcedureError } from "../src/log.ts";
import { userMessage } from "../src/user-message.ts";

const TOKEN = "fault-drill-0123456789";
const ID = withCitizenIdCheckChar("11010519491231002");
const lines: Record<string, unknown>[] = [];
let raw = "";
let restore: () => void;
let db: Db;

beforeAll(() => {
  db = openTestDb();
  process.env.LIANGXIN_FAULT_TOKEN = TOKEN;
  const destination = new Writable({
    write(chunk, _enc, done) {
      raw += String(chunk);
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  restore = setLogger(createLogger({ level: "info", destination }));
});
afterAll(() => {
  delete process.env.LIANGXIN_FAULT_TOKEN;
  restore();
});

const inRequest = <T>(fn: () => Promise<T>) => {
  const requestId = newRequestId();
  return { requestId, result: runInRequest({ requestId, userId: null, procedures: [] }, fn) };
};

describe("logging a procedure's error", () => {
  it("a server caller: one error line with request id, procedure and stack; the digest is the request id", async () => {
    const { requestId, result } = inRequest(() =>
      createCaller(createContext({ db, userId: null })).hosts.list({ page: 1, pageSize: 20, q: TOKEN }),
    );
    const error = (await result.catch((e: unknown) => e)) as { code: string; digest?: string };
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.digest).toBe(requestId);
    const mine = lines.filter((l) => l.requestId === requestId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 50, procedure: "hosts.list", code: "INTERNAL_SERVER_ERROR" });
    expect((mine[0]!.err as { stack: string }).stack).toContain("故障演练");
  });

  it("a server action's message for an internal error ends with the same error number", async () => {
    const { requestId, result } = inRequest(async () => {
      try {
        await createCaller(createContext({ db, userId: null })).hosts.list({
          page: 1,
          pageSize: 20,
          q: TOKEN,
        });
        return "no error";
      } catch (e) {
        return userMessage(e, "hosts.list");
      }
    });
    expect(await result).toBe(`服务器内部错误,请稍后再试(错误编号 ${requestId})`);
    expect(lines.filter((l) => l.requestId === requestId && l.level === 50)).toHaveLength(1);
  });

  it("over HTTP: the message ends with the error number, and the input is logged scrubbed", async () => {
    const input = encodeURIComponent(
      JSON.stringify({ json: { page: 1, pageSize: 20, q: `${TOKEN} ${ID}`, password: "Demo@2026" } }),
    );
    const { requestId, result } = inRequest(async () => {
      const res = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request(`http://localhost/api/trpc/hosts.list?input=${input}`),
        router: appRouter,
        createContext: () => createContext({ db, userId: null }),
        onError: logProcedureError,
      });
      return { status: res.status, body: (await res.json()) as { error: { json: { message: string } } } };
    });
    const { status, body } = await result;
    expect(status).toBe(500);
    expect(body.error.json.message).toBe(`服务器内部错误,请稍后再试(错误编号 ${requestId})`);
    const mine = lines.filter((l) => l.requestId === requestId);
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(mine[0]!.input)).toContain("110105********002X");
    expect(raw).not.toContain(ID);
    expect(raw).not.toContain("Demo@2026");
  });

  it("a refusal the user caused (not signed in) leaves no error line", async () => {
    const before = lines.length;
    const { result } = inRequest(() =>
      createCaller(createContext({ db, userId: null })).hosts.list({ page: 1, pageSize: 20 }),
    );
    await expect(result).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(lines.length).toBe(before);
  });

  it("refuses every call with 503 and the reason while the database is not ready", async () => {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `/nonexistent-${newRequestId()}/liangxin.db`;
    try {
      await expect(createContext({ userId: null })).rejects.toThrow(
        expect.objectContaining({
          code: "SERVICE_UNAVAILABLE",
          message: expect.stringMatching(/^数据库未就绪:数据库文件不存在/),
        }),
      );
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  });
});
