import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { departmentList, peopleCounts, departmentTree } from "@/lib/departments/queries";
import { displayPath } from "@/lib/departments/tree";

// The department tree through the admin's form action: create, rename, move, archive, restore,
// the group robot; every refusal in zh-CN with nothing written.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { departmentAction } = await import("@/lib/departments/actions");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const act = async (fields: Record<string, string>) => (await departmentAction(null, form(fields)))!;
const idOf = async (name: string) => (await db.department.findFirstOrThrow({ where: { name } })).id;
const paths = async () => (await departmentList({ includeArchived: true })).map((n) => `${displayPath(n.names)}${n.archivedAt ? " (归档)" : ""}`);

beforeAll(async () => {
  await db.user.create({ data: { id: "admin-1", name: "管理员", email: "admin-1@example.com", role: "admin" } });
  session.user = { id: "admin-1", name: "管理员", email: "admin-1@example.com", role: "admin" };
});

describe("department tree", () => {
  it("is built, renamed and moved with its people; a move into its own subtree is refused", async () => {
    expect(await act({ intent: "create", name: "京东商城", parentId: "" })).toEqual({ ok: true, message: "已新建部门。" });
    const root = await idOf("京东商城");
    expect((await act({ intent: "create", name: "华北大区", parentId: root })).ok).toBe(true);
    expect((await act({ intent: "create", name: "华东大区", parentId: root })).ok).toBe(true);
    const north = await idOf("华北大区");
    expect((await act({ intent: "create", name: "北京一组", parentId: north })).ok).toBe(true);
    const beijing = await idOf("北京一组");
    await db.user.create({ data: { id: "learner-1", name: "学员", email: "l1@example.com", departmentId: beijing } });

    expect(await act({ intent: "create", name: "华北大区", parentId: root })).toEqual({ ok: false, message: "同一上级下已有名为「华北大区」的部门。" });
    expect(await act({ intent: "move", id: north, parentId: beijing })).toEqual({ ok: false, message: "不能把部门移到它自己或它的下级部门之下。" });
    expect((await act({ intent: "rename", id: north, name: " 华北区 " })).ok).toBe(true);
    expect((await act({ intent: "move", id: beijing, parentId: await idOf("华东大区") })).ok).toBe(true);

    expect(await paths()).toEqual(["京东商城", "京东商城 / 华北区", "京东商城 / 华东大区", "京东商城 / 华东大区 / 北京一组"]);
    const counts = await peopleCounts(await departmentTree());
    expect([counts.get(root), counts.get(await idOf("华东大区")), counts.get(north)]).toEqual([1, 1, 0]);
    expect((await db.user.findUniqueOrThrow({ where: { id: "learner-1" } })).departmentId).toBe(beijing);
  });

  it("archives a subtree keeping its people, and restores it", async () => {
    const east = await idOf("华东大区");
    expect((await act({ intent: "archive", id: east })).ok).toBe(true);
    expect(await paths()).toContain("京东商城 / 华东大区 / 北京一组 (归档)");
    expect((await departmentList()).map((n) => n.name)).not.toContain("北京一组");
    expect(await act({ intent: "create", name: "上海组", parentId: east })).toEqual({ ok: false, message: "上级部门已归档，不能在其下新建部门。" });
    expect(await act({ intent: "restore", id: await idOf("北京一组") })).toEqual({ ok: false, message: "上级部门已归档，请先恢复上级部门。" });
    expect((await act({ intent: "restore", id: east })).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: "learner-1" } })).departmentId).toBe(await idOf("北京一组"));
  });

  it("keeps a group robot's address, and clears it when left empty", async () => {
    const root = await idOf("京东商城");
    expect(await act({ intent: "webhook", id: root, webhookKind: "dingtalk", webhookUrl: "https://oapi.dingtalk.com/robot/send?access_token=abc" })).toEqual({ ok: true, message: "已保存群机器人。" });
    expect(await db.department.findUniqueOrThrow({ where: { id: root } })).toMatchObject({ webhookKind: "dingtalk", webhookUrl: "https://oapi.dingtalk.com/robot/send?access_token=abc" });
    expect(await act({ intent: "webhook", id: root, webhookKind: "wecom", webhookUrl: "javascript:alert(1)" })).toMatchObject({ ok: false, message: expect.stringContaining("https://") });
    expect((await act({ intent: "webhook", id: root, webhookKind: "wecom", webhookUrl: "" })).message).toBe("已清除群机器人。");
  });

  it("refuses hostile input and anyone but an admin, writing nothing", async () => {
    const before = await paths();
    const hostile: Record<string, string>[] = [
      { intent: "create", name: "", parentId: "" },
      { intent: "create", name: "a/b", parentId: "" },
      { intent: "create", name: "x".repeat(41), parentId: "" },
      { intent: "create", name: "新部门", parentId: "no-such-id" },
      { intent: "drop", id: "x" },
      { intent: "rename", id: "no-such-id", name: "新名" },
      { intent: "move", id: "no-such-id", parentId: "" },
      { intent: "__proto__", id: "x" },
    ];
    for (const fields of hostile) {
      const answer = await act(fields);
      expect(answer?.ok, JSON.stringify(fields)).toBe(false);
      expect(answer?.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await departmentAction(null, "not a form" as unknown as FormData)).toMatchObject({ ok: false });
    session.user = { id: "t", name: "讲师", email: "t@example.com", role: "trainer" };
    expect(await act({ intent: "create", name: "讲师建的", parentId: "" })).toEqual({ ok: false, message: "只有管理员可以管理部门。" });
    session.user = { id: "admin-1", name: "管理员", email: "admin-1@example.com", role: "admin" };
    expect(await paths()).toEqual(before);
  });
});
