import Link from "next/link";
import { Alert, Card, Descriptions } from "antd";
import { requirePage } from "@/server/caller";
import { idParam, orNotFound, orWhenDenied, str } from "@/server/guard";
import { L } from "@/roles/labels";
import { rm } from "@/roles/messages";
import { lx } from "@/app/ledger-messages";
import { EditMemberForm, StatusForm, TransferRequestForm } from "../member-forms.tsx";
import { TrainingHistory } from "../../work/training/history.tsx";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** A member of the caller's subtree. `?reveal=1` unmasks the citizen ID for an administrator (audited). */
export default async function MemberPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Search;
}) {
  const { caller } = await requirePage("/members");
  const id = idParam((await params).id);
  const m = await orNotFound(caller.members.get({ id }));
  const { today } = await caller.work.context();
  const reveal = str((await searchParams).reveal) === "1" && m.canUnmask;
  const idNumber = reveal ? (await orNotFound(caller.members.unmask({ id }))).idNumber : m.idNumberMasked;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Card
        title={`${rm.nav.members}:${m.name}`}
        data-testid="member-detail"
        extra={<Link href="/members/transfers">{lx.transferList}</Link>}
      >
        {reveal ? (
          <Alert type="warning" showIcon title={rm.unmaskedNotice} style={{ marginBottom: 16 }} />
        ) : null}
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={rm.idNumber}>
            <span data-testid="id-number">{idNumber}</span>
            {!reveal && m.canUnmask ? (
              <Link href={`/members/${id}?reveal=1`} style={{ marginLeft: 8 }}>
                {rm.unmask}
              </Link>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={rm.gender}>{L.gender(m.gender)}</Descriptions.Item>
          <Descriptions.Item label={rm.birthDate}>{L.date(m.birthDate)}</Descriptions.Item>
          <Descriptions.Item label={rm.joinedOn}>{m.joinedOn}</Descriptions.Item>
          <Descriptions.Item label={rm.fullOn}>{L.date(m.fullOn)}</Descriptions.Item>
          <Descriptions.Item label={rm.holdingOrg}>
            <span data-testid="member-holding-org">
              {m.orgId ? <Link href={`/orgs/${m.orgId}`}>{m.orgName}</Link> : (m.outsideOrgName ?? "—")}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={rm.workplace}>{m.workHostName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.jobCategory}>{L.job(m.jobCategory)}</Descriptions.Item>
          <Descriptions.Item label={rm.status}>
            <span data-testid="member-status-label">{L.status(m.status)}</span> {m.statusOn ?? ""}
          </Descriptions.Item>
          <Descriptions.Item label={rm.phone}>{m.phone ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={rm.flags}>
            {[m.mobile ? "流动党员" : null, m.lostContact ? "失联" : null, m.pocket ? "口袋党员" : null]
              .filter(Boolean)
              .join("、") || "—"}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <EditMemberForm member={m} />
      <StatusForm member={m} today={today} />
      {m.status === "normal" ? <TransferRequestForm memberId={m.id} today={today} /> : null}
      <TrainingHistory rows={await orWhenDenied(caller.training.history({ memberId: m.id }), [])} />
    </div>
  );
}
