import { staffOrNull } from "@/lib/auth/guards";
import { gradingAgreement } from "@/lib/grading/agreement-queries";
import { agreementCsv } from "@/lib/grading/agreement-report";

/** Grader agreement as CSV (UTF-8 with BOM, so Excel opens the Chinese text correctly). */
export async function GET() {
  if (!(await staffOrNull())) {
    return new Response("没有访问权限：只有讲师和管理员可以导出评分一致性数据。", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const csv = agreementCsv(await gradingAgreement());
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="grading-agreement-${date}.csv"; filename*=UTF-8''${encodeURIComponent(`评分一致性-${date}.csv`)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
