import type { SaveResult, StartResult } from "@/lib/assessment/attempts";

// What the learner reads when a start, save or submit is refused: one place for the action and
// the route handlers, so the page says the same thing whichever way the request went.

export const SIGNED_OUT = "登录已过期，请重新登录。你的作答已保存在本机，登录后会自动上传。";
export const NOT_FOUND = "找不到这次考核。";
export const SAVE_BUSY = "服务器繁忙，这次没有保存成功。你的作答仍保存在本机，会自动重试。";
export const START_BUSY = "服务器繁忙，考核没有开始，请稍后再试。";
export const SUBMIT_BUSY = "服务器繁忙，提交没有完成。已保存的作答不会丢失，请稍后再点一次提交。";
export const LOCKED = "完成全部 8 个模块的课程后才能参加结业考核。";
export const BAD_ANSWERS = "答案格式不正确，未保存。请刷新页面后重试。";
export const BAD_INTEGRITY = "切屏记录格式不正确，未保存。请刷新页面后重试。";

export const SAVE_REFUSALS: Record<Exclude<SaveResult, { ok: true }>["reason"], { message: string; closed?: true }> = {
  "not-found": { message: NOT_FOUND },
  "time-up": { message: "考试时间已到，答卷已按已保存的内容自动提交，不能再修改。", closed: true },
  submitted: { message: "本次考核已提交，不能再修改答案。", closed: true },
  "unknown-item": { message: "答案中包含本次考卷没有的题目，未保存任何内容。" },
  "wrong-kind": { message: "答案格式与题型不符，未保存任何内容。" },
  "bad-option": { message: "选项无效，未保存任何内容。请刷新页面后重试。" },
};

export const START_REFUSALS: Record<Exclude<StartResult, { ok: true }>["reason"], (allowed: number) => string> = {
  "awaiting-grade": () => "你上一次的答卷正在等待批阅。成绩发布后再决定是否重考，这样不会白白占用考核次数。",
  certified: () => "你已通过结业考核并获得证书，无需再考。",
  "no-attempts-left": (allowed) => `结业考核最多可参加 ${allowed} 次，你的次数已用完。`,
  failed: () => "开始考核失败，请重试。",
};
