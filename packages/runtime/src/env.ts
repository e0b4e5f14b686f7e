/**
 * Every environment variable the product reads, declared once: its schema, its default and whether it is a
 * secret. The portal validates its set when its server starts (instrumentation.ts), the command line its set
 * before any command runs, and `npm start` the portal's set before it migrates or builds anything
 * (`liangxin config --portal`). A bad value stops the start with a Chinese message naming the variable.
 * docs/configuration.md lists them all; turbo.json passes them to the tasks; a test holds the three together.
 *
 * Validation goes through @t3-oss/env-core (the framework-free core of @t3-oss/env-nextjs, same version):
 * one schema serves the portal, the command line and `npm start`, and the object it returns throws if a
 * browser bundle ever reads a server variable instead of silently seeing `undefined`.
 */
import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { parseInstant } from "@liangxin/domain";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const envMessages = {
  header: "配置有误,程序未启动:",
  footer: "各环境变量的含义和取值见 docs/configuration.md。",
  invalid: (name: string, shown: string, reason: string) => `环境变量 ${name} 的值${shown}无效:${reason}`,
  missing: (name: string, reason: string) => `缺少环境变量 ${name}:${reason}`,
  hidden: "(已隐去)",
  nodeEnv: "须为 development、production 或 test",
  databaseUrl:
    "须为 SQLite 数据库文件路径(相对仓库根目录,如 ./data/liangxin.db)、file: 路径、:memory:,或 PostgreSQL 服务器地址 postgres://用户:密码@主机:端口/库名",
  authSecret: "须为至少 32 个字符的随机字符串(npm start 会自动生成;也可用 openssl rand -base64 32 生成)",
  trustHost: "须为 true 或 false",
  storageDir: "须为一个文件夹的路径(相对仓库根目录或绝对路径;多个门户实例共用时为它们都能读写的共享目录)",
  port: "须为 1–65535 之间的整数端口号",
  logLevel: `须为 ${LOG_LEVELS.join("、")} 之一`,
  instant: "请写成 2026-12-03T10:00:00+08:00 或 2026-12-03 的形式",
  instance: "须为 1–128 个字母、数字、下划线或连字符",
  pauseMs: "须为 0–600000 之间的整数(毫秒)",
  longReportHosts:
    "须为 0–100000000 之间的整数(属地两新组织多于此数的年报在后台计算,页面显示进度;0 表示每个未缓存的年报都在后台计算)",
  jobWorkers: "须为 0–64 之间的整数(本实例同时运行的导入导出进程数;0 表示本实例不运行,由其他实例运行)",
  faultToken: "须为至少 16 个字符(仅供测试使用)",
  trustProxy: "须为 1(信任前置代理的 X-Forwarded-For)或 0",
  pageCache: "须为 1(复用未变的页面,默认)或 0(每次重新生成页面)",
  cli: "须为 build(运行命令行的构建)、source(经 tsx 运行源码)或 auto(构建为最新时用构建,否则用源码)",
  publicOrigin: "须为以逗号分隔的网址来源,如 https://dj.example.gov.cn(协议、主机和端口,不带路径)",
  otelExporter: "须为 console、otlp 或 none(可用逗号分隔多个,如 console,otlp)",
  otelDisabled: "须为 true 或 false",
  otelServiceName: "须为 1–128 个字符的服务名",
  otelEndpoint: "须为 http:// 或 https:// 开头的网址,如 http://127.0.0.1:4318",
  otelHeaders: "须为以逗号分隔的 名称=值 列表",
} as const;

/** A URL with its password hidden (`postgres://user:***@host/db`); any other text as it is. */
function shownUrl(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@/\s]*@/i, "$1***@");
}

/** A value shown in a message: quoted, cut short, and with the password of a URL hidden. */
function shownValue(value: string): string {
  const masked = shownUrl(value);
  const short = masked.length > 80 ? `${masked.slice(0, 80)}…` : masked;
  return `“${short}”`;
}

const digits = (max: number, message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{1,9}$/, { error: message })
    .transform(Number)
    .refine((n) => n <= max, { error: message });

/** The declarations: one entry per variable. */
export const variables = {
  NODE_ENV: {
    schema: z
      .enum(["development", "production", "test"], { error: envMessages.nodeEnv })
      .default("development"),
    secret: false,
  },
  DATABASE_URL: {
    schema: z
      .string({ error: envMessages.databaseUrl })
      .refine((v) => !v.includes("\0"), { error: envMessages.databaseUrl })
      .refine(
        (v) =>
          v === ":memory:" ||
          v.startsWith("file:") ||
          !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ||
          // A PostgreSQL server: a host must be named (postgres:///db would mean a local socket).
          /^postgres(?:ql)?:\/\/(?:[^/?#\s@]*@)?[^/?#\s@:]+/i.test(v),
        { error: envMessages.databaseUrl },
      )
      .optional(),
    secret: false,
  },
  AUTH_SECRET: {
    schema: z.string({ error: envMessages.authSecret }).min(32, { error: envMessages.authSecret }),
    secret: true,
  },
  AUTH_TRUST_HOST: {
    schema: z.enum(["true", "false", "1", "0"], { error: envMessages.trustHost }).optional(),
    secret: false,
  },
  PORT: {
    schema: z
      .string({ error: envMessages.port })
      .regex(/^\d{1,5}$/, { error: envMessages.port })
      .transform(Number)
      .refine((n) => n >= 1 && n <= 65535, { error: envMessages.port })
      .default(3000),
    secret: false,
  },
  LOG_LEVEL: {
    schema: z.enum(LOG_LEVELS, { error: envMessages.logLevel }).default("info"),
    secret: false,
  },
  LIANGXIN_NOW: {
    schema: z
      .string({ error: envMessages.instant })
      .refine((v) => parseInstant(v) !== null, { error: envMessages.instant })
      .optional(),
    secret: false,
  },
  LIANGXIN_INSTANCE: {
    schema: z
      .string({ error: envMessages.instance })
      .regex(/^[A-Za-z0-9_-]{1,128}$/, { error: envMessages.instance })
      .optional(),
    secret: false,
  },
  LIANGXIN_FAULT_IMPORT_PAUSE_MS: {
    schema: digits(600_000, envMessages.pauseMs).optional(),
    secret: false,
  },
  LIANGXIN_JOB_WORKERS: {
    schema: digits(64, envMessages.jobWorkers).default(2),
    secret: false,
  },
  LIANGXIN_LONG_REPORT_HOSTS: {
    schema: digits(100_000_000, envMessages.longReportHosts).default(20_000),
    secret: false,
  },
  LIANGXIN_FAULT_TOKEN: {
    schema: z.string({ error: envMessages.faultToken }).min(16, { error: envMessages.faultToken }).optional(),
    secret: true,
  },
  // Read by apps/cli/bin/liangxin.mjs before anything else loads (it checks the value itself, with this
  // message); declared here so that `config` lists it and the command line validates it with the rest.
  LIANGXIN_CLI: {
    schema: z.enum(["auto", "build", "source"], { error: envMessages.cli }).default("auto"),
    secret: false,
  },
  LIANGXIN_TRUST_PROXY: {
    schema: z.enum(["0", "1"], { error: envMessages.trustProxy }).optional(),
    secret: false,
  },
  LIANGXIN_PAGE_CACHE: {
    schema: z.enum(["0", "1"], { error: envMessages.pageCache }).default("1"),
    secret: false,
  },
  LIANGXIN_STORAGE_DIR: {
    schema: z
      .string({ error: envMessages.storageDir })
      .trim()
      .min(1, { error: envMessages.storageDir })
      .refine((v) => !v.includes("\0") && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v), {
        error: envMessages.storageDir,
      })
      .optional(),
    secret: false,
  },
  LIANGXIN_PUBLIC_ORIGIN: {
    schema: z
      .string({ error: envMessages.publicOrigin })
      .refine(
        (v) =>
          v.split(",").every((o) => {
            try {
              return new URL(o.trim()).origin === o.trim().replace(/\/$/, "");
            } catch {
              return false;
            }
          }),
        { error: envMessages.publicOrigin },
      )
      .optional(),
    secret: false,
  },
  // Traces (issue 26): the standard OpenTelemetry variables this program acts on (see tracing.ts); the SDK
  // reads its other ones (OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER, OTEL_BSP_*, …) itself.
  OTEL_TRACES_EXPORTER: {
    schema: z
      .string({ error: envMessages.otelExporter })
      .refine(
        (v) =>
          v
            .split(",")
            .map((x) => x.trim().toLowerCase())
            .every((x) => x === "console" || x === "otlp" || x === "none"),
        { error: envMessages.otelExporter },
      )
      .optional(),
    secret: false,
  },
  OTEL_SDK_DISABLED: {
    schema: z
      .string({ error: envMessages.otelDisabled })
      .regex(/^(true|false)$/i, { error: envMessages.otelDisabled })
      .optional(),
    secret: false,
  },
  OTEL_SERVICE_NAME: {
    schema: z
      .string({ error: envMessages.otelServiceName })
      .min(1, { error: envMessages.otelServiceName })
      .max(128, { error: envMessages.otelServiceName })
      .optional(),
    secret: false,
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    schema: z
      .string({ error: envMessages.otelEndpoint })
      .regex(/^https?:\/\/[^\s]+$/i, { error: envMessages.otelEndpoint })
      .optional(),
    secret: false,
  },
  OTEL_EXPORTER_OTLP_HEADERS: {
    schema: z
      .string({ error: envMessages.otelHeaders })
      .regex(/^\s*[^=,\s]+\s*=[^,]*(,\s*[^=,\s]+\s*=[^,]*)*$/, { error: envMessages.otelHeaders })
      .optional(),
    secret: true,
  },
} as const;

/** The OpenTelemetry variables, read by the portal and the command line alike. */
const OTEL_VARIABLES = [
  "OTEL_TRACES_EXPORTER",
  "OTEL_SDK_DISABLED",
  "OTEL_SERVICE_NAME",
  "OTEL_EXPORTER_OTLP_ENDPOINT",
  "OTEL_EXPORTER_OTLP_HEADERS",
] as const;

export type VariableName = keyof typeof variables;
export const variableNames = Object.keys(variables) as VariableName[];

/** Variables the portal's server reads (the process `next start` runs, and the import worker it starts). */
export const PORTAL_VARIABLES = [
  "NODE_ENV",
  "DATABASE_URL",
  "AUTH_SECRET",
  "AUTH_TRUST_HOST",
  "PORT",
  "LOG_LEVEL",
  "LIANGXIN_NOW",
  "LIANGXIN_INSTANCE",
  "LIANGXIN_FAULT_IMPORT_PAUSE_MS",
  "LIANGXIN_FAULT_TOKEN",
  "LIANGXIN_TRUST_PROXY",
  "LIANGXIN_PAGE_CACHE",
  "LIANGXIN_PUBLIC_ORIGIN",
  "LIANGXIN_STORAGE_DIR",
  "LIANGXIN_JOB_WORKERS",
  "LIANGXIN_LONG_REPORT_HOSTS",
  ...OTEL_VARIABLES,
] as const satisfies readonly VariableName[];

/** Variables the command line reads. */
export const CLI_VARIABLES = [
  "NODE_ENV",
  "DATABASE_URL",
  "LOG_LEVEL",
  "LIANGXIN_NOW",
  "LIANGXIN_FAULT_IMPORT_PAUSE_MS",
  "LIANGXIN_STORAGE_DIR",
  "LIANGXIN_CLI",
  ...OTEL_VARIABLES,
] as const satisfies readonly VariableName[];

type Vars = typeof variables;
type Shape<K extends VariableName> = { [P in K]: Vars[P]["schema"] };
export type EnvOf<K extends VariableName> = { readonly [P in K]: z.output<Vars[P]["schema"]> };
export type PortalEnv = EnvOf<(typeof PORTAL_VARIABLES)[number]>;
export type CliEnv = EnvOf<(typeof CLI_VARIABLES)[number]>;

/** One or more variables have bad values; `message` is the Chinese text to print, one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { name: string; message: string }[]) {
    super([envMessages.header, ...problems.map((p) => `  - ${p.message}`), envMessages.footer].join("\n"));
    this.name = "ConfigError";
  }
}

type Source = Record<string, string | undefined>;

/** Validate the variables `names` of `source` (default: the process's environment). Throws ConfigError. */
export function validateEnv<const K extends VariableName>(names: readonly K[], source: Source = process.env) {
  const shape = Object.fromEntries(names.map((n) => [n, variables[n].schema])) as Shape<K>;
  // A copy: env-core deletes empty strings from the object it is given.
  const runtimeEnv: Source = Object.fromEntries(names.map((n) => [n, source[n]]));
  return createEnv({
    server: shape,
    runtimeEnv,
    isServer: true,
    emptyStringAsUndefined: true,
    onValidationError(issues) {
      const seen = new Set<string>();
      const problems: { name: string; message: string }[] = [];
      for (const issue of issues) {
        const first = issue.path?.[0];
        const name = String(typeof first === "object" && first !== null ? first.key : first);
        if (seen.has(name)) continue;
        seen.add(name);
        const raw = source[name];
        const secret = (variables as Record<string, { secret: boolean }>)[name]?.secret ?? false;
        problems.push({
          name,
          message:
            raw === undefined || raw === ""
              ? envMessages.missing(name, issue.message)
              : envMessages.invalid(name, secret ? envMessages.hidden : shownValue(raw), issue.message),
        });
      }
      throw new ConfigError(problems);
    },
  }) as EnvOf<K>;
}

let portalCache: PortalEnv | undefined;
let cliCache: CliEnv | undefined;

/** The portal's validated configuration (from the process's environment, validated once). */
export function portalEnv(source?: Source): PortalEnv {
  if (source) return validateEnv(PORTAL_VARIABLES, source);
  portalCache ??= validateEnv(PORTAL_VARIABLES);
  return portalCache;
}

/** The command line's validated configuration. */
export function cliEnv(source?: Source): CliEnv {
  if (source) return validateEnv(CLI_VARIABLES, source);
  cliCache ??= validateEnv(CLI_VARIABLES);
  return cliCache;
}

/** For a listing (`liangxin config`): each variable of the set, its value as shown and where it came from. */
export function describeEnv(
  names: readonly VariableName[],
  source: Source = process.env,
): { name: VariableName; value: string; from: "environment" | "default" }[] {
  const parsed = validateEnv(names, source) as Record<string, unknown>;
  return names.map((name) => {
    const set = source[name] !== undefined && source[name] !== "";
    const value = parsed[name];
    return {
      name,
      value:
        value === undefined
          ? ""
          : variables[name].secret
            ? envMessages.hidden
            : // A database URL's password is hidden like a secret.
              shownUrl(String(value)),
      from: set ? "environment" : "default",
    };
  });
}
