/** Valid, unique, invented identifiers: unified social credit codes and citizen ID numbers. */
import { withCitizenIdCheckChar, withCreditCheckChar, type IsoDate } from "@liangxin/domain";
import type { Rng } from "./random.ts";

/** Characters allowed in a credit code (no I, O, S, V, Z). */
const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of the 8-character organization code body. */
function orgCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i] as string;
    const v = ch >= "0" && ch <= "9" ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * (ORG_CODE_WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

export type CreditKind = "enterprise" | "cooperative" | "association" | "agency" | "foundation";

const CREDIT_PREFIX: Record<CreditKind, string> = {
  enterprise: "91",
  cooperative: "93",
  association: "51",
  agency: "52",
  foundation: "53",
};

export class CodeFactory {
  private readonly credit = new Set<string>();
  private readonly citizen = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** An 18-character credit code registered in `adminCode`; newer units get the `MA…` style body. */
  creditCode(kind: CreditKind, adminCode: string, newStyle: boolean): string {
    for (;;) {
      let body8: string;
      if (newStyle) {
        body8 = "MA";
        for (let i = 0; i < 6; i++)
          body8 += this.rng.chance(0.75)
            ? String(this.rng.int(0, 9))
            : this.rng.pick([...CREDIT_CHARS.slice(10)]);
      } else {
        body8 = String(this.rng.int(1, 9)) + this.rng.digits(7);
      }
      const code = withCreditCheckChar(CREDIT_PREFIX[kind] + adminCode + body8 + orgCodeCheck(body8));
      if (!this.credit.has(code)) {
        this.credit.add(code);
        return code;
      }
    }
  }

  /** An 18-digit citizen ID for someone born on `birthDate`, its 17th digit odd for men, even for women. */
  citizenId(addressCode: string, birthDate: IsoDate, gender: "male" | "female"): string {
    const ymd = birthDate.replaceAll("-", "");
    for (;;) {
      const seq = this.rng.digits(2);
      const genderDigit = gender === "male" ? this.rng.pick([1, 3, 5, 7, 9]) : this.rng.pick([0, 2, 4, 6, 8]);
      const id = withCitizenIdCheckChar(addressCode + ymd + seq + String(genderDigit));
      if (!this.citizen.has(id)) {
        this.citizen.add(id);
        return id;
      }
    }
  }
}
