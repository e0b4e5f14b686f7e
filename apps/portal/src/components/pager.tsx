import Link from "next/link";
import { PAGE_SIZES } from "@/server/guard";
import { rm } from "@/roles/messages";
import { inputStyle } from "./field.tsx";

/**
 * The pages of a list: where it stands, first/previous/next/last links, and a GET form choosing the page
 * size and jumping to a page — every link and the form keep the list's other search parameters.
 */
export function Pager({
  base,
  params,
  page,
  pageSize,
  total,
}: {
  base: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const kept = Object.entries(params).filter(
    (e): e is [string, string] => !!e[1] && e[0] !== "page" && e[0] !== "size",
  );
  const href = (p: number) => {
    const q = new URLSearchParams(kept);
    q.set("size", String(pageSize));
    q.set("page", String(p));
    return `${base}?${q.toString()}`;
  };
  const sizes = [...new Set([pageSize, ...PAGE_SIZES])].sort((a, b) => a - b);
  return (
    <div
      style={{ display: "flex", gap: 16, alignItems: "center", margin: "12px 0", flexWrap: "wrap" }}
      data-testid="pager"
    >
      <span data-testid="pager-position">{rm.pageOf(page, pages, total)}</span>
      {page > 1 ? <Link href={href(1)}>{rm.first}</Link> : null}
      {page > 1 ? <Link href={href(page - 1)}>{rm.prev}</Link> : null}
      {page < pages ? <Link href={href(page + 1)}>{rm.next}</Link> : null}
      {page < pages ? <Link href={href(pages)}>{rm.last}</Link> : null}
      <form method="get" action={base} style={{ display: "flex", gap: 6, alignItems: "center" }}>
        {kept.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label style={{ display: "flex", gap: 4, alignItems: "center" }}>
          {rm.pageSize}
          <select name="size" defaultValue={String(pageSize)} style={inputStyle} data-testid="pager-size">
            {sizes.map((n) => (
              <option key={n} value={n}>
                {rm.perPage(n)}
              </option>
            ))}
          </select>
        </label>
        <label style={{ display: "flex", gap: 4, alignItems: "center" }}>
          {rm.jumpTo}
          <input
            name="page"
            type="number"
            min={1}
            max={pages}
            defaultValue={page}
            style={{ ...inputStyle, width: 72 }}
            data-testid="pager-page"
          />
          {rm.pageUnit}
        </label>
        <button type="submit" style={inputStyle} data-testid="pager-go">
          {rm.go}
        </button>
      </form>
    </div>
  );
}
