import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/server/caller";
import { lx } from "@/app/ledger-messages";
import { CreateInstructorForm } from "../instructor-forms.tsx";

/** 新增指导员: administrators (the management node keeps the record). */
export default async function NewInstructorPage() {
  const { me } = await requirePage("/instructors");
  if (me.role !== "admin") notFound();
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <Link href="/instructors">{lx.back}</Link>
      <CreateInstructorForm />
    </div>
  );
}
