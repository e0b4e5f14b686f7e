/**
 * The dashboard's training rows are HTML written by hand (training-shares.tsx): every name is text, never
 * markup, and each row keeps the bars, links and test ids the page had as React elements.
 */
import { describe, expect, it } from "vitest";
import { shareRowsHtml, type ShareRowView } from "./training-shares.tsx";

const row = (over: Partial<ShareRowView>): ShareRowView => ({
  orgId: 7,
  name: "中共清源企业支部委员会",
  hasChildren: false,
  secretaries: { trained: 4, total: 10, share: 0.4 },
  instructors: { trained: 2, total: 2, share: 1 },
  ...over,
});

describe("shareRowsHtml", () => {
  it("writes a name as text: markup and entities in it are escaped", () => {
    const html = shareRowsHtml([row({ name: `<img src=x onerror="alert(1)">&"甲'` })]);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&quot;甲&#39;");
  });

  it("keeps each row's test ids, its bars' widths and the links to the untrained and to the row's own rows", () => {
    const html = shareRowsHtml([row({ hasChildren: true })]);
    expect(html).toContain('<tr data-testid="training-share-7"');
    expect(html).toContain('<a href="/work/training/shares?orgId=7">中共清源企业支部委员会</a>');
    expect(html).toContain(
      '<a href="/work/training/shares?orgId=7&amp;group=secretary" data-testid="secretary-share-7">40.0%(4/10人)</a>',
    );
    expect(html).toContain(
      'aria-valuenow="40" aria-valuemin="0" aria-valuemax="100"><div style="width:40%">',
    );
    expect(html).toContain('<div class="lx-progress-done" style="width:100%">');
    expect(html).toContain('data-testid="instructor-share-7">100.0%(2/2人)</a>');
    // A row without children is not a link.
    expect(shareRowsHtml([row({})])).toContain('<td style="padding:4px">中共清源企业支部委员会</td>');
  });
});
