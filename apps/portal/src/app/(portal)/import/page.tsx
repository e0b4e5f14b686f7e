import { notFound } from "next/navigation";
import { requirePage } from "@/server/caller";
import { ImportPanel } from "@/components/import-panel";
import { ioPageMessages as m } from "../../io-messages.ts";

export const metadata = { title: m.title };

export default async function ImportPage() {
  const { me, caller } = await requirePage("/import");
  if (me.role !== "admin") notFound();
  return <ImportPanel canExportFullIds={await caller.io.canExportFullIds()} />;
}
