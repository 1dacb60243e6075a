import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { withDb } from "./db";
import { makeOverdue } from "./reminder-db";
import { signIn, signOut, signUp } from "./helpers";

// Issue 16's acceptance, as a training manager meets it: a learner past the due date is counted
// as overdue on the department report, gets one reminder for the day, and the department's group
// robot (a real HTTP receiver on the loopback, answering as 企业微信 does) gets the message. The
// robot is set up through the department page; the overdue task is set up in the database.

type Received = { path: string; body: { msgtype?: string; text?: { content?: string } } };

function robotReceiver() {
  const received: Received[] = [];
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => resolve(body));
    });
  const server = createServer(async (request, response) => {
    const body = await read(request);
    try {
      received.push({ path: request.url ?? "", body: JSON.parse(body) });
    } catch {
      received.push({ path: request.url ?? "", body: {} });
    }
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
  });
  return { received, server };
}

const departmentOf = (email: string) =>
  withDb(async (db) => {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, department: { select: { name: true } } } });
    return { userId: user.id, department: user.department!.name };
  });

const remindersOf = (userId: string, email: string) =>
  withDb(async (db) => {
    const [notices, emails] = await Promise.all([db.notice.count({ where: { userId } }), db.outboundMessage.count({ where: { channel: "email", recipient: email } })]);
    return { notices, emails };
  });

test("an overdue learner is counted on the report, reminded once, and the department's robot hears of it", async ({ page, browser }) => {
  // The server's once-a-minute sweep writes the reminders and sends the robot message.
  test.setTimeout(240_000);
  const { received, server } = robotReceiver();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const robotUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=e2e`;
  try {
    const name = `逾期员工${Date.now() % 100000}`;
    const { email } = await signUp(page, name);
    const title = `月度必修${Date.now() % 100000}`;
    await makeOverdue(email, title);
    const { userId, department } = await departmentOf(email);

    // The training manager, at a desk: the department's robot, then the report.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const admin = await desk.newPage();
    await admin.goto("/admin/departments");
    await signIn(admin, "admin@example.com", "admin12345");
    const node = admin.getByRole("list", { name: "部门树" }).getByRole("listitem").filter({ has: admin.getByRole("heading", { name: department, exact: true }) });
    await node.getByText(`管理「${department}」`).click();
    await node.getByLabel("群机器人", { exact: true }).selectOption({ label: "企业微信" });
    await node.getByLabel(`${department}的群机器人地址`).fill(robotUrl);
    await node.getByRole("button", { name: "保存机器人" }).click();
    await expect(node.getByRole("status").filter({ hasText: "已保存群机器人。" })).toBeVisible();
    await expect(node).toContainText("群机器人：企业微信");

    await admin.goto("/admin/reports");
    const row = admin.getByRole("region", { name: "各部门明细" }).getByRole("row").filter({ has: admin.getByRole("link", { name: department, exact: true }) });
    // 人数, 已分配, 已开始, 已完成, 已逾期
    await expect(row.getByRole("cell").nth(4)).toHaveText("1");

    // The robot hears of the learner within a sweep or two.
    await expect.poll(() => received.length, { timeout: 150_000, intervals: [2_000] }).toBeGreaterThan(0);
    const message = received.find((r) => r.body.text?.content?.includes(name));
    expect(message, JSON.stringify(received)).toBeTruthy();
    expect(message!.body.msgtype).toBe("text");
    expect(message!.path).toBe("/cgi-bin/webhook/send?key=e2e");
    expect(message!.body.text!.content).toContain(department);

    // The learner, on the phone: today's notice, and one reminder (notice and email) for the day.
    await page.goto("/");
    await expect(page.getByRole("note").filter({ hasText: `学习任务「${title}」已逾期` })).toBeVisible();
    expect(await remindersOf(userId, email)).toEqual({ notices: 1, emails: 1 });
    await signOut(page);
    await desk.close();
  } finally {
    server.close();
  }
});
