/**
 * What a scoped list query takes: the caller's scope on a date, with the bindings of its conditions. Only
 * this module makes one (the brand), so a list cannot be asked for without going through it.
 */
import type { Scope } from "./load.ts";
import { scopeBindings, type ScopeBindings } from "./sql.ts";

declare const VISIBLE: unique symbol;

export type Visible = Readonly<{
  scope: Scope;
  today: string;
  /** The named parameters of `within` / `sets` conditions. */
  bindings: ScopeBindings;
}> & { readonly [VISIBLE]: true };

/** The caller's view as of `today`. */
export function visibleTo(scope: Scope, today: string): Visible {
  return Object.freeze({ scope, today, bindings: scopeBindings(scope, today) }) as Visible;
}
