// exceljs 4.4's own helpers the worksheet reader uses (`sheet-rows.ts` reads cells as it does).
declare module "exceljs/lib/utils/col-cache.js" {
  const colCache: {
    /** `B12` → { col: 2, row: 12, … }; throws on a reference it cannot read. */
    decodeAddress(address: string): { address: string; col: number; row: number };
  };
  export default colCache;
}

declare module "exceljs/lib/utils/utils.js" {
  const utils: {
    /** The five XML entities of a text decoded (exceljs decodes text the XML parser handed out again). */
    xmlDecode(text: string): string;
    /** Whether a number format shows a date (y, m, d, h, s or b outside quotes and brackets). */
    isDateFmt(fmt: string | undefined): boolean;
    /** An Excel date serial number as a date (UTC). */
    excelToDate(serial: number, date1904: boolean | undefined): Date;
  };
  export default utils;
}
