/** Strings of the command line that an operator reads. */
export const cliMessages = {
  help: `两新组织党建工作信息系统 命令行工具

用法: npm run cli -- <命令> [选项]

命令:
  migrate                         迁移数据库到最新结构(SQLite 文件或 PostgreSQL)
  seed --demo [--if-empty]        载入演示城市(仅限空数据库;--if-empty 时数据库非空则跳过)
      --today <YYYY-MM-DD>        演示数据以此日为“今天”(默认系统今天):含前三年和当年至此日
  seed --scale city [--hosts N]   载入城市规模数据(默认约 20 万个两新组织;仅限空数据库)
  create-user                     创建用户
      --username <用户名> --password <密码> --name <姓名>
      --role admin|secretary|owner
      --org <组织代码>            管理员、书记所属党组织
      --host <统一社会信用代码>   出资人所属企业
  demo-accounts                   列出演示账号
  config [--portal]               检查并列出生效的配置(环境变量;--portal 时按门户的要求检查)
  backup <文件>                   在线备份数据库(门户运行时亦可,得到一致的副本;PostgreSQL 用 pg_dump)
  restore <文件>                  从备份恢复(先校验完整性,损坏的文件拒绝恢复;请先停止门户;PostgreSQL 用 pg_restore)
  copy --to postgres://…          把 SQLite 数据库复制到已迁移的空 PostgreSQL 数据库(保留编号;请先停止门户)
  report --year <年度> --unit <组织代码> --format json|xlsx [--out <文件>]
                                  党内统计年报(以系统身份计算全市范围内任一管理单位;
                                  json 默认输出到标准输出,xlsx 默认写入当前目录)
  import <工作簿.xlsx | 文件夹>    导入台账(全部成功或全部不写入;错误报告写在输入旁)
      --dry-run                   只校验,不写入
      --errors <文件.xlsx>        错误报告的位置
      --user <用户名>             记入审计日志的操作人
  export --format import|ledger --out <文件.xlsx>
      --unit <组织代码>           导出范围(默认全市)
      --as-of <YYYY-MM-DD>        台账日期(默认今天)
  --help                          显示本帮助

环境变量(全部见 docs/configuration.md):
  DATABASE_URL                    数据库文件路径(默认 ./data/liangxin.db)
  LIANGXIN_NOW                    固定系统时钟的起点(如 2026-12-03T10:00:00+08:00),演示和测试用
  LOG_LEVEL                       日志级别(默认 info)`,
  unknownCommand: (c: string) => `未知命令:${c}。运行 --help 查看可用命令。`,
  migrated: (file: string) => `数据库已迁移到最新结构:${file}`,
  factsCounted: (years: number[]) =>
    `已统计 ${years[0]}–${years[years.length - 1]} 年年报的属地企业数据(此后随每次修改更新)`,
  copyUsage:
    "用法:copy --to postgres://用户:密码@主机:端口/库名(把 DATABASE_URL 指向的 SQLite 数据库复制到已迁移的空 PostgreSQL 数据库)",
  copyNeedsSqlite: "copy 的来源须为 SQLite 数据库文件:请把 DATABASE_URL 设为要复制的数据库文件",
  copySourceNotReady: (reason: string) => `来源数据库未就绪:${reason}。请先运行 migrate`,
  copied: (file: string, url: string, tables: number, rows: number, ms: number) =>
    `已把 ${file} 复制到 ${url}:${tables} 张表共 ${rows} 行,保留原编号,用时 ${(ms / 1000).toFixed(1)} 秒`,
  restoredPg: (file: string, url: string) => `已从 ${file} 恢复 PostgreSQL 数据库 ${url}`,
  migratedPg: (url: string, applied: number) =>
    `PostgreSQL 数据库已迁移到最新结构:${url}(本次应用 ${applied} 个迁移)`,
  plansClosed: (n: number) => `已关闭 ${n} 个两新组织已被覆盖或已注销的组建计划`,
  seedNeedsDemo: "seed 命令需要 --demo 或 --scale city 选项",
  scaleOnlyCity: "--scale 目前只支持 city",
  scaleSeeded: (hosts: number, townships: number, ms: number) =>
    `城市规模数据已载入:${hosts} 个两新组织,${townships} 个乡镇(街道),用时 ${(ms / 1000).toFixed(1)} 秒。`,
  seedSkipped: "数据库中已有数据,跳过演示数据载入。",
  seeded: (ms: number) => `演示城市已载入,用时 ${(ms / 1000).toFixed(1)} 秒。`,
  demoAccountsTitle: "演示账号(密码均为下列所示):",
  userCreated: (name: string, id: number) => `用户已创建:${name}(编号 ${id})`,
  missingOption: (o: string) => `缺少选项 --${o}`,
  badRole: "角色必须是 admin(管理员)、secretary(党组织书记)或 owner(出资人)之一",
  failed: (msg: string) => `错误:${msg}`,
  backupUsage: "用法:npm run cli -- backup <备份文件>",
  restoreUsage: "用法:npm run cli -- restore <备份文件>",
  backedUp: (file: string, bytes: number, ms: number) =>
    `备份完成:${file}(${(bytes / 1024 / 1024).toFixed(1)} MB,用时 ${(ms / 1000).toFixed(1)} 秒),完整性校验通过。`,
  restored: (file: string, target: string, previous: string | null) =>
    `已从 ${file} 恢复到 ${target}。${previous ? `原数据库保存在 ${previous}。` : ""}`,
  reportNeedsYear: "report 命令需要 --year <年度>(四位整数)",
  reportBadFormat: "--format 只能是 json 或 xlsx",
  reportWritten: (file: string) => `年报已写入:${file}`,
  configValid: (what: string) => `配置有效(${what}):`,
  configPortal: "门户",
  configCli: "命令行",
  configFrom: { environment: "环境变量", default: "默认值" },
  configUnset: "(未设置)",
} as const;
