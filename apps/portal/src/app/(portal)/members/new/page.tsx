import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/server/caller";
import { idParam, orNotFound, str } from "@/server/guard";
import { CreateMemberForm } from "../member-forms.tsx";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 新增党员 held by `?org=` (a grassroots organization of the caller's subtree; else the 404 page). */
export default async function NewMemberPage({ searchParams }: { searchParams: Search }) {
  const { caller } = await requirePage("/members");
  const org = await orNotFound(caller.orgs.get({ id: idParam(str((await searchParams).org) ?? "") }));
  if (org.access !== "edit") notFound();
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <Link href={`/orgs/${org.id}`}>{org.name}</Link>
      <CreateMemberForm org={{ id: org.id, name: `${org.name}(${org.code})` }} />
    </div>
  );
}
