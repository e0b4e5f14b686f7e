import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ORG_RULE_LABELS as RULE_LABELS } from "@liangxin/domain";
import { answerConfirm, fillDate, login, loginAndWait, selectOption } from "./helpers.ts";
import { addDaysIso, E2E_NOW, E2E_TODAY, unique } from "./clock.ts";
import { dbFile, readDb } from "./accounts-kit.ts";
import { query } from "./trpc-kit.ts";

// The forms of an organization's five basics and the shared venues, in the browser, as a township
// administrator uses them; and a secretary of another township who cannot reach the organization.

test.describe.configure({ timeout: 180_000 });

interface BoardRow {
  orgId: number;
  orgName: string;
  check: Record<"team" | "venue", { ok: boolean }>;
}

/** Pick the option titled exactly `title` in the select labelled `label` (不达标 contains 达标). */
async function pickExact(page: Page, scope: Locator, label: string, title: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

const save = (form: Locator, name: string | RegExp = /保\s*存/) => form.getByRole("button", { name }).click();

/**
 * Click a row's end button and confirm: a click that lands before the page has hydrated opens no
 * confirmation, so it is retried until the question shows.
 */
async function endAndConfirm(page: Page, button: Locator) {
  await expect(async () => {
    await button.click();
    await expect(page.locator(".ant-popconfirm:visible")).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await answerConfirm(page, "ok");
}

/** A branch secretary of a grassroots organization of 石桥镇 (another township), made by the command line. */
function otherTownshipSecretary(): { username: string; password: string } {
  const orgCode = readDb(
    (db) =>
      db
        .prepare(
          `select o.code from orgs o join orgs t on o.path like t.path || '%' and o.id <> t.id
           where t.category = 'townshipCommittee' and t.name like '%石桥镇%'
             and o.category in ('committee', 'generalBranch', 'branch', 'jointBranch')
           order by o.code limit 1`,
        )
        .pluck()
        .get() as string,
  );
  expect(orgCode, "a grassroots organization of 石桥镇").toBeTruthy();
  const username = `sq-sec-${unique()}`;
  const password = `Start${unique()}abc`;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, "apps", "cli", "bin", "liangxin.mjs"),
      "create-user",
      "--username",
      username,
      "--password",
      password,
      "--name",
      "石桥镇书记",
      "--role",
      "secretary",
      "--org",
      orgCode,
    ],
    { env: { ...process.env, DATABASE_URL: dbFile, LIANGXIN_NOW: E2E_NOW }, encoding: "utf8" },
  );
  expect(r.status, `${r.stderr}${r.stdout}`).toBe(0);
  return { username, password };
}

test("a township administrator sets a secretary's profile and allowance, adds and ends a reserve cadre, ends a committee post and drops a rule, creates a shared venue, checks it 达标 and links an organization whose venue basic then holds, ends the link and it fails again; a secretary of another township gets 404 and sees none of its shared venues", async ({
  page,
  browser,
  baseURL,
}) => {
  await loginAndWait(page, "township");
  // An organization with a secretary and without a venue (the demo records none); the last such one, so
  // that the other basics spec's organization (the first) is not this one.
  const board = await query<{ rows: BoardRow[] }>(page.request, "basics.board");
  const org = board.rows.filter((r) => r.check.team.ok && !r.check.venue.ok).at(-1);
  expect(org, "an organization with a secretary and no venue").toBeDefined();
  const detail = await query<{
    heldMembers: { id: number; name: string }[];
    committee: { memberId: number }[];
    reserveCadres: { memberId: number }[];
    rules: { rule: string }[];
  }>(page.request, "basics.org", { orgId: org!.orgId });
  // A member on neither the committee nor the reserve list (the demo records both), whose name is unique.
  const taken = new Set([...detail.committee, ...detail.reserveCadres].map((x) => x.memberId));
  const cadre = detail.heldMembers
    .filter((m) => !taken.has(m.id))
    .filter((m) => detail.heldMembers.filter((x) => x.name === m.name).length === 1)
    .at(-1)!;
  expect(cadre, "a member of the organization on no list yet").toBeDefined();
  // A rule the organization has not adopted (the demo records most of them).
  const inForce = new Set(detail.rules.map((r) => r.rule));
  const ruleLabel = Object.entries(RULE_LABELS).find(([k]) => !inForce.has(k))?.[1];
  expect(ruleLabel, "a rule not adopted yet").toBeDefined();

  await page.getByTestId("nav-menu").getByRole("link", { name: "五个基本" }).click();
  await page
    .getByTestId("basics-rows")
    .getByRole("link", { name: org!.orgName, exact: true })
    .first()
    .click();
  await expect(page.getByTestId("basic-venue")).toHaveText("未达到");
  const orgUrl = page.url();

  // The secretary's kind and source.
  const profile = page.getByTestId("secretary-profile-form");
  await selectOption(page, profile, "书记类别", "专职");
  await selectOption(page, profile, "书记来源", "选派");
  await save(profile);
  await expect(profile.getByTestId("form-notice")).toBeVisible();
  await expect(page.getByTestId("secretary-detail")).toContainText("专职 · 选派");

  // The allowance: a wrong amount is refused under its field with the server's words, then 800 元 a month.
  const allowance = page.getByTestId("allowance-form");
  await allowance.getByLabel("津贴(元/月)").fill("八百");
  await save(allowance);
  await expect(allowance.locator(".ant-form-item-explain-error")).toContainText(
    "津贴(元/月)应不小于0,最多两位小数",
  );
  await allowance.getByLabel("津贴(元/月)").fill("800");
  await save(allowance);
  await expect(allowance.getByTestId("form-notice")).toBeVisible();
  await expect(page.getByTestId("secretary-detail")).toContainText("津贴800.00元/月");

  // A reserve cadre named a month ago, then no longer one today (after the confirmation).
  const reserve = page.getByTestId("reserve-form");
  await selectOption(page, reserve, "党员", cadre.name, { search: true });
  await fillDate(reserve.getByLabel("确定日期"), addDaysIso(E2E_TODAY, -30));
  await save(reserve, "确定后备干部");
  await expect(reserve.getByTestId("form-notice")).toBeVisible();
  const reserveRow = page.getByTestId("reserve-table").getByRole("row").filter({ hasText: cadre.name });
  await expect(reserveRow).toHaveCount(1);
  // Named again: the domain's refusal stands under the member's field.
  await selectOption(page, reserve, "党员", cadre.name, { search: true });
  await save(reserve, "确定后备干部");
  await expect(reserve.locator(".ant-form-item-explain-error")).toHaveText(
    `${cadre.name}已是本组织的后备干部`,
  );
  await expect(reserveRow).toHaveCount(1);
  await endAndConfirm(page, reserveRow.getByRole("button", { name: "不再列为后备干部" }));
  await expect(reserveRow).toHaveCount(0);

  // A committee post held since a month ago, ended today; a rule adopted a month ago, dropped today.
  const committee = page.getByTestId("committee-form");
  await selectOption(page, committee, "党员", cadre.name, { search: true });
  await selectOption(page, committee, "职务", "组织委员");
  await fillDate(committee.getByLabel("任职日期"), addDaysIso(E2E_TODAY, -30));
  await save(committee, "任命班子成员");
  const committeeRow = page.getByTestId("committee-table").getByRole("row").filter({ hasText: cadre.name });
  await expect(committeeRow).toContainText("组织委员");
  await endAndConfirm(page, committeeRow.getByRole("button", { name: "免去职务" }));
  await expect(committeeRow).toHaveCount(0);

  const rules = page.getByTestId("rule-form");
  await selectOption(page, rules, "制度", ruleLabel!);
  await fillDate(rules.getByLabel("建立日期"), addDaysIso(E2E_TODAY, -30));
  await save(rules, "建立制度");
  const ruleRow = page.getByTestId("rules-table").getByRole("row").filter({ hasText: ruleLabel! });
  await expect(ruleRow).toContainText(addDaysIso(E2E_TODAY, -30));
  await endAndConfirm(page, ruleRow.getByRole("button", { name: /^废\s*止$/ }));
  await expect(ruleRow).toHaveCount(0);

  // A shared venue: created 不达标 two months ago, checked 达标 today, linked to the organization.
  const venueName = `党群服务中心${unique()}`;
  await page.goto("/work/basics");
  await page.getByTestId("shared-venues-link").click();
  await expect(page.getByRole("heading", { name: "区域党群服务中心(共享活动场所)" })).toBeVisible();
  const create = page.getByTestId("create-shared-venue-form");
  await create.getByLabel("场所名称").fill(venueName);
  await fillDate(create.getByLabel("检查日期"), addDaysIso(E2E_TODAY, -60));
  await pickExact(page, create, "状况", "不达标");
  await save(create, "建立党群服务中心");
  await expect(create.getByTestId("form-notice")).toBeVisible();
  const venueRow = page.getByTestId("shared-venues").getByRole("row").filter({ hasText: venueName });
  await expect(venueRow).toContainText("不达标");

  const check = page.getByTestId("check-shared-venue-form");
  await selectOption(page, check, "党群服务中心", venueName, { search: true });
  await pickExact(page, check, "状况", "达标");
  await check.getByLabel("电教设备").check();
  await save(check, "登记检查结果");
  await expect(check.getByTestId("form-notice")).toBeVisible();
  await expect(venueRow).not.toContainText("不达标");
  await expect(venueRow).toContainText(`达标${E2E_TODAY}`);

  const link = page.getByTestId("link-venue-form");
  await selectOption(page, link, "党群服务中心", venueName, { search: true });
  await selectOption(page, link, "党组织", org!.orgName, { search: true });
  await fillDate(link.getByLabel("共享开始日期"), addDaysIso(E2E_TODAY, -30));
  await save(link, "共享给党组织");
  await expect(link.getByTestId("form-notice")).toBeVisible();
  await expect(venueRow).toContainText(`${E2E_TODAY}1`);

  // The organization's venue basic holds through the shared venue; ending the link, it fails again.
  await page.goto(orgUrl);
  await expect(page.getByTestId("basic-venue")).toHaveText("达到");
  const linkRow = page.getByTestId("linked-venues").getByRole("row").filter({ hasText: venueName });
  await expect(linkRow).toContainText("达标");
  await endAndConfirm(page, linkRow.getByRole("button", { name: "停止共享" }));
  await expect(linkRow).toHaveCount(0);
  await expect(page.getByTestId("basic-venue")).toHaveText("未达到");

  // A secretary of another township: the organization's page is not there.
  const account = otherTownshipSecretary();
  const other = await browser.newPage({ baseURL });
  await login(other, account.username, account.password);
  await expect(other.getByTestId("current-user")).toBeVisible();
  const res = await other.goto(`/work/basics/${org!.orgId}`);
  expect(res?.status()).toBe(404);
  // Its list of shared venues holds none of the township's, and a secretary creates none.
  const list = await other.goto("/work/basics/venues");
  expect(list?.status()).toBe(200);
  await expect(other.getByTestId("shared-venues")).toContainText("本单位及下级尚未建立党群服务中心");
  await expect(other.getByTestId("shared-venues")).not.toContainText(venueName);
  await expect(other.getByTestId("create-shared-venue-form")).toHaveCount(0);
  await other.close();
});
