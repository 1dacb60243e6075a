import { itemCsv } from "@/lib/analytics/item-csv";
import { itemSections } from "@/lib/analytics/items";
import { loadItemResponses } from "@/lib/analytics/queries";
import { parseItemFilters } from "@/lib/analytics/schema";
import { staffOrNull } from "@/lib/auth/guards";
import { loadAssessment } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";

const forbiddenText = (message: string) => new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The item analysis as CSV (UTF-8 with BOM, so Excel opens the Chinese text correctly). */
export async function GET(request: Request) {
  if (!(await staffOrNull())) return forbiddenText("没有访问权限：只有讲师和管理员可以导出题目分析。");
  const filters = parseItemFilters(new URL(request.url).searchParams);
  const sections = itemSections(loadCourse(), await loadItemResponses(filters.scope, loadAssessment().config.analytics));
  const csv = itemCsv(sections);
  const date = new Date().toISOString().slice(0, 10);
  const name = `题目分析-${filters.scope === "all" ? "全部作答" : "首次作答"}-${date}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="item-analysis-${filters.scope}-${date}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
