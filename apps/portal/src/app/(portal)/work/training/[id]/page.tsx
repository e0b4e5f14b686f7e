import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, Descriptions } from "antd";
import { TRAINING_KIND_LABELS } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { AddParticipantForm, ParticipantsTable } from "../training-forms.tsx";
import { trainingPageMessages as m } from "../messages.ts";
import { orNotFound } from "@/server/guard";

/** One training: its fields, its participants (remove one) and the picker to add one. */
export default async function TrainingDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const { caller } = await requirePage("/work/training");
  const got = await orNotFound(caller.training.get({ id }));
  const t = got.training;
  return (
    <div>
      <Link href="/work/training">{m.back}</Link>
      <h2 data-testid="training-title-heading">{t.title}</h2>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={m.organizer}>{t.organizerName}</Descriptions.Item>
        <Descriptions.Item label={m.kind}>{TRAINING_KIND_LABELS[t.kind]}</Descriptions.Item>
        <Descriptions.Item label={m.dates}>
          {t.startOn === t.endOn ? t.startOn : `${t.startOn} 至 ${t.endOn}`}
        </Descriptions.Item>
        <Descriptions.Item label={m.place}>{t.place ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={m.hours}>{t.hours ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={m.participants}>{got.participants.length}</Descriptions.Item>
      </Descriptions>
      <AddParticipantForm trainingId={t.id} />
      <Card size="small" title={m.participantList}>
        <ParticipantsTable
          rows={got.participants.map((p) => ({
            id: p.id,
            kind: p.kind,
            name: p.name,
            unit: p.unit,
            link:
              p.memberId !== null
                ? `/members/${p.memberId}`
                : p.instructorId !== null
                  ? `/instructors/${p.instructorId}`
                  : p.hostId !== null
                    ? `/hosts/${p.hostId}`
                    : null,
          }))}
        />
      </Card>
    </div>
  );
}
