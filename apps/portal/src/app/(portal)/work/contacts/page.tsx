import { requirePage } from "@/server/caller";
import { LeaderForm, LeadersList, LinkForm } from "./contact-forms.tsx";
import { contactMessages as m } from "./messages.ts";

/** 领导干部联系点: the leaders of the caller's area, their points and visits; registering, linking, visiting. */
export default async function ContactsPage({ searchParams }: { searchParams: Promise<{ point?: string }> }) {
  const { caller } = await requirePage("/work/contacts");
  const sp = await searchParams;
  const focus = sp.point && /^\d+$/.test(sp.point) ? Number(sp.point) : undefined;
  const [ctx, leaders, policy] = await Promise.all([
    caller.work.context(),
    caller.contacts.leaders(),
    caller.records.policy.list(),
  ]);
  return (
    <div>
      <h2>{m.title}</h2>
      <p>{m.period_(policy.inForce.params.contactVisitMonths)}</p>
      <LeaderForm />
      <LinkForm leaders={leaders.map((l) => ({ id: l.id, name: l.name }))} today={ctx.today} />
      <LeadersList leaders={leaders} today={ctx.today} {...(focus !== undefined ? { focus } : {})} />
    </div>
  );
}
