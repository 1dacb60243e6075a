import { describe, expect, it } from "vitest";
import { endOfBeijingDay, type AssignmentState } from "@/lib/assignments/status";
import { groupMessage, GROUP_MESSAGE_MAX_BYTES, noticeText, pendingTask, remindersByLearner, type PendingTask } from "@/lib/reminders/rules";

const now = new Date("2026-12-05T04:00:00Z"); // 2026-12-05 12:00 in Beijing
const state = (status: AssignmentState["status"]): AssignmentState => ({ status, completedAt: null, late: false, done: 1, total: 4 });
const pair = (userId: string, id: string, due: string, status: AssignmentState["status"]) => ({ userId, assignment: { id, title: `任务${id}`, dueAt: endOfBeijingDay(due) }, state: state(status) });

describe("who is reminded", () => {
  it("reminds overdue and open, unfinished work due within 3 Beijing days; never finished or not yet open work", () => {
    expect(pendingTask(pair("u", "a", "2026-12-08", "not_started"), now)?.daysLeft).toBe(3);
    expect(pendingTask(pair("u", "a", "2026-12-09", "in_progress"), now)).toBeNull();
    expect(pendingTask(pair("u", "a", "2026-12-05", "in_progress"), now)?.daysLeft).toBe(0);
    expect(pendingTask(pair("u", "a", "2026-12-04", "overdue"), now)?.daysLeft).toBe(-1);
    expect(pendingTask(pair("u", "a", "2026-12-06", "upcoming"), now)).toBeNull();
    expect(pendingTask(pair("u", "a", "2026-12-06", "completed"), now)).toBeNull();
  });

  it("names the earliest due task and counts the others", () => {
    const reminders = remindersByLearner([pair("u", "soon", "2026-12-07", "in_progress"), pair("u", "late", "2026-12-01", "overdue"), pair("v", "far", "2026-12-30", "not_started")], now);
    expect([...reminders.keys()]).toEqual(["u"]);
    const reminder = reminders.get("u")!;
    expect(reminder.kind).toBe("overdue");
    expect(reminder.tasks.map((t) => t.assignmentId)).toEqual(["late", "soon"]);
    expect(noticeText(reminder)).toBe("学习任务「任务late」已逾期 4 天（截止 2026-12-01，已完成 1/4），请尽快完成。另有 1 项任务即将截止或已逾期。");
  });
});

describe("the group message", () => {
  const task = (daysLeft: number): PendingTask => ({ assignmentId: "a", title: "店铺基础必修", dueAt: now, daysLeft, done: 0, total: 4 });

  it("lists the overdue (most overdue first), then the due soon", () => {
    const text = groupMessage("华北大区", "2026-12-05", [{ name: "甲", task: task(1) }, { name: "乙", task: task(-1) }, { name: "丙", task: task(-3) }]);
    expect(text).toBe("【学习提醒】华北大区 · 2026-12-05\n已逾期 2 人，即将截止 1 人。\n已逾期：\n丙「店铺基础必修」已逾期 3 天\n乙「店铺基础必修」已逾期 1 天\n即将截止：\n甲「店铺基础必修」还有 1 天截止");
  });

  it("stays under 企业微信's 2,048 bytes and says how many were left out", () => {
    const entries = Array.from({ length: 300 }, (_, i) => ({ name: `学员${i}`, task: task(i % 2 ? -2 : 2) }));
    const text = groupMessage("华北大区", "2026-12-05", entries);
    expect(Buffer.byteLength(text, "utf8")).toBeLessThanOrEqual(GROUP_MESSAGE_MAX_BYTES);
    const listed = text.split("\n").filter((line) => line.includes("「")).length;
    expect(text).toContain(`……另有 ${300 - listed} 人未列出，详见学员管理。`);
    expect(text).toContain("已逾期 150 人，即将截止 150 人。");
  });
});
