import { startRefusal } from "@/lib/assessment/rules";
import { OUTCOME_LABELS, type AttemptStatus, type Outcome } from "@/lib/assessment/schema";
import { formatScore } from "@/lib/assessment/scoring";
import type { AssessmentConfig } from "@/lib/content/question-schema";

// The one next step of a learner's journey through the course and its 结业考核, the same on the
// home page and on the 结业考核 page. Pure: the caller reads progress, attempts (as they stand
// now, lib/assessment/rules.effectiveAttempt) and the certificate.

export type NextStepState = "learning" | "ready" | "in-progress" | "waiting" | "retry" | "passed" | "certified" | "exhausted";

export type AttemptSummary = { id: string; number: number; status: AttemptStatus; outcome: Outcome | null; finalScore: number | null; deadlineAt: Date };

export type NextStepInput = {
  lessons: { done: number; total: number; nextTitle?: string };
  /** The assessment is open to this user (all lessons done, or staff). */
  unlocked: boolean;
  attempts: readonly AttemptSummary[];
  config: Pick<AssessmentConfig, "attemptsAllowed" | "timeLimitMinutes" | "certificateScore">;
  /** The active certificate of the certified attempt; `confirmed`: its printed name may be printed without a further look. */
  certificate: { code: string; confirmed: boolean } | null;
  now: number;
};

export type NextStep = {
  state: NextStepState;
  /** The assessment's status in a word (未开始, 进行中, 待批阅, 通过, 通过并获证, 未通过), or null while learning. */
  status: string | null;
  label: string;
  href: string;
  detail: string;
  /** Attempts not yet used. */
  attemptsLeft: number;
  /** A new attempt may start now (the 结业考核 page offers it, behind a confirmation). */
  canStart: boolean;
  /** The attempt the step is about, if any. */
  attempt: AttemptSummary | null;
};

const RANK: Record<Outcome, number> = { failed: 0, passed: 1, certified: 2 };

/** The released attempt with the best outcome, the latest of equals. */
function bestReleased(attempts: readonly AttemptSummary[]): AttemptSummary | undefined {
  let best: AttemptSummary | undefined;
  for (const a of attempts) {
    if (a.status !== "released" || !a.outcome) continue;
    if (!best || RANK[a.outcome] >= RANK[best.outcome!]) best = a;
  }
  return best;
}

const attemptHref = (a: AttemptSummary) => `/assessment/attempts/${a.id}`;
const scoreText = (a: AttemptSummary) => (a.finalScore === null ? "" : `总分 ${formatScore(a.finalScore)} 分，`);

export function nextStep(input: NextStepInput): NextStep {
  const { lessons, attempts, config, certificate, now } = input;
  const attemptsLeft = Math.max(0, config.attemptsAllowed - attempts.length);
  const canStart = input.unlocked && startRefusal(attempts, config.attemptsAllowed) === null && !attempts.some((a) => a.status === "in_progress");
  const step = (s: Omit<NextStep, "attemptsLeft" | "canStart">): NextStep => ({ ...s, attemptsLeft, canStart });

  const open = attempts.find((a) => a.status === "in_progress");
  if (open) {
    const minutes = Math.max(0, Math.ceil((open.deadlineAt.getTime() - now) / 60_000));
    return step({ state: "in-progress", status: "进行中", label: "继续作答", href: attemptHref(open), attempt: open, detail: `第 ${open.number} 次考核正在进行，剩余约 ${minutes} 分钟。作答已自动保存，时间到会自动提交。` });
  }
  if (!input.unlocked) {
    const left = lessons.total - lessons.done;
    const next = lessons.nextTitle ? `下一课：${lessons.nextTitle}。` : "";
    return step({
      state: "learning",
      status: null,
      label: lessons.done === 0 ? "开始学习" : "继续学习",
      href: "/continue",
      attempt: null,
      detail: `还有 ${left} 节课没有学完。${next}完成全部课程后才能参加结业考核。`,
    });
  }
  const waiting = attempts.find((a) => a.status === "submitted" || a.status === "graded");
  if (waiting) {
    return step({ state: "waiting", status: "待批阅", label: "查看已交答卷", href: attemptHref(waiting), attempt: waiting, detail: `第 ${waiting.number} 次考核已提交，讲师批阅并发布后即可查看总分。等待批阅期间不能开始新的考核，不会占用你的考核次数。` });
  }
  const best = bestReleased(attempts);
  if (!best) {
    return step({ state: "ready", status: "未开始", label: "开始结业考核", href: "/assessment", attempt: null, detail: `共 ${config.attemptsAllowed} 次机会，每次限时 ${config.timeLimitMinutes} 分钟。` });
  }
  if (best.outcome === "certified") {
    const href = certificate?.confirmed ? `/certificates/${certificate.code}/pdf` : `${attemptHref(best)}#certificate`;
    return step({ state: "certified", status: OUTCOME_LABELS.certified, label: certificate ? "下载证书" : "查看成绩", href: certificate ? href : attemptHref(best), attempt: best, detail: `${scoreText(best)}获得京东认证运营专家证书。` });
  }
  if (best.outcome === "passed") {
    const more = attemptsLeft > 0 ? `总分达到 ${config.certificateScore} 分可获证书，你还可以再考 ${attemptsLeft} 次。` : "";
    return step({ state: "passed", status: OUTCOME_LABELS.passed, label: "查看成绩", href: attemptHref(best), attempt: best, detail: `${scoreText(best)}已通过结业考核。${more}` });
  }
  if (attemptsLeft > 0) {
    return step({ state: "retry", status: OUTCOME_LABELS.failed, label: "再考一次", href: "/assessment", attempt: best, detail: `第 ${best.number} 次考核${scoreText(best)}未通过。你还有 ${attemptsLeft} 次机会。` });
  }
  return step({ state: "exhausted", status: OUTCOME_LABELS.failed, label: "查看成绩", href: attemptHref(best), attempt: best, detail: `${scoreText(best)}未通过。你的 ${config.attemptsAllowed} 次考核机会已用完，如有疑问请联系讲师。` });
}
