import { expect, test, type Page } from "@playwright/test";
import { gotoHome, loginAndWait, sameOrigin } from "./helpers.ts";
import { otherTownshipAdmin, query } from "./trpc-kit.ts";
import { unique } from "./clock.ts";

interface Share {
  total: number;
  trained: number;
  share: number | null;
}
interface Shares {
  node: { orgId: number; name: string };
  rows: { orgId: number; name: string; category: string; secretaries: Share }[];
}
interface Person {
  memberId: number | null;
  name: string;
  unit: string | null;
}

/** The trained count shown on the dashboard for a row's secretaries ("40.0%(4/10人)"). */
const trainedShown = async (page: Page, orgId: number) =>
  Number(/((\d+)\/\d+人)/.exec(await page.getByTestId(`secretary-share-${orgId}`).innerText())?.[1] ?? NaN);

test("the county records a 书记培训 with secretaries of two townships: each township's trained share rises; another township does not see the training", async ({
  page,
  browser,
  baseURL,
}) => {
  // Two accounts sign in and the dashboard is read three times: more than the default minute on a busy runner.
  test.setTimeout(180_000);
  await loginAndWait(page, "county");
  const shares = await query<Shares>(page.request, "training.shares");
  const liulin = shares.rows.find((r) => r.name.includes("柳林镇"))!;
  const shiqiao = shares.rows.find((r) => r.name.includes("石桥镇"))!;
  expect(liulin && shiqiao, "柳林镇 and 石桥镇 on the county's rows").toBeTruthy();
  // Secretaries not yet trained this year (the demo trains part of each township's).
  const untrained = async (orgId: number) =>
    (await query<Person[]>(page.request, "training.untrained", { orgId, group: "secretary" })).filter(
      (p) => p.memberId !== null,
    );
  const liulinUntrained = await untrained(liulin.orgId);
  const a = liulinUntrained.slice(0, 2);
  const b = (await untrained(shiqiao.orgId)).slice(0, 1);
  expect(a.length).toBe(2);
  expect(b.length).toBe(1);

  await gotoHome(page);
  await expect(page.getByTestId("dashboard-training")).toBeVisible();
  const beforeA = await trainedShown(page, liulin.orgId);
  const beforeB = await trainedShown(page, shiqiao.orgId);

  await page.getByTestId("nav-menu").getByRole("link", { name: "培训" }).click();
  await expect(page.getByRole("heading", { name: "培训" })).toBeVisible();
  const form = page.getByTestId("create-training-form");
  const title = `两新党组织书记培训班${unique()}`;
  await form.getByTestId("training-title").fill(title);
  await form.getByRole("button", { name: "登记培训" }).click();
  await expect(page).toHaveURL(/\/work\/training\/\d+$/);
  await expect(page.getByTestId("training-title-heading")).toHaveText(title);
  const trainingId: number = Number(/\/work\/training\/(\d+)$/.exec(page.url())![1]);

  // The first participant through the picker (one whose name no other candidate bears), the others over
  // the same API.
  const picker = page.getByTestId("add-participant-form");
  let first = a[0]!;
  for (const p of a) {
    const found = await query<{ members: { memberId: number; name: string }[] }>(
      page.request,
      "training.candidates",
      {
        trainingId,
        q: p.name,
      },
    );
    if (found.members.filter((x) => x.name === p.name).length === 1) {
      first = p;
      break;
    }
  }
  const rest = [...a.filter((p) => p !== first), ...b];
  await expect(async () => {
    await picker.locator("input").first().fill(first.name);
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title*="${first.name}"]`)
      .first()
      .click({ timeout: 3_000 });
    await expect(picker.getByTestId("add-participant")).toBeEnabled({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await picker.getByTestId("add-participant").click();
  await expect(page.getByTestId("training-participants")).toContainText(first.name);
  for (const p of rest) {
    const res = await page.request.post("/api/trpc/training.addParticipant", {
      headers: sameOrigin(baseURL),
      data: { json: { trainingId, kind: "member", personId: p.memberId } },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  await page.reload();
  await expect(page.getByTestId("training-participants")).toContainText(b[0]!.name);

  await gotoHome(page);
  await expect.poll(() => trainedShown(page, liulin.orgId)).toBe(beforeA + 2);
  await expect.poll(() => trainedShown(page, shiqiao.orgId)).toBe(beforeB + 1);

  // Another township's administrator: the county's training does not exist for it (404 by URL).
  const other = await otherTownshipAdmin(browser, baseURL);
  const res = await other.goto(`/work/training/${trainingId}`);
  expect(res?.status()).toBe(404);
  await other.close();
});
