import { describe, expect, it } from "vitest";
import { toCsv } from "../src/csv.ts";

/** The data lines of a CSV (without the byte-order mark and the header). */
const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .slice(1, -1);

describe("CSV cells against formula injection", () => {
  it("writes text starting with = + - @ (or a tab / CR) with a leading apostrophe", () => {
    const typed = ['=HYPERLINK("http://x","点我")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"];
    const out = lines(
      toCsv(
        ["名称"],
        typed.map((t) => [t]),
      ),
    );
    expect(out).toEqual([
      `"'=HYPERLINK(""http://x"",""点我"")"`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1+1",
      `"'\r=1+1"`,
    ]);
  });

  it("leaves numbers, ordinary text and inner signs alone", () => {
    const out = lines(toCsv(["a", "b", "c", "d"], [[-5, "柳林镇", "a=b", 1.5]]));
    expect(out).toEqual(["-5,柳林镇,a=b,1.5"]);
  });
});
