"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/auth/role-labels";
import styles from "./staff-nav.module.css";

type StaffLink = { href: string; label: string; adminOnly?: boolean; download?: string };

/** Every staff page, in the order of a trainer's day; 角色 is for admins only (requireAdmin). */
export const STAFF_LINKS: readonly StaffLink[] = [
  { href: "/grading", label: "批阅" },
  { href: "/admin", label: "学员管理" },
  { href: "/admin/certificates", label: "证书" },
  { href: "/admin/roles", label: "角色", adminOnly: true },
  { href: "/analytics", label: "数据分析" },
  { href: "/analytics/items", label: "题目分析" },
  { href: "/admin/export", label: "导出学员表", download: "学员名单.csv" },
  { href: "/preview", label: "内容预览" },
];

/** The link whose page (or a page under it) is showing: the longest matching path wins. */
export function currentHref(pathname: string, links: readonly StaffLink[]): string | undefined {
  const pages = links.filter((l) => !l.download && (pathname === l.href || pathname.startsWith(`${l.href}/`)));
  return pages.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/** The staff pages' own navigation; wraps on a phone rather than pushing the page sideways. */
export function StaffNav({ role }: { role: Role }) {
  const pathname = usePathname();
  const links = STAFF_LINKS.filter((l) => !l.adminOnly || role === "admin");
  const current = currentHref(pathname, links);
  return (
    <nav className={styles.nav} aria-label="教学管理">
      <ul className={styles.list}>
        {links.map((l) => (
          <li key={l.href}>
            {l.download ? (
              <a className={styles.link} href={l.href} download={l.download} title="下载全部学员的 CSV 表格">
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
