import { isStaff, type Role } from "@/lib/auth/role-labels";

// The staff navigation's links (components/staff-nav.tsx): every staff page, in the order of a
// trainer's day. Who may open each is decided by the page's own guard; this only hides what the
// viewer would be refused. `for`: "staff" trainers and admins; "admin" admins only; "scoped"
// also department heads (their subtree only); "graders" also department heads with 批阅权限.

export type StaffAudience = "staff" | "admin" | "scoped" | "graders";
export type StaffLink = { href: string; label: string; for: StaffAudience; download?: string };
export type StaffViewer = { role: Role; canGrade: boolean };

export const STAFF_LINKS: readonly StaffLink[] = [
  { href: "/grading", label: "批阅", for: "graders" },
  { href: "/admin", label: "学员管理", for: "scoped" },
  { href: "/admin/reports", label: "部门报表", for: "scoped" },
  { href: "/admin/certificates", label: "证书", for: "staff" },
  { href: "/admin/departments", label: "部门", for: "admin" },
  { href: "/admin/assignments", label: "学习任务", for: "admin" },
  { href: "/admin/roles", label: "角色", for: "admin" },
  { href: "/admin/people/import", label: "导入人员", for: "admin" },
  { href: "/analytics", label: "数据分析", for: "staff" },
  { href: "/analytics/items", label: "题目分析", for: "staff" },
  { href: "/admin/export", label: "导出学员表", for: "scoped", download: "学员名单.csv" },
  { href: "/preview", label: "内容预览", for: "staff" },
  { href: "/admin/settings", label: "设置", for: "admin" },
];

function mayOpen(link: StaffLink, { role, canGrade }: StaffViewer): boolean {
  if (link.for === "admin") return role === "admin";
  if (isStaff(role)) return true;
  if (role !== "dept_head") return false;
  return link.for === "scoped" || (link.for === "graders" && canGrade);
}

export const staffLinks = (viewer: StaffViewer): StaffLink[] => STAFF_LINKS.filter((l) => mayOpen(l, viewer));

/** The link whose page (or a page under it) is showing: the longest matching path wins; downloads never. */
export function currentHref(pathname: string, links: readonly StaffLink[]): string | undefined {
  const pages = links.filter((l) => !l.download && (pathname === l.href || pathname.startsWith(`${l.href}/`)));
  return pages.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
