/**
 * The exports run as jobs (issue 20): start one over tRPC as the page does, wait for it, fetch its file.
 * For specs that download the ledger or the import-format workbook outside the page.
 */
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";

export interface ExportJobState {
  state: string;
  done: number;
  total: number;
  hasFile: boolean;
  summary: { rows?: number } | null;
}

export async function exportJobState(request: APIRequestContext, id: number): Promise<ExportJobState> {
  const input = encodeURIComponent(JSON.stringify({ json: { id } }));
  const res = await request.get(`/api/trpc/io.job?input=${input}`);
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { data: { json: ExportJobState } } }).result.data.json;
}

/**
 * Start an export of `format` for the signed-in user and, once it is done, fetch its file. A refusal to
 * start (the import format below the county, a non-administrator) is returned as that response.
 */
export async function exportViaJob(
  request: APIRequestContext,
  origin: string,
  format: "ledger" | "import",
): Promise<APIResponse> {
  const started = await request.post("/api/trpc/io.startExport", {
    headers: { origin },
    data: { json: format === "import" ? { format, confirm: true } : { format } },
  });
  if (!started.ok()) return started;
  const { id } = ((await started.json()) as { result: { data: { json: { id: number } } } }).result.data.json;
  await expect
    .poll(async () => (await exportJobState(request, id)).state, { timeout: 120_000, intervals: [250] })
    .toMatch(/^(succeeded|failed)$/);
  expect((await exportJobState(request, id)).state).toBe("succeeded");
  return request.get(`/api/io/jobs/${id}/file`);
}
