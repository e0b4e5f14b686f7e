/** Every message a user reads from the write commands, in Chinese. */
export const commandMessages = {
  hostRegionNotTownship: "两新组织须位于乡镇(街道、园区)级行政区划",
  creditCodeTaken: (code: string) => `统一社会信用代码“${code}”已登记`,
  orgCodeTaken: (code: string) => `组织代码“${code}”已使用`,
  /** A citizen ID registered already, wherever and as whatever: one answer that names nothing. */
  personRegistered: "该人员不能在此登记,请通过组织关系接转办理",
  instructorNumberTaken: (n: string) => `指导员编号“${n}”已使用`,
  closedBeforeFounded: "注销日期应晚于成立日期",
  managementUnderGrassroots: (org: string, parent: string) =>
    `管理单位“${org}”不能隶属于基层党组织“${parent}”`,
  grassrootsWithTerritory: "基层党组织不设管辖区划",
  managementWithMode: "管理单位不设组建方式",
  managementWithPartyGroups: "管理单位不设党小组:党小组设在基层党委、党总支、党支部和联合党支部之下",
  rootCannotMove: (org: string) => `“${org}”是最上级党组织,不能调整隶属关系`,
  reparentCycle: (org: string, to: string) => `不能把“${org}”调整到其自身或其下级“${to}”之下`,
  reparentSameParent: (org: string, to: string) => `“${org}”的上级已是“${to}”`,
  reparentFuture: (date: string, today: string) => `隶属变更日期${date}不能晚于今天(${today})`,
  reparentBeforeLast: (date: string, last: string) => `隶属变更日期${date}应晚于上一次变更或成立日期${last}`,
  reparentRevoked: (org: string) => `“${org}”已撤销,不能调整隶属关系`,
  coverageByManagement: (org: string) => `“${org}”是管理单位,覆盖关系应登记在基层党组织上`,
  coverageHostClosed: (host: string, date: string) => `两新组织“${host}”在${date}未在经营期内`,
  coverageHostTwice: "同一两新组织在本次登记中选了两次,请去掉重复的一项",
  coverageAcrossBoundary: (host: string) =>
    `两新组织“${host}”不在本单位属地,不能直接登记覆盖关系,请在“覆盖申请”中提出申请,由其所在乡镇(街道、园区)确认`,
  coverageRequestOwnTerritory: (host: string) =>
    `两新组织“${host}”在本单位属地内,无需申请,请在该两新组织的页面直接登记覆盖关系`,
  coverageRequestPending: (org: string, host: string) =>
    `“${org}”覆盖“${host}”的申请正在等待确认,请勿重复提出`,
  coverageRequestDecided: "该覆盖申请已处理,不能重复处理",
  coverageRejectReason: "退回覆盖申请须填写理由",
  alreadyEnded: (date: string) => `该记录已于${date}结束`,
  dualLinkSelf: "双重管理不能关联党组织自身,请填写另一个区域综合党组织的组织代码",
  dualLinkNotRegional: (org: string) =>
    `“${org}”不是区域综合党组织(区域联建或网格建),请填写区域综合党组织的组织代码`,
  dualLinkOverlap: (org: string, regional: string) =>
    `“${org}”与“${regional}”已有在期的双重管理关系,无需重复建立`,
  secretaryNotHeld: (member: string, org: string) =>
    `党员“${member}”的组织关系不在“${org}”或状态不是正常,不能担任其书记,请选择本组织的正常党员`,
  memberNotNormal: (member: string) => `党员“${member}”当前状态不是正常,不能办理此事项`,
  memberOrgNotGrassroots: (org: string) => `“${org}”不是基层党组织,党员组织关系应在基层党组织`,
  citizenIdBirthMismatch: (birth: string) => `出生日期应与公民身份号码一致(${birth})`,
  statusBeforeLast: (date: string, last: string) => `状态变更日期${date}不能早于上次变更日期${last}`,
  transferPending: (member: string) => `党员“${member}”已有待处理的组织关系接转`,
  transferSameOrg: "转入党组织与现所在党组织相同",
  transferMoved: (member: string) => `党员“${member}”的组织关系在申请后已发生变化,请重新申请`,
  transferBeforeStart: (date: string, start: string) => `接转生效日期${date}应晚于现组织关系开始日期${start}`,
  rejectReasonRequired: "打回组织关系接转须填写理由",
  policyNoChange: "请至少填写一项政策参数",
  assignmentOverlap: (instructor: string, host: string) =>
    `指导员“${instructor}”与“${host}”已有在期的指导关系`,
  instructorRegistrarNotManagement: (org: string) => `登记单位“${org}”应为管理单位`,
  workplaceBeforeLast: (date: string, last: string) =>
    `到现工作单位日期${date}应晚于上一工作单位开始日期${last}`,
  feeBandInverted: "基本保障:管理费列支下限不能高于上限",
} as const;
