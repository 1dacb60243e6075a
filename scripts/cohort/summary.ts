import type { AttemptStatus } from "@/lib/assessment/schema";
import type { Outcome } from "@/lib/assessment/scoring";
import type { Course } from "@/lib/content/schema";
import type { LearnerPlan } from "./plan";

export type CohortSummary = {
  learners: number;
  trainers: number;
  started: number;
  finished: number;
  /** Learners who completed every lesson of module 1, 2, … 8. */
  moduleFunnel: number[];
  lessonRows: number;
  quizAttempts: number;
  quizMeanScore: number;
  sittings: Record<AttemptStatus, number>;
  outcomes: Record<Outcome, number>; // of graded and released sittings
  meanFinalScore: number;
  attempts: number;
  /** Blind double grading (scripts/cohort/double.ts) among the sittings whose grading began. */
  doubleGrading: { single: number; random: number; picked: number; agreed: number; moderated: number; waitingSecond: number; awaitingModeration: number };
};

export function summarize(course: Course, plans: readonly LearnerPlan[], trainers: number, quiz: { attempts: number; scoreSum: number }): CohortSummary {
  const sittings: CohortSummary["sittings"] = { in_progress: 0, submitted: 0, graded: 0, released: 0 };
  const outcomes: CohortSummary["outcomes"] = { failed: 0, passed: 0, certified: 0 };
  const doubleGrading: CohortSummary["doubleGrading"] = { single: 0, random: 0, picked: 0, agreed: 0, moderated: 0, waitingSecond: 0, awaitingModeration: 0 };
  let scoreSum = 0;
  let finished = 0;
  const total = course.modules.reduce((sum, m) => sum + m.lessons.length, 0);
  const moduleFunnel = course.modules.map(() => 0);
  for (const plan of plans) {
    if (plan.lessons.length === total) finished++;
    course.modules.forEach((mod, i) => {
      if (plan.lessons.filter((l) => l.moduleSlug === mod.slug).length === mod.lessons.length) moduleFunnel[i]++;
    });
    for (const sitting of plan.assessments) {
      sittings[sitting.status]++;
      const plan = sitting.row.doubleGrading as keyof typeof doubleGrading | null | undefined;
      if (plan) doubleGrading[plan]++;
      const roles = sitting.blindGrades.filter((g) => g.finalisedAt).map((g) => g.role);
      if (roles.includes("moderator")) doubleGrading.moderated++;
      else if (sitting.status !== "submitted" && roles.length === 2) doubleGrading.agreed++;
      else if (roles.length === 2) doubleGrading.awaitingModeration++;
      else if (roles.length === 1) doubleGrading.waitingSecond++;
      if (sitting.outcome) {
        outcomes[sitting.outcome]++;
        scoreSum += sitting.row.finalScore ?? 0;
      }
    }
  }
  const graded = outcomes.failed + outcomes.passed + outcomes.certified;
  const sittingCount = Object.values(sittings).reduce((a, b) => a + b, 0);
  return {
    learners: plans.length,
    trainers,
    started: plans.filter((p) => p.lessons.length > 0).length,
    finished,
    moduleFunnel,
    lessonRows: plans.reduce((sum, p) => sum + p.lessons.length, 0),
    quizAttempts: quiz.attempts,
    quizMeanScore: quiz.attempts ? quiz.scoreSum / quiz.attempts : 0,
    sittings,
    outcomes,
    meanFinalScore: graded ? scoreSum / graded : 0,
    attempts: quiz.attempts + sittingCount,
    doubleGrading,
  };
}

const n = (x: number) => x.toLocaleString("en-US");
const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : "—");

export function describe(s: CohortSummary): string[] {
  const graded = s.outcomes.failed + s.outcomes.passed + s.outcomes.certified;
  return [
    `学员 ${n(s.learners)} 名（讲师 ${s.trainers} 名批阅）；开始学习 ${n(s.started)}，学完全部课程 ${n(s.finished)}（${pct(s.finished, s.learners)}）`,
    `模块完成人数：${s.moduleFunnel.map((c, i) => `M${i + 1} ${n(c)}`).join(" · ")}`,
    `课程完成记录 ${n(s.lessonRows)} 条；模块测验 ${n(s.quizAttempts)} 次，平均 ${s.quizMeanScore.toFixed(1)} 分`,
    `结业考核 ${n(s.attempts - s.quizAttempts)} 次：作答中 ${n(s.sittings.in_progress)} · 待批阅 ${n(s.sittings.submitted)} · 已批阅待发布 ${n(s.sittings.graded)} · 已发布 ${n(s.sittings.released)}`,
    `已批阅 ${n(graded)} 次：未通过 ${n(s.outcomes.failed)}（${pct(s.outcomes.failed, graded)}）· 通过 ${n(s.outcomes.passed)} · 通过并获证 ${n(s.outcomes.certified)}（${pct(s.outcomes.certified, graded)}）；平均总分 ${s.meanFinalScore.toFixed(1)}`,
    `双评：单评 ${n(s.doubleGrading.single)} · 随机双评 ${n(s.doubleGrading.random)} · 指定双评 ${n(s.doubleGrading.picked)}（${pct(s.doubleGrading.random + s.doubleGrading.picked, s.doubleGrading.single + s.doubleGrading.random + s.doubleGrading.picked)}）；一致 ${n(s.doubleGrading.agreed)} · 仲裁 ${n(s.doubleGrading.moderated)} · 待第二评 ${n(s.doubleGrading.waitingSecond)} · 待仲裁 ${n(s.doubleGrading.awaitingModeration)}`,
    `测验 + 考核合计 ${n(s.attempts)} 次`,
  ];
}
