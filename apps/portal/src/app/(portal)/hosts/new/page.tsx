import Link from "next/link";
import { Alert, Card } from "antd";
import { notFound } from "next/navigation";
import { requirePage } from "@/server/caller";
import { orNotFound } from "@/server/guard";
import { CreateHostForm } from "../ledger-forms.tsx";
import { ledgerMessages as m } from "../messages.ts";

/** 新增两新组织: administrators with a territory (a host is created in one of its townships). */
export default async function NewHostPage() {
  const { caller, me } = await requirePage("/hosts");
  if (me.role !== "admin") notFound();
  const opts = await orNotFound(caller.hosts.formOptions());
  if (opts.townships.length === 0)
    return (
      <Card title={m.newHost}>
        <Alert type="info" showIcon title={m.noTownship} />
      </Card>
    );
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <Link href="/hosts">{m.back}</Link>
      <CreateHostForm townships={opts.townships} year={Number(opts.today.slice(0, 4))} />
    </div>
  );
}
