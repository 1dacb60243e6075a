import { reviewAnalytics, reviewCsv } from "@/lib/analytics/review";
import { staffOrNull } from "@/lib/auth/guards";
import { loadCourse } from "@/lib/content/load";

/** Review analytics as CSV (UTF-8 with BOM, so Excel opens the Chinese text correctly). */
export async function GET() {
  if (!(await staffOrNull())) {
    return new Response("没有访问权限：只有讲师和管理员可以导出复习数据。", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const csv = reviewCsv(await reviewAnalytics(loadCourse()));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="review-${date}.csv"; filename*=UTF-8''${encodeURIComponent(`间隔复习-${date}.csv`)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
