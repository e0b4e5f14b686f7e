import { requirePage } from "@/server/caller";
import { FiveGoodApplyForm, FiveGoodTable } from "../assessment-forms.tsx";
import { assessmentMessages as m } from "../assessment-messages.ts";

/** 五好党支部: apply for an organization of the subtree, and review the applications below (pending first). */
export default async function FiveGoodPage() {
  const { caller } = await requirePage("/work/five-good");
  const ctx = await caller.work.context();
  const year = Number(ctx.today.slice(0, 4));
  const [rows, orgs] = await Promise.all([caller.assessment.fiveGood.list(), caller.work.orgs()]);
  return (
    <div>
      <h2>{m.fiveGoodTitle}</h2>
      <p>{m.fiveGoodHint}</p>
      <FiveGoodApplyForm orgs={orgs} year={year} />
      <FiveGoodTable rows={rows} />
    </div>
  );
}
