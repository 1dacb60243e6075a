import "server-only";
import { loadCourse } from "@/lib/content/load";
import { csvHeader, csvRow } from "@/lib/admin/csv";
import { allLearners } from "@/lib/admin/queries";
import type { LearnerRow } from "@/lib/admin/rows";
import type { DashboardFilters } from "@/lib/admin/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { csvText } from "@/lib/csv";

/**
 * The CSV of every learner `staff` may see matching `filters`, streamed batch by batch. UTF-8 with a BOM so
 * Excel on Windows reads the Chinese text as UTF-8 instead of the local code page. The first
 * batch is read before this resolves, so a database error is an error response, not a cut file.
 */
export async function learnerCsvStream(filters: DashboardFilters, staff: StaffScope): Promise<ReadableStream<Uint8Array>> {
  const modules = loadCourse().modules.map((m) => ({ slug: m.slug, order: m.order }));
  const encoder = new TextEncoder();
  const batches = allLearners(filters, staff);
  const first = await batches.next();
  const encode = (rows: LearnerRow[]) => encoder.encode(csvText(rows.map((row) => csvRow(row, modules))));
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvText([csvHeader(modules)], { bom: true })));
      if (first.done) controller.close();
      else controller.enqueue(encode(first.value));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encode(next.value));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
