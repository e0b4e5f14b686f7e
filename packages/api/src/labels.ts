import { userRoleLabel } from "@liangxin/db/auth";
import { type Scope } from "@liangxin/db/scope";
import { ORG_CATEGORY_LABELS, type OrgCategory } from "@liangxin/domain";

export function categoryLabel(category: string): string {
  return ORG_CATEGORY_LABELS[category as OrgCategory] ?? category;
}

/** The Chinese name of the caller's role. */
export function roleLabel(scope: Scope): string {
  return userRoleLabel(scope.role, (scope.org?.category as OrgCategory | undefined) ?? null);
}
