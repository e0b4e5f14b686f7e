import { requireCaller } from "@/server/caller";
import { AdminDashboard } from "@/roles/admin-dashboard";
import { BranchHome } from "@/roles/branch-home";
import { OwnerHome } from "@/roles/owner-home";

/** The home page by role: an administrator's dashboard, a secretary's organization, an owner's enterprise. */
export default async function HomePage() {
  const { caller, me } = await requireCaller();
  if (me.role === "admin") return <AdminDashboard caller={caller} />;
  if (me.role === "secretary") return <BranchHome caller={caller} />;
  const home = await caller.home.overview();
  return <OwnerHome caller={caller} today={home.today} />;
}
