export {};
export * from "./report-workbook.ts";
