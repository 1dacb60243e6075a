import { z } from "@/lib/zod";
import { ITEM_KEY, part2Key, part3Key } from "@/lib/assessment/item-keys";
import type { Paper } from "@/lib/assessment/paper";
import { saveAnswersSchema } from "@/lib/assessment/schema";
import { PLAN_SECTIONS } from "@/lib/content/question-schema";

// The integrity log (切屏记录) of a 结业考核 attempt: pure rules, safe on both sides. The browser
// buffers events and sends them with the autosave; the server stores them for the learner's own
// open attempt; graders read a neutral summary. Nothing here ever changes a score.

export const INTEGRITY_EVENT_TYPES = ["open", "hidden", "visible", "blur", "focus", "paste"] as const;
export type IntegrityEventType = (typeof INTEGRITY_EVENT_TYPES)[number];

/** Events sent in one save; the browser keeps the rest for the next one. */
export const MAX_EVENTS_PER_SAVE = 100;
/** Events stored per attempt: later ones are acknowledged and dropped, so nobody can flood the table. */
export const MAX_EVENTS_PER_ATTEMPT = 2000;
/** A paste longer than this is recorded as this many characters (the length is all we keep). */
export const MAX_PASTE_LENGTH = 1_000_000;

export const integrityEventSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]{8,40}$/i, "记录编号无效"),
    type: z.enum(INTEGRITY_EVENT_TYPES, "记录类型无效"),
    at: z.iso.datetime("记录时间无效"),
    itemKey: z.string().regex(ITEM_KEY, "题目编号无效").optional(),
    detail: z.number().int().min(0).max(MAX_PASTE_LENGTH).optional(),
  })
  .strict();
export type IntegrityEvent = z.infer<typeof integrityEventSchema>;

export const integrityBatchSchema = z.array(integrityEventSchema).max(MAX_EVENTS_PER_SAVE, `每次最多上传 ${MAX_EVENTS_PER_SAVE} 条记录`);

/** The autosave's body: the answers, plus the integrity log buffered since the last save. */
export const autosaveSchema = saveAnswersSchema
  .extend({ integrity: integrityBatchSchema.optional() })
  .refine((save) => save.answers.length > 0 || (save.integrity?.length ?? 0) > 0, "没有需要保存的内容");

/** Of a batch, what is new (not stored yet, not twice in the batch) and still fits under the cap. */
export function eventsToStore<E extends { id: string }>(batch: readonly E[], storedIds: ReadonlySet<string>, storedCount: number): { keep: E[]; dropped: number } {
  const fresh = [...new Map(batch.map((e) => [e.id, e])).values()].filter((e) => !storedIds.has(e.id));
  const room = Math.max(0, MAX_EVENTS_PER_ATTEMPT - storedCount);
  return { keep: fresh.slice(0, room), dropped: Math.max(0, fresh.length - room) };
}

/** An event as graders read it. */
export type IntegrityLogEntry = { type: IntegrityEventType; itemKey: string | null; detail: number | null; at: Date };

export type IntegritySummary = {
  /** Times the learner left the page (hidden or unfocused, overlapping spells counted once). */
  leaves: number;
  /** Time away over the leaves that ended with a return. */
  awayMs: number;
  pastes: number;
  pastedChars: number;
};

type Away = "hidden" | "blurred";
const LEAVING: Partial<Record<IntegrityEventType, Away>> = { hidden: "hidden", blur: "blurred" };
// A focused window is a visible page, and opening the page (a reload, or coming back after closing
// it) means the learner is here: both end every kind of absence.
const RETURNING: Partial<Record<IntegrityEventType, readonly Away[]>> = { visible: ["hidden"], focus: ["hidden", "blurred"], open: ["hidden", "blurred"] };

/**
 * Switching tabs fires both blur and visibilitychange, so "away" is one state: the page is away
 * while it is hidden or unfocused, and a leave is one spell of it. A spell still open at the end of
 * the log counts as a leave without a duration.
 */
export function summarizeIntegrity(entries: readonly IntegrityLogEntry[]): IntegritySummary {
  const summary: IntegritySummary = { leaves: 0, awayMs: 0, pastes: 0, pastedChars: 0 };
  const away = new Set<"hidden" | "blurred">();
  let since = 0;
  for (const entry of [...entries].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (entry.type === "paste") {
      summary.pastes += 1;
      summary.pastedChars += entry.detail ?? 0;
      continue;
    }
    const leaving = LEAVING[entry.type];
    const returning = RETURNING[entry.type];
    if (leaving) {
      if (away.size === 0) {
        summary.leaves += 1;
        since = entry.at.getTime();
      }
      away.add(leaving);
    } else if (returning && away.size > 0) {
      for (const kind of returning) away.delete(kind);
      if (away.size === 0) summary.awayMs += Math.max(0, entry.at.getTime() - since);
    }
  }
  return summary;
}

/** "2 分 10 秒", "45 秒", "1 小时 3 分". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} 小时${m ? ` ${m} 分` : ""}`;
  if (m > 0) return `${m} 分${s ? ` ${s} 秒` : ""}`;
  return `${s} 秒`;
}

/** "离开页面 3 次，共 2 分 10 秒；粘贴 1 次，共 120 字". */
export function summaryLine(summary: IntegritySummary): string {
  const leaves = summary.leaves ? `离开页面 ${summary.leaves} 次，共 ${formatDuration(summary.awayMs)}` : "未离开页面";
  const pastes = summary.pastes ? `粘贴 ${summary.pastes} 次，共 ${summary.pastedChars} 字` : "未粘贴";
  return `${leaves}；${pastes}`;
}

/** Readable names of the answers a paste can go into: "第二部分第 3 题", "第三部分第 1 项". */
export function pasteTargets(paper: Pick<Paper, "case">): Map<string, string> {
  const names = new Map<string, string>(paper.case.study.questions.map((q, i) => [part2Key(q.id), `第二部分第 ${i + 1} 题`]));
  for (let i = 0; i < PLAN_SECTIONS.length; i++) names.set(part3Key(i), `第三部分第 ${i + 1} 项`);
  return names;
}

/** One line of the expandable list, in neutral words. */
export function describeEvent(entry: IntegrityLogEntry, targets: ReadonlyMap<string, string> = new Map()): string {
  switch (entry.type) {
    case "open":
      return "打开答题页面";
    case "hidden":
      return "页面被隐藏（切换到其他标签页或应用）";
    case "visible":
      return "页面重新显示";
    case "blur":
      return "窗口失去焦点";
    case "focus":
      return "窗口重新获得焦点";
    case "paste": {
      const where = entry.itemKey ? targets.get(entry.itemKey) : undefined;
      return `${where ? `在${where}` : ""}粘贴 ${entry.detail ?? 0} 字`;
    }
  }
}

/** Beijing time, to the second: 2026/12/3 14:05:09. */
export const formatEventTime = (at: Date) => at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/** A client-made event id: random enough that two events of one attempt never share it. */
export function newEventId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
