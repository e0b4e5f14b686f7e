import { shareText, type TrainedShare } from "@liangxin/domain";
import { SoftLinks } from "./soft-links.tsx";

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

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
/** Text or an attribute value in HTML. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const at = (orgId: number, group?: string) =>
  `/work/training/shares?orgId=${orgId}${group ? `&group=${group}` : ""}`;

/** A share as a plain bar (not antd's Progress) and a link to the row's untrained persons. */
function shareCell(s: TrainedShare, href: string, testId: string): string {
  const percent = s.share === null ? 0 : Math.round(s.share * 1000) / 10;
  const done = percent >= 100 ? ' class="lx-progress-done"' : "";
  return (
    `<div style="min-width:180px">` +
    `<div class="lx-progress" role="progressbar" aria-valuenow="${percent}" aria-valuemin="0" aria-valuemax="100">` +
    `<div${done} style="width:${percent}%"></div></div>` +
    `<a href="${esc(href)}" data-testid="${esc(testId)}">${esc(`${shareText(s)}(${messages.figure(s)})`)}</a>` +
    `</div>`
  );
}

/** The rows of the table as HTML (every text escaped). */
export function shareRowsHtml(rows: readonly ShareRowView[]): string {
  let html = "";
  for (const r of rows) {
    const name = r.hasChildren ? `<a href="${esc(at(r.orgId))}">${esc(r.name)}</a>` : esc(r.name);
    html +=
      `<tr data-testid="training-share-${r.orgId}" style="border-top:1px solid #f0f0f0">` +
      `<td style="padding:4px">${name}</td>` +
      `<td style="padding:4px">${shareCell(r.secretaries, at(r.orgId, "secretary"), `secretary-share-${r.orgId}`)}</td>` +
      `<td style="padding:4px">${shareCell(r.instructors, at(r.orgId, "instructor"), `instructor-share-${r.orgId}`)}</td>` +
      `</tr>`;
  }
  return html;
}

/**
 * The shares of secretaries and instructors trained this year: the node and each child row, as progress
 * bars; a share links to the row's untrained persons, a row with children to its own rows.
 *
 * A township's table holds a hundred rows of two shares each (most of its dashboard): the rows are one
 * piece of HTML written here rather than React elements, which React would serialize for the browser and
 * render again to HTML on every request (issue 25); their links navigate within the page (SoftLinks).
 */
export function ShareTable({ rows, testId }: { rows: readonly ShareRowView[]; testId: string }) {
  return (
    <SoftLinks>
      <table data-testid={testId} style={{ borderCollapse: "collapse", fontSize: 13, width: "100%" }}>
        <thead>
          <tr>
            <th style={{ textAlign: "left" }}>{messages.unit}</th>
            <th style={{ textAlign: "left" }}>{messages.secretaries}</th>
            <th style={{ textAlign: "left" }}>{messages.instructors}</th>
          </tr>
        </thead>
        <tbody dangerouslySetInnerHTML={{ __html: shareRowsHtml(rows) }} />
      </table>
    </SoftLinks>
  );
}
