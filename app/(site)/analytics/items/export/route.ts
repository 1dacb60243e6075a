import { itemCsv } from "@/lib/analytics/item-csv";
import { itemSections } from "@/lib/analytics/items";
import { loadItemResponses } from "@/lib/analytics/queries";
import { itemFiltersQuery, parseItemFilters } from "@/lib/analytics/schema";
import { requireRole } from "@/lib/auth/session";
import { loadCourse } from "@/lib/content/load";

/** The item analysis as CSV (UTF-8 with BOM, so Excel opens the Chinese text correctly). */
export async function GET(request: Request) {
  const filters = parseItemFilters(new URL(request.url).searchParams);
  await requireRole(["trainer", "admin"], `/analytics/items${itemFiltersQuery(filters)}`);
  const sections = itemSections(loadCourse(), await loadItemResponses(filters.scope));
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
