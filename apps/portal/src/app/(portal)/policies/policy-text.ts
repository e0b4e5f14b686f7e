import { ORG_RULE_LABELS, POLICY_GROUP_LABELS, POLICY_LABELS, type Policy } from "@liangxin/domain";
import { policyMessages as m } from "./messages.ts";

type Group = keyof typeof POLICY_GROUP_LABELS;
const isGroup = (k: string): k is Group => k in POLICY_GROUP_LABELS;

const show = (v: unknown): string =>
  typeof v === "boolean"
    ? v
      ? m.yes
      : m.no
    : Array.isArray(v)
      ? v.map((x) => (ORG_RULE_LABELS as Record<string, string>)[String(x)] ?? String(x)).join("、")
      : String(v);

/** Every parameter of a version as label and value, groups spelled out (任期·党委 5). */
export function policyLines(p: Policy): { key: string; label: string; value: string }[] {
  const out: { key: string; label: string; value: string }[] = [];
  for (const key of Object.keys(POLICY_LABELS) as (keyof Policy)[]) {
    const v = p[key];
    if (isGroup(key)) {
      const labels = POLICY_GROUP_LABELS[key] as Record<string, string>;
      for (const [sub, label] of Object.entries(labels))
        out.push({
          key: `${key}.${sub}`,
          label: `${POLICY_LABELS[key]}·${label}`,
          value: show((v as Record<string, unknown>)[sub]),
        });
    } else out.push({ key, label: POLICY_LABELS[key], value: show(v) });
  }
  return out;
}

/** What a version changes from the one before it, in words ("联合建覆盖单位数上限:10→9"). */
export function policyChanges(before: Policy, after: Policy): string[] {
  const a = new Map(policyLines(before).map((l) => [l.key, l.value]));
  return policyLines(after)
    .filter((l) => a.get(l.key) !== l.value)
    .map((l) => `${l.label}:${a.get(l.key)}→${l.value}`);
}
