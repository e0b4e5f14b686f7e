import { expect, test } from "@playwright/test";
import { loginAndWait, selectOption } from "./helpers.ts";
import { E2E_TODAY, unique } from "./clock.ts";
import { readDb } from "./accounts-kit.ts";

/**
 * Issue 19, items 1 and 2: the township founds a joint branch over three hosts in one step, from its
 * organizations page: the code is suggested (the next free number under the township, computed here from
 * the database), the founding day is picked in the date picker's calendar, the hosts are searched and
 * chosen in one multi-select.
 */
test("the township founds a joint branch covering three hosts in one step, with the suggested code and a picked date", async ({
  page,
}) => {
  const township = readDb((db) =>
    db
      .prepare(
        "select o.id, o.code from orgs o join users u on u.org_id = o.id where u.username = 'township'",
      )
      .get(),
  ) as { id: number; code: string };
  const series = `D${township.code.slice(1)}`;

  await loginAndWait(page, "township");
  await page.getByTestId("nav-menu").getByRole("link", { name: "党组织", exact: true }).click();
  await page.getByTestId("new-org-link").click();
  const create = page.getByTestId("create-org");

  // The next free code of the township's series fills the code field.
  const highest = readDb((db) =>
    db.prepare("select max(code) from orgs where code glob ?").pluck().get(`${series}[0-9][0-9][0-9]`),
  ) as string;
  const expected = `${series}${String(Number(highest.slice(-3)) + 1).padStart(3, "0")}`;
  await expect(create.getByLabel("组织代码")).toHaveValue(expected);
  await expect(create).toContainText(`建议代码:${expected}`);

  const name = `中共柳林镇联合测试支部委员会${unique().slice(0, 6)}`;
  await create.getByLabel("名称").fill(name);
  await selectOption(page, create, "组织类别", "联合党支部");
  await selectOption(page, create, "组建方式", "联合建");

  // The founding day from the calendar: the first of the demo day's month.
  const foundedOn = `${E2E_TODAY.slice(0, 8)}01`;
  await create.getByLabel("成立日期").click();
  await page.locator(`.ant-picker-dropdown:visible td[title="${foundedOn}"]`).click();
  await expect(create.getByLabel("成立日期")).toHaveValue(foundedOn);

  // Three hosts, searched by name among the territory's uncovered ones, in one multi-select.
  const hosts = readDb((db) =>
    db
      .prepare(
        `select h.id, h.name from hosts h join regions r on r.id = h.region_id
         where r.path glob (select path || '*' from regions where id = (select region_id from orgs where id = ?))
           and h.closed_on is null and h.founded_on < ?
           and not exists (select 1 from coverages c where c.host_id = h.id and (c.end_on is null or c.end_on > ?))
         order by h.id limit 3`,
      )
      .all(township.id, foundedOn, foundedOn),
  ) as { id: number; name: string }[];
  expect(hosts).toHaveLength(3);
  const picker = create.getByLabel("覆盖的两新组织");
  for (const host of hosts) {
    await picker.fill(host.name);
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title*="${host.name}"]`).click();
    await expect(create.locator(".ant-select-selection-item", { hasText: host.name })).toBeVisible();
  }
  await create.getByTestId("create-org-submit").click();

  // The new organization's page: its code, and the three hosts it covers.
  await expect(page).toHaveURL(/\/orgs\/\d+$/);
  await expect(page.getByTestId("org-detail")).toContainText(name);
  await expect(page.getByTestId("org-detail")).toContainText(expected);
  const covered = page.getByTestId("covered-hosts");
  for (const host of hosts) await expect(covered).toContainText(host.name);
  await expect(covered.locator("tbody tr.ant-table-row")).toHaveCount(3);
  const written = readDb((db) =>
    db
      .prepare(
        "select c.host_id as hostId, c.start_on as startOn from coverages c join orgs o on o.id = c.org_id where o.code = ? order by c.host_id",
      )
      .all(expected),
  );
  expect(written).toEqual(hosts.map((h) => ({ hostId: h.id, startOn: foundedOn })));
});
