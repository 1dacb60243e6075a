import type { Metadata } from "next";
import Link from "next/link";
import { TableScroll } from "@/components/table-scroll";
import { ROLE_LABELS, roleSchema } from "@/lib/auth/roles";
import { requireAdmin } from "@/lib/auth/guards";
import { searchUsers } from "@/lib/admin/queries";
import { departmentList } from "@/lib/departments/queries";
import { displayPath } from "@/lib/departments/tree";
import { userSearchSchema } from "@/lib/admin/schema";
import { RoleForm, type DepartmentOption } from "./_components/role-form";
import styles from "./_components/roles.module.css";

export const metadata: Metadata = { title: "用户角色" };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function RolesPage({ searchParams }: Props) {
  const me = await requireAdmin("/admin/roles");
  const raw = (await searchParams).q;
  const parsed = userSearchSchema.safeParse(Array.isArray(raw) ? raw[0] : (raw ?? ""));
  const q = parsed.success ? parsed.data : "";
  const [{ users, total }, departments] = await Promise.all([searchUsers(q), departmentList({ includeArchived: true })]);
  const label = (d: (typeof departments)[number]) => `${displayPath(d.names)}${d.archivedAt ? "（已归档）" : ""}`;
  const names = new Map(departments.map((d) => [d.id, label(d)]));
  const pickable: DepartmentOption[] = departments.filter((d) => !d.archivedAt).map((d) => ({ id: d.id, label: label(d) }));
  // A user in an archived department keeps it until moved: their picker shows it too.
  const optionsFor = (departmentId: string | null): DepartmentOption[] =>
    departmentId && !pickable.some((d) => d.id === departmentId) ? [...pickable, { id: departmentId, label: names.get(departmentId) ?? "（已删除的部门）" }] : pickable;
  return (
    <>
      <p className="breadcrumb"><Link href="/admin">学员总览</Link> / 用户角色</p>
      <section className="card stack">
        <h1>用户角色</h1>
        <p className="muted">学员只能学习和考试；部门负责人只能查看和导出本部门（含下级部门）的学员，给了批阅权限才能批阅本部门的答卷；讲师和管理员可以查看全部学员、批阅考核；只有管理员可以修改角色和部门。你不能降低自己的角色。</p>
        {parsed.success ? null : <p className="form__error" role="status">搜索词不能超过 100 个字，已显示全部用户。</p>}
        <form method="get" action="/admin/roles" className="search-form" role="search">
          <input name="q" type="search" defaultValue={q} maxLength={100} placeholder="搜索姓名或邮箱" aria-label="搜索姓名或邮箱" />
          <button className="button" type="submit">搜索</button>
        </form>
      </section>
      <h2>{q ? `“${q}”的搜索结果` : "全部用户（最新注册在前）"}：共 {total} 人{total > users.length ? `，显示前 ${users.length} 人，请缩小搜索范围` : ""}</h2>
      {users.length ? (
        <TableScroll label="用户与角色">
          <table className={`progress-table ${styles.table}`}>
            <thead>
              <tr><th scope="col">用户</th><th scope="col">当前角色与部门</th><th scope="col">修改角色与部门</th></tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const role = roleSchema.safeParse(u.role);
                return (
                  <tr key={u.id}>
                    <th scope="row">{u.name}<span className={styles.email}>{u.email}</span></th>
                    <td>
                      {role.success ? ROLE_LABELS[role.data] : u.role}
                      {u.role === "dept_head" && u.canGrade ? "（可批阅）" : ""}
                      <span className={styles.email}>{u.departmentId ? (names.get(u.departmentId) ?? "（已删除的部门）") : "无部门"}</span>
                    </td>
                    <td>
                      {u.id === me.id ? (
                        <span className="muted">（你自己）</span>
                      ) : (
                        <RoleForm
                          userId={u.id}
                          name={u.name}
                          role={role.success ? role.data : "learner"}
                          departmentId={u.departmentId}
                          canGrade={u.canGrade}
                          departments={optionsFor(u.departmentId)}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">没有找到用户。</p>
      )}
    </>
  );
}
