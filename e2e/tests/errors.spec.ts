/**
 * A failing procedure, followed from what the user sees to the line the support desk finds: the error page
 * shows 错误编号 <request id>, and the portal's log (portal.log in the run's log directory) has exactly one error line with
 * that id, its stack and the procedure. The failure is provoked with the suite's LIANGXIN_FAULT_TOKEN (set
 * only by server.mjs): a procedure whose input contains it fails with an internal error.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, login, streamed } from "./helpers.ts";
import { jsonLines, PORTAL_LOG, type LogLine } from "./logs.ts";

const TOKEN = process.env.E2E_FAULT_TOKEN!;
/** A valid GB 11643 number (check character X), and how the portal masks it. */
const CITIZEN_ID = "11010519491231002X";
const MASKED = "110105********002X";
const REQUEST_ID = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/** Sign in; the first sign-in of a run may meet a cold server on a busy machine: wait longer than usual. */
async function signIn(page: Page) {
  await login(page, "city");
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 60_000 });
  await streamed(page);
}

const linesOf = (id: string): LogLine[] => jsonLines(PORTAL_LOG).filter((l) => l.requestId === id);
const rawLinesOf = (id: string) =>
  jsonLines(PORTAL_LOG)
    .filter((l) => l.requestId === id)
    .map((l) => JSON.stringify(l));

test("the error page shows the error number, and the log has one error line and one request line with it", async ({
  page,
}) => {
  await signIn(page);
  const response = await page.goto(`/hosts?q=${encodeURIComponent(TOKEN)}`);
  const shown = page.getByTestId("error-number");
  await expect(shown).toContainText("错误编号");
  await expect(page.getByText("页面出错了")).toBeVisible();
  const id = (await shown.locator("code").textContent())!.trim();
  expect(id).toMatch(REQUEST_ID);
  expect(response?.headers()["x-request-id"]).toBe(id);
  // The frame stays: the menu and the user are still there.
  await expect(page.getByTestId("current-user")).toBeVisible();

  await expect.poll(() => linesOf(id).filter((l) => l.msg === "请求").length).toBe(1);
  const lines = linesOf(id);
  const errors = lines.filter((l) => (l.level ?? 0) >= 50);
  expect(errors).toHaveLength(1);
  const error = errors[0]!;
  expect(error).toMatchObject({ msg: "接口出错", procedure: "hosts.list", code: "INTERNAL_SERVER_ERROR" });
  expect(typeof error.userId).toBe("number");
  const err = error.err as { message: string; stack: string };
  expect(err.message).toContain("故障演练");
  // The stack names our sources (through the build's server source maps), not the bundle's chunks.
  expect(err.stack).toContain("packages/api/src/trpc.ts");
  expect(err.stack).toContain("src/app/(portal)/hosts/page.tsx");

  const request = lines.find((l) => l.msg === "请求")!;
  expect(request).toMatchObject({ method: "GET", path: "/hosts", userId: error.userId });
  expect(typeof request.status).toBe("number");
  expect(typeof request.durationMs).toBe("number");
  expect(request.procedures).toEqual(expect.arrayContaining(["home.me", "hosts.list"]));
});

test("through the API the message ends with the error number; the input is logged without the ID or the password", async ({
  page,
}) => {
  await signIn(page);
  const input = { json: { page: 1, pageSize: 20, q: `${TOKEN} ${CITIZEN_ID}`, password: DEMO_PASSWORD } };
  const res = await page.request.get(
    `/api/trpc/hosts.list?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  expect(res.status()).toBe(500);
  const id = res.headers()["x-request-id"]!;
  expect(id).toMatch(REQUEST_ID);
  const body = (await res.json()) as { error: { json: { message: string } } };
  expect(body.error.json.message).toBe(`服务器内部错误,请稍后再试(错误编号 ${id})`);

  await expect.poll(() => linesOf(id).filter((l) => l.msg === "请求").length).toBe(1);
  const errors = linesOf(id).filter((l) => (l.level ?? 0) >= 50);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ procedure: "hosts.list", input: { password: "[已隐去]" } });
  expect(JSON.stringify(errors[0]!.input)).toContain(MASKED);
  for (const line of rawLinesOf(id)) {
    expect(line).not.toContain(CITIZEN_ID);
    expect(line).not.toContain(DEMO_PASSWORD);
  }
  expect(linesOf(id).find((l) => l.msg === "请求")).toMatchObject({ status: 500, procedure: "hosts.list" });
});
