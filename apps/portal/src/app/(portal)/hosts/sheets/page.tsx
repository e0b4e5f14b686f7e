import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { Alert, Card } from "antd";
import { requirePage } from "@/server/caller";
import { idParam, str } from "@/server/guard";
import { HostSheetView } from "../_sheet/host-sheet.tsx";
import { PrintButton } from "../_sheet/print-button.tsx";
import { sheetMessages as m } from "../_sheet/messages.ts";
import "../_sheet/sheet.css";

export const metadata = { title: m.batchTitle };

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * The sheets of every operating host of a unit's territory, one A4 page each, printed in one go
 * (`?unit=<id>`); without a unit, or when a unit holds more hosts than one batch prints, the units the
 * caller may print (its own node and those below it with a territory), each with its number of hosts.
 */
export default async function UnitSheetsPage({ searchParams }: { searchParams: Search }) {
  const { caller } = await requirePage("/hosts");
  const raw = str((await searchParams).unit);
  let refusal: string | null = null;
  if (raw !== undefined) {
    const unitId = idParam(raw);
    try {
      const batch = await caller.hosts.sheets({ unitId });
      return (
        <div className="lx-sheets">
          <div className="lx-no-print" style={{ display: "flex", gap: 12, alignItems: "center" }}>
            <PrintButton label={m.print} />
            <span data-testid="batch-summary">{m.batchOf(batch.unit.name, batch.sheets.length)}</span>
            <Link href="/hosts/sheets">{m.unitsTitle}</Link>
          </div>
          {batch.sheets.length ? (
            batch.sheets.map((s) => <HostSheetView key={s.host.id} sheet={s} />)
          ) : (
            <Alert className="lx-no-print" type="info" showIcon title={m.noHosts} />
          )}
        </div>
      );
    } catch (e) {
      if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
      if (e instanceof TRPCError && e.code === "BAD_REQUEST") refusal = e.message;
      else throw e;
    }
  }
  const { max, units } = await caller.hosts.sheetUnits();
  return (
    <Card title={m.batchTitle} data-testid="sheet-units">
      {refusal ? (
        <Alert
          type="warning"
          showIcon
          title={refusal}
          style={{ marginBottom: 16 }}
          data-testid="sheets-refused"
        />
      ) : null}
      {units.length ? (
        <>
          <p>{m.unitsNote(max)}</p>
          <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {units.map((u) => (
              <li key={u.id} style={{ paddingLeft: u.level * 24, lineHeight: 2 }}>
                {u.hosts > 0 && u.hosts <= max ? (
                  <Link href={`/hosts/sheets?unit=${u.id}`}>{u.name}</Link>
                ) : (
                  <span>{u.name}</span>
                )}{" "}
                ({u.regionName},{m.unitHosts(u.hosts)}
                {u.hosts > max ? `,${m.tooMany}` : ""})
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Alert type="info" showIcon title={m.noUnits} />
      )}
    </Card>
  );
}
