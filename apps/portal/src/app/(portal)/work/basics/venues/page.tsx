import Link from "next/link";
import { Card } from "antd";
import { VENUE_STATUS_LABELS } from "@liangxin/domain";
import { DataTable } from "@/components/data-table";
import { requirePage } from "@/server/caller";
import { CheckSharedVenueForm, CreateSharedVenueForm, LinkVenueForm } from "../record-forms.tsx";
import { basicsPageMessages as m } from "../messages.ts";

/**
 * 区域党群服务中心: the shared venues run by the caller's node and below, with their last check and the
 * organizations they serve; an administrator creates one, records its checks and links organizations
 * (a link ends on the organization's page).
 */
export default async function SharedVenuesPage() {
  const { caller, me } = await requirePage("/work/basics");
  const [venues, board] = await Promise.all([caller.basics.sharedVenues(), caller.basics.board()]);
  const admin = me.role === "admin";
  const choices = venues.map((v) => ({ id: v.id, name: v.name }));
  const orgs = board.rows.map((r) => ({ id: r.orgId, name: r.orgName }));
  return (
    <div>
      <Link href="/work/basics">{m.back}</Link>
      <h2>{m.sharedVenuesTitle}</h2>
      <div style={{ color: "#666", marginBottom: 12 }}>{m.sharedVenuesIntro}</div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <DataTable
          testId="shared-venues"
          emptyText={m.noSharedVenues}
          columns={[
            { key: "name", title: m.sharedVenue },
            { key: "runBy", title: m.runBy },
            { key: "status", title: m.status },
            { key: "checkedOn", title: m.lastCheck },
            { key: "linked", title: m.linked },
          ]}
          rows={venues.map((v) => ({
            key: v.id,
            name: v.name,
            runBy: v.runByName,
            status: v.status ? VENUE_STATUS_LABELS[v.status] : m.none,
            checkedOn: v.checkedOn ?? m.none,
            linked: v.linked,
          }))}
        />
      </Card>
      {admin ? (
        <>
          <CreateSharedVenueForm today={board.on} />
          {choices.length > 0 ? (
            <>
              <CheckSharedVenueForm venues={choices} today={board.on} />
              <LinkVenueForm venues={choices} orgs={orgs} today={board.on} />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
