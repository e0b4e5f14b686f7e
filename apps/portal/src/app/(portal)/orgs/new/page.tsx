import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert, Card } from "antd";
import { requirePage } from "@/server/caller";
import { orNotFound, str } from "@/server/guard";
import { lx } from "@/app/ledger-messages";
import { CreateOrgForm } from "../org-forms.tsx";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 新增下级党组织 under `?parent=` (an organization of the caller's subtree; else the 404 page). */
export default async function NewOrgPage({ searchParams }: { searchParams: Search }) {
  const { caller } = await requirePage("/orgs");
  const raw = str((await searchParams).parent);
  // Without a superior named: the caller's own node (the list's first area); the owner has none (404).
  const parentId = raw
    ? Number(raw)
    : (await orNotFound(caller.orgs.list({ page: 1, pageSize: 1 }))).areas[0]?.id;
  if (parentId === undefined)
    return (
      <Card title={lx.newOrg}>
        <Alert type="info" showIcon title={lx.noParentHint} />
      </Card>
    );
  if (!Number.isInteger(parentId) || parentId <= 0) notFound();
  const parent = await orNotFound(caller.orgs.get({ id: parentId }));
  if (parent.access !== "edit") notFound();
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <Link href={`/orgs/${parent.id}`}>{parent.name}</Link>
      <CreateOrgForm parent={{ id: parent.id, name: `${parent.name}(${parent.code})` }} />
    </div>
  );
}
