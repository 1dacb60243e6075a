import "server-only";
import ExcelJS from "exceljs";
import { csvText } from "@/lib/csv";
import { TEMPLATE_ROWS } from "@/lib/staff-import/columns";

// The file an admin downloads, fills in and uploads: the header row and two example rows.

const NOTE = "角色：学员、部门负责人、讲师或管理员（留空即为学员）；工号可留空；部门用 / 分隔上下级。";

/** UTF-8 with BOM, so Excel on Windows opens the Chinese headers correctly. */
export const templateCsv = (): string => csvText(TEMPLATE_ROWS, { bom: true });

export async function templateXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("人员");
  sheet.columns = [{ width: 12 }, { width: 28 }, { width: 32 }, { width: 14 }, { width: 12 }];
  for (const row of TEMPLATE_ROWS) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  sheet.getCell("C1").note = NOTE;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function templateDisposition(ext: "csv" | "xlsx"): string {
  return `attachment; filename="staff-import-template.${ext}"; filename*=UTF-8''${encodeURIComponent(`人员导入模板.${ext}`)}`;
}
