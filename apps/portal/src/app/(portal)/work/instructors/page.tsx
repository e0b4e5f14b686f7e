import { Card } from "antd";
import { INSTRUCTOR_KIND_LABELS, type InstructorKind } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { WorkTable } from "../work-table.tsx";
import { AssignForm } from "../dispatch-forms.tsx";
import { workMessages as m } from "../messages.ts";

export default async function InstructorsPage() {
  const { caller } = await requirePage("/work/instructors");
  const ctx = await caller.work.context();
  const view = await caller.work.instructors.dispatch();
  return (
    <div>
      <h2>{m.instructorsTitle}</h2>
      {ctx.hasTerritory ? (
        <AssignForm
          instructors={view.instructors.map((i) => ({ id: i.id, name: `${i.name}(${i.number})` }))}
          hosts={view.uncovered.map((h) => ({ id: h.id, name: h.name }))}
          today={ctx.today}
        />
      ) : null}
      <Card title={m.instructor} size="small" style={{ marginBottom: 16 }}>
        <WorkTable
          testId="instructor-table"
          columns={[
            { key: "name", title: m.instructor },
            { key: "number", title: m.number },
            { key: "kind", title: m.kind },
            { key: "dispatcher", title: m.dispatcher },
            { key: "registeredBy", title: m.registeredBy },
            { key: "active", title: m.activeHosts },
            { key: "assignments", title: m.assignments },
          ]}
          rows={view.instructors.map((i) => ({
            key: i.id,
            name: i.name,
            number: i.number,
            kind: INSTRUCTOR_KIND_LABELS[i.kind as InstructorKind] ?? i.kind,
            dispatcher: i.dispatcher,
            registeredBy: i.registeredBy,
            active: {
              items: [i.activeHosts, ...(i.overCap ? [{ tag: m.overCap(view.cap), color: "orange" }] : [])],
            },
            assignments: {
              items: i.assignments
                .filter((a) => a.active)
                .map((a) => ({
                  items: [
                    `${a.hostName}(${a.startOn}起)`,
                    { action: "endAssignment", id: a.id, today: ctx.today },
                  ],
                })),
            },
          }))}
        />
      </Card>
      <Card title={m.uncovered} size="small">
        <WorkTable
          testId="uncovered-table"
          columns={[
            { key: "name", title: m.host },
            { key: "creditCode", title: "统一社会信用代码" },
            { key: "region", title: m.region },
          ]}
          rows={view.uncovered.map((h) => ({
            key: h.id,
            name: h.name,
            creditCode: h.creditCode,
            region: h.regionName,
          }))}
        />
      </Card>
    </div>
  );
}
