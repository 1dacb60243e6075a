import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { searchUsers } from "@/lib/admin/queries";

// The action asks who is signed in and revalidates a page; outside Next both are stubbed.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { changeRoleAction } = await import("@/lib/admin/actions");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const roleOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).role;
const as = (id: string, role: CurrentUser["role"]) => {
  session.user = { id, name: id, email: `${id}@example.com`, role };
};

beforeAll(async () => {
  for (const [id, role] of [["admin-1", "admin"], ["trainer-1", "trainer"], ["learner-1", "learner"], ["learner-2", "learner"]]) {
    await db.user.create({ data: { id, name: `用户 ${id}`, email: `${id}@example.com`, role } });
  }
});

describe("changing roles", () => {
  it("lets an admin promote and demote other users", async () => {
    as("admin-1", "admin");
    expect(await changeRoleAction(null, form({ userId: "learner-1", role: "trainer" }))).toMatchObject({ ok: true, message: expect.stringContaining("讲师") });
    expect(await roleOf("learner-1")).toBe("trainer");
    expect(await changeRoleAction(null, form({ userId: "learner-1", role: "learner" }))).toMatchObject({ ok: true });
    expect(await roleOf("learner-1")).toBe("learner");
  });

  it("refuses trainers, learners and anonymous callers", async () => {
    for (const [id, role] of [["trainer-1", "trainer"], ["learner-2", "learner"]] as const) {
      as(id, role);
      expect(await changeRoleAction(null, form({ userId: "learner-2", role: "admin" }))).toEqual({ ok: false, message: "只有管理员可以修改用户角色。" });
    }
    session.user = null;
    expect(await changeRoleAction(null, form({ userId: "learner-2", role: "admin" }))).toMatchObject({ ok: false });
    expect(await roleOf("learner-2")).toBe("learner");
  });

  it("does not let an admin demote themself", async () => {
    as("admin-1", "admin");
    const result = await changeRoleAction(null, form({ userId: "admin-1", role: "learner" }));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("不能降低自己的角色") });
    expect(await roleOf("admin-1")).toBe("admin");
  });

  it("validates the input", async () => {
    as("admin-1", "admin");
    expect(await changeRoleAction(null, form({ userId: "learner-2", role: "owner" }))).toEqual({ ok: false, message: "角色须为学员、部门负责人、讲师或管理员" });
    expect(await changeRoleAction(null, form({ role: "trainer" }))).toMatchObject({ ok: false });
    expect(await changeRoleAction(null, form({ userId: "nobody", role: "trainer" }))).toEqual({ ok: false, message: "找不到该用户，可能已被删除。" });
  });

  it("finds users by name or email", async () => {
    expect((await searchUsers("TRAINER-1")).users.map((u) => u.id)).toEqual(["trainer-1"]);
    expect((await searchUsers("用户 learner")).total).toBe(2);
    expect((await searchUsers("", 2)).users).toHaveLength(2);
  });
});
