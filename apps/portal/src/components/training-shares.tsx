import Link from "next/link";
import { shareText, type TrainedShare } from "@liangxin/domain";

export interface ShareRowView {
  orgId: number;
  name: string;
  hasChildren: boolean;
  secretaries: TrainedShare;
  instructors: TrainedShare;
}

const messages = {
  unit: "单位",
  secretaries: "书记培训率",
  instructors: "指导员培训率",
  figure: (s: TrainedShare) => `${s.trained}/${s.total}人`,
  drill: "下级",
} as const;

function ShareCell({ s, href, testId }: { s: TrainedShare; href: string; testId: string }) {
  const percent = s.share === null ? 0 : Math.round(s.share * 1000) / 10;
  return (
    <div style={{ minWidth: 180 }}>
      {/* A plain bar, not antd's Progress: a township's table holds a hundred rows of two shares each. */}
      <div
        className="lx-progress"
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className={percent >= 100 ? "lx-progress-done" : undefined} style={{ width: `${percent}%` }} />
      </div>
      <Link href={href} data-testid={testId}>
        {shareText(s)}({messages.figure(s)})
      </Link>
    </div>
  );
}

/**
 * The shares of secretaries and instructors trained this year: the node and each child row, as progress
 * bars; a share links to the row's untrained persons, a row with children to its own rows.
 */
export function ShareTable({ rows, testId }: { rows: readonly ShareRowView[]; testId: string }) {
  const at = (orgId: number, group?: string) =>
    `/work/training/shares?orgId=${orgId}${group ? `&group=${group}` : ""}`;
  return (
    <table data-testid={testId} style={{ borderCollapse: "collapse", fontSize: 13, width: "100%" }}>
      <thead>
        <tr>
          <th style={{ textAlign: "left" }}>{messages.unit}</th>
          <th style={{ textAlign: "left" }}>{messages.secretaries}</th>
          <th style={{ textAlign: "left" }}>{messages.instructors}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.orgId}
            data-testid={`training-share-${r.orgId}`}
            style={{ borderTop: "1px solid #f0f0f0" }}
          >
            <td style={{ padding: 4 }}>
              {r.hasChildren ? <Link href={at(r.orgId)}>{r.name}</Link> : r.name}
            </td>
            <td style={{ padding: 4 }}>
              <ShareCell
                s={r.secretaries}
                href={at(r.orgId, "secretary")}
                testId={`secretary-share-${r.orgId}`}
              />
            </td>
            <td style={{ padding: 4 }}>
              <ShareCell
                s={r.instructors}
                href={at(r.orgId, "instructor")}
                testId={`instructor-share-${r.orgId}`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
