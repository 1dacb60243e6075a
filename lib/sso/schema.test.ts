import { describe, expect, it } from "vitest";
import { departmentNamesFromClaim, roleFromClaim } from "@/lib/sso/schema";

describe("claims", () => {
  it("maps a role claim only to learner or dept_head", () => {
    expect(roleFromClaim("dept_head")).toBe("dept_head");
    expect(roleFromClaim(["staff", "部门负责人"])).toBe("dept_head");
    expect(roleFromClaim("学员")).toBe("learner");
    expect(roleFromClaim("admin")).toBeNull();
    expect(roleFromClaim(["trainer", "admin"])).toBeNull();
    expect(roleFromClaim(42)).toBeNull();
  });

  it("reads a department path as a string or a list of names", () => {
    expect(departmentNamesFromClaim("演示公司/华北大区/北京一组")).toEqual(["演示公司", "华北大区", "北京一组"]);
    expect(departmentNamesFromClaim(["演示公司", " 华北大区 "])).toEqual(["演示公司", "华北大区"]);
    expect(departmentNamesFromClaim("演示公司 ／ 华东大区")).toEqual(["演示公司", "华东大区"]);
    expect(departmentNamesFromClaim("")).toBeNull();
    expect(departmentNamesFromClaim({ name: "x" })).toBeNull();
  });
});
