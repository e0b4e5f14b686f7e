import { requirePage } from "@/server/caller";
import { ReviewTable } from "../assessment-forms.tsx";
import { assessmentMessages as m } from "../assessment-messages.ts";
import { pickYear, YearLinks } from "../year-pick.tsx";

/** 书记抓党建述职评议: the secretaries of the caller's subordinate organizations, with the year's review. */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const sp = await searchParams;
  const { caller } = await requirePage("/work/reviews");
  const ctx = await caller.work.context();
  const { year, years } = pickYear(sp.year, ctx.today);
  const list = await caller.assessment.secretaries({ year });
  return (
    <div>
      <h2>{m.reviewTitle}</h2>
      <p>{m.reviewHint}</p>
      <YearLinks href="/work/reviews" year={year} years={years} />
      <ReviewTable rows={list.rows} year={year} />
    </div>
  );
}
