/**
 * 一个企业一张表 on paper: the sheet of a township's host is one A4 page, the township's batch one page per
 * host, the printed text holds no full citizen ID but the masked one of a member counted only, and another
 * township's administrator gets the 404 page for the sheet's address.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { isValidCitizenId } from "@liangxin/domain";
import { loginAndWait, sameOrigin } from "./helpers.ts";
import { E2E_TODAY, E2E_YEAR } from "./clock.ts";
import { otherTownshipAdmin, query } from "./trpc-kit.ts";

interface Sheet {
  host: { id: number; name: string };
  covering: { id: number } | null;
  members: {
    total: number;
    rows: { name: string; idNumberMasked: string; access: "edit" | "counted" }[];
  };
}

/** A tRPC mutation as a page of the portal sends it. */
async function mutate(
  request: APIRequestContext,
  baseURL: string | undefined,
  procedure: string,
  input: unknown,
) {
  const res = await request.post(`/api/trpc/${procedure}`, {
    headers: sameOrigin(baseURL),
    data: { json: input },
  });
  expect(res.status(), `${procedure}: ${await res.text()}`).toBe(200);
}

/** The page as printed on A4 (the print stylesheet applies), read back: its pages and their text. */
async function printed(page: Page): Promise<{ pages: number; text: string }> {
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true })
    .promise;
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    texts.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: texts.join("\n") };
}

/** Every run of 18 characters in the text that is a valid (full, unmasked) citizen ID. */
const fullCitizenIds = (text: string) =>
  [...text.matchAll(/\d{17}[\dX]/g)].map((m) => m[0]).filter(isValidCitizenId);

test("a township prints one host's sheet on one A4 page and its whole territory one page per host; no full citizen ID is printed, a counted-only member's masked one is; another township gets 404", async ({
  page,
  browser,
  baseURL,
}) => {
  // Three sign-ins and two PDFs, one of them the whole township's (about seventy pages).
  test.setTimeout(180_000);
  await loginAndWait(page, "township");
  // Reachable from the home page: 两新组织 → 批量打印一企一表 → the township's own unit.
  await page.getByTestId("nav-menu").getByRole("link", { name: "两新组织" }).click();
  await page.getByTestId("host-sheets-link").click();
  const units = page.getByTestId("sheet-units");
  await expect(units).toBeVisible();
  const { units: mine } = await query<{ units: { id: number; name: string; level: number }[] }>(
    page.request,
    "hosts.sheetUnits",
  );
  const unit = mine.find((u) => u.level === 0)!;
  await units.getByRole("link", { name: unit.name }).click();
  await expect(page).toHaveURL(new RegExp(`/hosts/sheets\\?unit=${unit.id}$`));
  await expect(page.getByTestId("print-button")).toBeVisible();

  // The hosts of the territory, as the hosts list counts them (the rows it may edit).
  const list = await query<{ inTerritory: number }>(page.request, "hosts.list", { page: 1, pageSize: 20 });
  expect(list.inTerritory).toBeGreaterThan(1);
  await expect(page.getByTestId("host-sheet")).toHaveCount(list.inTerritory);
  const batch = await printed(page);
  expect(batch.pages).toBe(list.inTerritory);
  expect(fullCitizenIds(batch.text)).toEqual([]);

  // A member held elsewhere and working in the territory, among the rows a sheet lists: its masked
  // citizen ID is printed, its name masked.
  const { sheets } = await query<{ sheets: Sheet[] }>(page.request, "hosts.sheets", { unitId: unit.id });
  const counted = sheets.flatMap((s) => s.members.rows.slice(0, 16)).find((r) => r.access === "counted");
  expect(counted, "a counted-only member on a sheet").toBeDefined();
  expect(counted!.name).toMatch(/^.\*+$/u);
  expect(batch.text.replace(/\s+/g, "")).toContain(counted!.idNumberMasked);

  // The host where most members work, its organization's records filled as a realistic one's would be
  // (secretary's profile, a full committee, a venue with its equipment, funds from three sources), from
  // its own page: 打印一企一表 → one page.
  const busiest = [...sheets].sort((a, b) => b.members.total - a.members.total)[0]!;
  const orgId = busiest.covering!.id;
  const org = await query<{
    secretary: { id: number; memberId: number } | null;
    heldMembers: { id: number; name: string }[];
  }>(page.request, "basics.org", { orgId });
  if (org.secretary)
    await mutate(page.request, baseURL, "basics.secretary.profile", {
      secretaryId: org.secretary.id,
      kind: "partTime",
      source: "management",
    });
  const posts = ["deputySecretary", "organization", "propaganda", "discipline", "member", "member", "member"];
  const others = org.heldMembers.filter((mb) => mb.id !== org.secretary?.memberId).slice(0, posts.length);
  for (const [i, mb] of others.entries())
    await mutate(page.request, baseURL, "basics.committee.set", {
      orgId,
      memberId: mb.id,
      post: posts[i],
      startOn: E2E_TODAY,
      onBoard: i === 0,
    });
  await mutate(page.request, baseURL, "basics.venue.record", {
    orgId,
    name: "党员活动室(职工之家三楼)",
    checkedOn: E2E_TODAY,
    status: "standard",
    areaSqm: 120,
    equipment: ["av", "furniture", "flag", "emblem", "reading"],
  });
  for (const [source, amount] of [
    ["duesReturn", "0.8"],
    ["managementFee", "3.5"],
    ["enterprise", "2"],
  ])
    await mutate(page.request, baseURL, "basics.funds", { orgId, year: E2E_YEAR, source, amount });
  await page.goto(`/hosts/${busiest.host.id}`);
  await page.getByTestId("host-sheet-link").click();
  await expect(page.getByTestId("host-sheet")).toHaveCount(1);
  await expect(page.getByTestId("host-sheet")).toContainText("党员活动室(职工之家三楼)");
  await expect(page.getByTestId("host-sheet")).toContainText("企业资助");
  const one = await printed(page);
  expect(one.pages).toBe(1);
  expect(fullCitizenIds(one.text)).toEqual([]);
  if (busiest.members.total > 16)
    await expect(page.getByTestId("sheet-members-more")).toContainText(`等${busiest.members.total}人`);

  // Another township's administrator: the sheet's address and the batch's are the 404 page.
  const other = await otherTownshipAdmin(browser, baseURL);
  expect((await other.goto(`/hosts/${busiest.host.id}/sheet`))?.status()).toBe(404);
  expect((await other.goto(`/hosts/sheets?unit=${unit.id}`))?.status()).toBe(404);
  await expect(other.getByTestId("host-sheet")).toHaveCount(0);
  await other.close();
});
