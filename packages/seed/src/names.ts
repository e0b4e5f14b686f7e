/**
 * Name pools for the fictional demo city. Every company, association, village and person is invented;
 * any likeness to a real one is chance.
 */
import type { Rng } from "./random.ts";

const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 72],
  ["李", 72],
  ["张", 68],
  ["刘", 55],
  ["陈", 46],
  ["杨", 32],
  ["黄", 24],
  ["赵", 23],
  ["吴", 21],
  ["周", 20],
  ["徐", 17],
  ["孙", 15],
  ["马", 14],
  ["朱", 13],
  ["胡", 12],
  ["郭", 12],
  ["何", 11],
  ["高", 11],
  ["林", 10],
  ["罗", 9],
  ["郑", 9],
  ["梁", 8],
  ["谢", 7],
  ["宋", 7],
  ["唐", 7],
  ["许", 6],
  ["韩", 6],
  ["冯", 6],
  ["邓", 6],
  ["曹", 5],
  ["彭", 5],
  ["曾", 5],
  ["肖", 5],
  ["田", 5],
  ["董", 5],
  ["袁", 4],
  ["潘", 4],
  ["蒋", 4],
  ["蔡", 4],
  ["余", 4],
  ["杜", 4],
  ["叶", 4],
  ["程", 4],
  ["苏", 3],
  ["魏", 3],
  ["吕", 3],
  ["丁", 3],
  ["任", 3],
  ["沈", 3],
  ["姚", 3],
  ["卢", 3],
  ["姜", 3],
  ["崔", 3],
  ["钟", 3],
  ["谭", 3],
  ["陆", 2],
  ["汪", 2],
  ["范", 2],
  ["金", 2],
  ["石", 2],
  ["廖", 2],
  ["贾", 2],
  ["夏", 2],
  ["方", 2],
  ["邹", 2],
  ["熊", 2],
  ["秦", 2],
  ["江", 2],
  ["侯", 1],
  ["龙", 1],
  ["万", 1],
  ["欧阳", 1],
  ["上官", 1],
];

const MALE_CHARS = [
  ..."伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘",
];
const FEMALE_CHARS = [
  ..."秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽",
];

export function personName(rng: Rng, gender: "male" | "female"): string {
  const surname = rng.weighted(SURNAMES);
  const pool = gender === "male" ? MALE_CHARS : FEMALE_CHARS;
  const given = rng.chance(0.72) ? rng.pick(pool) + rng.pick(pool) : rng.pick(pool);
  return surname + given;
}

/** Characters of trade names (字号). */
export const BRAND_CHARS = [
  ..."恒达鑫隆瑞丰华盛泰康宏远金源鼎晟信诚永安佳和润博嘉昌兴旺祥邦锦德凯亿辉腾创明天宇新海中正通伟力星光瀚聚合众诺捷联悦科嘉汇益宝福禄荣升顺利豪鸿运峰晨曦卓越致远同心长青森茂汇丰腾飞",
].filter((c, i, all) => all.indexOf(c) === i);

export function brand(rng: Rng): string {
  const a = rng.pick(BRAND_CHARS);
  let b = rng.pick(BRAND_CHARS);
  while (b === a) b = rng.pick(BRAND_CHARS);
  return a + b;
}

/** GB/T 4754 sections used by the generator. */
export const INDUSTRY_LETTERS = [
  "A",
  "C",
  "E",
  "F",
  "G",
  "H",
  "I",
  "K",
  "L",
  "M",
  "O",
  "P",
  "Q",
  "R",
  "S",
] as const;
export type IndustryLetter = (typeof INDUSTRY_LETTERS)[number];

/** Business words per industry and revenue per employee in 万元 (order of magnitude only). */
export const ENTERPRISE_WORDS: Partial<
  Record<IndustryLetter, { words: readonly string[]; perHead: number }>
> = {
  A: { words: ["农业开发", "生态农业", "种植", "养殖", "林业发展", "水产养殖", "茶业"], perHead: 12 },
  C: {
    words: [
      "机械制造",
      "电子科技",
      "精密铸造",
      "塑胶制品",
      "食品",
      "纺织",
      "服饰",
      "家具制造",
      "新材料科技",
      "化工",
      "包装材料",
      "汽车零部件",
      "五金制品",
      "建材",
      "印务",
      "制药",
      "光电科技",
      "电气设备",
    ],
    perHead: 32,
  },
  E: { words: ["建筑工程", "建设工程", "装饰工程", "市政工程", "安装工程"], perHead: 40 },
  F: { words: ["商贸", "贸易", "连锁超市", "医药连锁", "农资", "建材销售", "汽车销售服务"], perHead: 55 },
  G: { words: ["物流", "运输", "仓储", "快运", "冷链物流"], perHead: 26 },
  H: { words: ["餐饮管理", "酒店管理", "宾馆"], perHead: 11 },
  I: { words: ["网络科技", "软件", "信息技术", "数据科技", "通信技术"], perHead: 38 },
  K: { words: ["房地产开发", "物业服务", "置业"], perHead: 45 },
  L: { words: ["企业管理咨询", "人力资源服务", "广告传媒", "会展服务", "劳务服务"], perHead: 18 },
  M: { words: ["检测技术", "工程设计", "环境科技", "生物科技"], perHead: 30 },
  O: { words: ["家政服务", "汽车维修", "美容美发"], perHead: 9 },
};

/** Topics of 社会团体 (associations, chambers). */
export const ASSOCIATION_TOPICS = [
  "物流",
  "餐饮行业",
  "建筑业",
  "个体劳动者",
  "私营企业",
  "电子商务",
  "家具行业",
  "茶叶",
  "果蔬产销",
  "养殖业",
  "摄影家",
  "书法家",
  "老年体育",
  "篮球",
  "围棋",
  "慈善",
  "志愿者",
  "青年创业",
  "女企业家",
  "诚信建设促进",
  "消费者",
  "汽车维修行业",
  "美容美发行业",
  "旅游",
  "烹饪",
  "装饰装修行业",
  "房地产业",
  "软件行业",
  "机械工业",
  "食品行业",
  "中医药",
  "家庭教育",
  "钓鱼",
  "乡村振兴促进",
  "科普",
  "安全生产",
];

/** Kinds of 民办非企业单位 (social service agencies): name suffix and industry section. */
export const AGENCY_KINDS: readonly (readonly [string, IndustryLetter])[] = [
  ["幼儿园", "P"],
  ["培训学校", "P"],
  ["职业技能培训学校", "P"],
  ["养老服务中心", "Q"],
  ["社会工作服务中心", "Q"],
  ["康复医院", "Q"],
  ["口腔门诊部", "Q"],
  ["青少年活动中心", "R"],
  ["文化传播中心", "R"],
  ["心理咨询服务中心", "Q"],
  ["颐养院", "Q"],
];

export const FOUNDATION_TOPICS = ["助学", "慈善", "乡村振兴", "见义勇为", "文化发展"];

export const ROADS = [
  "人民路",
  "解放路",
  "建设大道",
  "工业大道",
  "滨江路",
  "文化路",
  "新华街",
  "兴业路",
  "科技大道",
  "创业路",
  "光明街",
  "和平路",
  "青年路",
  "府前街",
  "长青路",
  "清源大道",
];

/** Where a member's relationship may be held outside the city's tree. */
export const OUTSIDE_ORGS_IN_CITY = ["清源市人才交流服务中心党委", "清源市流动党员服务中心党支部"];

const OUTSIDE_COUNTIES = ["东陵县", "南屏县", "北川镇", "西岭县", "临江县", "平阳县", "安和县", "永宁县"];
const OUTSIDE_UNITS = [
  "城关镇东街村党支部",
  "城关镇党委",
  "和平社区党支部",
  "新庄村党支部",
  "人才服务中心党委",
  "王家湾村党支部",
  "建设街道党工委",
];

export function outsideOrgName(rng: Rng): string {
  return `外省${rng.pick(OUTSIDE_COUNTIES)}${rng.pick(OUTSIDE_UNITS)}`;
}

/** Organs outside the tree that dispatch instructors. */
export const DISPATCH_ORGANS = [
  "市场监督管理局",
  "工商业联合会",
  "人力资源和社会保障局",
  "民政局",
  "科学技术局",
  "总工会",
  "商务局",
];

export const DEPARTMENTS = ["生产", "技术研发", "营销", "机关", "后勤保障", "质量管理", "工程项目部", "运营"];

export const BUILDINGS = ["金融大厦", "国贸中心", "万和广场", "创业大厦", "时代广场", "科创大厦", "商务中心"];
