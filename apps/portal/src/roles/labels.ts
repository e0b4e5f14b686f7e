import {
  FORMATION_MODE_LABELS,
  GENDER_LABELS,
  HOST_KIND_LABELS,
  INSTRUCTOR_KIND_LABELS,
  JOB_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  ORG_CATEGORY_LABELS,
} from "@liangxin/domain";

const pick = (map: Readonly<Record<string, string>>, key: string | null | undefined) =>
  key ? (map[key] ?? key) : "—";

export const L = {
  mode: (k: string | null) => pick(FORMATION_MODE_LABELS, k),
  category: (k: string | null) => pick(ORG_CATEGORY_LABELS, k),
  kind: (k: string | null) => pick(HOST_KIND_LABELS, k),
  status: (k: string | null) => pick(MEMBER_STATUS_LABELS, k),
  gender: (k: string | null) => pick(GENDER_LABELS, k),
  job: (k: string | null) => pick(JOB_CATEGORY_LABELS, k),
  instructorKind: (k: string | null) => pick(INSTRUCTOR_KIND_LABELS, k),
  date: (d: string | null | undefined) => d ?? "—",
};
