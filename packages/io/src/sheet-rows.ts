/**
 * A worksheet's rows as exceljs 4.4's streaming reader hands them out — each row's number and its
 * `values` (1-based, a cell without a value left out) — read from the worksheet's XML with saxes, the XML
 * parser exceljs itself uses, and copies of exceljs's helpers for cell references, XML entities and date
 * formats (exceljs exports none of them), but without exceljs's Row and Cell objects and its event arrays. A city's import reads some ten million
 * cells: building a Row, a Cell per cell and their styles, then copying the values out again, cost about
 * as much as parsing the XML, and more in garbage collection.
 *
 * What a cell's value becomes follows exceljs's `WorksheetReader.parse` and its cell value types, case by
 * case (see `cellValue`), so that the rows read are the same as before, down to its quirks (a formula
 * whose result is 0 keeps no result; the last `<t>` of an inline rich text is the cell's text).
 */
import type ExcelJS from "exceljs";
import { SaxesParser, type SaxesTagPlain } from "saxes";

/** A row as the import reads it: its number in the sheet and its values, `values[1]` the first column's. */
export interface SheetRow {
  number: number;
  values: ExcelJS.CellValue[];
}

/** The parts of exceljs 4.4's streaming worksheet reader this reads from. */
export interface WorksheetInternals {
  /** The worksheet entry's XML as text chunks. */
  iterator: AsyncIterable<string | Buffer>;
  workbook: {
    sharedStrings?: unknown[];
    styles: { getStyleModel(id: number): { numFmt?: string } | null | undefined };
    properties?: { model?: { date1904?: boolean } };
  };
}

interface Text {
  text: string;
}
interface CellState {
  ref: string | undefined;
  s: number;
  t: string | undefined;
  f?: Text;
  v?: Text;
}
interface RowState {
  number: number;
  values: ExcelJS.CellValue[];
  /** The number format of the row's style (`s`), which its cells without a style of their own take. */
  numFmt: string | undefined;
}

const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&apos;": "'",
  "&quot;": '"',
};

/** exceljs's second decoding of a text's entities; a text without `&` has none (most cells). */
function xmlDecode(text: string): string {
  return text.includes("&") ? text.replace(/&([a-z]*);/g, (e) => ENTITIES[e] ?? e) : text;
}

/** Whether a number format shows a date (exceljs's test): y, m, d, h, M, s or b outside quotes and brackets. */
function isDateFmt(fmt: string): boolean {
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** An Excel date serial number as an instant (UTC), as exceljs converts it. */
function excelToDate(v: number, date1904: boolean | undefined): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** The column of a cell reference as exceljs reads it (`B12` → 2, `$AA$3` → 27); none without letters. */
function columnOf(ref: string): number | undefined {
  let col = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      hasCol = true;
      col = col * 26 + ch - 64;
    } else if (ch >= 48 && ch <= 57) hasRow = true;
    else if (hasRow && hasCol && ch !== 36) break;
  }
  return hasCol ? col : undefined;
}

/** Excel's columns as exceljs numbers them (A = 1 … XFD = 16384). */
const MAX_COLUMN = 16_384;

/**
 * The rows of one worksheet, a batch per chunk of XML read (exceljs handed them out one by one, each
 * through its own promise). An error of the XML or a cell reference exceljs would refuse is thrown.
 */
export async function* worksheetRows(ws: WorksheetInternals): AsyncGenerator<SheetRow[]> {
  const { sharedStrings, styles, properties } = ws.workbook;
  const date1904 = properties?.model?.date1904;
  const isDate = new Map<string, boolean>();
  const dateFormat = (fmt: string | undefined): boolean => {
    if (!fmt) return false;
    let known = isDate.get(fmt);
    if (known === undefined) isDate.set(fmt, (known = isDateFmt(fmt)));
    return known;
  };

  // exceljs's reader: the same parser and the same handling of its events (text between the tags of a
  // cell goes to the part last opened, as there).
  const parser = new SaxesParser({ xmlns: false, position: false });
  let error: Error | undefined;
  parser.on("error", (e) => (error = e));
  let inRows = false;
  let row: RowState | null = null;
  let c: CellState | null = null;
  let current: Text | null = null;
  let out: SheetRow[] = [];

  parser.on("opentag", (node: SaxesTagPlain) => {
    switch (node.name) {
      case "sheetData":
        inRows = true;
        break;
      case "row":
        if (inRows) {
          const { r, s } = node.attributes;
          row = { number: parseInt(r!, 10), values: [], numFmt: undefined };
          if (s) {
            const style = styles.getStyleModel(parseInt(s, 10));
            if (style) row.numFmt = style.numFmt;
          }
        }
        break;
      case "c":
        if (row) c = { ref: node.attributes.r, s: parseInt(node.attributes.s!, 10), t: node.attributes.t };
        break;
      case "f":
        if (c) current = c.f = { text: "" };
        break;
      case "v":
      case "is":
      case "t":
        if (c) current = c.v = { text: "" };
        break;
      default:
        break;
    }
  });
  parser.on("text", (text) => {
    if (current) current.text += text;
  });
  parser.on("closetag", (node: SaxesTagPlain) => {
    switch (node.name) {
      case "sheetData":
        inRows = false;
        break;
      case "row":
        if (row) {
          // As exceljs's `row.values`: up to the last cell that has a value.
          const { values } = row;
          let n = values.length;
          while (n > 0 && values[n - 1] === undefined) n--;
          values.length = n;
          out.push({ number: row.number, values });
        }
        row = null;
        break;
      case "c":
        if (row && c) {
          const col = columnOf(c.ref!);
          // exceljs makes the cell at `${column letters}${row number}` and refuses a reference it cannot make.
          if (col === undefined || !(col >= 1 && col <= MAX_COLUMN) || !(row.number >= 0))
            throw new Error(`Invalid Address: ${c.ref} in row ${row.number}`);
          // A value of null (an empty shared string) is no value, as a cell of exceljs's Null type.
          if (c.f || c.v) row.values[col] = cellValue(c, row) ?? undefined;
          c = null;
        }
        break;
      default:
        break;
    }
  });

  /** A cell's value as exceljs sets it and its value type hands it back. */
  const cellValue = (cell: CellState, r: RowState): ExcelJS.CellValue => {
    if (cell.f) {
      const formula = cell.f.text;
      const result = cell.v
        ? cell.t === "str"
          ? xmlDecode(cell.v.text)
          : parseFloat(cell.v.text)
        : undefined;
      // A formula value keeps a result only when truthy; one without formula text is kept as given.
      if (formula) return (result ? { formula, result } : { formula }) as ExcelJS.CellValue;
      return (cell.v ? { formula, result } : { formula }) as ExcelJS.CellValue;
    }
    const text = cell.v!.text;
    switch (cell.t) {
      case "s":
        return sharedStrings
          ? (sharedStrings[parseInt(text, 10)] as ExcelJS.CellValue)
          : ({ sharedString: parseInt(text, 10) } as unknown as ExcelJS.CellValue);
      case "inlineStr":
      case "str":
        return xmlDecode(text);
      case "e":
        return { error: text } as unknown as ExcelJS.CellValue;
      case "b":
        return parseInt(text, 10) !== 0;
      default: {
        let numFmt = r.numFmt;
        if (cell.s) {
          const style = styles.getStyleModel(cell.s);
          if (style) numFmt = style.numFmt;
        }
        return dateFormat(numFmt) ? excelToDate(parseFloat(text), date1904) : parseFloat(text);
      }
    }
  };

  for await (const chunk of ws.iterator) {
    parser.write(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
    if (error) throw error;
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
}
