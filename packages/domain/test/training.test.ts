import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AppError,
  countsOn,
  shareText,
  trainedBy,
  trainedShare,
  untrained,
  validateTraining,
} from "../src/index.ts";

const DAY = "2026-12-03";

describe("a training's fields", () => {
  const ok = { title: "书记培训班", startOn: "2026-05-10", endOn: "2026-05-12", hours: 16 };
  it("accepts a titled training in order, with or without 学时", () => {
    expect(() => validateTraining(ok)).not.toThrow();
    expect(() => validateTraining({ ...ok, hours: null })).not.toThrow();
    expect(() => validateTraining({ ...ok, endOn: ok.startOn })).not.toThrow();
  });
  it("refuses no title, an end before the start, 学时 not above 0", () => {
    const rule = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return e instanceof AppError ? `${e.code}:${e.rule}:${e.message}` : "other";
      }
      return "none";
    };
    expect(rule(() => validateTraining({ ...ok, title: "  " }))).toBe("RULE:TRAINING_TITLE:请填写培训名称");
    expect(rule(() => validateTraining({ ...ok, endOn: "2026-05-09" }))).toMatch(
      /^RULE:TRAINING_DATES:.*早于/,
    );
    expect(rule(() => validateTraining({ ...ok, hours: 0 }))).toMatch(/^RULE:TRAINING_HOURS/);
    expect(rule(() => validateTraining({ ...ok, hours: -2 }))).toMatch(/^RULE:TRAINING_HOURS/);
  });
});

describe("which trainings count on a day", () => {
  it("this year up to the day, both ends included", () => {
    expect(countsOn("2026-01-01", DAY)).toBe(true);
    expect(countsOn(DAY, DAY)).toBe(true);
    expect(countsOn("2026-12-04", DAY)).toBe(false);
    expect(countsOn("2025-12-31", DAY)).toBe(false);
    expect(countsOn("2027-01-01", DAY)).toBe(false);
  });
  it("a training of last year or one that starts after the day trains no one", () => {
    const trained = trainedBy(
      [
        { person: 1, startOn: "2025-11-20" },
        { person: 2, startOn: "2026-12-04" },
        { person: 3, startOn: "2026-03-01" },
      ],
      DAY,
    );
    expect([...trained]).toEqual([3]);
    expect(trainedShare([1, 2, 3], trained)).toEqual({ total: 3, trained: 1, share: 1 / 3 });
  });
});

describe("the share counts each person once at every level", () => {
  it("a secretary of two organizations, trained twice, is one person trained", () => {
    const trained = trainedBy(
      [
        { person: 7, startOn: "2026-04-01" },
        { person: 7, startOn: "2026-09-01" },
      ],
      DAY,
    );
    const s = trainedShare([7, 7, 8], trained);
    expect(s).toEqual({ total: 2, trained: 1, share: 0.5 });
    expect(shareText(s)).toBe("50.0%");
    expect(untrained([7, 8, 8], trained)).toEqual([8]);
    expect(shareText(trainedShare([], trained))).toBe("—");
  });

  const person = fc.integer({ min: 1, max: 30 });
  const children = fc.array(fc.array(person, { maxLength: 12 }), { minLength: 1, maxLength: 5 });
  const participations = fc.array(
    fc.record({
      person,
      startOn: fc.constantFrom("2025-06-01", "2026-01-01", "2026-07-15", DAY, "2026-12-04", "2026-12-31"),
    }),
    { maxLength: 40 },
  );

  it("a parent's figure is over the union of its children's persons, never their sum", () => {
    fc.assert(
      fc.property(children, participations, (kids, parts) => {
        const trained = trainedBy(parts, DAY);
        const parent = trainedShare(kids.flat(), trained);
        const union = new Set(kids.flat());
        expect(parent.total).toBe(union.size);
        expect(parent.trained).toBe([...union].filter((p) => trained.has(p)).length);
        const rows = kids.map((k) => trainedShare(k, trained));
        expect(parent.total).toBeLessThanOrEqual(rows.reduce((a, r) => a + r.total, 0));
        expect(parent.trained).toBeLessThanOrEqual(rows.reduce((a, r) => a + r.trained, 0));
        for (const r of rows) {
          expect(r.trained).toBeLessThanOrEqual(parent.trained);
          expect(r.total).toBeLessThanOrEqual(parent.total);
        }
        expect(parent.trained + untrained(kids.flat(), trained).length).toBe(parent.total);
        // Listing a person again, or training them again, moves nothing.
        const again = trainedShare([...kids.flat(), ...kids.flat()], trainedBy([...parts, ...parts], DAY));
        expect(again).toEqual(parent);
      }),
    );
  });
});
