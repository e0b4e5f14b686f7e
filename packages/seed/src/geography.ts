/**
 * 清源市, the fictional demo city. Codes follow the shape of GB/T 2260 (6 digits down to county) plus 3
 * digits for township level (001–099 streets, 100–199 towns, 200–299 xiang, 400+ parks); 3699 is not a
 * real prefecture code.
 */
import type { IndustryLetter } from "./names.ts";

export type TownshipKind = "street" | "town" | "xiang" | "park";

export interface TownshipDef {
  code: string;
  name: string;
  kind: TownshipKind;
  /** Relative number of host units. */
  weight: number;
  /** Target share of operating hosts organizationally covered today. */
  coverageRate: number;
  /** Villages (镇/乡) or communities (街道) whose branches can cover hosts by affiliation. */
  villages: readonly string[];
}

export interface CountyDef {
  code: string;
  name: string;
  short: string;
  townships: readonly TownshipDef[];
}

export const CITY = { code: "369900", name: "清源市", short: "清源" } as const;

export const COUNTIES: readonly CountyDef[] = [
  {
    code: "369902",
    name: "澄江区",
    short: "澄江",
    townships: [
      {
        code: "369902001",
        name: "城关街道",
        kind: "street",
        weight: 1.3,
        coverageRate: 0.44,
        villages: ["文昌社区", "府前社区", "南门社区"],
      },
      {
        code: "369902002",
        name: "东湖街道",
        kind: "street",
        weight: 1.2,
        coverageRate: 0.39,
        villages: ["东湖社区", "望湖社区", "新桥社区"],
      },
      {
        code: "369902003",
        name: "西山街道",
        kind: "street",
        weight: 0.9,
        coverageRate: 0.33,
        villages: ["西山社区", "翠屏社区"],
      },
      {
        code: "369902401",
        name: "澄江高新技术产业园区",
        kind: "park",
        weight: 1.6,
        coverageRate: 0.46,
        villages: [],
      },
    ],
  },
  {
    code: "369921",
    name: "清河县",
    short: "清河",
    townships: [
      {
        code: "369921001",
        name: "新民街道",
        kind: "street",
        weight: 1.0,
        coverageRate: 0.37,
        villages: ["新民社区", "朝阳社区"],
      },
      {
        code: "369921101",
        name: "柳林镇",
        kind: "town",
        weight: 1.1,
        coverageRate: 0.36,
        villages: ["柳林村", "杨家庄村", "河湾村"],
      },
      {
        code: "369921102",
        name: "石桥镇",
        kind: "town",
        weight: 1.0,
        coverageRate: 0.31,
        villages: ["石桥村", "前进村", "大岭村"],
      },
      {
        code: "369921103",
        name: "河口镇",
        kind: "town",
        weight: 0.9,
        coverageRate: 0.29,
        villages: ["河口村", "沙洲村"],
      },
      {
        code: "369921201",
        name: "白沙乡",
        kind: "xiang",
        weight: 0.55,
        coverageRate: 0.26,
        villages: ["白沙村", "枫树村"],
      },
    ],
  },
  {
    code: "369922",
    name: "青山县",
    short: "青山",
    townships: [
      {
        code: "369922001",
        name: "青峰街道",
        kind: "street",
        weight: 1.0,
        coverageRate: 0.4,
        villages: ["青峰社区", "凤凰社区"],
      },
      {
        code: "369922101",
        name: "龙泉镇",
        kind: "town",
        weight: 0.9,
        coverageRate: 0.34,
        villages: ["龙泉村", "高坪村", "竹园村"],
      },
      {
        code: "369922102",
        name: "金坪镇",
        kind: "town",
        weight: 0.9,
        coverageRate: 0.3,
        villages: ["金坪村", "马鞍村"],
      },
      {
        code: "369922201",
        name: "松溪乡",
        kind: "xiang",
        weight: 0.55,
        coverageRate: 0.27,
        villages: ["松溪村", "桃源村"],
      },
      {
        code: "369922202",
        name: "云岭乡",
        kind: "xiang",
        weight: 0.5,
        coverageRate: 0.25,
        villages: ["云岭村", "石门村"],
      },
    ],
  },
];

/** Industry sections by kind of township, as relative weights. */
export const INDUSTRY_MIX: Record<TownshipKind, readonly (readonly [IndustryLetter, number])[]> = {
  park: [
    ["C", 45],
    ["I", 20],
    ["M", 12],
    ["L", 8],
    ["F", 8],
    ["G", 4],
    ["E", 3],
  ],
  street: [
    ["F", 25],
    ["L", 15],
    ["H", 12],
    ["I", 10],
    ["K", 10],
    ["C", 8],
    ["E", 8],
    ["O", 7],
    ["M", 5],
  ],
  town: [
    ["C", 35],
    ["F", 18],
    ["G", 12],
    ["E", 12],
    ["A", 10],
    ["H", 6],
    ["L", 4],
    ["O", 3],
  ],
  xiang: [
    ["A", 40],
    ["F", 20],
    ["C", 20],
    ["H", 10],
    ["G", 5],
    ["E", 5],
  ],
};

/** Share of social organizations among hosts by kind of township. */
export const SOCIAL_SHARE: Record<TownshipKind, number> = {
  park: 0.08,
  street: 0.38,
  town: 0.24,
  xiang: 0.18,
};
