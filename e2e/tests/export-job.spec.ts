/**
 * Issue 20, item 1: a long export runs as a job with progress, like the import. The township starts its
 * ledger export on the import page, sees its progress there, and downloads the file when it is done: one
 * row per host of the hosts list (共 N 条, less the rows it lists outside the territory for reference). The job and its file belong to the township's administrator:
 * another user asking for them finds nothing.
 */
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { loginAndWait } from "./helpers.ts";
import { exportJobState } from "./export-jobs.ts";

test("the township's ledger export runs as a job: progress in the page, then the file", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await loginAndWait(page, "township");
  await page.goto("/hosts");
  const listed = Number(/共 (\d+) 条/.exec(await page.getByTestId("pager-position").innerText())?.[1]);
  expect(listed).toBeGreaterThan(0);
  const note = await page.getByTestId("hosts-count-explained").innerText();
  const inTerritory = Number(/本辖区今日在营的 (\d+) 个/.exec(note)?.[1]);

  await page.goto("/import");
  const started = page.waitForResponse((r) => r.url().includes("/api/trpc/io.startExport"));
  await page.getByTestId("export-ledger").click();
  const startedBody = (await (await started).json()) as
    { result: { data: { json: { id: number } } } } | { result: { data: { json: { id: number } } } }[];
  const id = (Array.isArray(startedBody) ? startedBody[0]! : startedBody).result.data.json.id;
  expect(id).toBeGreaterThan(0);

  // The page shows the job's progress until it is done: an antd Progress and what it is doing.
  const progress = page.getByTestId("export-progress");
  await expect(progress.locator(".ant-progress")).toBeVisible();
  const seen: string[] = [];
  for (let i = 0; i < 600; i++) {
    const state = (await progress.getAttribute("data-state")) ?? "";
    if (seen.at(-1) !== state) seen.push(state);
    if (state === "succeeded" || state === "failed") break;
    await page.waitForTimeout(100);
  }
  expect(seen[0], `states seen: ${seen.join(" → ")}`).toMatch(/^(queued|running)$/);
  expect(seen.at(-1)).toBe("succeeded");
  await expect(progress.locator(".ant-progress")).toHaveAttribute("aria-valuenow", "100");
  await expect(progress).toHaveAttribute("data-done", String(inTerritory));
  await expect(progress).toHaveAttribute("data-total", String(inTerritory));
  await expect(page.getByTestId("export-progress-text")).toHaveText(`导出完成,共 ${inTerritory} 行`);

  const download = page.waitForEvent("download");
  await page.getByTestId("export-download").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^非公企业党建工作台账-.+\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await file.path())!);
  const ws = wb.worksheets[0]!;
  let hosts = 0;
  ws.eachRow((row) => {
    if (typeof row.getCell(1).value === "number") hosts++;
  });
  // One row per host the ledger counts: the hosts list's 共 N 条, less the rows outside the territory that
  // the list shows for reference only (its note names them: "另 K 个在辖区外").
  const outside = Number(/另 (\d+) 个在辖区外/.exec(note)?.[1] ?? 0);
  expect(hosts).toBe(listed - outside);
  expect(hosts).toBe(inTerritory);

  // Another administrator (the county above the township) finds neither the job nor its file.
  const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const otherPage = await other.newPage();
    await loginAndWait(otherPage, "county");
    expect((await otherPage.request.get(`/api/io/jobs/${id}/file`)).status()).toBe(404);
    const input = encodeURIComponent(JSON.stringify({ json: { id } }));
    expect((await otherPage.request.get(`/api/trpc/io.job?input=${input}`)).status()).toBe(404);
  } finally {
    await other.close();
  }
  // The owner still has it.
  expect((await exportJobState(page.request, id)).hasFile).toBe(true);
});
