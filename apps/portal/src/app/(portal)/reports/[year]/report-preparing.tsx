"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Progress, Typography } from "antd";
import { useTRPC } from "@/trpc/react";
import { reportPageMessages as m } from "../messages.ts";

/**
 * A long report being computed in the background (report.progress): its stage, asked again every second
 * (as the import's progress), and the page shown as soon as it is ready.
 */
export function ReportPreparing({ nodeId, year, title }: { nodeId: number; year: number; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const progress = useQuery(
    trpc.report.progress.queryOptions(
      { nodeId, year },
      {
        refetchInterval: (q) => (q.state.data?.state === "ready" ? false : 1000),
        staleTime: 0,
      },
    ),
  );
  const d = progress.data;
  useEffect(() => {
    if (d?.state === "ready") router.refresh();
  }, [d?.state, router]);
  const percent = d ? Math.min(99, Math.floor((d.done / d.total) * 100)) : 0;
  return (
    <Card data-testid="report-preparing" data-state={d?.state ?? "running"} data-done={d?.done ?? 0}>
      <h2 style={{ textAlign: "center", margin: "8px 0" }} data-testid="report-title">
        {title}
      </h2>
      {d?.state === "failed" ? (
        <Alert
          type="error"
          showIcon
          message={m.preparingFailed}
          description={d.error}
          action={
            <Button size="small" onClick={() => void progress.refetch()}>
              {m.preparingRetry}
            </Button>
          }
        />
      ) : (
        <>
          <Typography.Paragraph strong>{m.preparing}</Typography.Paragraph>
          <Progress percent={percent} status="active" />
          <Typography.Text type="secondary" data-testid="report-preparing-stage">
            {d?.stage ? m.preparingStage(d.stage, d.done, d.total) : ""}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {m.preparingHint}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
