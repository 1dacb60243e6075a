import "server-only";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { COLUMN_LABELS, columnOf, MAX_ROWS, REQUIRED_COLUMNS, type ColumnKey, type ImportProblem } from "@/lib/staff-import/columns";

// An uploaded file's bytes become rows of text cells keyed by column. The file's content decides
// its kind (an XLSX is a ZIP), not its name; a CSV is UTF-8 (with or without BOM) or, when it is
// not valid UTF-8, GBK as Chinese Excel saves "CSV (逗号分隔)" (decision 030).

export type SheetRow = { row: number; cells: Partial<Record<ColumnKey, string>> };
export type Sheet = { rows: SheetRow[]; problems: ImportProblem[] };
export type ReadResult = { ok: true; sheet: Sheet } | { ok: false; message: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // .xls (Excel 97-2003)
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function readSheet(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, message: "文件是空的，请选择填好的 CSV 或 XLSX 文件。" };
  if (startsWith(bytes, OLE)) return { ok: false, message: "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再上传。" };
  let grid: string[][];
  try {
    grid = startsWith(bytes, ZIP) ? await xlsxGrid(bytes) : csvGrid(bytes);
  } catch (error) {
    if (error instanceof ReadRefusal) return { ok: false, message: error.message };
    return { ok: false, message: "无法读取这个文件：请上传用模板填写的 .xlsx 或 .csv 文件。" };
  }
  return sheetOf(grid);
}

class ReadRefusal extends Error {}

function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new ReadRefusal("这不是 CSV 或 XLSX 文件，请上传用模板填写的表格。");
  try {
    // ignoreBOM: false (the default) drops a UTF-8 byte order mark.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}

function csvGrid(bytes: Uint8Array): string[][] {
  const text = decodeText(bytes);
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true, to: MAX_ROWS + 2 }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ReadRefusal(`CSV 格式有误${line ? `（约第 ${line} 行）` : ""}：请检查引号是否成对，或在 Excel 中重新另存为 CSV。`);
  }
}

async function xlsxGrid(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ReadRefusal("这个 XLSX 文件里没有工作表。");
  if (sheet.rowCount > MAX_ROWS + 1) throw new ReadRefusal(tooManyRows());
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? "";
    });
    grid[number - 1] = Array.from(cells, (cell) => cell ?? "");
  });
  return Array.from(grid, (row) => row ?? []);
}

const tooManyRows = () => `一次最多导入 ${MAX_ROWS.toLocaleString("en-US")} 行，请把文件拆成几份分别导入。`;

/** The header row picks the columns; every later non-empty row is a row of the sheet. */
function sheetOf(grid: string[][]): ReadResult {
  const header = grid[0] ?? [];
  const problems: ImportProblem[] = [];
  const columnAt = new Map<number, ColumnKey>();
  const seen = new Set<ColumnKey>();
  header.forEach((cell, index) => {
    const key = columnOf(cell);
    if (!key) return;
    if (seen.has(key)) problems.push({ row: 1, column: "表头", message: `「${COLUMN_LABELS[key]}」列出现了两次，请只保留一列。` });
    else columnAt.set(index, key);
    seen.add(key);
  });
  for (const key of REQUIRED_COLUMNS) {
    if (!seen.has(key)) problems.push({ row: 1, column: "表头", message: `缺少「${COLUMN_LABELS[key]}」列（可下载模板对照）。` });
  }
  const rows: SheetRow[] = [];
  grid.slice(1).forEach((cells, index) => {
    if (cells.every((cell) => !cell.trim())) return;
    const row: SheetRow = { row: index + 2, cells: {} };
    for (const [at, key] of columnAt) row.cells[key] = cells[at] ?? "";
    rows.push(row);
  });
  if (rows.length > MAX_ROWS) return { ok: false, message: tooManyRows() };
  if (!rows.length && !problems.length) return { ok: false, message: "文件里只有表头，没有要导入的人员。" };
  return { ok: true, sheet: { rows, problems } };
}
