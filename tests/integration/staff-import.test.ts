import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

// The staff import through its two server actions, as the page calls them (decision 030).
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user, getVerifiedUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { previewStaffImportAction, confirmStaffImportAction } = await import("@/lib/staff-import/actions");
const { auth } = await import("@/lib/auth/auth");
const templateCsvRoute = await import("@/app/(site)/admin/people/import/template.csv/route");
const templateXlsxRoute = await import("@/app/(site)/admin/people/import/template.xlsx/route");

const ADMIN: CurrentUser = { id: "admin-1", name: "管理员", email: "admin@example.com", role: "admin" };
const HEADER = ["姓名", "邮箱", "部门", "角色", "工号"];
type Row = readonly string[];

// GBK as Chinese Excel writes it: Node can decode GBK but not encode it, so the table is the
// decoder's own, read back over every two-byte code.
const gbkTable = (() => {
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = new TextDecoder("gbk").decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== "\ufffd" && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
})();
const gbk = (text: string) => new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (gbkTable.get(ch) ?? [0x3f]))));

const csvOf = (rows: readonly Row[]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\r\n");
const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
async function xlsxOf(rows: readonly Row[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("人员");
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function form(bytes: Uint8Array | string, fields: Record<string, string> = {}, name = "staff.csv") {
  const data = new FormData();
  data.set("file", typeof bytes === "string" ? bytes : new File([Buffer.from(bytes)], name));
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
async function preview(bytes: Uint8Array) {
  const result = await previewStaffImportAction(form(bytes));
  if (!result.ok) throw new Error(result.message);
  return result.preview;
}
async function importFile(bytes: Uint8Array) {
  const { hash } = await preview(bytes);
  return confirmStaffImportAction(form(bytes, { hash }));
}
const counts = async () => ({
  users: await db.user.count(),
  departments: await db.department.count(),
  verifications: await db.verification.count(),
  messages: await db.outboundMessage.count(),
});

beforeAll(async () => {
  await db.user.create({ data: { id: ADMIN.id, name: ADMIN.name, email: ADMIN.email, role: "admin" } });
  await db.user.create({ data: { id: "owner-1", name: "老员工", email: "old@example.com", employeeId: "E900" } });
  const root = await db.department.create({ data: { id: "d-root", name: "京东商城", path: "d-root/", depth: 0 } });
  await db.department.create({ data: { id: "d-closed", name: "旧部门", parentId: root.id, path: "d-root/d-closed/", depth: 1, archivedAt: new Date() } });
  session.user = ADMIN;
});

describe("reading files", () => {
  const rows: Row[] = [HEADER, ["张伟", "Zhang.Wei@Example.com", "京东商城/华北大区/北京一组", "讲师", "JD001"], ["李娜", "li.na@example.com", "京东商城 / 华南大区", "", ""]];
  const expected = [
    { row: 2, name: "张伟", email: "zhang.wei@example.com", department: "京东商城 / 华北大区 / 北京一组", action: "新建", changes: "" },
    { row: 3, name: "李娜", email: "li.na@example.com", department: "京东商城 / 华南大区", action: "新建", changes: "" },
  ];

  it("reads UTF-8, UTF-8 with BOM, GBK CSV and XLSX alike", async () => {
    for (const bytes of [utf8(csvOf(rows)), withBom(utf8(csvOf(rows))), gbk(csvOf(rows)), await xlsxOf(rows)]) {
      const shown = await preview(bytes);
      expect(shown.problems).toEqual([]);
      expect(shown.rows).toEqual(expected);
      expect(shown.counts).toEqual({ created: 2, updated: 0, unchanged: 0, departments: 3 });
      expect(shown.newDepartments).toEqual(["京东商城 / 华北大区", "京东商城 / 华北大区 / 北京一组", "京东商城 / 华南大区"]);
    }
    expect(await counts()).toMatchObject({ users: 2, departments: 2 }); // a preview writes nothing
  });

  it("accepts English header aliases and ignores unknown columns", async () => {
    const shown = await preview(utf8(csvOf([["Email", "Name", "备注", "Department", "employee_id"], ["a@example.com", "阿明", "x", "京东商城", "A1"]])));
    expect(shown.problems).toEqual([]);
    expect(shown.rows[0]).toMatchObject({ name: "阿明", email: "a@example.com", department: "京东商城" });
  });
});

describe("problems", () => {
  it("names every problem by spreadsheet row and column", async () => {
    const shown = await preview(
      utf8(
        csvOf([
          HEADER,
          ["", "no-name@example.com", "京东商城", "", ""],
          ["王五", "not-an-email", "京东商城", "", ""],
          ["赵六", "zhao@example.com", "", "经理", ""],
          ["钱七", "qian@example.com", "京东商城/旧部门/一组", "", ""],
          ["孙八", "sun@example.com", "京东商城", "", "E900"],
          ["孙八", "SUN@example.com", "京东商城", "", "E901"],
          ["周九", "zhou@example.com", "京东商城", "", "E901"],
          ["管理员", "admin@example.com", "京东商城", "学员", ""],
          ["吴十", "wu@example.com", "京东商城", "", "工号 1"],
        ]),
      ),
    );
    expect(shown.problems).toEqual([
      "第 2 行 · 姓名：请输入姓名",
      "第 3 行 · 邮箱：邮箱格式不正确",
      "第 4 行 · 部门：请填写部门，如“京东商城/华北大区/北京一组”",
      "第 4 行 · 角色：角色须为学员、部门负责人、讲师、管理员之一（留空即为学员）",
      "第 6 行 · 工号：工号 E900 已属于另一个账号（old@example.com）",
      "第 7 行 · 邮箱：与第 6 行重复（sun@example.com），同一文件中每人只能出现一次",
      "第 8 行 · 工号：与第 7 行重复（E901），同一文件中每人只能出现一次",
      "第 5 行 · 部门：部门「旧部门」已归档，不能再加入成员",
      "第 9 行 · 角色：不能通过导入修改你自己的角色，请由另一位管理员操作",
      "第 10 行 · 工号：工号只能包含字母、数字、下划线、点和连字符",
    ].sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0])));
  });

  it("names missing and doubled header columns on row 1", async () => {
    const shown = await preview(utf8(csvOf([["姓名", "部门", "name"], ["张三", "京东商城", "x"]])));
    expect(shown.problems).toEqual(["第 1 行 · 表头：「姓名」列出现了两次，请只保留一列。", "第 1 行 · 表头：缺少「邮箱」列（可下载模板对照）。"]);
  });

  it("imports nothing when any row has a problem", async () => {
    const before = await counts();
    const bytes = utf8(csvOf([HEADER, ["好人", "good@example.com", "京东商城/新部门", "", ""], ["坏人", "bad", "京东商城", "", ""]]));
    const result = await importFile(bytes);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("未导入任何人员"), problems: ["第 3 行 · 邮箱：邮箱格式不正确"] });
    expect(await counts()).toEqual(before);
  });

  it("imports nothing when the database changed since the preview", async () => {
    const bytes = utf8(csvOf([HEADER, ["甲", "jia@example.com", "京东商城/华东大区", "", "R1"], ["乙", "yi@example.com", "京东商城", "", "R2"]]));
    const { hash } = await preview(bytes);
    await db.user.create({ data: { id: "racer", name: "抢先", email: "racer@example.com", employeeId: "R2" } });
    const before = await counts();
    const result = await confirmStaffImportAction(form(bytes, { hash }));
    expect(result).toMatchObject({ ok: false, problems: ["第 3 行 · 工号：工号 R2 已属于另一个账号（racer@example.com）"] });
    expect(await counts()).toEqual(before);
    await db.user.delete({ where: { id: "racer" } });
  });
});

describe("importing", () => {
  const file: Row[] = [
    HEADER,
    ["陈一", "chen@example.com", "京东商城/华北大区/北京一组", "", "C001"],
    ["林二", "lin@example.com", "京东商城/华北大区", "部门负责人", ""],
    ["老员工", "old@example.com", "京东商城/华北大区/北京一组", "", "E900"],
  ];

  it("creates accounts and departments in one go, with a working one-time set-password link", async () => {
    const before = await counts();
    const result = await importFile(await xlsxOf(file));
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    expect(await counts()).toEqual({ ...before, users: before.users + 2, departments: before.departments + 2, verifications: before.verifications + 2, messages: before.messages + 2 });
    const chen = await db.user.findUniqueOrThrow({ where: { email: "chen@example.com" }, include: { department: true } });
    expect(chen).toMatchObject({ name: "陈一", role: "learner", employeeId: "C001", department: { name: "北京一组", depth: 2 } });
    expect(await db.user.findUniqueOrThrow({ where: { email: "lin@example.com" } })).toMatchObject({ role: "dept_head" });
    expect((await db.user.findUniqueOrThrow({ where: { id: "owner-1" } })).departmentId).toBe(chen.departmentId);
    const mail = await db.outboundMessage.findFirstOrThrow({ where: { recipient: "chen@example.com" } });
    expect(mail).toMatchObject({ channel: "email", subject: expect.stringContaining("设置") });

    const link = result.links.find((l) => l.email === "chen@example.com")!;
    expect(mail.body).toContain(link.url);
    expect(result.linksCsv).toContain(`陈一,chen@example.com,${link.url}`);
    const token = new URL(link.url).searchParams.get("token")!;
    expect(link.url).toMatch(/^http:\/\/localhost:\d+\/reset-password\?token=/);
    const reset = (password: string) => auth.api.resetPassword({ body: { token, newPassword: password } });
    await reset("newpass123");
    const signIn = await auth.api.signInEmail({ body: { email: "chen@example.com", password: "newpass123" } });
    expect(signIn.user.email).toBe("chen@example.com");
    await expect(reset("another123")).rejects.toMatchObject({ body: { code: "INVALID_TOKEN" } }); // used once
  });

  it("changes nothing when the same file is imported again", async () => {
    const rowsBefore = await db.user.findMany({ orderBy: { id: "asc" } });
    const before = await counts();
    const result = await importFile(await xlsxOf(file));
    expect(result).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3, departments: 0, links: [] });
    expect(await counts()).toEqual(before);
    expect(await db.user.findMany({ orderBy: { id: "asc" } })).toEqual(rowsBefore);
  });

  it("updates only what differs; an empty role or employee id keeps the account's", async () => {
    const changed = [HEADER, ["陈一新", "chen@example.com", "京东商城/华北大区", "", ""]];
    const shown = await preview(utf8(csvOf(changed)));
    expect(shown.rows).toEqual([expect.objectContaining({ action: "更新", changes: "姓名、部门" })]);
    expect(await importFile(utf8(csvOf(changed)))).toMatchObject({ ok: true, updated: 1, created: 0 });
    const chen = await db.user.findUniqueOrThrow({ where: { email: "chen@example.com" }, include: { department: true } });
    expect(chen).toMatchObject({ name: "陈一新", role: "learner", employeeId: "C001", department: { name: "华北大区" } });
  });

  it("imports a 500-row XLSX in one transaction", async () => {
    const rows: Row[] = [HEADER];
    for (let i = 1; i <= 500; i++) rows.push([`员工${i}`, `staff${i}@example.com`, `京东商城/大区${i % 5}/小组${i % 40}`, i % 50 ? "" : "讲师", `S${String(i).padStart(4, "0")}`]);
    const bytes = await xlsxOf(rows);
    const result = await importFile(bytes);
    expect(result).toMatchObject({ ok: true, created: 500 });
    expect(await db.user.count({ where: { email: { startsWith: "staff" } } })).toBe(500);
    expect(await db.user.count({ where: { email: { startsWith: "staff" }, role: "trainer" } })).toBe(10);
    expect(await importFile(bytes)).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 500 });
  }, 120_000);
});

describe("hostile input", () => {
  const bytes = utf8(csvOf([HEADER, ["测试", "hostile@example.com", "京东商城", "", ""]]));

  it("refuses anything but an admin", async () => {
    for (const user of [null, { ...ADMIN, id: "t", role: "trainer" as const }, { ...ADMIN, id: "l", role: "learner" as const }]) {
      session.user = user;
      expect(await previewStaffImportAction(form(bytes))).toEqual({ ok: false, message: "只有管理员可以导入人员。" });
      expect(await confirmStaffImportAction(form(bytes, { hash: "0".repeat(64) }))).toEqual({ ok: false, message: "只有管理员可以导入人员。" });
      const res = await templateCsvRoute.GET();
      expect(res.status).toBe(403);
    }
    session.user = ADMIN;
  });

  it("answers every malformed request with a zh-CN refusal and writes nothing", async () => {
    const before = await counts();
    const cases: [unknown, RegExp][] = [
      ["not a form", /表单/],
      [undefined, /表单/],
      [form("just text"), /请选择要上传/],
      [new FormData(), /请选择要上传/],
      [form(new Uint8Array()), /文件是空的/],
      [form(new Uint8Array(1_000_001).fill(0x41)), /不能超过 1 MB/],
      [form(new Uint8Array([0, 1, 2, 3, 0, 255])), /不是 CSV 或 XLSX/],
      [form(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), /无法读取/],
      [form(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2])), /旧版 \.xls/],
      [form(utf8('姓名,邮箱,部门\n"张三,a@example.com')), /CSV 格式有误/],
      [form(utf8("姓名,邮箱,部门\n")), /只有表头/],
      [form(utf8(csvOf([HEADER, ...Array.from({ length: 5001 }, (_, i) => ["人", `p${i}@example.com`, "京东商城", "", ""])]))), /一次最多导入 5,000 行/],
    ];
    for (const [input, message] of cases) {
      const result = await previewStaffImportAction(input as FormData);
      expect(result, String(message)).toMatchObject({ ok: false, message: expect.stringMatching(message) });
    }
    expect(await confirmStaffImportAction(form(bytes))).toMatchObject({ ok: false, message: expect.stringContaining("重新预览") });
    expect(await confirmStaffImportAction(form(bytes, { hash: "zz" }))).toMatchObject({ ok: false, message: "预览校验码无效，请重新预览。" });
    const other = utf8(csvOf([HEADER, ["别人", "other@example.com", "京东商城", "", ""]]));
    const { hash } = await preview(bytes);
    expect(await confirmStaffImportAction(form(other, { hash }))).toEqual({ ok: false, message: "文件与预览时不一致（可能已被修改），未导入。请重新预览。" });
    expect(await counts()).toEqual(before);
  });
});

describe("templates", () => {
  it("downloads the header and two example rows, which preview cleanly", async () => {
    const csv = await templateCsvRoute.GET();
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    const csvBytes = new Uint8Array(await csv.arrayBuffer());
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = await templateXlsxRoute.GET();
    const xlsxBytes = new Uint8Array(await xlsx.arrayBuffer());
    for (const bytes of [csvBytes, xlsxBytes]) {
      const shown = await preview(bytes);
      expect(shown.problems).toEqual([]);
      expect(shown.rows.map((r) => r.name)).toEqual(["张伟", "李娜"]);
    }
  });
});
