import { z } from "@/lib/zod";
import { scopedStaffOrNull } from "@/lib/auth/scope";
import { chinaDay } from "@/lib/admin/ranges";
import { reportCsv, reportDisposition, reportXlsx } from "@/lib/reports/export";
import { departmentReport } from "@/lib/reports/queries";
import { parseReportParams } from "@/lib/reports/schema";

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

const formatSchema = z.enum(["csv", "xlsx"]);

/** The department report as CSV or XLSX (?format=), scoped like the page; reads only. */
export async function GET(request: Request) {
  const asker = await scopedStaffOrNull();
  if (!asker) return text(403, "没有访问权限：只有管理员、讲师和部门负责人可以导出部门报表。");
  // Only the names the export knows are read: no request-chosen key reaches an object.
  const query = new URL(request.url).searchParams;
  const format = formatSchema.safeParse(query.get("format") ?? "csv");
  if (!format.success) return text(400, "导出格式须为 csv 或 xlsx。");
  const { filters } = parseReportParams({ assignment: query.get("assignment") ?? undefined, department: query.get("department") ?? undefined });
  const report = await departmentReport(asker.scope, filters);
  const day = chinaDay();
  const headers = { "Content-Disposition": reportDisposition(day, format.data), "Cache-Control": "no-store" };
  if (format.data === "csv") return new Response(reportCsv(report.rows), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const title = `部门学习报表 ${day}${report.assignment ? ` · ${report.assignment.title}` : ""}`;
  return new Response(await reportXlsx(report.rows, title), {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}
