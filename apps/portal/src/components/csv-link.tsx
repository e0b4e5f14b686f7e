import { Button } from "antd";
import { lx } from "@/app/ledger-messages";
import { csvHref, type ListName, type Search } from "@/server/list-filters";

/** The CSV download of a list, with the page's current filters (every page of the list). */
export function CsvLink({ list, sp }: { list: ListName; sp: Search }) {
  return (
    <a href={csvHref(list, sp)} download data-testid="csv-download">
      <Button>{lx.downloadCsv}</Button>
    </a>
  );
}

/** A select of the list's filter form (a native control: the form is a GET form, server-rendered). */
export function FilterSelect({
  name,
  value,
  options,
  allLabel,
  style,
}: {
  name: string;
  value: string | undefined;
  options: readonly { value: string | number; label: string }[];
  allLabel: string;
  style: React.CSSProperties;
}) {
  return (
    <select name={name} defaultValue={value ?? ""} style={style}>
      <option value="">{allLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
