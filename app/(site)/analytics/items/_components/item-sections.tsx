import { itemSections } from "@/lib/analytics/items";
import { loadItemResponses } from "@/lib/analytics/queries";
import type { ItemFilters } from "@/lib/analytics/schema";
import { loadAssessment } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { ItemTable } from "./item-table";
import styles from "../items.module.css";

/** The slow part of the page (streamed in): one table per bank. */
export async function ItemSections({ filters }: { filters: ItemFilters }) {
  const { minResponses } = loadAssessment().config.analytics;
  const sections = itemSections(loadCourse(), await loadItemResponses(filters.scope, { minResponses }));
  return sections.map((section) => {
    const rows = filters.flagged ? section.rows.filter((r) => r.stats.flags.length) : section.rows;
    return (
      <section key={section.id} className="card stack" aria-labelledby={section.id}>
        <h2 id={section.id} className={styles.tight}>{section.title}</h2>
        <p className={`muted ${styles.tight}`}>
          分析了 {section.attempts} 次作答 · {section.rows.length} 道题{filters.flagged ? `，其中 ${rows.length} 道有标记` : ""}
        </p>
        {rows.length ? <ItemTable rows={rows} caption={section.title} minResponses={minResponses} /> : null}
      </section>
    );
  });
}
