import { signedInProcedure } from "../../trpc.ts";
import { roleLabel } from "../../labels.ts";

/** Who is signed in, for the page header; whether they must set a password of their own first. */
export const me = signedInProcedure.query(({ ctx }) => {
  const { scope } = ctx;
  return {
    mustChangePassword: scope.mustChangePassword,
    username: scope.username,
    displayName: scope.displayName,
    role: scope.role,
    roleLabel: roleLabel(scope),
    scopeName: scope.org?.name ?? scope.host?.name ?? "",
    /** Whether the caller keeps a territory (属地): the 行业党委 and the branches do not. */
    hasTerritory: scope.region !== null,
  };
});
