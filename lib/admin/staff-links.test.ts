import { describe, expect, it } from "vitest";
import { currentHref, staffLinks } from "@/lib/admin/staff-links";
import type { Role } from "@/lib/auth/role-labels";

describe("staff navigation links", () => {
  const as = (role: Role, canGrade = false) => staffLinks({ role, canGrade });

  it("shows 部门, 学习任务, 角色, 导入人员 and 设置 to admins only; everything else to every staff role", () => {
    expect(as("admin").map((l) => l.label)).toEqual(["批阅", "学员管理", "部门报表", "证书", "部门", "学习任务", "角色", "导入人员", "数据分析", "题目分析", "导出学员表", "内容预览", "设置"]);
    expect(as("trainer").map((l) => l.href)).not.toContain("/admin/assignments");
    expect(as("trainer").map((l) => l.href)).not.toContain("/admin/settings");
    expect(as("trainer").map((l) => l.href)).not.toContain("/admin/roles");
    expect(as("trainer").map((l) => l.href)).not.toContain("/admin/people/import");
    expect(as("trainer").map((l) => l.href)).not.toContain("/admin/departments");
    expect(as("trainer").map((l) => l.href)).not.toContain("/admin/settings");
    expect(as("trainer").map((l) => l.href)).toContain("/admin/certificates");
  });

  it("shows a department head only the scoped pages, and 批阅 only with 批阅权限", () => {
    expect(as("dept_head").map((l) => l.label)).toEqual(["学员管理", "部门报表", "导出学员表"]);
    expect(as("dept_head", true).map((l) => l.label)).toEqual(["批阅", "学员管理", "部门报表", "导出学员表"]);
    expect(as("learner", true)).toEqual([]);
  });

  it("marks the page showing, or the section a sub-page belongs to (longest path wins)", () => {
    const links = as("admin");
    expect(currentHref("/admin", links)).toBe("/admin");
    expect(currentHref("/admin/certificates", links)).toBe("/admin/certificates");
    expect(currentHref("/admin/people/import", links)).toBe("/admin/people/import");
    expect(currentHref("/admin/settings", links)).toBe("/admin/settings");
    expect(currentHref("/admin/learners/u1", links)).toBe("/admin");
    expect(currentHref("/admin/reports", links)).toBe("/admin/reports");
    expect(currentHref("/admin/assignments/a1/edit", links)).toBe("/admin/assignments");
    expect(currentHref("/analytics/items", links)).toBe("/analytics/items");
    expect(currentHref("/grading/a1", links)).toBe("/grading");
    expect(currentHref("/preview/quizzes/platform-basics", links)).toBe("/preview");
    expect(currentHref("/administrator", links)).toBeUndefined();
    expect(currentHref("/admin/export", links)).toBe("/admin"); // the download is never "current"
  });
});
