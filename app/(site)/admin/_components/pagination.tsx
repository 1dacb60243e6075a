import Link from "next/link";
import { pageWindow } from "@/lib/admin/ranges";
import { dashboardQuery, type DashboardFilters } from "@/lib/admin/schema";
import styles from "./dashboard.module.css";

export function Pagination({ filters, totalPages }: { filters: DashboardFilters; totalPages: number }) {
  if (totalPages <= 1) return null;
  const href = (page: number) => `/admin${dashboardQuery(filters, { page })}`;
  const current = filters.page;
  return (
    <nav aria-label="分页">
      <ol className={styles.pager}>
        {current > 1 ? <li><Link href={href(current - 1)} rel="prev">上一页</Link></li> : null}
        {pageWindow(current, totalPages).map((page, i) =>
          page === null ? (
            <li key={`gap-${i}`}><span className={styles.gap} aria-hidden="true">…</span></li>
          ) : (
            <li key={page}>
              <Link href={href(page)} aria-current={page === current ? "page" : undefined} aria-label={`第 ${page} 页`}>
                {page}
              </Link>
            </li>
          ),
        )}
        {current < totalPages ? <li><Link href={href(current + 1)} rel="next">下一页</Link></li> : null}
      </ol>
    </nav>
  );
}
