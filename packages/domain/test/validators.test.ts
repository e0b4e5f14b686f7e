import { describe, expect, it } from "vitest";
import {
  citizenIdBirthDate,
  citizenIdGender,
  creditCodeCheckChar,
  isValidCitizenId,
  isValidCreditCode,
  maskCitizenId,
  maskCitizenIdsIn,
  withCitizenIdCheckChar,
  withCreditCheckChar,
} from "../src/index.ts";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it("accepts a real public code", () => {
    expect(isValidCreditCode("91350100M000100Y43")).toBe(true);
  });

  it("accepts codes completed with their check character", () => {
    for (const body of ["91350100MA0000001", "52350121MJD123456", "12100000400000624", "91110108551385082"]) {
      const code = withCreditCheckChar(body);
      expect(code).toHaveLength(18);
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it("rejects every other check character", () => {
    const code = "91350100M000100Y43";
    for (const c of "0123456789ABCDEFGHJKLMNPQRTUWXY") {
      if (c === "3") continue;
      expect(isValidCreditCode(code.slice(0, 17) + c)).toBe(false);
    }
  });

  it("rejects malformed codes (length, I/O/S/V/Z, lower case, non-digit region)", () => {
    expect(isValidCreditCode("91350100M000100Y4")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y433")).toBe(false);
    expect(isValidCreditCode("91350100M0001I0Y43")).toBe(false);
    expect(isValidCreditCode("91350100m000100y43")).toBe(false);
    expect(isValidCreditCode("913501A0M000100Y43")).toBe(false);
    expect(creditCodeCheckChar("91350100M000100O4")).toBeNull();
    expect(() => withCreditCheckChar("short")).toThrow(/统一社会信用代码/);
  });
});

describe("公民身份号码 (GB 11643-1999)", () => {
  it("accepts a valid number with X check digit and reads its birth date and gender", () => {
    expect(isValidCitizenId("11010519491231002X")).toBe(true);
    expect(citizenIdBirthDate("11010519491231002X")).toBe("1949-12-31");
    expect(citizenIdGender("11010519491231002X")).toBe("female");
  });

  it("accepts numbers completed with their check digit", () => {
    const id = withCitizenIdCheckChar("35012119800101123");
    expect(isValidCitizenId(id)).toBe(true);
    expect(citizenIdGender(id)).toBe("male");
  });

  it("rejects a wrong check digit, a lower-case x and an impossible birth date", () => {
    expect(isValidCitizenId("110105194912310021")).toBe(false);
    expect(isValidCitizenId("11010519491231002x")).toBe(false);
    const feb30 = withCitizenIdCheckChar("11010519490230002");
    expect(isValidCitizenId(feb30)).toBe(false);
    expect(citizenIdBirthDate(feb30)).toBeNull();
  });

  it("masks all but the first 6 and the last 4 characters", () => {
    expect(maskCitizenId("11010519491231002X")).toBe("110105********002X");
    expect(maskCitizenId("12345")).toBe("*****");
  });

  it("masks every citizen ID in a record or a text, and leaves credit codes and longer numbers alone", () => {
    const id = "11010519491231002X";
    const credit = withCreditCheckChar("91110108551385082");
    expect(
      maskCitizenIdsIn({
        idNumber: "110105194912310038",
        rows: [{ id_number: "bad-but-keyed-123456" }, { 公民身份号码: id }],
        note: `身份号码${id}已更正,信用代码${credit},流水号1${id}`,
        creditCode: credit,
        count: 3,
        none: null,
      }),
    ).toEqual({
      idNumber: "110105********0038",
      rows: [{ id_number: "bad-bu**********3456" }, { 公民身份号码: "110105********002X" }],
      note: `身份号码110105********002X已更正,信用代码${credit},流水号1${id}`,
      creditCode: credit,
      count: 3,
      none: null,
    });
  });
});
