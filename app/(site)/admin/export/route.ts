import { scopedStaffOrNull } from "@/lib/auth/scope";
import { loadCourse } from "@/lib/content/load";
import { contentDisposition } from "@/lib/admin/csv";
import { learnerCsvStream } from "@/lib/admin/export";
import { chinaDay } from "@/lib/admin/ranges";
import { parseDashboardParams } from "@/lib/admin/schema";

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** CSV of every learner the asker may see matching the dashboard's query string (all pages). */
export async function GET(request: Request) {
  const staff = await scopedStaffOrNull();
  if (!staff) return text(403, "没有访问权限：只有讲师、管理员和部门负责人可以导出学员数据。");

  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { filters } = parseDashboardParams(params, loadCourse().modules.map((m) => m.slug));
  const body = await learnerCsvStream(filters, staff.scope);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(chinaDay()),
      "Cache-Control": "no-store",
    },
  });
}
