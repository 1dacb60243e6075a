import type { Role } from "@/lib/auth/role-labels";

// The staff navigation's links (components/staff-nav.tsx): every staff page, in the order of a
// trainer's day. Who may open each is decided by the page's own guard; this only hides what a
// role would be refused (角色 is requireAdmin).

export type StaffLink = { href: string; label: string; adminOnly?: boolean; download?: string };

export const STAFF_LINKS: readonly StaffLink[] = [
  { href: "/grading", label: "批阅" },
  { href: "/admin", label: "学员管理" },
  { href: "/admin/certificates", label: "证书" },
  { href: "/admin/departments", label: "部门", adminOnly: true },
  { href: "/admin/roles", label: "角色", adminOnly: true },
  { href: "/analytics", label: "数据分析" },
  { href: "/analytics/items", label: "题目分析" },
  { href: "/admin/export", label: "导出学员表", download: "学员名单.csv" },
  { href: "/preview", label: "内容预览" },
];

export const staffLinks = (role: Role): StaffLink[] => STAFF_LINKS.filter((l) => !l.adminOnly || role === "admin");

/** The link whose page (or a page under it) is showing: the longest matching path wins; downloads never. */
export function currentHref(pathname: string, links: readonly StaffLink[]): string | undefined {
  const pages = links.filter((l) => !l.download && (pathname === l.href || pathname.startsWith(`${l.href}/`)));
  return pages.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
