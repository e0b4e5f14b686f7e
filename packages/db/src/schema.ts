/**
 * The Liangxin schema. Column names are camelCase here and snake_case in SQLite (casing set once in
 * drizzle.config.ts and the client). Dates are ISO `YYYY-MM-DD` text; every dated relation is half-open
 * [startOn, endOn). People are never deleted: they leave by a dated status change.
 */
import {
  ASSESSMENT_GRADES,
  AWARD_DECISIONS,
  clock,
  COMMITTEE_POSTS,
  HONOUR_LEVELS,
  PARTICIPANT_KINDS,
  REVIEW_GRADES,
  TRAINING_KINDS,
  FUND_SOURCES,
  ORG_RULES,
  SECRETARY_KINDS,
  SECRETARY_SOURCES,
  VENUE_STATUSES,
} from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * When a row was written: from the one clock (`clock.nowIso()`, pinnable) for every insert made through
 * drizzle. There is no SQL default (migration 0001 dropped SQLite's 'now'): hand-written SQL must name it,
 * or the insert fails.
 */
const createdAt = () =>
  text()
    .notNull()
    .$defaultFn(() => clock.nowIso());

/** 行政区划 (属地): city → county → township. `path` holds ids: `/1/5/23/`. */
export const regions = sqliteTable(
  "regions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    code: text().notNull(),
    name: text().notNull(),
    level: text({ enum: ["city", "county", "township"] }).notNull(),
    parentId: integer(),
    path: text().notNull(),
    depth: integer().notNull(),
  },
  (t) => [uniqueIndex("regions_code_uq").on(t.code), index("regions_path_idx").on(t.path)],
);

/**
 * 党组织 (隶属关系). Management nodes (市级工委, 县级工委, 乡镇党委, 园区党工委, 行业党委) and grassroots
 * organizations (基层党委, 党总支, 党支部, 联合党支部). `parentId`/`path` are today's tree; earlier superiors
 * come from `org_reparentings`.
 */
export const orgs = sqliteTable(
  "orgs",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    code: text().notNull(),
    name: text().notNull(),
    category: text({
      enum: [
        "cityCommittee",
        "countyCommittee",
        "townshipCommittee",
        "parkCommittee",
        "industryCommittee",
        "committee",
        "generalBranch",
        "branch",
        "jointBranch",
      ],
    }).notNull(),
    parentId: integer(),
    path: text().notNull(),
    depth: integer().notNull(),
    /** The territory a management node manages (none for 行业党委 and grassroots organizations). */
    regionId: integer().references(() => regions.id),
    formationMode: text({
      enum: ["standalone", "joint", "affiliated", "hosted", "regional", "grid"],
    }),
    foundedOn: text().notNull(),
    revokedOn: text(),
    lastElectionOn: text(),
    /** Whether the organization has 党小组 (a 党小组会 is expected only where it does). */
    hasPartyGroups: integer({ mode: "boolean" }).notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("orgs_code_uq").on(t.code),
    index("orgs_path_idx").on(t.path),
    index("orgs_parent_idx").on(t.parentId),
    index("orgs_region_idx").on(t.regionId),
  ],
);

/** 隶属变更: the new superior holds from `effectiveOn`. */
export const orgReparentings = sqliteTable(
  "org_reparentings",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    fromParentId: integer()
      .notNull()
      .references(() => orgs.id),
    toParentId: integer()
      .notNull()
      .references(() => orgs.id),
    effectiveOn: text().notNull(),
    docNo: text(),
    reason: text(),
    createdAt: createdAt(),
  },
  (t) => [index("org_reparentings_org_idx").on(t.orgId, t.effectiveOn)],
);

/** 双重管理: a horizontal link from an organization to a regional organization. Visibility, never a count. */
export const dualLinks = sqliteTable(
  "dual_links",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    regionalOrgId: integer()
      .notNull()
      .references(() => orgs.id),
    startOn: text().notNull(),
    endOn: text(),
  },
  (t) => [index("dual_links_org_idx").on(t.orgId), index("dual_links_regional_idx").on(t.regionalOrgId)],
);

/** 两新组织: 非公企业 or 社会组织, located in one township-level region. */
export const hosts = sqliteTable(
  "hosts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    creditCode: text().notNull(),
    name: text().notNull(),
    kind: text({ enum: ["enterprise", "socialOrg"] }).notNull(),
    industry: text(),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    foundedOn: text().notNull(),
    closedOn: text(),
    ownerName: text(),
    ownerIsMember: integer({ mode: "boolean" }).notNull().default(false),
    contactPhone: text(),
    address: text(),
    unionOn: text(),
    youthLeagueOn: text(),
    womenOn: text(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("hosts_credit_code_uq").on(t.creditCode),
    index("hosts_region_idx").on(t.regionId),
    index("hosts_name_idx").on(t.name),
  ],
);

/** 经营数据: employees and revenue per host and year; the revenue in whole 分 (users type and read 万元). */
export const hostYears = sqliteTable(
  "host_years",
  {
    hostId: integer()
      .notNull()
      .references(() => hosts.id),
    year: integer().notNull(),
    employees: integer().notNull(),
    revenueFen: integer(),
    /** 职工工资总额 of the year in whole 分 (users type and read 万元); null: not recorded. */
    payrollFen: integer(),
  },
  (t) => [primaryKey({ columns: [t.hostId, t.year] })],
);

/** 覆盖关系: the topmost organization of a unit formally covers a host over [startOn, endOn). */
export const coverages = sqliteTable(
  "coverages",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    hostId: integer()
      .notNull()
      .references(() => hosts.id),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    startOn: text().notNull(),
    endOn: text(),
  },
  (t) => [
    index("coverages_host_idx").on(t.hostId, t.startOn),
    index("coverages_org_idx").on(t.orgId, t.startOn),
  ],
);

/** 党员. Never deleted. `orgId` is today's holder (null when held outside the city's tree). */
export const members = sqliteTable(
  "members",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    idNumber: text().notNull(),
    name: text().notNull(),
    gender: text({ enum: ["male", "female"] }).notNull(),
    birthDate: text(),
    joinedOn: text().notNull(),
    fullOn: text(),
    orgId: integer().references(() => orgs.id),
    outsideOrgName: text(),
    workHostId: integer().references(() => hosts.id),
    workSince: text(),
    jobCategory: text({ enum: ["owner", "manager", "professional", "frontline", "other"] }),
    status: text({ enum: ["normal", "transferredOut", "expelled", "deceased", "stopped"] })
      .notNull()
      .default("normal"),
    statusOn: text(),
    mobile: integer({ mode: "boolean" }).notNull().default(false),
    lostContact: integer({ mode: "boolean" }).notNull().default(false),
    pocket: integer({ mode: "boolean" }).notNull().default(false),
    phone: text(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("members_id_number_uq").on(t.idNumber),
    index("members_org_idx").on(t.orgId),
    index("members_work_host_idx").on(t.workHostId),
    index("members_name_idx").on(t.name),
  ],
);

/** Dated formal relationship: held by `orgId`, or outside the tree (`orgId` null, `outsideOrgName`). */
export const memberRelationships = sqliteTable(
  "member_relationships",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    orgId: integer().references(() => orgs.id),
    outsideOrgName: text(),
    startOn: text().notNull(),
    endOn: text(),
  },
  // Both indexes carry the dates and the other id: the year-end report reads every member's row in force
  // from the member index alone, the five-basics board its members per organization from the
  // organization index alone (no table lookup per row; issue 25).
  (t) => [
    index("member_relationships_member_idx").on(t.memberId, t.startOn, t.endOn, t.orgId),
    index("member_relationships_org_idx").on(t.orgId, t.startOn, t.endOn, t.memberId),
  ],
);

/** Dated workplace: the host where the member works. */
export const memberWorkplaces = sqliteTable(
  "member_workplaces",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    hostId: integer()
      .notNull()
      .references(() => hosts.id),
    startOn: text().notNull(),
    endOn: text(),
  },
  // As the relationships': the report's workers per host read from the member index alone (issue 25).
  (t) => [
    index("member_workplaces_member_idx").on(t.memberId, t.startOn, t.endOn, t.hostId),
    index("member_workplaces_host_idx").on(t.hostId, t.startOn),
  ],
);

/** Status changes (转出/出党/死亡/停止党籍, or back to 正常), each from its date. */
export const memberStatusEvents = sqliteTable(
  "member_status_events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    status: text({ enum: ["normal", "transferredOut", "expelled", "deceased", "stopped"] }).notNull(),
    effectiveOn: text().notNull(),
    reason: text(),
    createdAt: createdAt(),
  },
  (t) => [index("member_status_events_member_idx").on(t.memberId, t.effectiveOn)],
);

/** 组织关系接转: request → accepted | rejected. */
export const transfers = sqliteTable(
  "transfers",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    fromOrgId: integer().references(() => orgs.id),
    toOrgId: integer().references(() => orgs.id),
    outsideOrgName: text(),
    requestedOn: text().notNull(),
    effectiveOn: text().notNull(),
    state: text({ enum: ["pending", "accepted", "rejected"] })
      .notNull()
      .default("pending"),
    decidedOn: text(),
    decisionReason: text(),
    requestedBy: integer(),
    decidedBy: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    index("transfers_member_idx").on(t.memberId),
    index("transfers_to_idx").on(t.toOrgId, t.state),
    index("transfers_from_idx").on(t.fromOrgId, t.state),
  ],
);

/** 发展党员: a person in the development pipeline, each stage dated. */
export const applicants = sqliteTable(
  "applicants",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    idNumber: text().notNull(),
    name: text().notNull(),
    gender: text({ enum: ["male", "female"] }).notNull(),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    workHostId: integer().references(() => hosts.id),
    appliedOn: text().notNull(),
    activistOn: text(),
    candidateOn: text(),
    probationaryOn: text(),
    fullOn: text(),
    memberId: integer().references(() => members.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("applicants_id_number_uq").on(t.idNumber), index("applicants_org_idx").on(t.orgId)],
);

/** 书记: at most one per organization at a time. */
export const secretaries = sqliteTable(
  "secretaries",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    startOn: text().notNull(),
    endOn: text(),
    /** 专职 / 兼职 (null: not recorded). */
    kind: text({ enum: SECRETARY_KINDS }),
    /** 企业主 / 管理层 / 工会主席 / 选派 (null: not recorded). */
    source: text({ enum: SECRETARY_SOURCES }),
  },
  (t) => [
    index("secretaries_org_idx").on(t.orgId, t.startOn),
    index("secretaries_member_idx").on(t.memberId),
  ],
);

/** 党建工作指导员. Dispatched by an organization of the tree, or by an organ outside it. */
export const instructors = sqliteTable(
  "instructors",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    number: text().notNull(),
    name: text().notNull(),
    kind: text({ enum: ["fullTime", "partTime", "seconded"] }).notNull(),
    dispatchOrgId: integer().references(() => orgs.id),
    dispatchOrgName: text(),
    /** The management node that keeps the record. */
    registeredById: integer()
      .notNull()
      .references(() => orgs.id),
    phone: text(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("instructors_number_uq").on(t.number),
    index("instructors_dispatch_idx").on(t.dispatchOrgId),
    index("instructors_registered_idx").on(t.registeredById),
  ],
);

/** 指导关系: an instructor assigned to a host over [startOn, endOn). */
export const assignments = sqliteTable(
  "assignments",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    instructorId: integer()
      .notNull()
      .references(() => instructors.id),
    hostId: integer()
      .notNull()
      .references(() => hosts.id),
    startOn: text().notNull(),
    endOn: text(),
  },
  (t) => [
    index("assignments_instructor_idx").on(t.instructorId, t.startOn),
    index("assignments_host_idx").on(t.hostId, t.startOn),
  ],
);

/** 政策参数: dated, set at city level; `params` is the JSON of the domain's Policy. */
export const policies = sqliteTable(
  "policies",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    effectiveOn: text().notNull(),
    params: text({ mode: "json" }).notNull(),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("policies_effective_uq").on(t.effectiveOn)],
);

/** Users: bound to an organization (administrators, secretaries) or to one host (owner). */
export const users = sqliteTable(
  "users",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    username: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    role: text({ enum: ["admin", "secretary", "owner"] }).notNull(),
    orgId: integer().references(() => orgs.id),
    hostId: integer().references(() => hosts.id),
    disabled: integer({ mode: "boolean" }).notNull().default(false),
    /**
     * Set when an administrator chose the password (created the account, or reset it): the user must set
     * a new one before anything else. Accounts of the seed and the command line start without it.
     */
    mustChangePassword: integer({ mode: "boolean" }).notNull().default(false),
    passwordChangedAt: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_username_uq").on(t.username), index("users_org_idx").on(t.orgId)],
);

/**
 * Signed-in sessions: the signed session token carries a random id, of which only the SHA-256 is stored.
 * A session ends by sign-out (that one), by a password change, reset or disable (all of the user's), by an
 * administrator, after the policy's idle minutes without a request, or 8 hours after sign-in. An ended
 * session's row is deleted (the audit log keeps the events).
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    tokenHash: text().notNull(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: text().notNull(),
    lastSeenAt: text().notNull(),
    userAgent: text(),
    clientAddress: text(),
  },
  (t) => [uniqueIndex("sessions_token_uq").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

/**
 * Sign-in throttling (rate-limiter-flexible's SQLite store, opened with `tableCreated: true`): one row per
 * key (`<prefix>:<username>|<address>` or `<prefix>:<address>`) with the points consumed and when they
 * expire (epoch milliseconds). Its shape is the library's; the table is created here, by a migration.
 */
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text().primaryKey(),
    points: integer().notNull().default(0),
    expire: integer(),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

/** Audit log: who, when, what, before, after. Written in the same transaction as the change. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: createdAt(),
    userId: integer(),
    username: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    /** The organization whose scope this entry belongs to (for searching within scope). */
    scopeOrgId: integer(),
    before: text({ mode: "json" }),
    after: text({ mode: "json" }),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_scope_idx").on(t.scopeOrgId, t.at)],
);

export type Region = typeof regions.$inferSelect;
export type Org = typeof orgs.$inferSelect;
export type Host = typeof hosts.$inferSelect;
export type Member = typeof members.$inferSelect;
export type Instructor = typeof instructors.$inferSelect;
export type User = typeof users.$inferSelect;

/**
 * 年报上报: one row per management node and year. `figures` holds the frozen report (rows with their
 * parts) once submitted; approved figures never change afterwards.
 */
export const reportSubmissions = sqliteTable(
  "report_submissions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    year: integer().notNull(),
    state: text({ enum: ["submitted", "returned", "approved"] }).notNull(),
    figures: text({ mode: "json" }).notNull(),
    checks: text({ mode: "json" }),
    /** Written explanations of warnings, keyed by check code. */
    explanations: text({ mode: "json" }),
    submittedBy: integer().references(() => users.id),
    submittedAt: text(),
    /** 单位负责人 and 填表人 named at 上报 (issue 20); null on rows submitted before, or by the system. */
    unitHead: text(),
    preparer: text(),
    decidedBy: integer().references(() => users.id),
    decidedAt: text(),
    returnReason: text(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("report_submissions_org_year_uq").on(t.orgId, t.year)],
);

/** A report row's records (`encodeRowRecords`): its place, kind and organization, and the encoded ids. */
const rowRecordColumns = () => ({
  rowIndex: integer().notNull(),
  rowKind: text({ enum: ["child", "direct"] }).notNull(),
  rowOrgId: integer()
    .notNull()
    .references(() => orgs.id),
  data: text().notNull(),
});

/**
 * The records behind each row of a submitted report (issue 18): for a child or 直属 row, the ids of the
 * hosts, grassroots organizations and members it counted, with the facts they were counted with, encoded
 * compactly (`encodeRowRecords`: id deltas and flag runs). Written with the figures at submission and
 * replaced on resubmission: a drill-down of a frozen figure lists exactly these, and a parent's 校核
 * compares them with the live records.
 */
export const reportRecords = sqliteTable(
  "report_records",
  {
    submissionId: integer()
      .notNull()
      .references(() => reportSubmissions.id),
    ...rowRecordColumns(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.rowIndex] })],
);

/**
 * A stored 校核 (issue 18): the figures and records of a node's live report for a year, kept when its
 * administrator saves the check of a year not submitted. A past year that changes afterwards is flagged
 * "数据已变更" against the newer of its last stored check and its last submission. Append-only: the newest
 * row of a node and year is the one compared with.
 */
export const reportChecks = sqliteTable(
  "report_checks",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    year: integer().notNull(),
    figures: text({ mode: "json" }).notNull(),
    checks: text({ mode: "json" }).notNull(),
    checkedBy: integer().references(() => users.id),
    checkedAt: text().notNull(),
  },
  (t) => [index("report_checks_org_year_idx").on(t.orgId, t.year, t.id)],
);

/** The records behind each row of a stored 校核, encoded as `report_records`. */
export const reportCheckRecords = sqliteTable(
  "report_check_records",
  {
    checkId: integer()
      .notNull()
      .references(() => reportChecks.id),
    ...rowRecordColumns(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.rowIndex] })],
);

/** An owner's correction of its host's business data, approved or rejected by the township. */
export const hostCorrections = sqliteTable(
  "host_corrections",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    hostId: integer()
      .notNull()
      .references(() => hosts.id),
    requestedBy: integer()
      .notNull()
      .references(() => users.id),
    /** { year, employees, revenueFen, contactPhone, address } as proposed (the revenue in 分). */
    payload: text({ mode: "json" }).notNull(),
    state: text({ enum: ["pending", "approved", "rejected", "withdrawn"] })
      .notNull()
      .default("pending"),
    decidedBy: integer().references(() => users.id),
    decidedAt: text(),
    reason: text(),
    createdAt: createdAt(),
  },
  (t) => [index("host_corrections_host_idx").on(t.hostId, t.state)],
);

/**
 * 覆盖申请: an organization proposes to cover a host outside its chain's own territory; the coverage takes
 * effect when the host's territory administrator (township level, or a common superior) accepts it, and is
 * then written through the coverage command (`coverageId`). A rejection carries its reason.
 */
export const coverageRequests = sqliteTable(
  "coverage_requests",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    hostId: integer()
      .notNull()
      .references(() => hosts.id),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    startOn: text().notNull(),
    /** The proposer's grounds (区域相邻、行业相近 …). */
    reason: text(),
    state: text({ enum: ["pending", "accepted", "rejected"] })
      .notNull()
      .default("pending"),
    requestedBy: integer()
      .notNull()
      .references(() => users.id),
    requestedOn: text().notNull(),
    decidedBy: integer().references(() => users.id),
    decidedOn: text(),
    decisionReason: text(),
    coverageId: integer().references(() => coverages.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("coverage_requests_host_idx").on(t.hostId, t.state),
    index("coverage_requests_org_idx").on(t.orgId, t.state),
  ],
);

/**
 * 数据版本: one row (id 1) whose `version` moves, in the same transaction, with every write that changes
 * figures (`bumpDataVersion` in `data-version.ts`): a cached report, dashboard or drill-down is keyed by it,
 * so every process sharing the database agrees when a cached figure is stale. An `update … set version =
 * version + 1` takes the row's lock, so writers are ordered by it (an audit id is not: PostgreSQL assigns
 * those before commit).
 */
export const dataVersion = sqliteTable("data_version", {
  /** Always 1 (written so by `bumpDataVersion`); an identity on PostgreSQL, as every id of the schema. */
  id: integer().primaryKey({ autoIncrement: true }),
  version: integer().notNull().default(0),
});

/**
 * 年报事实 (issue 25): the year-end report's host parts per region and year — what `hostCountsQuery` and
 * `instructorsQuery` (report-counts.ts) answer for the region — kept current by the writes: triggers on the
 * records they count mark the regions changed (`report_facts_dirty`), and the writing transaction recounts
 * those regions before it commits (`refreshReportFacts`, report-facts.ts). A cold report then reads a few
 * thousand rows instead of the city's hosts, members and workplaces. `counts`: the statement's row after
 * the region id, as JSON; `instructors`: the distinct instructors of the region's operating hosts, as JSON.
 */
export const reportRegionFacts = sqliteTable(
  "report_region_facts",
  {
    year: integer().notNull(),
    regionId: integer().notNull(),
    counts: text().notNull(),
    instructors: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.regionId] })],
);

/** The years whose region facts are kept, each with the policy (JSON of its parameters) they were counted under. */
export const reportFactYears = sqliteTable(
  "report_fact_years",
  { year: integer().notNull(), policy: text().notNull() },
  (t) => [primaryKey({ columns: [t.year] })],
);

/** Regions whose facts a write has changed and not yet recounted (0: every region). */
export const reportFactsDirty = sqliteTable("report_facts_dirty", { regionId: integer().notNull() }, (t) => [
  primaryKey({ columns: [t.regionId] }),
]);

/**
 * The year-end report's member groups kept by the writes (report-facts.ts), per year: the rows of
 * `memberGroupsQuery` (report-counts.ts) — members counted by their organization at the start and the end
 * of the year, how they left, whether they joined in it — each kept under its owner, the organization at
 * the end (else at the start), which the writes recount when a member of theirs changes
 * (`report_member_facts_dirty`, marked by triggers on relationships, members and status events).
 */
export const reportMemberFacts = sqliteTable(
  "report_member_facts",
  {
    year: integer().notNull(),
    ownerOrgId: integer().notNull(),
    startOrgId: integer().notNull(),
    endOrgId: integer().notNull(),
    exitStatus: text(),
    joinedInYear: integer().notNull(),
    members: integer().notNull(),
    fullMembers: integer().notNull(),
  },
  (t) => [
    index("report_member_facts_owner_idx").on(t.year, t.ownerOrgId),
    // A node's groups: those starting or ending in its organizations (keptMemberGroups), by index.
    index("report_member_facts_start_idx").on(t.year, t.startOrgId),
    index("report_member_facts_end_idx").on(t.year, t.endOrgId),
  ],
);

/** Organizations whose members' facts a write has changed and not yet recounted (0: every organization). */
export const reportMemberFactsDirty = sqliteTable(
  "report_member_facts_dirty",
  { orgId: integer().notNull() },
  (t) => [primaryKey({ columns: [t.orgId] })],
);

/**
 * The five basics (五个基本) of the report's 附表 kept by the writes (basics/kept.ts in core), per past
 * year and grassroots organization: which basics the organization met on the year's 31 December, a bit per
 * basic (`BASIC_BITS`: team 1, venue 2, activities 4, rules 8, means 16, all five 32) — what the board's
 * nine statements and the domain's `checkFiveBasics` otherwise answer on every cold report. Triggers on the
 * records judged (members' relationships, secretaries, committee, venues and their checks and links,
 * meetings, rules, funds, coverages and their hosts' payroll, the organization itself, policies) mark the
 * organizations a write changes (`report_basics_dirty`, 0: every one); the writing transaction judges them
 * again before it commits.
 */
export const reportBasicsFacts = sqliteTable(
  "report_basics_facts",
  { year: integer().notNull(), orgId: integer().notNull(), met: integer().notNull() },
  (t) => [primaryKey({ columns: [t.year, t.orgId] })],
);

/** The past years whose five basics are kept, each with the policy (JSON of its parameters) judged under. */
export const reportBasicsYears = sqliteTable(
  "report_basics_years",
  { year: integer().notNull(), policy: text().notNull() },
  (t) => [primaryKey({ columns: [t.year] })],
);

/** Organizations whose five basics a write has changed and not yet judged again (0: every organization). */
export const reportBasicsDirty = sqliteTable("report_basics_dirty", { orgId: integer().notNull() }, (t) => [
  primaryKey({ columns: [t.orgId] }),
]);

/** Long-running imports and exports: progress for the page, errors for the report. */
export const jobs = sqliteTable(
  "jobs",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text({ enum: ["import", "export"] }).notNull(),
    userId: integer().references(() => users.id),
    fileName: text(),
    state: text({ enum: ["queued", "running", "succeeded", "failed"] })
      .notNull()
      .default("queued"),
    done: integer().notNull().default(0),
    total: integer().notNull().default(0),
    stage: text(),
    errors: text({ mode: "json" }),
    summary: text({ mode: "json" }),
    resultPath: text(),
    createdAt: createdAt(),
    finishedAt: text(),
    /**
     * The command line's arguments that run the job (`import-job --job 7 --file …`): on PostgreSQL any
     * instance of the deployment may claim a queued job and start its worker with them.
     */
    workerArgs: text({ mode: "json" }),
    /** When an instance claimed the job to start its worker (PostgreSQL's queue), and which: `host:pid`. */
    claimedAt: text(),
    claimedBy: text(),
  },
  (t) => [index("jobs_user_idx").on(t.userId, t.createdAt)],
);

/** 组建计划 for a should-establish-but-not-established host (应建未建). */
export const establishmentPlans = sqliteTable(
  "establishment_plans",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    hostId: integer()
      .notNull()
      .references(() => hosts.id),
    targetOn: text().notNull(),
    responsible: text().notNull(),
    state: text({ enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    closedOn: text(),
    closedReason: text(),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("establishment_plans_host_idx").on(t.hostId, t.state)],
);

export const planNotes = sqliteTable(
  "plan_notes",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    planId: integer()
      .notNull()
      .references(() => establishmentPlans.id),
    notedOn: text().notNull(),
    note: text().notNull(),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("plan_notes_plan_idx").on(t.planId)],
);

/** A milestone of a plan ticked off, with the day it was done (one row per plan and milestone). */
export const planMilestones = sqliteTable(
  "plan_milestones",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    planId: integer()
      .notNull()
      .references(() => establishmentPlans.id),
    key: text({ enum: ["survey", "scheme", "secretary", "approval", "founding"] }).notNull(),
    doneOn: text().notNull(),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("plan_milestones_plan_key_uq").on(t.planId, t.key)],
);

/** 组织生活 (三会一课 and the rest). */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    kind: text({
      enum: [
        "memberAssembly",
        "branchCommittee",
        "groupMeeting",
        "partyLecture",
        "themeDay",
        "lifeMeeting",
        "democraticReview",
      ],
    }).notNull(),
    heldOn: text().notNull(),
    topic: text(),
    attendees: integer(),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("meetings_org_idx").on(t.orgId, t.heldOn)],
);

/** 换届: an election held, starting a term. */
export const elections = sqliteTable(
  "elections",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    heldOn: text().notNull(),
    termYears: integer().notNull(),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [index("elections_org_idx").on(t.orgId, t.heldOn)],
);

/** 星级/分类定级 per organization and year. */
export const ratings = sqliteTable(
  "ratings",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    year: integer().notNull(),
    stars: integer(),
    grade: text({ enum: ["advanced", "average", "lagging"] }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("ratings_org_year_uq").on(t.orgId, t.year)],
);

/** 软弱涣散整顿 cases. */
export const rectifications = sqliteTable(
  "rectifications",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    year: integer().notNull(),
    reason: text().notNull(),
    measures: text(),
    responsible: text(),
    deadline: text(),
    resolvedOn: text(),
    createdAt: createdAt(),
  },
  (t) => [index("rectifications_org_idx").on(t.orgId, t.year)],
);

/** 联建共建 pacts, with parties from the tree, host units or outside. */
export const pacts = sqliteTable(
  "pacts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text({ enum: ["villageEnterprise", "organHost", "pairing", "regional"] }).notNull(),
    name: text().notNull(),
    startOn: text().notNull(),
    endOn: text(),
    outcome: text(),
    /** 投入资金 in whole 分 (users type and read 万元). */
    fundsFen: integer(),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("pacts_start_idx").on(t.startOn)],
);

export const pactParties = sqliteTable(
  "pact_parties",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    pactId: integer()
      .notNull()
      .references(() => pacts.id),
    orgId: integer().references(() => orgs.id),
    hostId: integer().references(() => hosts.id),
    name: text(),
  },
  (t) => [index("pact_parties_pact_idx").on(t.pactId), index("pact_parties_org_idx").on(t.orgId)],
);

// ---- 五个基本: team, venue, rules, means of a grassroots organization (all dated) ----

/**
 * 班子成员 (基本队伍): a member's post on an organization's committee over [startOn, endOn); a 换届 ends
 * the old committee's rows and starts the new ones. The cross posts (双向进入、交叉任职) say which bodies
 * of the covered enterprise the member also sits on.
 */
export const committeeMembers = sqliteTable(
  "committee_members",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    post: text({ enum: COMMITTEE_POSTS }).notNull(),
    startOn: text().notNull(),
    endOn: text(),
    onBoard: integer({ mode: "boolean" }).notNull().default(false),
    inManagement: integer({ mode: "boolean" }).notNull().default(false),
    onSupervisoryBoard: integer({ mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("committee_members_org_idx").on(t.orgId, t.startOn),
    index("committee_members_member_idx").on(t.memberId),
  ],
);

/** 后备干部: a member named a reserve cadre of an organization over [startOn, endOn). */
export const reserveCadres = sqliteTable(
  "reserve_cadres",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    startOn: text().notNull(),
    endOn: text(),
  },
  (t) => [index("reserve_cadres_org_idx").on(t.orgId, t.startOn)],
);

/** 书记工作津贴: the allowance of a secretary's term, whole 分 per month, over [startOn, endOn). */
export const secretaryAllowances = sqliteTable(
  "secretary_allowances",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    secretaryId: integer()
      .notNull()
      .references(() => secretaries.id),
    monthlyFen: integer().notNull(),
    startOn: text().notNull(),
    endOn: text(),
  },
  (t) => [index("secretary_allowances_secretary_idx").on(t.secretaryId, t.startOn)],
);

/**
 * 活动场所 (基本阵地): an organization's own venue (`orgId`), or a shared one — a regional 党群服务中心 run
 * by a management node (`runBy`) and linked to the organizations it serves (`venueLinks`).
 */
export const venues = sqliteTable(
  "venues",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    orgId: integer().references(() => orgs.id),
    runBy: integer().references(() => orgs.id),
    createdAt: createdAt(),
  },
  (t) => [index("venues_org_idx").on(t.orgId), index("venues_run_by_idx").on(t.runBy)],
);

/** A venue's state found on a day (area, 无/不达标/不配套/达标, equipment); in force until the next. */
export const venueChecks = sqliteTable(
  "venue_checks",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    venueId: integer()
      .notNull()
      .references(() => venues.id),
    checkedOn: text().notNull(),
    status: text({ enum: VENUE_STATUSES }).notNull(),
    areaSqm: integer(),
    hasAv: integer({ mode: "boolean" }).notNull().default(false),
    hasFurniture: integer({ mode: "boolean" }).notNull().default(false),
    hasFlag: integer({ mode: "boolean" }).notNull().default(false),
    hasEmblem: integer({ mode: "boolean" }).notNull().default(false),
    hasReading: integer({ mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex("venue_checks_day_idx").on(t.venueId, t.checkedOn)],
);

/** A shared venue serving an organization over [startOn, endOn). */
export const venueLinks = sqliteTable(
  "venue_links",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    venueId: integer()
      .notNull()
      .references(() => venues.id),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    startOn: text().notNull(),
    endOn: text(),
  },
  (t) => [index("venue_links_org_idx").on(t.orgId), index("venue_links_venue_idx").on(t.venueId)],
);

/** 基本制度: a rule an organization adopted on a day (and dropped on another). */
export const orgRules = sqliteTable(
  "org_rules",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    rule: text({ enum: ORG_RULES }).notNull(),
    adoptedOn: text().notNull(),
    droppedOn: text(),
  },
  // With the dates: the five-basics board reads the rules in force per organization from the index alone.
  (t) => [index("org_rules_org_idx").on(t.orgId, t.adoptedOn, t.droppedOn, t.rule)],
);

/** 基本保障: an organization's funds of a year from one source, whole 分 (users type and read 万元). */
export const orgFunds = sqliteTable(
  "org_funds",
  {
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    year: integer().notNull(),
    source: text({ enum: FUND_SOURCES }).notNull(),
    amountFen: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.source] })],
);

// ---- Cadre work: training, assessment, 五好党支部, showcase sites, leaders' contact points (all dated) ----

/** 培训: an event organized by a management node over [startOn, endOn] (both days included), `hours` 学时. */
export const trainings = sqliteTable(
  "trainings",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    organizerId: integer()
      .notNull()
      .references(() => orgs.id),
    title: text().notNull(),
    kind: text({ enum: TRAINING_KINDS }).notNull(),
    startOn: text().notNull(),
    endOn: text().notNull(),
    place: text(),
    hours: integer(),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("trainings_organizer_idx").on(t.organizerId, t.startOn),
    index("trainings_start_idx").on(t.startOn),
  ],
);

/**
 * A participant of a training: a member, an instructor, or a host's 出资人 (`hostId`; the owner is the
 * host's, with or without an account). Exactly one of the three ids is set (`kind` says which); a person
 * takes part in a training once.
 */
export const trainingParticipants = sqliteTable(
  "training_participants",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    trainingId: integer()
      .notNull()
      .references(() => trainings.id),
    kind: text({ enum: PARTICIPANT_KINDS }).notNull(),
    memberId: integer().references(() => members.id),
    instructorId: integer().references(() => instructors.id),
    hostId: integer().references(() => hosts.id),
  },
  (t) => [
    index("training_participants_training_idx").on(t.trainingId),
    uniqueIndex("training_participants_member_uq")
      .on(t.trainingId, t.memberId)
      .where(sql`member_id is not null`),
    uniqueIndex("training_participants_instructor_uq")
      .on(t.trainingId, t.instructorId)
      .where(sql`instructor_id is not null`),
    uniqueIndex("training_participants_host_uq")
      .on(t.trainingId, t.hostId)
      .where(sql`host_id is not null`),
    index("training_participants_member_idx").on(t.memberId),
    index("training_participants_instructor_idx").on(t.instructorId),
    index("training_participants_host_idx").on(t.hostId),
  ],
);

/**
 * 指导员年度考核: by the dispatching organization (谁派出、谁主管), or, for a dispatcher outside the tree,
 * by the node that registered the instructor (`assessedById` records which acted). One per instructor and year.
 */
export const instructorAssessments = sqliteTable(
  "instructor_assessments",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    instructorId: integer()
      .notNull()
      .references(() => instructors.id),
    year: integer().notNull(),
    grade: text({ enum: ASSESSMENT_GRADES }).notNull(),
    remarks: text(),
    assessedOn: text().notNull(),
    assessedById: integer()
      .notNull()
      .references(() => orgs.id),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("instructor_assessments_year_uq").on(t.instructorId, t.year)],
);

/**
 * 书记抓党建述职评议: a secretary's annual review by the administrator of the organization's superior. One
 * per organization, secretary and year (a secretary replaced during the year may be reviewed as well).
 */
export const secretaryReviews = sqliteTable(
  "secretary_reviews",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    year: integer().notNull(),
    grade: text({ enum: REVIEW_GRADES }).notNull(),
    remarks: text(),
    reviewedOn: text().notNull(),
    reviewedById: integer()
      .notNull()
      .references(() => orgs.id),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("secretary_reviews_year_uq").on(t.orgId, t.memberId, t.year),
    index("secretary_reviews_member_idx").on(t.memberId),
  ],
);

/**
 * 五好党支部: an organization's application for a year, and a management node's review (decision, level,
 * day). Pending while `decision` is null. One application per organization and year.
 */
export const fiveGoodAwards = sqliteTable(
  "five_good_awards",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer()
      .notNull()
      .references(() => orgs.id),
    year: integer().notNull(),
    appliedOn: text().notNull(),
    application: text(),
    appliedBy: integer().references(() => users.id),
    decision: text({ enum: AWARD_DECISIONS }),
    level: text({ enum: HONOUR_LEVELS }),
    reviewedOn: text(),
    reviewerId: integer().references(() => orgs.id),
    reviewNote: text(),
    reviewedBy: integer().references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("five_good_awards_year_uq").on(t.orgId, t.year),
    index("five_good_awards_year_idx").on(t.year),
  ],
);

/**
 * 示范点: an organization or a host (exactly one of the two) named a showcase by a management node at its
 * level, over [startOn, endOn), with the reasons.
 */
export const showcases = sqliteTable(
  "showcases",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orgId: integer().references(() => orgs.id),
    hostId: integer().references(() => hosts.id),
    level: text({ enum: HONOUR_LEVELS }).notNull(),
    namedById: integer()
      .notNull()
      .references(() => orgs.id),
    startOn: text().notNull(),
    endOn: text(),
    reasons: text().notNull(),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("showcases_org_idx").on(t.orgId),
    index("showcases_host_idx").on(t.hostId),
    index("showcases_named_by_idx").on(t.namedById),
  ],
);

/** 领导干部: a leading cadre with contact points; not necessarily a member of the tree. Kept by a node. */
export const leaders = sqliteTable(
  "leaders",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    post: text().notNull(),
    unit: text().notNull(),
    /** The management node that keeps the record (its administrator sees the overdue visits). */
    registeredById: integer()
      .notNull()
      .references(() => orgs.id),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("leaders_registered_idx").on(t.registeredById)],
);

/** 联系点: a leader linked to an organization or a host (exactly one) over [startOn, endOn). */
export const contactPoints = sqliteTable(
  "contact_points",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    leaderId: integer()
      .notNull()
      .references(() => leaders.id),
    orgId: integer().references(() => orgs.id),
    hostId: integer().references(() => hosts.id),
    startOn: text().notNull(),
    endOn: text(),
  },
  (t) => [
    index("contact_points_leader_idx").on(t.leaderId, t.startOn),
    index("contact_points_org_idx").on(t.orgId),
    index("contact_points_host_idx").on(t.hostId),
  ],
);

/** A leader's visit to a contact point: the day, what was done, problems found, the follow-up. */
export const contactVisits = sqliteTable(
  "contact_visits",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    contactPointId: integer()
      .notNull()
      .references(() => contactPoints.id),
    visitedOn: text().notNull(),
    content: text().notNull(),
    problems: text(),
    followUp: text(),
    createdBy: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("contact_visits_point_idx").on(t.contactPointId, t.visitedOn)],
);
