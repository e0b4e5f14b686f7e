import Link from "next/link";
import { rm } from "@/roles/messages";

/** Previous/next links keeping the other search parameters. */
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
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `${base}?${q.toString()}`;
  };
  return (
    <div style={{ display: "flex", gap: 16, alignItems: "center", margin: "12px 0" }} data-testid="pager">
      <span>{rm.pageOf(page, pages, total)}</span>
      {page > 1 ? <Link href={href(page - 1)}>{rm.prev}</Link> : null}
      {page < pages ? <Link href={href(page + 1)}>{rm.next}</Link> : null}
    </div>
  );
}
