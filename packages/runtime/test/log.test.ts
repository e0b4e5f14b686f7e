import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { withCitizenIdCheckChar } from "@liangxin/domain";
import {
  createLogger,
  maskCitizenId,
  REDACTED,
  runInRequest,
  scrubText,
  scrubValue,
  type LogLevel,
} from "../src/index.ts";

/** A logger writing into an array of parsed lines. */
function capture(level: LogLevel = "info") {
  const lines: Record<string, unknown>[] = [];
  let raw = "";
  const destination = new Writable({
    write(chunk, _enc, done) {
      raw += String(chunk);
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = createLogger({ level, destination });
  return { log, lines, raw: () => raw };
}

const ID = withCitizenIdCheckChar("11010519491231002"); // a valid GB 11643 number
const ID_X = "11010519491231002X"; // valid: its check character is X
const PASSWORD = "Demo@2026";

describe("scrubText", () => {
  it("masks a valid citizen ID like the portal does (first 6, last 4)", () => {
    expect(ID_X).toBe(ID);
    expect(scrubText(`成员 ${ID} 已存在`)).toBe(`成员 ${maskCitizenId(ID)} 已存在`);
    expect(maskCitizenId(ID)).toBe("110105********002X");
  });

  it("finds an ID glued to other digits (URL-encoded JSON) and a mistyped one with a real birth date", () => {
    expect(scrubText(`input=%7B%22q%22%3A%22${ID}%22%7D`)).not.toContain(ID);
    expect(scrubText(`9${ID}7`)).not.toContain(ID);
    const mistyped = "110105194912310021"; // wrong check character, real date
    expect(scrubText(`号码 ${mistyped}`)).not.toContain(mistyped);
  });

  it("leaves other long numbers alone", () => {
    expect(scrubText("耗时 123456789012345678901 纳秒")).toBe("耗时 123456789012345678901 纳秒");
    expect(scrubText("统一社会信用代码 91330100MA27XK1A2B")).toContain("91330100MA27XK1A2B");
  });

  it("replaces password values, bearer tokens, session cookies and JWTs in free text", () => {
    for (const text of [
      `{"username":"city","password":"${PASSWORD}"}`,
      `username=city&password=${encodeURIComponent(PASSWORD)}&csrfToken=abc`,
      `newPassword: ${PASSWORD}`,
      `密码:${PASSWORD}`,
    ]) {
      const out = scrubText(text);
      expect(out, text).not.toContain(PASSWORD);
      expect(out, text).toContain(REDACTED);
    }
    const jwt = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..abc123.def456.ghi789";
    expect(scrubText(`cookie authjs.session-token=${jwt}; other=1`)).not.toContain("abc123");
    expect(scrubText(`Authorization: Bearer abc.def.ghi`)).not.toContain("abc.def.ghi");
  });
});

describe("scrubValue", () => {
  it("drops secret keys at any depth, bounds sizes and describes binary data", () => {
    const out = scrubValue({
      a: { b: { c: { password: PASSWORD, idNumber: "123", note: `身份证 ${ID}` } } },
      data: new Uint8Array(2048),
      list: Array.from({ length: 60 }, (_, i) => i),
    }) as { a: { b: { c: Record<string, string> } }; data: string; list: unknown[] };
    expect(out.a.b.c.password).toBe(REDACTED);
    expect(out.a.b.c.idNumber).toBe(REDACTED);
    expect(out.a.b.c.note).toBe(`身份证 ${maskCitizenId(ID)}`);
    expect(out.data).toBe("[二进制 2048 字节]");
    expect(out.list).toHaveLength(51);
  });
});

describe("the logger", () => {
  it("writes one JSON line with the fields given, the clock's time and the level", () => {
    const { log, lines } = capture();
    log.info({ requestId: "ABC", status: 200 }, "请求");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, requestId: "ABC", status: 200, msg: "请求" });
    // vitest pins the clock at 2026-12-03 10:00 Beijing time (02:00 UTC) and lets it run.
    expect(String(lines[0]!.time)).toMatch(/^2026-12-03T02:0\d:/);
  });

  it("never writes a password, a citizen ID or a token, whether as a field, a message or in an error", () => {
    const { log, raw } = capture();
    log.info({ password: PASSWORD, input: { user: { newPassword: PASSWORD, idNumber: ID } } }, "改密码");
    log.info({ headers: { cookie: "authjs.session-token=secret-value" } }, "请求头");
    log.warn(`登录失败:password=${PASSWORD} 身份证 ${ID}`);
    const err = new Error(`唯一约束失败:members.id_number = ${ID}`);
    log.error(err);
    log.error({ err: new Error(`解析 {"password":"${PASSWORD}"} 失败`, { cause: new Error(ID) }) });
    const text = raw();
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(ID);
    expect(text).not.toContain("secret-value");
    expect(text).toContain(maskCitizenId(ID));
    expect(text.split("\n").filter(Boolean)).toHaveLength(5);
  });

  it("keeps an error's stack (scrubbed) and its digest", () => {
    const { log, lines } = capture();
    const err = Object.assign(new Error("出错了"), { digest: "K7M2Q9XR4TPA" });
    log.error({ err, requestId: "K7M2Q9XR4TPA" }, "页面出错");
    const logged = lines[0]!.err as { message: string; stack: string; digest: string };
    expect(logged.message).toBe("出错了");
    expect(logged.stack).toContain("log.test.ts");
    expect(logged.digest).toBe("K7M2Q9XR4TPA");
  });

  it("honours the level", () => {
    const { log, lines } = capture("warn");
    log.info("不写");
    log.warn("写");
    expect(lines.map((l) => l.msg)).toEqual(["写"]);
  });

  it("request context travels with async work", async () => {
    const { currentRequest } = await import("../src/request.ts");
    const seen = await runInRequest({ requestId: "R1", userId: null, procedures: [] }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentRequest()?.requestId;
    });
    expect(seen).toBe("R1");
    expect(currentRequest()).toBeUndefined();
  });
});
