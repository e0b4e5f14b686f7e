import Link from "next/link";
import { Card } from "antd";
import { RATING_GRADE_LABELS, RECTIFICATION_STATE_LABELS } from "@liangxin/domain";
import { requirePage } from "@/server/caller";
import { WorkTable } from "../work-table.tsx";
import { RatingForm, RectificationForm } from "../rating-forms.tsx";
import { workMessages as m } from "../messages.ts";

export default async function RatingsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const sp = await searchParams;
  const { caller } = await requirePage("/work/ratings");
  const ctx = await caller.work.context();
  const thisYear = Number(ctx.today.slice(0, 4));
  const y = Number(sp.year);
  const year = Number.isInteger(y) && y >= 2000 && y <= thisYear ? y : thisYear - 1;
  // Any past or the current year can be rated: the last ten here, an older one by ?year=.
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  const [ratings, cases, orgs] = await Promise.all([
    caller.work.ratings.list({ year }),
    caller.work.rectifications.list(),
    caller.work.orgs(),
  ]);
  return (
    <div>
      <h2>{m.ratingsTitle}</h2>
      <div
        data-testid="rating-years"
        style={{ display: "flex", gap: 12, flexWrap: "wrap", marginBottom: 12 }}
      >
        {m.ratingYearPick}
        {years.map((y) => (
          <Link key={y} href={`/work/ratings?year=${y}`} style={{ fontWeight: y === year ? 700 : 400 }}>
            {y}
          </Link>
        ))}
      </div>
      <RatingForm orgs={orgs} year={year} />
      <Card title={m.ratingYear(year)} size="small" style={{ marginBottom: 16 }}>
        <WorkTable
          testId="rating-table"
          columns={[
            { key: "org", title: m.org },
            { key: "stars", title: m.stars },
            { key: "grade", title: m.grade },
          ]}
          rows={ratings.map((r) => ({
            key: r.id,
            org: r.orgName,
            stars: r.stars ? "★".repeat(r.stars) : "",
            grade: r.grade ? RATING_GRADE_LABELS[r.grade] : "",
          }))}
        />
      </Card>
      <RectificationForm orgs={orgs} year={thisYear} />
      <Card title={m.rectifications} size="small">
        <WorkTable
          testId="rectification-table"
          columns={[
            { key: "org", title: m.org },
            { key: "year", title: m.year },
            { key: "reason", title: m.reason },
            { key: "responsible", title: m.responsible },
            { key: "deadline", title: m.deadline },
            { key: "state", title: m.state },
            { key: "action", title: m.resolvedOn },
          ]}
          rows={cases.map((c) => ({
            key: c.id,
            org: c.orgName,
            year: c.year,
            reason: c.reason,
            responsible: c.responsible ?? "",
            deadline: c.deadline ?? "",
            state: {
              tag: RECTIFICATION_STATE_LABELS[c.state],
              color: c.state === "closed" ? "green" : c.state === "overdue" ? "red" : "orange",
            },
            action: c.resolvedOn ?? { action: "resolve", id: c.id, today: ctx.today },
          }))}
        />
      </Card>
    </div>
  );
}
