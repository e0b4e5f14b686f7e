"use client";

import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Popconfirm, Progress, Space, Table, Typography, Upload } from "antd";
import { useTRPC } from "@/trpc/react";
import { ioPageMessages as m } from "@/app/io-messages";

const MAX_BYTES = 20 * 1024 * 1024;

interface ErrorRow {
  sheet: string;
  row: number | null;
  column: string;
  value: string;
  reason: string;
}

type ExportFormat = "ledger" | "import";

/** A job of the caller (import or export), polled every half second until it has succeeded or failed. */
function useJob(id: number) {
  const trpc = useTRPC();
  const job = useQuery(
    trpc.io.job.queryOptions(
      { id },
      {
        refetchInterval: (q) => {
          const s = q.state.data?.state;
          return s === "succeeded" || s === "failed" ? false : 500;
        },
        staleTime: 0,
      },
    ),
  );
  return job.data;
}

/**
 * An export job of the caller: its progress (rows written of the total, as the import's), then a link to
 * its file, or why it failed.
 */
function ExportStatus({ id, format }: { id: number; format: ExportFormat }) {
  const d = useJob(id);
  if (!d) return null;
  const percent =
    d.state === "succeeded" ? 100 : d.total > 0 ? Math.min(99, Math.floor((d.done / d.total) * 100)) : 0;
  const rows = (d.summary as { rows?: number } | null)?.rows ?? 0;
  const text =
    d.state === "queued"
      ? m.exportQueued
      : d.state === "running"
        ? d.total > 0
          ? `${m.exportRunning(d.stage ?? "")},${m.exportProgress(d.done, d.total, m.exportUnit[format])}`
          : m.exportPreparing
        : d.state === "succeeded"
          ? m.exportDone(rows)
          : "";
  return (
    <div
      style={{ marginTop: 16 }}
      data-testid="export-progress"
      data-state={d.state}
      data-done={d.done}
      data-total={d.total}
    >
      <Progress
        percent={percent}
        status={d.state === "failed" ? "exception" : d.state === "succeeded" ? "success" : "active"}
      />
      <Space wrap>
        <Typography.Text type="secondary" data-testid="export-progress-text">
          {text}
        </Typography.Text>
        {d.hasFile ? (
          <Button
            type="primary"
            size="small"
            href={`/api/io/jobs/${d.id}/file`}
            download={d.fileName ?? true}
            data-testid="export-download"
          >
            {m.downloadExport}
          </Button>
        ) : null}
      </Space>
      {d.state === "failed" ? (
        <Alert
          type="error"
          showIcon
          title={m.exportFailed}
          description={(d.errors[0] as ErrorRow | undefined)?.reason}
          data-testid="export-failed"
          style={{ marginTop: 8 }}
        />
      ) : null}
    </div>
  );
}

function Downloads({ canExportFullIds }: { canExportFullIds: boolean }) {
  const trpc = useTRPC();
  const [job, setJob] = useState<{ id: number; format: ExportFormat } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = useMutation(trpc.io.startExport.mutationOptions());
  const run = (format: ExportFormat) => {
    setError(null);
    start.mutate(format === "import" ? { format, confirm: true } : { format }, {
      onSuccess: (r) => setJob({ id: r.id, format }),
      onError: (e) => setError(e.message || m.exportStartFailed),
    });
  };
  return (
    <Card title={m.downloads}>
      <Space wrap>
        <Button href="/api/io/template" data-testid="download-template">
          {m.template}
        </Button>
        <Button
          type="primary"
          loading={start.isPending && start.variables?.format === "ledger"}
          onClick={() => run("ledger")}
          data-testid="export-ledger"
        >
          {m.exportLedger}
        </Button>
        {canExportFullIds ? (
          <Popconfirm
            title={m.exportImportConfirmTitle}
            description={m.exportImportConfirm}
            okText={m.exportImportOk}
            cancelText={m.cancel}
            onConfirm={() => run("import")}
          >
            <Button
              loading={start.isPending && start.variables?.format === "import"}
              data-testid="export-import"
            >
              {m.exportImport}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {m.downloadsHint}
        {m.exportJobHint}
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="export-error" />
      ) : null}
      {job ? <ExportStatus key={job.id} id={job.id} format={job.format} /> : null}
    </Card>
  );
}

function JobStatus({ id }: { id: number }) {
  const d = useJob(id);
  if (!d) return null;
  const percent = d.total > 0 ? Math.round((d.done / d.total) * 100) : 0;
  const summary = d.summary as { created?: number; updated?: number; unchanged?: number } | null;
  return (
    <div style={{ marginTop: 16 }}>
      <div data-testid="import-progress" data-state={d.state} data-percent={percent}>
        <Progress
          percent={percent}
          status={d.state === "failed" ? "exception" : d.state === "succeeded" ? "success" : "active"}
        />
        <Typography.Text type="secondary">
          {d.state === "queued" ? m.queued : d.state === "running" ? `${m.running}:${d.stage ?? ""}` : ""}
        </Typography.Text>
      </div>
      {d.state === "succeeded" && summary ? (
        <Alert
          type="success"
          showIcon
          title={m.succeeded}
          description={m.summary(summary.created ?? 0, summary.updated ?? 0, summary.unchanged ?? 0)}
          data-testid="import-succeeded"
        />
      ) : null}
      {d.state === "failed" ? (
        <div data-testid="import-errors">
          <Alert
            type="error"
            showIcon
            title={m.failed(d.errorCount)}
            action={
              d.hasReport ? (
                <Button size="small" href={`/api/io/jobs/${d.id}/errors`} data-testid="download-errors">
                  {m.downloadErrors}
                </Button>
              ) : null
            }
          />
          <Table<ErrorRow>
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(_r, i) => String(i)}
            dataSource={d.errors as ErrorRow[]}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: m.columns.sheet, dataIndex: "sheet", width: 140 },
              { title: m.columns.row, dataIndex: "row", width: 80 },
              { title: m.columns.column, dataIndex: "column", width: 160 },
              { title: m.columns.value, dataIndex: "value", width: 200 },
              { title: m.columns.reason, dataIndex: "reason" },
            ]}
          />
        </div>
      ) : null}
    </div>
  );
}

export function ImportPanel({ canExportFullIds }: { canExportFullIds: boolean }) {
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <App>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Downloads canExportFullIds={canExportFullIds} />
        <Card title={m.upload}>
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            data-testid="import-upload"
            beforeUpload={(file) => {
              setError(null);
              if (!/\.xlsx$/i.test(file.name)) {
                setError(m.onlyXlsx);
                return Upload.LIST_IGNORE;
              }
              if (file.size > MAX_BYTES) {
                setError(m.tooLarge);
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={async ({ file }) => {
              setBusy(true);
              setJobId(null);
              try {
                const body = new FormData();
                body.append("file", file as File);
                const res = await fetch("/api/io/import", { method: "POST", body });
                const json = (await res.json().catch(() => ({}))) as { id?: number; message?: string };
                if (!res.ok || typeof json.id !== "number") setError(json.message ?? m.uploadFailed);
                else setJobId(json.id);
              } catch {
                setError(m.uploadFailed);
              } finally {
                setBusy(false);
              }
            }}
          >
            <p style={{ fontSize: 16 }}>{m.uploadHint}</p>
            <p style={{ color: "#999" }}>{m.uploadRules}</p>
          </Upload.Dragger>
          {error ? (
            <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="upload-error" />
          ) : null}
          {jobId !== null ? <JobStatus id={jobId} /> : null}
        </Card>
      </Space>
    </App>
  );
}
