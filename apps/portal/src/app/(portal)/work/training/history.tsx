import { Card } from "antd";
import { TRAINING_KIND_LABELS, type TrainingKind } from "@liangxin/domain";
import { DataTable } from "@/components/data-table";
import { trainingPageMessages as m } from "./messages.ts";

export interface HistoryRow {
  id: number;
  organizerName: string;
  title: string;
  kind: TrainingKind;
  startOn: string;
  endOn: string;
  hours: number | null;
  inScope: boolean;
}

/** A person's training history (member, instructor, a host's 出资人), on their page. */
export function TrainingHistory({
  rows,
  title = m.history,
}: {
  rows: readonly HistoryRow[];
  title?: string;
}) {
  return (
    <Card size="small" title={title} data-testid="training-history">
      <DataTable
        emptyText={m.noHistory}
        columns={[
          { key: "title", title: m.name },
          { key: "kind", title: m.kind },
          { key: "organizer", title: m.organizer },
          { key: "dates", title: m.dates },
          { key: "hours", title: m.hours },
        ]}
        rows={rows.map((t) => ({
          key: t.id,
          title: t.inScope ? { link: `/work/training/${t.id}`, text: t.title } : t.title,
          kind: TRAINING_KIND_LABELS[t.kind],
          organizer: t.organizerName,
          dates: t.startOn === t.endOn ? t.startOn : `${t.startOn} 至 ${t.endOn}`,
          hours: t.hours,
        }))}
      />
    </Card>
  );
}
