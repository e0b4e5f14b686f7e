import { requirePage } from "@/server/caller";
import { AssessTable } from "../assessment-forms.tsx";
import { assessmentMessages as m } from "../assessment-messages.ts";
import { pickYear, YearLinks } from "../year-pick.tsx";

/** 指导员年度考核: the instructors of the caller's subtree, those it dispatched (and so assesses) first. */
export default async function AssessmentsPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string }>;
}) {
  const sp = await searchParams;
  const { caller } = await requirePage("/work/assessments");
  const ctx = await caller.work.context();
  const { year, years } = pickYear(sp.year, ctx.today);
  const list = await caller.assessment.instructors({ year });
  return (
    <div>
      <h2>{m.assessTitle}</h2>
      <p>{m.assessHint}</p>
      <YearLinks href="/work/assessments" year={year} years={years} />
      <AssessTable rows={list.rows} year={year} />
    </div>
  );
}
