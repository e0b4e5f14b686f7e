import type { ReactNode } from "react";
import { lx } from "@/app/ledger-messages";
import { rm } from "@/roles/messages";
import type { ListName, Search } from "@/server/list-filters";
import { CsvLink, FilterSelect } from "./csv-link.tsx";
import { Field, inputStyle } from "./field.tsx";

/** The options of a filter select from a label table (value = key). */
export const labelOptions = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The buttons of a list's header: the page's own (new record, related list), then the CSV download. */
export function ListActions({ list, sp, children }: { list: ListName; sp: Search; children?: ReactNode }) {
  return (
    <div style={{ display: "flex", gap: 8 }}>
      {children}
      <CsvLink list={list} sp={sp} />
    </div>
  );
}

export interface FilterSelectSpec {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly { value: string | number; label: string }[];
}

/**
 * The GET filter form of a ledger list: the keyword, the area (when the caller sees more than one),
 * the list's own selects, extra hidden fields, and the search button.
 */
export function ListFilters({
  keywordLabel,
  q,
  areas,
  area,
  selects,
  children,
}: {
  keywordLabel: string;
  q: string | undefined;
  areas: readonly { id: number; name: string }[];
  area: string | undefined;
  selects: readonly FilterSelectSpec[];
  children?: ReactNode;
}) {
  return (
    <form
      method="get"
      style={{ display: "flex", gap: 12, flexWrap: "wrap", alignItems: "flex-end" }}
      data-testid="list-filters"
    >
      <Field label={keywordLabel}>
        <input name="q" defaultValue={q ?? ""} style={inputStyle} />
      </Field>
      {areas.length > 1 ? (
        <Field label={lx.area}>
          <FilterSelect
            name="area"
            value={area}
            options={areas.map((a) => ({ value: a.id, label: a.name }))}
            allLabel={rm.all}
            style={inputStyle}
          />
        </Field>
      ) : null}
      {selects.map((s) => (
        <Field key={s.name} label={s.label}>
          <FilterSelect
            name={s.name}
            value={s.value}
            options={s.options}
            allLabel={rm.all}
            style={inputStyle}
          />
        </Field>
      ))}
      {children}
      <button type="submit" style={inputStyle}>
        {rm.search}
      </button>
    </form>
  );
}
