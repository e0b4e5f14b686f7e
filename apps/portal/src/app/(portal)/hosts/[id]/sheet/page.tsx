import Link from "next/link";
import { requirePage } from "@/server/caller";
import { idParam, orNotFound } from "@/server/guard";
import { HostSheetView } from "../../_sheet/host-sheet.tsx";
import { PrintButton } from "../../_sheet/print-button.tsx";
import { sheetMessages as m } from "../../_sheet/messages.ts";
import "../../_sheet/sheet.css";

export const metadata = { title: m.title };

/** 一个企业一张表: one host of the caller's territory on one A4 page, with a button to print it. */
export default async function HostSheetPage({ params }: { params: Promise<{ id: string }> }) {
  const { caller } = await requirePage("/hosts");
  const id = idParam((await params).id);
  const sheet = await orNotFound(caller.hosts.sheet({ id }));
  return (
    <div className="lx-sheets">
      <div className="lx-no-print" style={{ display: "flex", gap: 12, alignItems: "center" }}>
        <PrintButton label={m.print} />
        <Link href={`/hosts/${id}`}>{sheet.host.name}</Link>
      </div>
      <HostSheetView sheet={sheet} />
    </div>
  );
}
