/** Strings of the import and export commands (Chinese). */
export const ioCliMessages = {
  importUsage: "用法: import <工作簿.xlsx | CSV文件夹> [--dry-run] [--errors 错误报告.xlsx] [--user 用户名]",
  exportUsage: "用法: export --format import|ledger --out 文件.xlsx [--unit 组织代码] [--as-of YYYY-MM-DD]",
  notFound: (p: string) => `找不到文件或文件夹:${p}`,
  badFormat: "--format 须为 import(导入格式工作簿)或 ledger(非公企业党建工作台账)",
  unitNotFound: (code: string) => `找不到党组织:${code}`,
  userNotFound: (u: string) => `找不到用户:${u}`,
  errorsTitle: (n: number) => `导入未写入任何数据:发现 ${n} 个问题(工作表、行、列、值、原因):`,
  moreErrors: (n: number) => `……另有 ${n} 个问题,见错误报告。`,
  errorReport: (file: string) => `错误报告已写入:${file}`,
  dryRunOk: "校验通过(--dry-run,未写入数据库)。将产生的变化:",
  imported: (ms: number) => `导入完成,用时 ${(ms / 1000).toFixed(1)} 秒。`,
  countsHeader: { table: "表", created: "新增", updated: "更新", unchanged: "未变" },
  exported: (file: string, rows: number, ms: number) =>
    `已导出 ${rows} 行到 ${file},用时 ${(ms / 1000).toFixed(1)} 秒。`,
  progressImport: "导入",
  progressExport: "导出",
  jobArgs: "import-job 需要 --job、--file 选项",
  exportJobArgs: "export-job 需要 --job、--user、--file 选项,--format 须为 import 或 ledger",
} as const;
