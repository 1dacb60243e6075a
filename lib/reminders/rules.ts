import { beijingDay, daysLeft, type AssignmentState } from "@/lib/assignments/status";

// Who is reminded of what, and the words. Pure: lib/reminders/job.ts gathers the states and
// writes the notices and messages.

/** An open assignment due within this many Beijing days (0: due today) is "due soon". */
export const DUE_SOON_DAYS = 3;
/** 企业微信 refuses a text over 2048 bytes (UTF-8); the group message stays under this. */
export const GROUP_MESSAGE_MAX_BYTES = 1900;

export type ReminderKind = "due_soon" | "overdue";
export type PendingTask = { assignmentId: string; title: string; dueAt: Date; daysLeft: number; done: number; total: number };
export type LearnerReminder = { kind: ReminderKind; tasks: PendingTask[] }; // tasks[0] is the most urgent

type StatePair = { userId: string; assignment: { id: string; title: string; dueAt: Date }; state: AssignmentState };

/** A pair needs a reminder when it is overdue, or open, unfinished and due within DUE_SOON_DAYS. */
export function pendingTask(pair: StatePair, now: Date): PendingTask | null {
  const { status, done, total } = pair.state;
  const left = daysLeft(pair.assignment.dueAt, now);
  const remind = status === "overdue" || ((status === "not_started" || status === "in_progress") && left <= DUE_SOON_DAYS);
  return remind ? { assignmentId: pair.assignment.id, title: pair.assignment.title, dueAt: pair.assignment.dueAt, daysLeft: left, done, total } : null;
}

/** Each learner's reminder: the tasks to mention, the most urgent (earliest due) first. */
export function remindersByLearner(pairs: readonly StatePair[], now: Date): Map<string, LearnerReminder> {
  const tasks = new Map<string, PendingTask[]>();
  for (const pair of pairs) {
    const task = pendingTask(pair, now);
    if (!task) continue;
    const list = tasks.get(pair.userId) ?? [];
    list.push(task);
    tasks.set(pair.userId, list);
  }
  const out = new Map<string, LearnerReminder>();
  for (const [userId, list] of tasks) {
    list.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.assignmentId < b.assignmentId ? -1 : 1));
    out.set(userId, { kind: list[0].daysLeft < 0 ? "overdue" : "due_soon", tasks: list });
  }
  return out;
}

/** 「已逾期 2 天」, 「今天截止」, 「还有 3 天截止」. */
export function dueText(task: Pick<PendingTask, "daysLeft">): string {
  if (task.daysLeft < 0) return `已逾期 ${-task.daysLeft} 天`;
  return task.daysLeft === 0 ? "今天截止" : `还有 ${task.daysLeft} 天截止`;
}

/** The notice on the learner's home: named by the most urgent task. */
export function noticeText(reminder: LearnerReminder): string {
  const [top, ...rest] = reminder.tasks;
  const head = `学习任务「${top.title}」${dueText(top)}（截止 ${beijingDay(top.dueAt)}，已完成 ${top.done}/${top.total}），请尽快完成。`;
  return rest.length ? `${head}另有 ${rest.length} 项任务即将截止或已逾期。` : head;
}

export function reminderEmail(name: string, reminder: LearnerReminder, origin: string): { subject: string; text: string } {
  const top = reminder.tasks[0];
  const lines = reminder.tasks.map((task) => `- 「${task.title}」：${dueText(task)}，截止 ${beijingDay(task.dueAt)}（北京时间），已完成 ${task.done}/${task.total}`);
  return {
    subject: `【学习提醒】「${top.title}」${dueText(top)}`,
    text: [`${name}，你好：`, "", "你有以下学习任务需要尽快完成：", ...lines, "", `登录学习：${origin}/`, "", "京东运营线上培训（本邮件由系统自动发送，每天最多一封）"].join("\n"),
  };
}

export type GroupEntry = { name: string; task: PendingTask };

/**
 * The department's group message: its overdue people, then its due-soon people, each with their
 * most urgent task; cut to GROUP_MESSAGE_MAX_BYTES with a count of the rest.
 */
export function groupMessage(departmentName: string, day: string, entries: readonly GroupEntry[]): string {
  const overdue = entries.filter((e) => e.task.daysLeft < 0).sort((a, b) => a.task.daysLeft - b.task.daysLeft);
  const soon = entries.filter((e) => e.task.daysLeft >= 0).sort((a, b) => a.task.daysLeft - b.task.daysLeft);
  const bytes = (text: string) => Buffer.byteLength(text, "utf8");
  const head = `【学习提醒】${departmentName} · ${day}\n已逾期 ${overdue.length} 人，即将截止 ${soon.length} 人。`;
  const sections: [string, GroupEntry[]][] = [["已逾期：", overdue], ["即将截止：", soon]];
  let text = head;
  let left = entries.length;
  // 60 bytes kept for the closing line.
  const fits = (more: string) => bytes(text + more) <= GROUP_MESSAGE_MAX_BYTES - 60;
  full: for (const [title, list] of sections) {
    if (!list.length) continue;
    if (!fits(`\n${title}`)) break;
    text += `\n${title}`;
    for (const entry of list) {
      const line = `\n${entry.name}「${entry.task.title}」${dueText(entry.task)}`;
      if (!fits(line)) break full;
      text += line;
      left -= 1;
    }
  }
  return left > 0 ? `${text}\n……另有 ${left} 人未列出，详见学员管理。` : text;
}
