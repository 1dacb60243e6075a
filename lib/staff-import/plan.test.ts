import { describe, expect, it } from "vitest";
import { checkRows } from "@/lib/staff-import/check";
import { columnOf, roleOf } from "@/lib/staff-import/columns";
import { departmentResolver, planImport, type Account } from "@/lib/staff-import/plan";

const dept = (id: string, name: string, parentId: string | null, archived = false) => ({
  id, name, parentId, path: `${id}/`, depth: parentId ? 1 : 0, archivedAt: archived ? new Date(0) : null,
});

describe("reading cells", () => {
  it("maps header aliases and role labels or keys", () => {
    expect(["姓名", " E-mail ", "Employee_ID", "所属部门", "备注"].map(columnOf)).toEqual(["name", "email", "employeeId", "department", undefined]);
    expect(columnOf("__proto__")).toBeUndefined();
    expect(["讲师", "ADMIN", "部门负责人", "经理", ""].map(roleOf)).toEqual(["trainer", "admin", "dept_head", undefined, undefined]);
  });
});

describe("departmentResolver", () => {
  const resolve = departmentResolver([dept("a", "公司", null), dept("b-old", "华北", "a", true), dept("b", "华北", "a"), dept("c", "旧组", "b", true)]);
  it("prefers the active department where an archived sibling has the same name", () => {
    expect(resolve(["公司", "华北"])).toEqual({ departmentId: "b" });
  });
  it("says from which level the path is new, or which level is archived", () => {
    expect(resolve(["公司", "华南", "一组"])).toEqual({ missingFrom: 1 });
    expect(resolve(["公司", "华北", "旧组", "一组"])).toEqual({ archived: "旧组" });
  });
});

describe("planImport", () => {
  const account: Account = { id: "u1", name: "张三", email: "zhang@example.com", role: "trainer", employeeId: "E1", departmentId: "a" };
  const plan = (cells: Record<string, string>[], actorId = "admin") =>
    planImport({
      rows: checkRows(cells.map((c, i) => ({ row: i + 2, cells: c }))).rows,
      accountsByEmail: new Map([[account.email, account]]),
      accountsByEmployeeId: new Map([["E1", account]]),
      departments: [dept("a", "公司", null)],
      actorId,
    });

  it("keeps an account's role and 工号 when the cells are empty, and counts it unchanged", () => {
    const { entries, problems } = plan([{ name: "张三", email: "Zhang@Example.com", department: "公司", role: "", employeeId: "" }]);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.kind)).toEqual(["unchanged"]);
  });

  it("lists what changes and which departments are new", () => {
    const result = plan([{ name: "张三丰", email: "zhang@example.com", department: "公司/新部门", role: "学员", employeeId: "E1" }]);
    expect(result.entries[0]).toMatchObject({ kind: "update", changes: ["姓名", "部门", "角色"] });
    expect(result.newDepartments).toEqual(["公司 / 新部门"]);
  });

  it("refuses another account's 工号 and an admin's own role change", () => {
    expect(plan([{ name: "李四", email: "li@example.com", department: "公司", employeeId: "E1" }]).problems).toEqual([
      { row: 2, column: "工号", message: "工号 E1 已属于另一个账号（zhang@example.com）" },
    ]);
    expect(plan([{ name: "张三", email: "zhang@example.com", department: "公司", role: "学员" }], "u1").problems).toMatchObject([{ row: 2, column: "角色" }]);
  });
});
