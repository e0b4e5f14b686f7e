/**
 * Every picture docs/user-guide.md shows, one test per role's chapter. Each picture is named in the guide as
 * images/<name>.png; run `npm run docs:screenshots` after a change to the pages it shows.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { loginAndWait } from "../tests/helpers.ts";
import { E2E_YEAR } from "../tests/clock.ts";

const IMAGES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "images");

/** Open `url`, wait for `ready` (a test id) and save the visible window as images/<name>.png. */
async function shot(page: Page, name: string, url: string, ready: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId(ready).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(IMAGES, `${name}.png`) });
}

test("登录页", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel("用户名")).toBeVisible();
  await page.screenshot({ path: path.join(IMAGES, "login.png") });
});

test("乡镇(街道)管理员", async ({ page }) => {
  await loginAndWait(page, "township");
  await shot(page, "township-home", "/", "host-count");
  await shot(page, "township-hosts", "/hosts?sene=1", "hosts-table");
  await shot(page, "township-org-new", "/orgs/new", "create-org");
  await shot(page, "township-plans", "/work/plans", "current-user");
  await shot(page, "township-meetings", "/work/meetings", "current-user");
  await shot(page, "township-corrections", "/corrections", "corrections-table");
  await shot(page, "township-report", `/reports/${E2E_YEAR}`, "current-user");
  await shot(page, "township-import", "/import", "current-user");
});

test("县级管理员", async ({ page }) => {
  await loginAndWait(page, "county");
  await shot(page, "county-home", "/", "dashboard-rows");
  await shot(page, "county-inbox", "/inbox", "current-user");
  await shot(page, "county-report", `/reports/${E2E_YEAR - 1}`, "current-user");
});

test("市级管理员", async ({ page }) => {
  await loginAndWait(page, "city");
  await shot(page, "city-home", "/", "dashboard-rows");
  await shot(page, "city-analysis", "/analysis", "current-user");
  await shot(page, "city-audit", "/audit", "audit-table");
  await shot(page, "city-users", "/users", "current-user");
});

test("行业党委管理员", async ({ page }) => {
  await loginAndWait(page, "industry");
  await shot(page, "industry-home", "/", "host-count");
  await shot(page, "industry-coverage-requests", "/coverage-requests", "current-user");
});

test("党组织书记", async ({ page }) => {
  await loginAndWait(page, "branch");
  await shot(page, "branch-home", "/", "current-user");
  await shot(page, "branch-meetings", "/work/meetings", "current-user");
  await shot(page, "branch-member-new", "/members/new", "current-user");
  await shot(page, "branch-development", "/work/development", "current-user");
});

test("企业出资人", async ({ page }) => {
  await loginAndWait(page, "owner");
  await shot(page, "owner-home", "/", "current-user");
});
