import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "antd";
import { DataTable } from "@/components/data-table";
import { requirePage } from "@/server/caller";
import { ShareTable } from "@/components/training-shares";
import { orNotFound } from "@/server/guard";

const m = {
  title: (name: string, year: number) => `${name} ${year}年培训情况`,
  untrained: (group: string) => (group === "secretary" ? "本年未参加培训的书记" : "本年未参加培训的指导员"),
  none: "无",
  name: "姓名",
  unit: "所在组织",
  back: "返回首页",
} as const;

/** The drill-down of the dashboard's training block: a node's rows, and a row's untrained persons. */
export default async function TrainingSharesPage({
  searchParams,
}: {
  searchParams: Promise<{ orgId?: string; group?: string }>;
}) {
  const sp = await searchParams;
  const orgId = sp.orgId ? Number(sp.orgId) : undefined;
  if (orgId !== undefined && (!Number.isInteger(orgId) || orgId <= 0)) notFound();
  const group = sp.group === "secretary" || sp.group === "instructor" ? sp.group : null;
  const { caller } = await requirePage("/work/training");
  const shares = await orNotFound(caller.training.shares(orgId ? { orgId } : undefined));
  const untrained = group ? await caller.training.untrained({ orgId: shares.node.orgId, group }) : null;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <Link href="/">{m.back}</Link>
      <h2 style={{ margin: 0 }}>{m.title(shares.node.name, shares.year)}</h2>
      <Card size="small">
        <ShareTable rows={[shares.node, ...shares.rows]} testId="training-shares" />
      </Card>
      {untrained && group ? (
        <Card size="small" title={m.untrained(group)} data-testid="untrained">
          <DataTable
            emptyText={m.none}
            pageSize={50}
            columns={[
              { key: "name", title: m.name },
              { key: "unit", title: m.unit },
            ]}
            rows={untrained.map((p, i) => ({
              key: i,
              name:
                p.memberId !== null
                  ? { link: `/members/${p.memberId}`, text: p.name }
                  : p.instructorId !== null
                    ? { link: `/instructors/${p.instructorId}`, text: p.name }
                    : p.name,
              unit: p.unit,
            }))}
          />
        </Card>
      ) : null}
    </div>
  );
}
