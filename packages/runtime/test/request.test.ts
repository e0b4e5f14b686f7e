import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCitizenIdCheckChar } from "@liangxin/domain";
import {
  createLogger,
  currentRequest,
  installRequestLog,
  noteProcedure,
  noteUser,
  routeConsoleToLog,
} from "../src/index.ts";

const lines: Record<string, unknown>[] = [];
const destination = new Writable({
  write(chunk, _enc, done) {
    for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});
const log = createLogger({ level: "debug", destination });
const ID = withCitizenIdCheckChar("11010519491231002");

let server: http.Server;
let base: string;
const seenInHandler: (string | undefined)[] = [];

beforeAll(async () => {
  installRequestLog(() => log);
  server = http.createServer((req, res) => void answer(req, res));
  // The handler runs inside the request's context, after an await too.
  async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    await new Promise((r) => setTimeout(r, 2));
    seenInHandler.push(currentRequest()?.requestId);
    noteUser(7);
    noteProcedure("hosts.list");
    if (req.url?.startsWith("/boom")) {
      res.statusCode = 500;
      res.end("boom");
      return;
    }
    res.end(String(req.headers["x-request-id"]));
  }
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const waitFor = async (pred: () => boolean) => {
  for (let i = 0; i < 100 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe("the request hook", () => {
  it("gives each request an id (header both ways, context) and writes one line with status and duration", async () => {
    const res = await fetch(`${base}/members?q=${ID}&page=2`, { headers: { "x-request-id": "FORGED" } });
    const id = res.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(await res.text()).toBe(id); // the handler saw ours, not the client's
    expect(seenInHandler.at(-1)).toBe(id);
    await waitFor(() => lines.some((l) => l.requestId === id));
    const line = lines.filter((l) => l.requestId === id);
    expect(line).toHaveLength(1);
    expect(line[0]).toMatchObject({
      level: 30,
      msg: "请求",
      method: "GET",
      path: "/members",
      status: 200,
      userId: 7,
      procedures: ["hosts.list"],
    });
    expect(typeof line[0]!.durationMs).toBe("number");
    expect(String(line[0]!.query)).toContain("page=2");
    expect(String(line[0]!.query)).not.toContain(ID);
  });

  it("names the procedures of a tRPC call and writes a failed request at warn", async () => {
    const res = await fetch(`${base}/boom`);
    const id = res.headers.get("x-request-id")!;
    await fetch(`${base}/api/trpc/home.me,hosts.list?batch=1&input=%7B%7D`);
    await waitFor(() => lines.filter((l) => l.msg === "请求").length >= 3);
    expect(lines.find((l) => l.requestId === id)).toMatchObject({ level: 40, status: 500 });
    const trpc = lines.find((l) => l.path === "/api/trpc/home.me,hosts.list");
    expect(trpc).toMatchObject({ procedure: "home.me,hosts.list" });
    expect(trpc).not.toHaveProperty("query");
  });

  it("routes console output into the log once per error, with the request id", async () => {
    routeConsoleToLog(() => log);
    const err = new Error("库里出错了");
    console.error(err);
    console.error("再说一次:", err); // the same error object: not repeated
    console.warn(`password=Demo@2026`);
    await waitFor(() => lines.some((l) => l.source === "console" && l.level === 40));
    const fromConsole = lines.filter((l) => l.source === "console");
    expect(fromConsole.filter((l) => l.level === 50)).toHaveLength(1);
    expect(JSON.stringify(fromConsole)).not.toContain("Demo@2026");
  });
});
