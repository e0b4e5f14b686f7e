import Link from "next/link";
import { Card } from "antd";
import { HONOUR_LEVEL_LABELS, HONOUR_LEVELS } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { NameShowcaseForm, ShowcaseTable } from "./showcase-forms.tsx";
import { showcaseMessages as m } from "./messages.ts";

/** 示范点: the showcase sites of the caller's area (in force, or all), naming one, ending one. */
export default async function ShowcasesPage({
  searchParams,
}: {
  searchParams: Promise<{ all?: string; level?: string }>;
}) {
  const { caller } = await requirePage("/work/showcases");
  const sp = await searchParams;
  const all = sp.all === "1";
  const level = HONOUR_LEVELS.find((l) => l === sp.level);
  const ctx = await caller.work.context();
  const [rows, mine, count] = await Promise.all([
    caller.showcases.list({ all, ...(level ? { level } : {}) }),
    caller.showcases.mine(),
    caller.showcases.count(),
  ]);
  return (
    <div>
      <h2>{m.title}</h2>
      {mine.level ? (
        <NameShowcaseForm levelLabel={HONOUR_LEVEL_LABELS[mine.level]} today={ctx.today} />
      ) : (
        <p>{m.noNaming}</p>
      )}
      <Card
        title={m.title}
        size="small"
        extra={
          <span data-testid="showcase-filter">
            <span data-testid="showcase-count">{m.countLine(count.total)}</span>
            {"  "}
            {HONOUR_LEVELS.map((l) => (
              <Link key={l} href={`/work/showcases?level=${l}`} style={{ marginInlineStart: 8 }}>
                {HONOUR_LEVEL_LABELS[l]} {count[l]}
              </Link>
            ))}
            <Link href={all ? "/work/showcases" : "/work/showcases?all=1"} style={{ marginInlineStart: 12 }}>
              {all ? m.filterInForce : m.filterAll}
            </Link>
          </span>
        }
      >
        <ShowcaseTable rows={rows} today={ctx.today} />
      </Card>
    </div>
  );
}
