import { stringify } from "csv-stringify/sync";

// Every CSV the app exports is written here, so no export can forget the formula guard.

/** Text (neutralised) or a number the app computed (written as is: a negative stays a number). */
export type CsvCell = string | number | null | undefined;

// Spreadsheet programs run a cell that starts with one of these as a formula (=HYPERLINK(...),
// +cmd|..., @SUM, or a tab/CR ahead of one); names, emails and question text are typed by people.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as the spreadsheet should show it: one that would start a formula gets a leading '. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV with CRLF line ends (what Excel expects); with `bom`, UTF-8's byte order mark so
 * Excel on Windows reads Chinese text as UTF-8. Strings are neutralised, numbers are not.
 */
export function csvText(records: readonly (readonly CsvCell[])[], { bom = false } = {}): string {
  return stringify(records as CsvCell[][], { bom, record_delimiter: "windows", cast: { string: neutraliseCell } });
}
