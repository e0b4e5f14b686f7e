import { serviceMessages as m } from "@/app/service-messages";
import { PageLoading } from "@/components/page-loading";

/**
 * The home page computes the dashboard (today's indicators over the caller's whole tree): it can take a
 * while. Only this page has a loading.tsx (its own route group): a loading boundary streams the page, and a
 * page that calls notFound() after streaming began answers 200 instead of 404 — the pages that can be "not
 * found" (records, pages a role lacks) keep their 404 and show progress in the menu instead (nav-menu.tsx).
 */
export default function Loading() {
  return <PageLoading text={m.loadingDashboard} />;
}
