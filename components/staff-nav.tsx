"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentHref, type StaffLink } from "@/lib/admin/staff-links";
import styles from "./staff-nav.module.css";

/** The staff pages' own navigation; wraps on a phone rather than pushing the page sideways. */
export function StaffNav({ links }: { links: StaffLink[] }) {
  const pathname = usePathname();
  const current = currentHref(pathname, links);
  return (
    <nav className={styles.nav} aria-label="教学管理">
      <ul className={styles.list}>
        {links.map((l) => (
          <li key={l.href}>
            {l.download ? (
              <a className={styles.link} href={l.href} download={l.download} title="下载可见学员的 CSV 表格">
                {l.label}
              </a>
            ) : (
              <Link
                className={styles.link}
                href={l.href}
                aria-current={l.href === current ? (pathname === l.href ? "page" : "true") : undefined}
              >
                {l.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
