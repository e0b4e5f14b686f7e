import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  fenNumber,
  fenOf,
  fenText,
  formatFen,
  hostFactsAsOf,
  moneyProblemMessage,
  parseMoney,
  sumFen,
  thresholdFen,
} from "../src/index.ts";
import { SnapshotBuilder } from "./fixtures/builder.ts";

describe("reading an amount into 分", () => {
  it("reads what was typed exactly, as text or as a number", () => {
    expect(parseMoney("96.5", "wan")).toEqual({ ok: true, fen: 96_500_000 });
    expect(parseMoney(96.5, "wan")).toEqual({ ok: true, fen: 96_500_000 });
    expect(parseMoney("1234.56", "wan")).toEqual({ ok: true, fen: 1_234_560_000 });
    // 19.365 is 19.364999… as a double; read from its shortest text it is exact.
    expect(parseMoney(19.365, "wan")).toEqual({ ok: true, fen: 19_365_000 });
    expect(parseMoney("0.01", "yuan")).toEqual({ ok: true, fen: 1 });
    expect(parseMoney(" 12 ", "yuan")).toEqual({ ok: true, fen: 1200 });
    expect(parseMoney("96.500", "wan", { decimals: 2 })).toEqual({ ok: true, fen: 96_500_000 });
    expect(parseMoney(".5", "wan")).toEqual({ ok: true, fen: 500_000 });
    expect(parseMoney("0", "wan")).toEqual({ ok: true, fen: 0 });
    // A number JavaScript writes with an exponent.
    expect(parseMoney(1e-6, "wan")).toEqual({ ok: true, fen: 1 });
    expect(parseMoney(1e9, "wan")).toEqual({ ok: true, fen: 1e15 });
  });

  it("refuses finer than 分 (or than the decimals allowed), negatives, text and huge amounts", () => {
    expect(parseMoney("0.001", "yuan")).toEqual({ ok: false, problem: "precision" });
    expect(parseMoney("1.2345678", "wan")).toEqual({ ok: false, problem: "precision" });
    expect(parseMoney(1e-7, "wan")).toEqual({ ok: false, problem: "precision" });
    expect(parseMoney(12.345, "wan", { decimals: 2 })).toEqual({ ok: false, problem: "precision" });
    // 0.1 + 0.2 is not what anyone typed.
    expect(parseMoney(0.1 + 0.2, "wan")).toEqual({ ok: false, problem: "precision" });
    expect(parseMoney(-1, "wan")).toEqual({ ok: false, problem: "format" });
    expect(parseMoney("-1", "wan")).toEqual({ ok: false, problem: "format" });
    expect(parseMoney("1,000", "wan")).toEqual({ ok: false, problem: "format" });
    expect(parseMoney("", "wan")).toEqual({ ok: false, problem: "format" });
    expect(parseMoney(".", "wan")).toEqual({ ok: false, problem: "format" });
    expect(parseMoney(Number.NaN, "wan")).toEqual({ ok: false, problem: "format" });
    expect(parseMoney("1e400", "wan")).toEqual({ ok: false, problem: "range" });
    expect(parseMoney("90000000000", "wan")).toEqual({ ok: false, problem: "range" });
    expect(() => fenOf("1.2345678", "wan")).toThrow(RangeError);
  });

  it("says in Chinese which field is refused and why", () => {
    expect(moneyProblemMessage("年营业收入(万元)", "precision", "wan")).toBe(
      "年营业收入(万元)最多精确到分(以万元计小数点后最多6位)",
    );
    expect(moneyProblemMessage("金额(元)", "precision", "yuan")).toBe(
      "金额(元)最多精确到分(小数点后最多2位)",
    );
    expect(moneyProblemMessage("经费(万元)", "format", "wan")).toBe("经费(万元)应为不小于0的数字");
  });
});

describe("writing 分 back", () => {
  it("as the exact text and number of the unit", () => {
    expect(fenText(96_500_000, "wan")).toBe("96.5");
    expect(fenText(1_234_560_000, "wan")).toBe("1234.56");
    expect(fenText(1, "wan")).toBe("0.000001");
    expect(fenText(0, "wan")).toBe("0");
    expect(fenText(1205, "yuan")).toBe("12.05");
    expect(fenNumber(19_365_000, "wan")).toBe(19.365);
    expect(fenNumber(1e15, "wan")).toBe(1e9);
  });

  it("as displayed: two decimals rounded half-up, a dash when not declared", () => {
    expect(formatFen(820_500_000)).toBe("820.50");
    expect(formatFen(1_200_000_000)).toBe("1200.00");
    expect(formatFen(19_365_000)).toBe("19.37");
    expect(formatFen(19_364_999)).toBe("19.36");
    expect(formatFen(0)).toBe("0.00");
    expect(formatFen(1205, "yuan")).toBe("12.05");
    expect(formatFen(null)).toBe("—");
    expect(formatFen(undefined)).toBe("—");
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe("9007199254.74");
  });

  it("sums exactly what floating point does not", () => {
    const sum = (typed: string[]) => sumFen(typed.map((t) => fenOf(t, "wan")));
    // Floats: 0.1 + 0.2 = 0.30000000000000004.
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(fenText(sum(["0.1", "0.2"]), "wan")).toBe("0.3");
    // Floats: 0.5025 + 0.5025 = 1.00499999…, which rounds to 1.00.
    expect(Math.round((0.5025 + 0.5025) * 100) / 100).toBe(1);
    expect(fenText(sum(["0.5025", "0.5025"]), "wan")).toBe("1.005");
    expect(formatFen(sum(["0.5025", "0.5025"]))).toBe("1.01");
    expect(sumFen([null, 5, undefined, 7])).toBe(12);
  });

  it("turns a threshold into the 分 an amount must reach", () => {
    expect(thresholdFen(500, "wan")).toBe(500_000_000);
    expect(thresholdFen(499.99, "wan")).toBe(499_990_000);
    expect(thresholdFen(500.0000001, "wan")).toBe(500_000_001);
    expect(thresholdFen(0, "wan")).toBe(0);
  });
});

describe("规模以上 at the revenue threshold of 500 万元", () => {
  /** Whether an enterprise of 60 employees with this revenue (万元) is above designated size. */
  function aboveScale(
    revenue: number | string | null,
    threshold = DEFAULT_POLICY.aboveScaleRevenue,
  ): boolean {
    const b = new SnapshotBuilder();
    const city = b.region("市", "city", null);
    const town = b.region("镇", "township", city);
    const h = b.host({ name: "企业", regionId: town, foundedOn: "2010-01-01" });
    b.figures(h, 2024, 60, revenue);
    const facts = hostFactsAsOf(b.snapshot(), "2024-12-31", {
      ...DEFAULT_POLICY,
      aboveScaleRevenue: threshold,
    });
    return facts.get(h)!.aboveScale;
  }

  it("500 万元 exactly is above designated size; 499.99 万元 and one 分 less are not", () => {
    expect(aboveScale(500)).toBe(true);
    expect(aboveScale("500.00")).toBe(true);
    expect(aboveScale(499.99)).toBe(false);
    expect(aboveScale("499.999999")).toBe(false);
    expect(aboveScale(500.01)).toBe(true);
    expect(aboveScale(null)).toBe(false);
  });

  it("a threshold with decimals is met exactly", () => {
    expect(aboveScale(300.3, 300.3)).toBe(true);
    expect(aboveScale(300.29, 300.3)).toBe(false);
    // Revenues that add up in floating point to just under the threshold: 0.1 + 0.2 万元 reaches 0.3.
    expect(aboveScale(fenText(fenOf(0.1, "wan") + fenOf(0.2, "wan"), "wan"), 0.3)).toBe(true);
  });
});
