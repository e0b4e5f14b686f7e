/**
 * Readers: a workbook (.xlsx) or a folder of CSV files (UTF-8 with or without a byte-order mark, or
 * GB18030/GBK: `decodeCsvBytes`) → typed rows per table, with row-level errors {sheet, row, column, value,
 * reason}. Headers come in any order; an unknown column is an error; a missing optional column reads as
 * blank. A date cell may be an Excel date or text as offices write it (`normaliseDateText`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { Open as openZip, type File as ZipEntry } from "unzipper";
import {
  codeOfLabel,
  isValidCitizenId,
  isValidCreditCode,
  moneyProblemMessage,
  normaliseDateText,
  parseMoney,
  parseYesNo,
} from "@liangxin/domain";
import { decodeCsvBytes } from "./csv-decode.ts";
import { worksheetRows, type SheetRow, type WorksheetInternals } from "./sheet-rows.ts";
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

/** Told a worksheet's rows as text cells: the header once, then each non-empty data row. */
interface RowSink {
  header(cells: string[]): void;
  row(rowNumber: number, cells: string[]): void;
}

/**
 * A worksheet's rows as exceljs hands them out → the header (row 1, or the first row) and the non-empty
 * data rows padded to the header's width, told to a sink one at a time.
 */
class RowSplitter {
  private width = 0;
  constructor(private readonly sink: RowSink) {}
  add(values: ExcelJS.CellValue[], rowNumber: number): void {
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null));
    if (rowNumber === 1 || this.width === 0) {
      this.width = cells.length;
      this.sink.header(cells);
      return;
    }
    if (cells.every((c) => c === "")) return;
    while (cells.length < this.width) cells.push("");
    this.sink.row(rowNumber, cells);
  }
}

/** The rows of one worksheet as text cells (header, then the non-empty data rows). */
class SheetCollector implements RowSink {
  readonly sheet: RawSheet;
  constructor(name: string) {
    this.sheet = { name: name.trim(), header: [], rows: [] };
  }
  header(cells: string[]): void {
    this.sheet.header = cells;
  }
  row(row: number, cells: string[]): void {
    this.sheet.rows.push({ row, cells });
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
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string; name: string }[] };
  styles?: StyleIndex;
}

/** The part of exceljs 4.4's style manager a worksheet reader asks for a cell's number format. */
interface StyleIndex {
  model?: { styles?: ({ numFmtId?: number } | undefined)[] };
  getStyleModel(id: number): { numFmt?: string } | null;
}

/**
 * Excel's built-in date formats of East Asian locales (ids 27–31, 36, 50–58; in a Chinese Excel e.g. 31 is
 * `yyyy"年"m"月"d"日"`), which a workbook names by id alone. exceljs knows no code for them and would hand
 * such a date cell out as its serial number (45352); give them a date code so that it becomes a date.
 */
const EAST_ASIAN_DATE_FORMATS = new Set([27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function knowEastAsianDateFormats(styles: StyleIndex | undefined): void {
  if (!styles) return;
  const model = styles.getStyleModel.bind(styles);
  styles.getStyleModel = (id) => {
    const style = model(id);
    const fmtId = styles.model?.styles?.[id]?.numFmtId;
    if (style && style.numFmt === undefined && fmtId !== undefined && EAST_ASIAN_DATE_FORMATS.has(fmtId))
      style.numFmt = "yyyy-mm-dd";
    return style;
  };
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
function readByDirectory(
  reader: ExcelJS.stream.xlsx.WorkbookReader,
  source: string | Uint8Array,
  /** Told the names of the worksheets about to be read, in their order, before the first (null: unnamed). */
  onNames?: (names: (string | null)[]) => void,
): void {
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
    knowEastAsianDateFormats(r.styles);
    const sheets = zip.files
      .map((f) => ({ file: f, no: f.path.match(WORKSHEET_ENTRY)?.[1] }))
      .filter((s): s is { file: ZipEntry; no: string } => s.no !== undefined)
      .sort((a, b) => Number(a.no) - Number(b.no));
    // Each worksheet's name as exceljs gives it (its relationship, then the workbook's sheet of that id).
    onNames?.(
      sheets.map(({ no }) => {
        const rel = (r.workbookRels ?? []).find((x) => x.Target === `worksheets/sheet${no}.xml`);
        return (rel && (r.model?.sheets ?? []).find((x) => x.rId === rel.Id)?.name) ?? null;
      }),
    );
    for (const { file, no } of sheets) yield* r._parseWorksheet(file.stream(), no);
  };
}

/** A worksheet of the workbook: its name, and its rows in batches (`worksheetRows`). */
interface Worksheet {
  name: string;
  rows: AsyncIterable<SheetRow[]>;
}

/**
 * The worksheets of a workbook as exceljs's streaming reader hands them out, in sheet order; their rows
 * are read by `worksheetRows` (as exceljs's reader reads them, without its Row and Cell objects).
 */
async function* workbookWorksheets(
  source: string | Uint8Array,
  onNames?: (names: (string | null)[]) => void,
): AsyncGenerator<Worksheet> {
  // The input is never read as a stream: readByDirectory opens the file (or the bytes) itself.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(PassThrough.from([]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  readByDirectory(reader, source, onNames);
  decodeAcrossChunks(reader);
  for await (const ws of reader) {
    const worksheet = ws as unknown as WorksheetInternals & { name: string };
    yield { name: worksheet.name, rows: worksheetRows(worksheet) };
  }
}

/**
 * The worksheets of a workbook one at a time, read with exceljs's streaming reader: only the sheet being
 * handed out is held as text, never the whole workbook's cell model (a city's workbook has a million rows).
 */
export async function* streamWorkbookSheets(source: string | Uint8Array): AsyncGenerator<RawSheet> {
  for await (const worksheet of workbookWorksheets(source)) {
    const collector = new SheetCollector(worksheet.name);
    const rows = new RowSplitter(collector);
    for await (const batch of worksheet.rows) for (const row of batch) rows.add(row.values, row.number);
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

/**
 * Every `.csv` file of a folder as text sheets (named by file name), each decoded from UTF-8 or GB18030;
 * a file in neither encoding and CSV syntax errors are reported, naming the file.
 */
export function readCsvFolder(dir: string): { sheets: RawSheet[]; errors: ImportError[] } {
  const sheets: RawSheet[] = [];
  const errors: ImportError[] = [];
  for (const file of readdirSync(dir).sort()) {
    const full = path.join(dir, file);
    if (!file.toLowerCase().endsWith(".csv") || !statSync(full).isFile()) continue;
    const decoded = decodeCsvBytes(readFileSync(full));
    if (!decoded.ok) {
      errors.push({ sheet: file, row: null, column: "", value: "", reason: decoded.reason });
      continue;
    }
    const rows = parseCsv(decoded.text);
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
    case "date": {
      const iso = normaliseDateText(text);
      return iso === null ? { reason: m.badDate } : { value: iso };
    }
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

/** A table of parsed rows per sheet, all empty. */
export function emptyTables(): ParsedTables {
  const t = {} as Record<TableKey, unknown[]>;
  for (const k of TABLE_KEYS) t[k] = [];
  return t as ParsedTables;
}

/**
 * A string of its own. A cell's text read from a worksheet is a slice of the chunk of XML it came in (V8
 * slices strings of 13 characters and more instead of copying them), and a row keeping it keeps the whole
 * chunk alive: a city's kept names, codes and ids held most of the sheets' XML. A CSV cell is a chain of
 * one-character pieces until flattened. A copy through JSON is flat and holds only its own characters.
 */
function ownString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Cell kinds whose values repeat across a city's rows (dates, codes naming records): kept once each. */
const INTERNED = new Set<CellKind>(["code", "date", "creditCode", "citizenId", "industry"]);

/** The typed rows of one sheet, converted one row at a time as the rows come (`RowSink`). */
class SheetRows implements RowSink {
  private cells: string[] | null = null;
  private columnAt: (number | undefined)[] = [];
  private requiredAt: number[] = [];
  private headerOk = false;
  /** Every field null, the location last: each row starts as a copy, so all rows share one shape. */
  private template: Record<string, unknown> = {};
  private rows = 0;

  constructor(
    private readonly parser: SheetParser,
    private readonly name: string,
    private readonly spec: TableSpec | undefined,
  ) {}

  /** The table the sheet's rows go to (none for 说明 and unknown sheets). */
  get key(): TableKey | undefined {
    return this.spec?.key;
  }

  header(cells: string[]): void {
    this.cells = cells;
    this.headerText = cells;
  }

  /** The header's checks, once: when the first data row comes or the sheet ends. */
  private checkHeader(): void {
    const { spec, name: sheetName } = this;
    const header = this.cells ?? [];
    this.cells = null;
    if (!spec) return;
    const { errors } = this.parser;
    const seen = new Set<string>();
    let headerOk = true;
    header.forEach((h, i) => {
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
        this.columnAt[i] = idx;
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
    this.headerOk = headerOk;
    this.requiredAt = spec.columns.map((c) => (c.required ? header.indexOf(c.header) : -1));
    // Through JSON: an object built from text keeps its fields in place; one given 20 fields one by one
    // becomes a hash table, and so would every copy.
    this.template = JSON.parse(
      JSON.stringify(Object.fromEntries([...spec.columns.map((c) => [c.field, null]), ["loc", null]])),
    ) as Record<string, unknown>;
  }

  private started = false;

  row(row: number, cells: string[]): void {
    if (!this.started) {
      this.started = true;
      this.checkHeader();
    }
    this.rows++;
    const { spec } = this;
    if (!spec) return;
    this.parser.rowCount++;
    if (!this.headerOk) return;
    const { errors } = this.parser;
    const sheetName = this.name;
    const rec: Record<string, unknown> = { ...this.template };
    let ok = true;
    for (let i = 0; i < cells.length; i++) {
      const idx = this.columnAt[i];
      if (idx === undefined) continue;
      const text = cells[i]!;
      if (text === "") continue;
      const c = spec.columns[idx]!;
      const r = convert(c.kind, text, c.header);
      if ("reason" in r) {
        errors.push({ sheet: sheetName, row, column: c.header, value: text, reason: r.reason });
        ok = false;
      } else rec[c.field] = this.kept(c.kind, r.value);
    }
    spec.columns.forEach((c, ci) => {
      if (c.required && rec[c.field] === null && cells[this.requiredAt[ci]!] === "") {
        errors.push({ sheet: sheetName, row, column: c.header, value: "", reason: m.required });
        ok = false;
      }
    });
    if (ok) {
      rec.loc = { sheet: sheetName, row };
      (this.parser.tables[spec.key] as unknown[]).push(rec);
    }
  }

  /** A converted value as a row keeps it: strings of their own, codes and dates once each. */
  private kept(kind: CellKind, value: unknown): unknown {
    if (typeof value === "string") return INTERNED.has(kind) ? this.parser.intern(value) : ownString(value);
    if (Array.isArray(value)) return (value as string[]).map(ownString);
    return value;
  }

  close(): void {
    if (!this.started) {
      this.started = true;
      this.checkHeader();
    }
    if (!this.spec && this.name !== README_SHEET && (this.rows > 0 || this.sawHeader()))
      this.parser.errors.push({ sheet: this.name, row: null, column: "", value: "", reason: m.unknownSheet });
  }

  private headerText: string[] = [];
  private sawHeader(): boolean {
    return this.headerText.some((h) => h !== "");
  }
}

/** Typed rows per table and row-level errors, filled one sheet at a time, one row at a time. */
class SheetParser {
  readonly errors: ImportError[];
  rowCount = 0;
  /** One string per distinct code or date read (a city's rows name the same few thousand again and again). */
  private readonly strings = new Map<string, string>();
  constructor(
    initialErrors: ImportError[] = [],
    readonly tables: ParsedTables = emptyTables(),
  ) {
    this.errors = [...initialErrors];
  }

  intern(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    const own = ownString(s);
    this.strings.set(own, own);
    return own;
  }

  /** A sheet's rows, told one at a time; `close()` once the sheet ends. */
  open(name: string): RowSink & { close(): void; readonly key: TableKey | undefined } {
    const trimmed = name.trim();
    return new SheetRows(this, trimmed, trimmed === README_SHEET ? undefined : specOfSheet(trimmed));
  }

  add(sheet: RawSheet): void {
    const rows = this.open(sheet.name);
    rows.header(sheet.header);
    for (const r of sheet.rows) rows.row(r.row, r.cells);
    rows.close();
  }

  result(): ParsedImport {
    this.strings.clear();
    return { tables: this.tables, errors: this.errors, rowCount: this.rowCount };
  }
}

/** Text sheets → typed rows per table with row-level errors. */
export function parseSheets(sheets: readonly RawSheet[], initialErrors: ImportError[] = []): ParsedImport {
  const parser = new SheetParser(initialErrors);
  for (const sheet of sheets) parser.add(sheet);
  return parser.result();
}

/**
 * Told as a workbook is read: a table's rows are all in once every sheet feeding it has been read — the
 * workbook's list of sheets says which those are — so that planning can take each table while the next
 * sheets are still being read (`ImportPlanner`).
 */
export interface ReadListener {
  /** Every row of this table is in the tables being filled (told once per table; one no sheet feeds too). */
  tableRead(key: TableKey): void;
  /** Another sheet was read: `done` of `total`. */
  sheetRead?(done: number, total: number): void | Promise<void>;
}

/**
 * Read a workbook file (or its bytes) into typed rows, into `tables` when given (a planner takes them
 * from there as the listener is told, and empties them).
 */
export async function readImportWorkbook(
  source: string | Uint8Array,
  listen?: { tables: ParsedTables; listener: ReadListener },
): Promise<ParsedImport> {
  const parser = new SheetParser([], listen?.tables);
  // Each row is turned into a typed row as soon as it is read, and its text dropped: a sheet of a city's
  // hundreds of thousands of rows is never held as text. Only a failure to read the file means it is no
  // workbook; an error of the parser or the listener is a bug and is thrown.
  const fault = { failed: false, error: undefined as unknown };
  const guarded = async (fn: () => void | Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      Object.assign(fault, { failed: true, error });
      throw error;
    }
  };
  /** Per table, how many of the workbook's sheets feeding it are still to be read. */
  const pending = new Map<TableKey, number>();
  const told = new Set<TableKey>();
  let sheetCount = 0;
  let sheetsRead = 0;
  const tell = (key: TableKey) => {
    if (told.has(key)) return;
    told.add(key);
    listen?.listener.tableRead(key);
  };
  const onNames = (names: (string | null)[]) => {
    sheetCount = names.length;
    for (const name of names) {
      const key = name === null ? undefined : specOfSheet(name.trim())?.key;
      if (key) pending.set(key, (pending.get(key) ?? 0) + 1);
    }
  };
  try {
    for await (const worksheet of workbookWorksheets(source, onNames)) {
      // The tables no sheet feeds are complete (empty) from the start.
      await guarded(() => {
        for (const key of TABLE_KEYS) if (!pending.has(key)) tell(key);
      });
      const sheet = parser.open(worksheet.name);
      const key = sheet.key;
      if (key && told.has(key)) {
        Object.assign(fault, {
          failed: true,
          error: new Error(`sheet ${worksheet.name}: its table was complete`),
        });
        throw fault.error;
      }
      const rows = new RowSplitter(sheet);
      for await (const batch of worksheet.rows)
        await guarded(() => {
          for (const row of batch) rows.add(row.values, row.number);
        });
      await guarded(async () => {
        sheet.close();
        if (key) {
          const left = (pending.get(key) ?? 1) - 1;
          pending.set(key, left);
          if (left <= 0) tell(key);
        }
        await listen?.listener.sheetRead?.(++sheetsRead, sheetCount);
      });
    }
  } catch {
    if (fault.failed) throw fault.error;
    return {
      tables: emptyTables(),
      errors: [{ sheet: "", row: null, column: "", value: "", reason: m.notSpreadsheet }],
      rowCount: 0,
      unreadable: true,
    };
  }
  await guarded(() => {
    for (const key of TABLE_KEYS) tell(key);
  });
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
