import { expect, test, type APIResponse } from "@playwright/test";
import { loginAndWait } from "./helpers.ts";

// Answers of /api/trpc carry personal data: no browser or proxy may keep them (issue 16).

const input = (v: unknown) => encodeURIComponent(JSON.stringify({ json: v }));

function expectNoStore(res: APIResponse, what: string) {
  expect(res.headers()["cache-control"], what).toBe("no-store");
}

test("every /api/trpc answer says Cache-Control: no-store: signed out, a query, a batch, not found, a refused mutation", async ({
  page,
  baseURL,
}) => {
  const r = page.request;
  const anonymous = await r.get("/api/trpc/home.me");
  expect(anonymous.status()).toBe(401);
  expectNoStore(anonymous, "signed out");

  await loginAndWait(page, "township");
  const me = await r.get("/api/trpc/home.me");
  expect(me.status()).toBe(200);
  expect(await me.text()).toContain("township");
  expectNoStore(me, "query");

  const batch = await r.get(`/api/trpc/home.me,home.overview?batch=1&input=${encodeURIComponent("{}")}`);
  expect(batch.status()).toBe(200);
  expectNoStore(batch, "batch");

  const missing = await r.get(`/api/trpc/hosts.get?input=${input({ id: 99_999_999 })}`);
  expect(missing.status()).toBe(404);
  expectNoStore(missing, "not found");

  const refused = await r.post("/api/trpc/hosts.updateContact", {
    headers: { origin: baseURL! },
    data: { json: { id: "not-a-number" } },
  });
  expect(refused.status()).toBe(400);
  expectNoStore(refused, "refused mutation");
});
