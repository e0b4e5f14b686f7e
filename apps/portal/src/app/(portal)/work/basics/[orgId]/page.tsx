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
import { requirePage } from "@/server/caller";
import { CommitteeForm, FundsForm, RuleForm, VenueForm } from "../basics-forms.tsx";
import {
  AllowanceForm,
  BasicsTable,
  LinkVenueForm,
  ReserveForm,
  SecretaryProfileForm,
} from "../record-forms.tsx";
import { basicsPageMessages as m } from "../messages.ts";

/** One grassroots organization's five basics today, the records behind them, and the forms to record them. */
export default async function OrgBasicsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId: raw } = await params;
  const orgId = Number(raw);
  if (!Number.isInteger(orgId) || orgId <= 0) notFound();
  const { caller, me } = await requirePage("/work/basics");
  const b = await caller.basics.org({ orgId }).catch(() => null);
  if (!b) notFound();
  const admin = me.role === "admin";
  // The shared venues the caller's node runs (only an administrator links one).
  const shared = admin ? await caller.basics.sharedVenues() : [];
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
            <span data-testid="secretary-detail">
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
            </span>
          </Descriptions.Item>
        </Descriptions>
        <BasicsTable
          testId="committee-table"
          columns={[
            { key: "name", title: m.member },
            { key: "post", title: m.post },
            { key: "startOn", title: m.startOn },
            { key: "cross", title: m.crossPosts },
            { key: "end", title: m.actions },
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
            end: { action: "end", kind: "committee", id: c.id, today: b.on },
          }))}
        />
      </Card>
      <CommitteeForm orgId={b.orgId} today={b.on} members={b.heldMembers} />
      {b.secretary ? (
        <>
          <SecretaryProfileForm
            secretaryId={b.secretary.id}
            kind={b.secretary.kind}
            source={b.secretary.source}
          />
          <AllowanceForm
            secretaryId={b.secretary.id}
            today={b.on}
            monthly={b.secretary.monthlyFen === null ? null : formatFen(b.secretary.monthlyFen, "yuan")}
          />
        </>
      ) : (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="no-secretary">
          {m.noSecretary}
        </Card>
      )}
      <Card size="small" title={m.reserve} style={{ marginBottom: 16 }}>
        <BasicsTable
          testId="reserve-table"
          columns={[
            { key: "name", title: m.member },
            { key: "startOn", title: m.reserveFrom },
            { key: "end", title: m.actions },
          ]}
          rows={b.reserveCadres.map((r) => ({
            key: r.id,
            name: r.name,
            startOn: r.startOn,
            end: { action: "end", kind: "reserve", id: r.id, today: b.on },
          }))}
        />
      </Card>
      <ReserveForm orgId={b.orgId} today={b.on} members={b.heldMembers} />
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
        </Descriptions>
      </Card>
      <VenueForm orgId={b.orgId} today={b.on} current={b.venue} />
      <Card
        size="small"
        title={m.sharedVenues}
        style={{ marginBottom: 16 }}
        extra={<Link href="/work/basics/venues">{m.sharedVenuesLink}</Link>}
      >
        <BasicsTable
          testId="linked-venues"
          columns={[
            { key: "name", title: m.sharedVenue },
            { key: "status", title: m.status },
            { key: "startOn", title: m.linkedSince },
            ...(admin ? [{ key: "end", title: m.actions }] : []),
          ]}
          rows={b.sharedVenues.map((v) => ({
            key: v.linkId,
            name: v.name,
            status: v.status ? VENUE_STATUS_LABELS[v.status] : m.none,
            startOn: v.startOn,
            ...(admin
              ? { end: { action: "end" as const, kind: "link" as const, id: v.linkId, today: b.on } }
              : {}),
          }))}
        />
      </Card>
      {admin && shared.length > 0 ? (
        <LinkVenueForm
          orgId={b.orgId}
          today={b.on}
          venues={shared.map((v) => ({ id: v.id, name: v.name }))}
        />
      ) : null}
      <Card size="small" title={m.rules} style={{ marginBottom: 16 }}>
        <div data-testid="rules-list">
          <BasicsTable
            testId="rules-table"
            columns={[
              { key: "rule", title: m.rule },
              { key: "adoptedOn", title: m.adoptedOn },
              { key: "drop", title: m.actions },
            ]}
            rows={b.rules.map((r) => ({
              key: r.id,
              rule: ORG_RULE_LABELS[r.rule],
              adoptedOn: r.adoptedOn,
              drop: { action: "end", kind: "rule", id: r.id, today: b.on },
            }))}
          />
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
