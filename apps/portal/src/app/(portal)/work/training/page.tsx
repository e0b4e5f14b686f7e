import Link from "next/link";
import { isManagement, TRAINING_KIND_LABELS, type OrgCategory } from "@liangxin/domain";
import { Card } from "antd";
import { DataTable } from "@/components/data-table";
import { requirePage } from "@/server/caller";
import { CreateTrainingForm } from "./training-forms.tsx";
import { trainingPageMessages as m } from "./messages.ts";

/** 培训: the trainings organized by the caller's node and below, and the form to register one. */
export default async function TrainingPage() {
  const { caller } = await requirePage("/work/training");
  const [list, shares] = await Promise.all([caller.training.list(), caller.training.shares()]);
  const organizers = [shares.node, ...shares.rows]
    .filter((r) => isManagement(r.category as OrgCategory))
    .map((r) => ({ id: r.orgId, name: r.name }));
  return (
    <div>
      <h2>{m.title}</h2>
      <div style={{ color: "#666", marginBottom: 12 }}>{m.intro}</div>
      <CreateTrainingForm organizers={organizers} today={shares.on} />
      <Card size="small">
        <DataTable
          testId="training-list"
          emptyText={m.none}
          pageSize={50}
          columns={[
            { key: "title", title: m.name },
            { key: "kind", title: m.kind },
            { key: "organizer", title: m.organizer },
            { key: "dates", title: m.dates },
            { key: "place", title: m.place },
            { key: "hours", title: m.hours },
            { key: "participants", title: m.participants },
          ]}
          rows={list.map((t) => ({
            key: t.id,
            title: { link: `/work/training/${t.id}`, text: t.title, testId: `training-${t.id}` },
            kind: TRAINING_KIND_LABELS[t.kind],
            organizer: t.organizerName,
            dates: t.startOn === t.endOn ? t.startOn : `${t.startOn} 至 ${t.endOn}`,
            place: t.place,
            hours: t.hours,
            participants: t.participants,
          }))}
        />
      </Card>
      <Link href="/">{"返回首页"}</Link>
    </div>
  );
}
