import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { loginAndWait, sameOrigin } from "./helpers.ts";
import { townshipHost } from "./accounts-kit.ts";

// Same-site request forgery (issue 16): a page on another port of 127.0.0.1 is another origin but the
// same site, so the browser sends the portal's session cookie with its form posts and `fetch`es. Every
// state-changing request must come from the portal's own origin, or it is refused (403) and writes nothing.

const dbFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".tmp", "e2e.db");
const REFUSED = /请求来源/;

function readDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** What an attack could have written: import jobs, and the contact of the host it aims at. */
function written(hostId: number) {
  return readDb((db) => ({
    jobs: db.prepare("select count(*) from jobs").pluck().get() as number,
    host: db.prepare("select contact_phone, address, version from hosts where id = ?").get(hostId),
  }));
}

/**
 * The attacker's pages. `kind` picks one attack on the portal at `target`: a form post or a `fetch` with
 * credentials, of a workbook to /api/io/import or of a contact change to the tRPC mutation.
 */
function attackPage(kind: string, target: string, host: { id: number; version: number }): string {
  const contact = { id: host.id, contactPhone: "0000-0000", address: "跨站写入", version: host.version };
  const fields = Object.entries(contact)
    .map(([k, v]) => `<input name="${k}" value="${String(v)}">`)
    .join("");
  const scripts: Record<string, string> = {
    "form-import": `
      const blob = await (await fetch("/book.xlsx")).blob();
      const dt = new DataTransfer();
      dt.items.add(new File([blob], "台账.xlsx", { type: blob.type }));
      document.getElementById("file").files = dt.files;
      document.getElementById("import").submit();`,
    "fetch-import": `
      const blob = await (await fetch("/book.xlsx")).blob();
      const body = new FormData();
      body.append("file", new File([blob], "台账.xlsx", { type: blob.type }));
      await fetch(${JSON.stringify(`${target}/api/io/import`)}, { method: "POST", body, credentials: "include", mode: "no-cors" });`,
    "form-trpc": `document.getElementById("trpc").submit();`,
    "fetch-trpc": `
      const body = new FormData();
      for (const [k, v] of Object.entries(${JSON.stringify(contact)})) body.append(k, String(v));
      await fetch(${JSON.stringify(`${target}/api/trpc/hosts.updateContact`)}, { method: "POST", body, credentials: "include", mode: "no-cors" });`,
  };
  return `<!doctype html><meta charset="utf-8"><title>抽奖活动</title>
    <form id="import" method="post" enctype="multipart/form-data" action="${target}/api/io/import">
      <input type="file" name="file" id="file"></form>
    <form id="trpc" method="post" enctype="multipart/form-data" action="${target}/api/trpc/hosts.updateContact">${fields}</form>
    <script type="module">${scripts[kind]}</script>`;
}

let site: http.Server;
let siteOrigin: string;
let workbook: Buffer;
let host: { id: number; version: number };

test.beforeAll(async ({ browser, baseURL }) => {
  const page = await browser.newPage();
  await loginAndWait(page, "township");
  const template = await page.request.get("/api/io/template");
  expect(template.status()).toBe(200);
  workbook = await template.body();
  await page.close();
  host = townshipHost();
  site = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://attacker");
    if (url.pathname === "/book.xlsx") {
      res.writeHead(200, {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      res.end(workbook);
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(attackPage(url.searchParams.get("kind") ?? "", baseURL!, host));
  });
  // A port the system picks: nothing else may be listening there.
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  expect(siteOrigin).not.toBe(new URL(baseURL!).origin);
});

test.afterAll(async () => {
  await new Promise((resolve) => site?.close(resolve));
});

async function attack(page: Page, kind: string, pathPrefix: string) {
  const answer = page.waitForResponse((r) => r.url().includes(pathPrefix) && r.request().method() === "POST");
  await page.goto(`${siteOrigin}/?kind=${kind}`);
  return answer;
}

for (const kind of ["form-import", "fetch-import", "form-trpc", "fetch-trpc"]) {
  test(`a page of another origin on 127.0.0.1 (${kind}) is refused with 403 and writes nothing`, async ({
    page,
  }) => {
    await loginAndWait(page, "township");
    const before = written(host.id);
    const res = await attack(page, kind, kind.endsWith("import") ? "/api/io/import" : "/api/trpc/");
    expect(res.status()).toBe(403);
    // A no-cors fetch's answer is opaque to the page (and its headers to the test); a form's is shown.
    if (kind.startsWith("form")) await expect(page.locator("body")).toContainText(REFUSED);
    expect(written(host.id)).toEqual(before);
  });
}

test("the origin check: the portal's own origin (or, without Origin, its Referer) passes; anything else is 403", async ({
  page,
  baseURL,
}) => {
  await loginAndWait(page, "township");
  const own = new URL(baseURL!).origin;
  // A stale version: past the origin check the procedure answers 409 and writes nothing.
  const post = (headers: Record<string, string>) =>
    page.request.post("/api/trpc/hosts.updateContact", {
      headers,
      data: { json: { id: host.id, contactPhone: null, address: null, version: 1_000_000 } },
    });
  const before = written(host.id);
  expect((await post({ origin: own })).status()).toBe(409);
  expect((await post({ referer: `${own}/hosts/${host.id}` })).status()).toBe(409);
  const refused: Record<string, string>[] = [
    { origin: siteOrigin },
    { origin: "null" },
    { referer: `${siteOrigin}/` },
    { origin: siteOrigin, referer: `${own}/hosts` },
    {},
  ];
  for (const headers of refused) {
    const res = await post(headers);
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(await res.text()).toMatch(REFUSED);
  }
  // From the own origin too, the API takes JSON only: not the form types another site could send.
  const multipart = await page.request.post("/api/trpc/hosts.updateContact", {
    headers: { origin: own },
    multipart: { id: String(host.id), contactPhone: "0000-0000", version: String(host.version) },
  });
  expect(multipart.status()).toBe(415);
  expect(await multipart.text()).toContain("JSON");
  // Sign-in and sign-out are state-changing requests too.
  const signOut = await page.request.post("/api/auth/signout", {
    headers: { origin: siteOrigin },
    form: { callbackUrl: "/" },
  });
  expect(signOut.status()).toBe(403);
  expect(written(host.id)).toEqual(before);
});

/**
 * An upload the import route's first check accepts only whole: a zip signature, `size` bytes of filler and,
 * at the very end, a central directory naming xl/workbook.xml. Cut short, it has no end of central directory.
 */
function wholeOnly(size: number): Buffer {
  const name = Buffer.from("xl/workbook.xml");
  const head = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  const filler = Buffer.alloc(size, 1);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(1, 20);
  central.writeUInt32LE(1, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(head.length + filler.length, 16);
  return Buffer.concat([head, filler, central, name, end]);
}

test("the origin check does not cut uploads: a 19 MB upload reaches the import route whole", async ({
  page,
  baseURL,
}) => {
  await loginAndWait(page, "township");
  const res = await page.request.post("/api/io/import", {
    headers: sameOrigin(baseURL),
    multipart: {
      file: {
        name: "大文件.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: wholeOnly(19 * 1024 * 1024),
      },
    },
  });
  // Whole, it passes the route's checks and becomes an import job (which then fails on its content).
  expect(res.status(), await res.text()).toBe(200);
  expect(((await res.json()) as { id: number }).id).toBeGreaterThan(0);
});
