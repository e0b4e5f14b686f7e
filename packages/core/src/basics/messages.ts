/** The Chinese messages of the five basics' records (what a refusal says, and where). */
export const basicsMessages = {
  notHeld: (member: string, org: string) => `${member}的组织关系不在${org},不能担任其班子成员或后备干部`,
  postTaken: (member: string, since: string) => `${member}自${since}起已在班子中任职,请先结束原职务`,
  secretaryPost: (member: string) =>
    `${member}不是本组织现任书记:书记请在"书记"中登记,班子成员的书记职务须为现任书记`,
  alreadyReserve: (member: string) => `${member}已是本组织的后备干部`,
  sharedNeedsTerritory: "只有属地管理的党组织可以设立共享活动场所(党群服务中心)",
  ownVenueNotShared: "这是组织自有的活动场所,不能链接到其他组织",
  linkOverlaps: (since: string) => `该组织自${since}起已链接此活动场所`,
  ruleAdopted: (rule: string, since: string) => `已于${since}建立${rule}制度`,
  ruleDroppedBeforeAdopted: (rule: string, adoptedOn: string) =>
    `${rule}制度的废止日期须晚于建立日期${adoptedOn}`,
  ruleAlreadyDropped: (rule: string, on: string) => `${rule}制度已于${on}废止`,
  allowanceBeforeTerm: (since: string) => `津贴的开始日期不能早于书记任职日期${since}`,
  fundsFuture: (year: number) => `${year}年尚未开始,不能登记该年度经费`,
  allowanceOnEnded: (since: string) => `该书记任职已于${since}结束,不能登记此后的津贴`,
} as const;

/** The Chinese messages of the sheets (一企一表). */
export const sheetMessages = {
  tooMany: (unit: string, n: number, max: number) =>
    `${unit}辖区内有${n}家两新组织,一次最多打印${max}张表,请按下级单位分别打印`,
} as const;
