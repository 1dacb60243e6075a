import { adminOrNull } from "@/lib/auth/guards";
import { templateCsv, templateDisposition } from "@/lib/staff-import/template";

/** The import template as CSV (UTF-8 with BOM): header row and two example rows. */
export async function GET() {
  if (!(await adminOrNull())) return new Response("没有访问权限：只有管理员可以导入人员。", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(templateCsv(), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": templateDisposition("csv"), "Cache-Control": "no-store" },
  });
}
