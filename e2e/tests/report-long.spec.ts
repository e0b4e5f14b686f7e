/**
 * A long year-end report (issue 25): on a portal where every report not yet computed for the current data
 * counts as long (LIANGXIN_LONG_REPORT_HOSTS=0, as a city's would at its default of 20,000 hosts), the
 * report page first shows its progress while the report is computed in the background, then the report
 * itself without a reload; asked again, it is shown at once (kept for the data version).
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { loginAndWait } from "./helpers.ts";
import { dbFile } from "./accounts-kit.ts";
import { root, startExtraPortal, type ExtraPortal } from "./portal-kit.ts";

let portal: ExtraPortal;
const dir = path.join(root, "e2e", ".tmp", "report-long");

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A consistent copy of the suite's database (the demo city, whatever the specs before wrote: the city
  // submits to no one, so its report is live), while the suite's portal keeps running.
  const file = path.join(dir, "city.db");
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
  portal = await startExtraPortal("report-long", { DATABASE_URL: file, LIANGXIN_LONG_REPORT_HOSTS: "0" });
});

test.afterAll(async () => {
  await portal?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("the city's report shows its progress, then itself; then at once", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: portal.baseURL });
  const page = await context.newPage();
  try {
    await loginAndWait(page, "city");
    await page.goto("/reports/2026");
    const preparing = page.getByTestId("report-preparing");
    await expect(preparing).toBeVisible();
    await expect(page.getByTestId("report-title")).toContainText("2026年党内统计年报");
    // Polled until ready, then the report replaces it.
    await expect(page.getByTestId("report-page")).toBeVisible({ timeout: 60_000 });
    await expect(preparing).toHaveCount(0);
    await expect(page.getByTestId("report-title")).toContainText("2026年党内统计年报");
    // Kept: the next visit shows the report directly.
    await page.goto("/reports/2026");
    await expect(page.getByTestId("report-page")).toBeVisible();
    await expect(preparing).toHaveCount(0);
  } finally {
    await context.close();
  }
});
