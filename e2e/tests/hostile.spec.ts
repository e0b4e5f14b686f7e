import { crc32, deflateRawSync } from "node:zlib";
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { loginAndWait, sameOrigin } from "./helpers.ts";
import { unique } from "./clock.ts";
import { randomCreditCode } from "./import-kit.ts";

// Hostile input at the portal's HTTP boundary (issue 9): uploads that are not spreadsheets, too large or
// zip bombs; names with markup on the list and detail pages; path tricks on every route that serves a
// file; malformed search parameters in page URLs.

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CHINESE = /[\u4e00-\u9fff]/;

/** A zip archive of the given entries (deflated), or with a declared size that is a lie. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e1c9b00000000049454e44ae426082",
  "hex",
);

function upload(
  request: APIRequestContext,
  origin: string | undefined,
  name: string,
  buffer: Buffer,
  mimeType = XLSX,
) {
  return request.post("/api/io/import", {
    headers: sameOrigin(origin),
    multipart: { file: { name, mimeType, buffer } },
  });
}

/** A refusal a user can read: the status, a Chinese message, no stack trace. */
async function expectRefused(res: APIResponse, statuses: number[]): Promise<string> {
  expect(statuses, `${res.url()} → ${res.status()}`).toContain(res.status());
  const text = await res.text();
  expect(text).not.toMatch(/\n\s+at |node_modules|SQLITE/);
  if (text) {
    const message = (JSON.parse(text) as { message?: string }).message ?? "";
    expect(message).toMatch(CHINESE);
    return message;
  }
  return "";
}

test("uploads that are not spreadsheets, too large or zip bombs are refused with a Chinese message", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await loginAndWait(page, "township");
  const r = page.request;

  const refusals: [string, Buffer, string?][] = [
    ["照片.xlsx", PNG, "image/png"],
    ["说明.xlsx", Buffer.from("这不是表格,只是一段文字\n=1+1\n", "utf8"), "text/plain"],
    ["空.xlsx", Buffer.alloc(0)],
    ["台账.csv", Buffer.from("名称,类别\n某公司,非公企业\n", "utf8"), "text/csv"],
    ["程序.exe", Buffer.from("MZ\u0090\u0000", "latin1"), "application/octet-stream"],
    // A zip, but no workbook in it.
    ["压缩包.xlsx", zip([{ name: "readme.txt", data: Buffer.from("hello") }])],
    // A real bomb: 60 MB of zeros in a few kilobytes (ratio ≫ 100).
    ["炸弹.xlsx", zip([{ name: "xl/workbook.xml", data: Buffer.alloc(60 * 1024 * 1024) }])],
    // A lying central directory: 4 GB declared (ZIP64 marker) and 1 GB declared.
    ["谎报.xlsx", zip([{ name: "xl/workbook.xml", data: Buffer.from("<x/>"), declaredSize: 0xffffffff }])],
    ["谎报2.xlsx", zip([{ name: "xl/workbook.xml", data: Buffer.from("<x/>"), declaredSize: 1 << 30 }])],
  ];
  for (const [name, buffer, mime] of refusals) {
    const message = await expectRefused(await upload(r, baseURL, name, buffer, mime), [400]);
    expect(message, name).not.toBe("");
  }

  // Over 20 MB: refused before reading it.
  await expectRefused(await upload(r, baseURL, "大.xlsx", Buffer.alloc(21 * 1024 * 1024, 1)), [413]);
  // No file at all, or a form that is not multipart.
  await expectRefused(
    await r.post("/api/io/import", { headers: sameOrigin(baseURL), multipart: { other: "x" } }),
    [400],
  );
  await expectRefused(
    await r.post("/api/io/import", {
      data: "garbage",
      headers: { ...sameOrigin(baseURL), "content-type": "text/plain" },
    }),
    [400],
  );

  // Signed out: refused, whatever the file.
  const anonymous = await playwright.request.newContext({ baseURL });
  await expectRefused(await upload(anonymous, baseURL, "照片.xlsx", PNG), [401]);
  await anonymous.dispose();

  // The real thing still goes through: the template itself is a spreadsheet.
  const template = await r.get("/api/io/template");
  expect(template.status()).toBe(200);
  const ok = await upload(r, baseURL, "模板.xlsx", await template.body());
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { id: number }).id).toBeGreaterThan(0);
});

/** Watch for any dialog and any executed payload on the page. */
function guard(page: Page): { dialogs: string[] } {
  const seen = { dialogs: [] as string[] };
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  return seen;
}

test("names containing markup render as text on the list and detail pages", async ({ page, baseURL }) => {
  await loginAndWait(page, "township");
  const options = await page.request.get("/api/trpc/hosts.formOptions");
  expect(options.status()).toBe(200);
  const regions = ((await options.json()) as { result: { data: { json: { townships: { id: number }[] } } } })
    .result.data.json.townships;
  expect(regions.length).toBeGreaterThan(0);

  const stamp = unique();
  const name = `<script>window.__xss=1;alert(1)</script>${stamp}`;
  const owner = `<img src=x onerror="window.__xss=2;alert(2)">`;
  const address = `"><svg onload=alert(3)>`;
  const created = await page.request.post("/api/trpc/records.host.create", {
    headers: sameOrigin(baseURL),
    data: {
      json: {
        creditCode: randomCreditCode(),
        name,
        kind: "enterprise",
        regionId: regions[0]!.id,
        foundedOn: "2026-03-15",
        ownerName: owner,
        address,
      },
    },
  });
  expect(created.status(), await created.text()).toBe(200);

  const seen = guard(page);
  // The list, searched by the literal markup.
  await page.goto(`/hosts?q=${encodeURIComponent(stamp)}`);
  const link = page.getByRole("link", { name, exact: true });
  await expect(link).toBeVisible();
  // The detail page.
  await link.click();
  await expect(page.getByTestId("host-detail").first()).toContainText(name);
  await expect(page.getByText(owner, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(address, { exact: true }).first()).toBeVisible();
  for (const url of [`/hosts?q=${encodeURIComponent(stamp)}`, page.url()]) {
    await page.goto(url);
    await expect(page.getByText(name).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
  }
  expect(seen.dialogs).toEqual([]);
});

test("every route that serves a file refuses path tricks", async ({ page }) => {
  await loginAndWait(page, "township");
  const r = page.request;
  const tricks = [
    "../../../../etc/passwd",
    "..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%252e%252e%252fetc%252fpasswd",
    "..%5c..%5c..%5cwindows%5cwin.ini",
    "%2fetc%2fpasswd",
    "1%00",
    "1%00.xlsx",
    "-1",
    "0",
    "99999999",
    "1.5",
    "9007199254740993",
  ];
  const urls = [
    ...tricks.map((t) => `/api/io/jobs/${t}/errors`),
    ...tricks.map((t) => `/api/io/jobs/${t}/file`),
    ...tricks.map((t) => `/api/reports/${t}/xlsx`),
    ...tricks.map((t) => `/api/io/export?format=${t}`),
    ...tricks.map((t) => `/api/io/template/${t}`),
    ...tricks.map((t) => `/api/io/${t}`),
  ];
  for (const url of urls) {
    const res = await r.get(url);
    const body = await res.text();
    expect([400, 404, 405], `${url} → ${res.status()}`).toContain(res.status());
    expect(body, url).not.toMatch(/root:.*:0:0:|\[fonts\]|"name":\s*"liangxin/);
    expect(body, url).not.toMatch(/\n\s+at |node_modules|SQLITE/);
  }
  // A tricked node parameter never reaches the disk: the caller's own report, or a refusal.
  for (const node of tricks) {
    const res = await r.get(`/api/reports/2025/xlsx?node=${node}`);
    expect(res.status(), node).toBeLessThan(500);
    if (res.status() === 200) {
      expect(res.headers()["content-type"]).toBe(XLSX);
      expect((await res.body()).subarray(0, 2).toString()).toBe("PK");
    }
  }
});

test("pages with malformed search parameters answer 200 or 404, never a server error", async ({ page }) => {
  await loginAndWait(page, "township");
  const seen = guard(page);
  const long = "长".repeat(150);
  const urls = [
    `/hosts?q=${encodeURIComponent(long)}`,
    `/hosts?q=${encodeURIComponent("' OR 1=1 --")}`,
    `/hosts?q=${encodeURIComponent("<script>alert(1)</script>")}`,
    `/hosts?page=1e400&region=-1&kind=%00`,
    `/hosts?page=9007199254740993`,
    `/members?q=${encodeURIComponent("%")}`,
    `/members?q=${encodeURIComponent(long)}`,
    `/orgs?q=${encodeURIComponent('"; DROP TABLE orgs; --')}`,
    `/orgs?q=${encodeURIComponent(long)}&category=${encodeURIComponent("<b>")}`,
    `/instructors?q=${encodeURIComponent(long)}`,
    `/users?q=${encodeURIComponent(long)}`,
    `/audit?username=${encodeURIComponent(long)}&action=${encodeURIComponent("%_")}`,
    `/hosts/${encodeURIComponent("1 OR 1=1")}`,
    `/hosts/..%2f..%2fetc%2fpasswd`,
    `/members/-1`,
    `/reports/1e3`,
  ];
  for (const url of urls) {
    const res = await page.goto(url);
    expect([200, 404], `${url} → ${res?.status()}`).toContain(res?.status());
  }
  expect(seen.dialogs).toEqual([]);
});

test("an oversized API request body is refused with 413 before it is read, and a normal save still works", async ({
  page,
  baseURL,
}) => {
  await loginAndWait(page, "township");
  const r = page.request;
  const huge = JSON.stringify({
    json: { id: 1, contactPhone: "1".repeat(2_000_000), address: null, version: 1 },
  });
  const res = await r.post("/api/trpc/hosts.updateContact", {
    data: huge,
    headers: { ...sameOrigin(baseURL), "content-type": "application/json" },
  });
  expect(res.status()).toBe(413);
  expect(await res.text()).toContain("请求内容过大");
  // An ordinary call on the same session answers as before.
  const me = await r.get("/api/trpc/home.me");
  expect(me.status()).toBe(200);
});
