import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, Descriptions, Tag } from "antd";
import {
  BASIC_LABELS,
  BASICS,
  COMMITTEE_POST_LABELS,
  formatFen,
  FUND_SOURCE_LABELS,
  ORG_RULE_LABELS,
  SECRETARY_KIND_LABELS,
  SECRETARY_SOURCE_LABELS,
  VENUE_EQUIPMENT_LABELS,
  VENUE_STATUS_LABELS,
} from "@liangxin/domain";
import { CellTable } from "@/components/data-table";
import { requirePage } from "@/server/caller";
import { CommitteeForm, FundsForm, RuleForm, VenueForm } from "../basics-forms.tsx";
import { basicsPageMessages as m } from "../messages.ts";

/** One grassroots organization's five basics today, the records behind them, and the forms to record them. */
export default async function OrgBasicsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId: raw } = await params;
  const orgId = Number(raw);
  if (!Number.isInteger(orgId) || orgId <= 0) notFound();
  const { caller } = await requirePage("/work/basics");
  const b = await caller.basics.org({ orgId }).catch(() => null);
  if (!b) notFound();
  const fundsTotal = b.funds.reduce((s, f) => s + f.amountFen, 0);
  return (
    <div>
      <Link href="/work/basics">{m.back}</Link>
      <h2>
        {b.orgName} · {m.title}
      </h2>
      <Card
        size="small"
        title={`${m.check}(${m.asOf(b.on)})`}
        style={{ marginBottom: 16 }}
        data-testid="basics-check"
      >
        <Descriptions column={1} size="small">
          {BASICS.map((k) => (
            <Descriptions.Item key={k} label={BASIC_LABELS[k]}>
              <span data-testid={`basic-${k}`}>
                {b.check[k].ok ? <Tag color="green">{m.holds}</Tag> : <Tag color="red">{m.fails}</Tag>}
              </span>
              {b.check[k].reasons.join(";")}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={m.allFive}>
            <span data-testid="basic-all">
              {b.check.all ? <Tag color="green">{m.holds}</Tag> : <Tag color="red">{m.fails}</Tag>}
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={m.team} style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={m.secretary}>
            {b.secretary
              ? [
                  b.secretary.name,
                  b.secretary.kind ? SECRETARY_KIND_LABELS[b.secretary.kind] : null,
                  b.secretary.source ? SECRETARY_SOURCE_LABELS[b.secretary.source] : null,
                  b.secretary.monthlyFen !== null
                    ? `津贴${formatFen(b.secretary.monthlyFen, "yuan")}元/月`
                    : null,
                ]
                  .filter(Boolean)
                  .join(" · ")
              : m.secretaryNone}
          </Descriptions.Item>
          <Descriptions.Item label={m.reserve}>
            {b.reserveCadres.map((r) => r.name).join("、") || m.none}
          </Descriptions.Item>
        </Descriptions>
        <CellTable
          testId="committee-table"
          columns={[
            { key: "name", title: m.member },
            { key: "post", title: m.post },
            { key: "startOn", title: m.startOn },
            { key: "cross", title: m.crossPosts },
          ]}
          rows={b.committee.map((c) => ({
            key: c.id,
            name: c.name,
            post: COMMITTEE_POST_LABELS[c.post],
            startOn: c.startOn,
            cross:
              [
                c.onBoard ? "董事会" : null,
                c.inManagement ? "经营管理层" : null,
                c.onSupervisoryBoard ? "监事会" : null,
              ]
                .filter(Boolean)
                .join("、") || m.none,
          }))}
        />
      </Card>
      <CommitteeForm orgId={b.orgId} today={b.on} members={b.heldMembers} />
      <Card size="small" title={m.venue} style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small" data-testid="venue-detail">
          <Descriptions.Item label={m.venue}>
            {b.venue
              ? `${b.venue.name} · ${b.venue.status ? VENUE_STATUS_LABELS[b.venue.status] : m.none}${
                  b.venue.areaSqm !== null ? ` · ${b.venue.areaSqm}平方米` : ""
                }${b.venue.checkedOn ? `(${b.venue.checkedOn})` : ""}`
              : m.none}
          </Descriptions.Item>
          <Descriptions.Item label={m.equipment}>
            {b.venue?.equipment.map((e) => VENUE_EQUIPMENT_LABELS[e]).join("、") || m.none}
          </Descriptions.Item>
          <Descriptions.Item label={m.sharedVenues}>
            {b.sharedVenues
              .map((v) => `${v.name}(${v.status ? VENUE_STATUS_LABELS[v.status] : m.none})`)
              .join("、") || m.none}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <VenueForm orgId={b.orgId} today={b.on} current={b.venue} />
      <Card size="small" title={m.rules} style={{ marginBottom: 16 }}>
        <div data-testid="rules-list">
          {b.rules.map((r) => `${ORG_RULE_LABELS[r.rule]}(${r.adoptedOn})`).join("、") || m.none}
        </div>
      </Card>
      <RuleForm orgId={b.orgId} today={b.on} adopted={b.rules.map((r) => r.rule)} />
      <Card size="small" title={m.funds(b.year)} style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small" data-testid="funds-detail">
          {b.funds.map((f) => (
            <Descriptions.Item key={f.source} label={FUND_SOURCE_LABELS[f.source]}>
              {formatFen(f.amountFen)}万元
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="合计">{formatFen(fundsTotal)}万元</Descriptions.Item>
          <Descriptions.Item label={m.payroll}>
            {b.payrollFen === null ? m.none : `${formatFen(b.payrollFen)}万元`}
          </Descriptions.Item>
          <Descriptions.Item label={m.managementFee}>
            {b.managementFee === null ? m.none : m.feeBand[b.managementFee]}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <FundsForm orgId={b.orgId} year={b.year} />
    </div>
  );
}
