import { Card } from "antd";
import { DataTable } from "@/components/data-table";
import { rm } from "./messages.ts";

interface OrgActivity {
  coveredHosts: { id: number; name: string; creditCode: string; regionName: string; startOn: string }[];
  meetings: { id: number; heldOn: string; kind: string; topic: string | null }[];
  elections: { id: number; heldOn: string; termYears: number }[];
}

/** An organization's covered hosts, meetings and elections: the branch home and the organization page. */
export function OrgActivityCards({ org }: { org: OrgActivity }) {
  return (
    <>
      <Card title={rm.coveredHosts}>
        <DataTable
          testId="covered-hosts"
          columns={[
            { key: "name", title: rm.name },
            { key: "code", title: rm.creditCode },
            { key: "region", title: rm.region },
            { key: "since", title: rm.coveredSince },
          ]}
          rows={org.coveredHosts.map((h) => ({
            key: h.id,
            name: { link: `/hosts/${h.id}`, text: h.name },
            code: h.creditCode,
            region: h.regionName,
            since: h.startOn,
          }))}
        />
      </Card>
      <Card title={rm.meetings}>
        <DataTable
          columns={[
            { key: "heldOn", title: rm.heldOn },
            { key: "kind", title: rm.kind },
            { key: "topic", title: rm.topic },
          ]}
          rows={org.meetings.map((m) => ({
            key: m.id,
            heldOn: m.heldOn,
            kind: rm.meetingKinds[m.kind as keyof typeof rm.meetingKinds] ?? m.kind,
            topic: m.topic ?? "",
          }))}
        />
      </Card>
      <Card title={rm.elections}>
        <DataTable
          columns={[
            { key: "heldOn", title: rm.heldOn },
            { key: "term", title: rm.term },
          ]}
          rows={org.elections.map((e) => ({ key: e.id, heldOn: e.heldOn, term: e.termYears }))}
        />
      </Card>
    </>
  );
}
