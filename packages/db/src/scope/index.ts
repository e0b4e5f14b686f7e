/**
 * The scope module: who sees what. The caller's scope (`loadScope`, from the database on every request),
 * the three sets as SQL conditions (`within`, `sets`) and id sets (`scopeSets`), the access of one record
 * (`hostAccess`, …), foreign keys a caller names (`refersToHost`, …, and the exact-key exception), and the one place where a subtree
 * becomes SQL (`paths.ts`). Functions that run without a caller are named `unsafe…`.
 */
export * from "./load.ts";
export * from "./paths.ts";
export * from "./sql.ts";
export * from "./access.ts";
export * from "./refs.ts";
export * from "./coverage.ts";
export * from "./sets.ts";
export * from "./unsafe.ts";
