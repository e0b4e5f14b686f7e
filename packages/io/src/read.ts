/**
 * Readers: a workbook (.xlsx) or a folder of UTF-8 CSV files (a byte-order mark is allowed) → typed rows
 * per table, with row-level errors {sheet, row, column, value, reason}. Headers come in any order; an
 * unknown column is an error; a missing optional column reads as blank.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { Open as openZip, type File as ZipEntry } from "unzipper";
import {
  codeOfLabel,
  isIsoDate,
  isValidCitizenId,
  isValidCreditCode,
  moneyProblemMessage,
  parseMoney,
  parseYesNo,
} from "@liangxin/domain";
import { ioMessages as m } from "./messages.ts";
import {
  README_SHEET,
  TABLE_KEYS,
  TABLE_LIST,
  TABLES,
  type CellKind,
  type ImportError,
  type ParsedImport,
  type ParsedTables,
  type TableKey,
  type TableSpec,
} from "./tables.ts";

/** A sheet or CSV file as text cells: the header row and the data rows with their row numbers. */
export interface RawSheet {
  name: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** Split a list cell on `;` or `;`. */
export function splitList(s: string): string[] {
  return s
    .split(/[;；]/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A cell's value as text: dates as YYYY-MM-DD (UTC), formulas by result, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? m.yes : m.no;
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
  }
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value && typeof value.text === "string") return value.text.trim();
    if ("error" in value) return String(value.error);
  }
  return String(value as unknown as string).trim();
}

/** The rows of one worksheet as text cells (header, then the non-empty data rows). */
class SheetCollector {
  readonly sheet: RawSheet;
  private width = 0;
  constructor(name: string) {
    this.sheet = { name: name.trim(), header: [], rows: [] };
  }
  add(values: ExcelJS.CellValue[], rowNumber: number): void {
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null));
    if (rowNumber === 1 || this.sheet.header.length === 0) {
      this.sheet.header = cells;
      this.width = cells.length;
      return;
    }
    if (cells.every((c) => c === "")) return;
    while (cells.length < this.width) cells.push("");
    this.sheet.rows.push({ row: rowNumber, cells });
  }
}

/** Chunks of UTF-8 bytes as text, characters split across chunk boundaries joined again. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== "") yield text;
  }
  const tail = decoder.decode();
  if (tail !== "") yield tail;
}

/** The parts of exceljs 4.4's streaming reader that hand an entry's bytes to its XML parser. */
interface ReaderInternals {
  parse(): AsyncGenerator<unknown>;
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
}

/**
 * exceljs's streaming reader decodes every chunk of an entry on its own, which breaks a Chinese
 * character that straddles two chunks (「社��组织」). Hand its XML parser text decoded across chunks.
 */
function decodeAcrossChunks(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as ReaderInternals;
  const text = (entry: NodeJS.ReadableStream) => {
    const out = new PassThrough();
    out.setEncoding("utf8");
    entry.pipe(out);
    return out;
  };
  const worksheet = r._parseWorksheet.bind(reader);
  r._parseWorksheet = function* (iterator, sheetNo) {
    return yield* worksheet(utf8Text(iterator), sheetNo);
  };
  const workbook = r._parseWorkbook.bind(reader);
  r._parseWorkbook = (entry) => workbook(text(entry));
  const styles = r._parseStyles.bind(reader);
  r._parseStyles = (entry) => styles(text(entry));
  const shared = r._parseSharedStrings.bind(reader);
  r._parseSharedStrings = (entry) => shared(text(entry));
}

const WORKSHEET_ENTRY = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * exceljs 4.4's streaming reader reads the zip in one pass in stored order and parses the worksheets once
 * the shared strings are in — without waiting for `xl/workbook.xml`, which exceljs itself writes last:
 * now and then a valid workbook fails with "Cannot read properties of undefined (reading 'sheets')"
 * (exceljs#3064; seen here under load as 「文件不是有效的 Excel 工作簿」). Read the zip by its central
 * directory instead: the workbook's parts first, then each worksheet as a stream, in sheet order.
 */
function readByDirectory(reader: ExcelJS.stream.xlsx.WorkbookReader, source: string | Uint8Array): void {
  const r = reader as unknown as ReaderInternals;
  r.parse = async function* () {
    const zip =
      typeof source === "string" ? await openZip.file(source) : await openZip.buffer(Buffer.from(source));
    const entry = (name: string) => zip.files.find((f) => f.path === name);
    const rels = entry("xl/_rels/workbook.xml.rels");
    const workbook = entry("xl/workbook.xml");
    if (!rels || !workbook) throw new Error("not a workbook: xl/workbook.xml or its relationships missing");
    await r._parseRels(rels.stream());
    await r._parseWorkbook(workbook.stream());
    const shared = entry("xl/sharedStrings.xml");
    if (shared) yield* r._parseSharedStrings(shared.stream());
    const styles = entry("xl/styles.xml");
    if (styles) await r._parseStyles(styles.stream());
    const sheets = zip.files
      .map((f) => ({ file: f, no: f.path.match(WORKSHEET_ENTRY)?.[1] }))
      .filter((s): s is { file: ZipEntry; no: string } => s.no !== undefined)
      .sort((a, b) => Number(a.no) - Number(b.no));
    for (const { file, no } of sheets) yield* r._parseWorksheet(file.stream(), no);
  };
}

/**
 * The worksheets of a workbook one at a time, read with exceljs's streaming reader: only the sheet being
 * handed out is held as text, never the whole workbook's cell model (a city's workbook has a million rows).
 */
export async function* streamWorkbookSheets(source: string | Uint8Array): AsyncGenerator<RawSheet> {
  // The input is never read as a stream: readByDirectory opens the file (or the bytes) itself.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(PassThrough.from([]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  readByDirectory(reader, source);
  decodeAcrossChunks(reader);
  for await (const ws of reader) {
    const worksheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
    const collector = new SheetCollector(worksheet.name);
    for await (const row of worksheet) collector.add(row.values as ExcelJS.CellValue[], row.number);
    yield collector.sheet;
  }
}

/** Every sheet of a workbook as text. */
export async function readWorkbookSheets(source: string | Uint8Array): Promise<RawSheet[]> {
  const out: RawSheet[] = [];
  for await (const sheet of streamWorkbookSheets(source)) out.push(sheet);
  return out;
}

/** RFC 4180 CSV (quotes, doubled quotes, CR LF or LF); returns rows or null when a quote is open. */
export function parseCsv(text: string): string[][] | null {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (quoted) return null;
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Every `.csv` file of a folder as text sheets (named by file name); CSV syntax errors are reported. */
export function readCsvFolder(dir: string): { sheets: RawSheet[]; errors: ImportError[] } {
  const sheets: RawSheet[] = [];
  const errors: ImportError[] = [];
  for (const file of readdirSync(dir).sort()) {
    const full = path.join(dir, file);
    if (!file.toLowerCase().endsWith(".csv") || !statSync(full).isFile()) continue;
    const rows = parseCsv(readFileSync(full, "utf8"));
    if (!rows) {
      errors.push({ sheet: file, row: null, column: "", value: "", reason: m.badCsv });
      continue;
    }
    const [header = [], ...data] = rows;
    const sheet: RawSheet = { name: file, header: header.map((h) => h.trim()), rows: [] };
    data.forEach((cells, i) => {
      const trimmed = cells.map((c) => c.trim());
      if (trimmed.every((c) => c === "")) return;
      while (trimmed.length < sheet.header.length) trimmed.push("");
      sheet.rows.push({ row: i + 2, cells: trimmed });
    });
    sheets.push(sheet);
  }
  return { sheets, errors };
}

const INDUSTRY = /^[A-T]$/;
const BLANK = /\s/;

/** Convert one cell; returns the value or an error reason. */
function convert(kind: CellKind, text: string, header: string): { value: unknown } | { reason: string } {
  if (typeof kind === "object") {
    const code = codeOfLabel(kind.labels, text);
    return code === null ? { reason: m.badEnum([...new Set(kind.labels.keys())]) } : { value: code };
  }
  switch (kind) {
    case "text":
      return { value: text };
    case "code":
      return BLANK.test(text) ? { reason: m.badCode } : { value: text };
    case "list":
      return { value: splitList(text) };
    case "date":
      return isIsoDate(text) ? { value: text } : { reason: m.badDate };
    case "int": {
      const n = Number(text);
      return /^\d+$/.test(text) && Number.isSafeInteger(n) ? { value: n } : { reason: m.badInt };
    }
    case "year":
      return /^(19|20)\d\d$/.test(text) ? { value: Number(text) } : { reason: m.badYear };
    case "wan": {
      // Read as a decimal into whole 分, never through a float; finer than 分 is refused, naming the column.
      const r = parseMoney(text, "wan");
      return r.ok ? { value: r.fen } : { reason: moneyProblemMessage(header, r.problem, "wan") };
    }
    case "yuan": {
      const r = parseMoney(text, "yuan");
      return r.ok ? { value: r.fen } : { reason: moneyProblemMessage(header, r.problem, "yuan") };
    }
    case "yesno": {
      const b = parseYesNo(text);
      return b === undefined ? { reason: m.badYesNo } : { value: b };
    }
    case "creditCode": {
      const up = text.toUpperCase();
      return isValidCreditCode(up) ? { value: up } : { reason: m.badCreditCode };
    }
    case "citizenId": {
      const up = text.toUpperCase();
      return isValidCitizenId(up) ? { value: up } : { reason: m.badCitizenId };
    }
    case "industry": {
      const up = text.toUpperCase();
      return INDUSTRY.test(up) ? { value: up } : { reason: m.badIndustry };
    }
  }
}

function specOfSheet(name: string): TableSpec | undefined {
  const lower = name.toLowerCase();
  return TABLE_LIST.find((t) => t.sheet === name || t.file === lower || t.file === `${lower}.csv`);
}

function emptyTables(): ParsedTables {
  const t = {} as Record<TableKey, unknown[]>;
  for (const k of TABLE_KEYS) t[k] = [];
  return t as ParsedTables;
}

/** Typed rows per table and row-level errors, filled one sheet at a time. */
class SheetParser {
  readonly tables = emptyTables();
  readonly errors: ImportError[];
  rowCount = 0;
  constructor(initialErrors: ImportError[] = []) {
    this.errors = [...initialErrors];
  }

  add(sheet: RawSheet): void {
    const { tables, errors } = this;
    if (sheet.name === README_SHEET) return;
    const spec = specOfSheet(sheet.name);
    if (!spec) {
      if (sheet.rows.length > 0 || sheet.header.some((h) => h !== ""))
        errors.push({ sheet: sheet.name, row: null, column: "", value: "", reason: m.unknownSheet });
      return;
    }
    const sheetName = sheet.name;
    const columnAt: (number | undefined)[] = [];
    const seen = new Set<string>();
    let headerOk = true;
    sheet.header.forEach((h, i) => {
      if (h === "") return;
      const idx = spec.columns.findIndex((c) => c.header === h);
      if (idx < 0) {
        errors.push({ sheet: sheetName, row: 1, column: h, value: h, reason: m.unknownColumn });
        headerOk = false;
      } else if (seen.has(h)) {
        errors.push({ sheet: sheetName, row: 1, column: h, value: h, reason: m.duplicateColumn });
        headerOk = false;
      } else {
        seen.add(h);
        columnAt[i] = idx;
      }
    });
    for (const c of spec.columns) {
      if (c.required && !seen.has(c.header)) {
        errors.push({
          sheet: sheetName,
          row: 1,
          column: c.header,
          value: "",
          reason: m.missingRequiredColumn,
        });
        headerOk = false;
      }
    }
    this.rowCount += sheet.rows.length;
    if (!headerOk) return;
    const list = tables[spec.key] as unknown[];
    const requiredAt = spec.columns.map((c) => (c.required ? sheet.header.indexOf(c.header) : -1));
    for (const { row, cells } of sheet.rows) {
      const rec: Record<string, unknown> = {};
      for (const c of spec.columns) rec[c.field] = null;
      let ok = true;
      cells.forEach((text, i) => {
        const idx = columnAt[i];
        if (idx === undefined) return;
        const c = spec.columns[idx]!;
        if (text === "") return;
        const r = convert(c.kind, text, c.header);
        if ("reason" in r) {
          errors.push({ sheet: sheetName, row, column: c.header, value: text, reason: r.reason });
          ok = false;
        } else rec[c.field] = r.value;
      });
      spec.columns.forEach((c, ci) => {
        if (c.required && rec[c.field] === null && cells[requiredAt[ci]!] === "") {
          errors.push({ sheet: sheetName, row, column: c.header, value: "", reason: m.required });
          ok = false;
        }
      });
      if (ok) {
        rec.loc = { sheet: sheetName, row };
        list.push(rec);
      }
    }
  }

  result(): ParsedImport {
    return { tables: this.tables, errors: this.errors, rowCount: this.rowCount };
  }
}

/** Text sheets → typed rows per table with row-level errors. */
export function parseSheets(sheets: readonly RawSheet[], initialErrors: ImportError[] = []): ParsedImport {
  const parser = new SheetParser(initialErrors);
  for (const sheet of sheets) parser.add(sheet);
  return parser.result();
}

/** Read a workbook file (or its bytes) into typed rows. */
export async function readImportWorkbook(source: string | Uint8Array): Promise<ParsedImport> {
  const parser = new SheetParser();
  const sheets = streamWorkbookSheets(source);
  // Each sheet is turned into typed rows as soon as it is read, and its text dropped. Only a failure to
  // read the file means it is no workbook; an error of the parser is a bug and is thrown.
  for (;;) {
    let next: IteratorResult<RawSheet>;
    try {
      next = await sheets.next();
    } catch {
      return {
        tables: emptyTables(),
        errors: [{ sheet: "", row: null, column: "", value: "", reason: m.notSpreadsheet }],
        rowCount: 0,
      };
    }
    if (next.done) break;
    parser.add(next.value);
  }
  return parser.result();
}

/** Read a folder of CSV files into typed rows. */
export function readImportFolder(dir: string): ParsedImport {
  const { sheets, errors } = readCsvFolder(dir);
  const unknown = sheets.filter((s) => !specOfSheet(s.name));
  const known = sheets.filter((s) => specOfSheet(s.name));
  return parseSheets(known, [
    ...errors,
    ...unknown.map((s) => ({ sheet: s.name, row: null, column: "", value: "", reason: m.unknownFile })),
  ]);
}

/** A workbook file or a folder of CSV files. */
export async function readImport(source: string): Promise<ParsedImport> {
  return statSync(source).isDirectory() ? readImportFolder(source) : readImportWorkbook(source);
}

export { TABLES };
