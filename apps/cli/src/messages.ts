/** Strings of the command line that an operator reads. */
export const cliMessages = {
  help: `两新组织党建工作信息系统 命令行工具

用法: npm run cli -- <命令> [选项]

命令:
  migrate                         迁移数据库到最新结构
  seed --demo [--if-empty]        载入演示城市(仅限空数据库;--if-empty 时数据库非空则跳过)
  create-user                     创建用户
      --username <用户名> --password <密码> --name <姓名>
      --role admin|secretary|owner
      --org <组织代码>            管理员、书记所属党组织
      --host <统一社会信用代码>   出资人所属企业
  demo-accounts                   列出演示账号
  import <工作簿.xlsx | 文件夹>    导入台账(全部成功或全部不写入;错误报告写在输入旁)
      --dry-run                   只校验,不写入
      --errors <文件.xlsx>        错误报告的位置
      --user <用户名>             记入审计日志的操作人
  export --format import|ledger --out <文件.xlsx>
      --unit <组织代码>           导出范围(默认全市)
      --as-of <YYYY-MM-DD>        台账日期(默认今天)
  --help                          显示本帮助

环境变量:
  DATABASE_URL                    数据库文件路径(默认 ./data/liangxin.db)`,
  unknownCommand: (c: string) => `未知命令:${c}。运行 --help 查看可用命令。`,
  migrated: (file: string) => `数据库已迁移到最新结构:${file}`,
  seedNeedsDemo: "seed 命令需要 --demo 选项",
  seedSkipped: "数据库中已有数据,跳过演示数据载入。",
  seeded: (ms: number) => `演示城市已载入,用时 ${(ms / 1000).toFixed(1)} 秒。`,
  demoAccountsTitle: "演示账号(密码均为下列所示):",
  userCreated: (name: string, id: number) => `用户已创建:${name}(编号 ${id})`,
  missingOption: (o: string) => `缺少选项 --${o}`,
  badRole: "角色必须是 admin(管理员)、secretary(党组织书记)或 owner(出资人)之一",
  failed: (msg: string) => `错误:${msg}`,
} as const;
