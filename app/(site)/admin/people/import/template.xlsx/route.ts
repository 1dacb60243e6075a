import { adminOrNull } from "@/lib/auth/guards";
import { templateDisposition, templateXlsx } from "@/lib/staff-import/template";

/** The import template as XLSX: header row and two example rows. */
export async function GET() {
  if (!(await adminOrNull())) return new Response("没有访问权限：只有管理员可以导入人员。", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(await templateXlsx()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": templateDisposition("xlsx"),
      "Cache-Control": "no-store",
    },
  });
}
