import { staffOrNull } from "@/lib/auth/guards";
import { loadCourse } from "@/lib/content/load";
import { contentDisposition } from "@/lib/admin/csv";
import { learnerCsvStream } from "@/lib/admin/export";
import { chinaDay } from "@/lib/admin/ranges";
import { parseDashboardParams } from "@/lib/admin/schema";

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** CSV of every learner matching the dashboard's query string (all pages). */
export async function GET(request: Request) {
  if (!(await staffOrNull())) return text(403, "没有访问权限：只有讲师和管理员可以导出学员数据。");

  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { filters } = parseDashboardParams(params, loadCourse().modules.map((m) => m.slug));
  const body = await learnerCsvStream(filters);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(chinaDay()),
      "Cache-Control": "no-store",
    },
  });
}
