/**
 * What a scoped list query takes: the caller's scope on a date, with its conditions bound to it. Only this
 * module makes one (the brand), so a list cannot be asked for without going through it.
 */
import type { Scope } from "./load.ts";
import { scopeBindings, scopeSql, type ScopeBindings, type ScopeSql } from "./sql.ts";

declare const VISIBLE: unique symbol;

export type Visible = Readonly<{
  scope: Scope;
  today: string;
  /** The named parameters of the text `within` / `sets` conditions. */
  bindings: ScopeBindings;
  /** The same conditions as drizzle `SQL`, bound to the caller and the day (`scopeSql`). */
  conditions: ScopeSql;
}> & { readonly [VISIBLE]: true };

/** The caller's view as of `today`. */
export function visibleTo(scope: Scope, today: string): Visible {
  return Object.freeze({
    scope,
    today,
    bindings: scopeBindings(scope, today),
    conditions: scopeSql(scope, today),
  }) as Visible;
}
