import { z } from "@/lib/zod";
import { topicIdSchema } from "@/lib/content/schema";

// Schemas of the question banks (module quizzes and the 结业考核). Keys and rubrics live only in
// these YAML files and are read on the server; learners get lib/quiz/public.ts projections.

const text = (what: string) => z.string({ error: `${what}必须是文字` }).trim().min(1, `${what}不能为空`);
const id = (what: string) => z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${what}只能用小写字母、数字和连字符`);
const optionId = z.string().regex(/^[a-h]$/, "选项 id 为 a–h 的单个字母");

export const optionSchema = z.object({ id: optionId, text: text("选项文字") }).strict();

const choiceFields = {
  id: id("题目 id"),
  type: z.enum(["single", "multiple"], { error: "type 须为 single（单选）或 multiple（多选）" }),
  prompt: text("题干"),
  options: z.array(optionSchema).min(3, "至少 3 个选项").max(8, "最多 8 个选项"),
  answer: z.array(optionId).min(1, "answer 至少 1 个正确选项"),
  explanation: text("explanation（解析）"),
};

type Choice = { type: "single" | "multiple"; options: { id: string }[]; answer: string[] };

function checkChoice(q: Choice, ctx: z.RefinementCtx) {
  const ids = q.options.map((o) => o.id);
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["options"], message: "选项 id 重复" });
  for (const a of q.answer) {
    if (!ids.includes(a)) ctx.addIssue({ code: "custom", path: ["answer"], message: `答案 ${a} 不在选项中` });
  }
  if (new Set(q.answer).size !== q.answer.length) ctx.addIssue({ code: "custom", path: ["answer"], message: "答案重复" });
  if (q.type === "single" && q.answer.length !== 1) ctx.addIssue({ code: "custom", path: ["answer"], message: "单选题只能有 1 个正确选项" });
  if (q.type === "multiple" && q.answer.length < 2) ctx.addIssue({ code: "custom", path: ["answer"], message: "多选题至少 2 个正确选项" });
}

/** A module-quiz question; `lesson` is the lesson slug (file name without NN-) it tests. */
export const quizQuestionSchema = z
  .object({ ...choiceFields, lesson: id("lesson（所考课程）") })
  .strict()
  .superRefine(checkChoice);
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export const moduleQuizSchema = z
  .object({
    // 信心标记 (confidence-based marking, decision 039): each answer carries 低/中/高 and is scored 1/2/3 or 0/−2/−6.
    confidenceMarking: z.boolean({ error: "confidenceMarking 须为 true 或 false" }).default(false),
    questions: z.array(quizQuestionSchema).min(8, "每个模块测验至少 8 道题"),
  })
  .strict();
export type ModuleQuizSettings = { confidenceMarking: boolean };

export const AREAS = ["平台规则", "运营基础", "营销策略"] as const;
export const areaSchema = z.enum(AREAS, { error: `area 须为 ${AREAS.join("、")} 之一` });

/** A 理论知识测试 question: tied to a topic of facts.md and one of the deck's three areas. */
export const part1QuestionSchema = z
  .object({ ...choiceFields, area: areaSchema, topic: topicIdSchema })
  .strict()
  .superRefine(checkChoice);
export type Part1Question = z.infer<typeof part1QuestionSchema>;

export const part1FileSchema = z.object({ questions: z.array(part1QuestionSchema).min(1) }).strict();

export const rubricCriterionSchema = z
  .object({
    id: id("评分项 id"),
    criterion: text("criterion（评分项）"),
    points: z.number().int().positive("分值须为正整数"),
    guide: text("guide（给分要点）"),
  })
  .strict();
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

const caseChoiceSchema = z
  .object({ ...choiceFields, kind: z.literal("choice"), points: z.number().int().positive() })
  .strict()
  .superRefine(checkChoice);
const caseWrittenSchema = z.object({ kind: z.literal("written"), id: id("题目 id"), prompt: text("题干") }).strict();

const sumPoints = (items: { points: number }[]) => items.reduce((sum, item) => sum + item.points, 0);

/** 实操案例分析: the store's data (MDX), auto-graded choice sub-questions, written ones graded by rubric. */
export const caseSchema = z
  .object({
    id: id("案例 id"),
    title: text("title"),
    topics: z.array(topicIdSchema).min(1),
    data: text("data（店铺数据，MDX）"),
    questions: z.array(z.discriminatedUnion("kind", [caseChoiceSchema, caseWrittenSchema])).min(2),
    rubric: z.array(rubricCriterionSchema).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const auto = sumPoints(c.questions.filter((q) => q.kind === "choice") as { points: number }[]);
    const total = auto + sumPoints(c.rubric);
    if (total !== 100) ctx.addIssue({ code: "custom", path: ["rubric"], message: `选择题分值 ${auto} + 评分细则 ${total - auto} = ${total}，应为 100` });
    if (!c.questions.some((q) => q.kind === "written")) ctx.addIssue({ code: "custom", path: ["questions"], message: "案例至少要有 1 道书面作答题" });
  });
export type CaseStudy = z.infer<typeof caseSchema>;

export const PLAN_SECTIONS = ["定位与选品", "流量获取", "活动节奏", "预算与 ROI", "KPI"] as const;
export const STANDARDS = ["理论知识准确性", "方案可行性", "创新性", "逻辑性"] as const;

/** 运营方案设计: a category and targets; the plan has the five sections; rubric over the four standards. */
export const planPromptSchema = z
  .object({
    id: id("题目 id"),
    title: text("title"),
    category: text("category（品类）"),
    background: text("background（背景）"),
    targets: z.array(text("targets 的每一项")).min(1),
    rubric: z.array(rubricCriterionSchema.extend({ standard: z.enum(STANDARDS) }).strict()).min(4),
  })
  .strict()
  .superRefine((p, ctx) => {
    const total = sumPoints(p.rubric);
    if (total !== 100) ctx.addIssue({ code: "custom", path: ["rubric"], message: `评分细则分值合计 ${total}，应为 100` });
    for (const standard of STANDARDS) {
      if (!p.rubric.some((r) => r.standard === standard)) ctx.addIssue({ code: "custom", path: ["rubric"], message: `评分细则缺少考核标准「${standard}」` });
    }
  });
export type PlanPrompt = z.infer<typeof planPromptSchema>;

/** Responses a question needs before item analysis flags it (config.yaml `analytics.minResponses`). */
export const DEFAULT_MIN_RESPONSES = 20;

export const assessmentConfigSchema = z
  .object({
    weights: z.object({ part1: z.number().min(0), part2: z.number().min(0), part3: z.number().min(0) }).strict(),
    passScore: z.number().min(0).max(100),
    certificateScore: z.number().min(0).max(100),
    part1Draw: z.record(areaSchema, z.number().int().min(0)),
    attemptsAllowed: z.number().int().positive(),
    timeLimitMinutes: z.number().int().positive(),
    // When a learner sees part 1's keys and explanations (right/wrong per question before that).
    review: z.object({ part1: z.enum(["afterLastAttempt", "afterRelease", "afterSubmission"]).default("afterLastAttempt") }).strict().default({ part1: "afterLastAttempt" }),
    // 切屏记录: the attempt page records leaving the page and pasting (a neutral log for graders).
    integrityLog: z.boolean().default(true),
    // Item analysis (/analytics/items): no 过易/过难/区分度低 flag before this many responses to a question.
    analytics: z
      .object({ minResponses: z.number().int().min(1).max(100_000).default(DEFAULT_MIN_RESPONSES) })
      .strict()
      .default({ minResponses: DEFAULT_MIN_RESPONSES }),
  })
  .strict()
  .superRefine((c, ctx) => {
    const sum = c.weights.part1 + c.weights.part2 + c.weights.part3;
    if (sum !== 100) ctx.addIssue({ code: "custom", path: ["weights"], message: `三部分权重合计 ${sum}，应为 100` });
    if (c.certificateScore < c.passScore) ctx.addIssue({ code: "custom", path: ["certificateScore"], message: "证书分数线不能低于及格线" });
    if (Object.values(c.part1Draw).reduce((a, b) => a + b, 0) === 0) ctx.addIssue({ code: "custom", path: ["part1Draw"], message: "第一部分至少抽 1 题" });
  });
export type AssessmentConfig = z.infer<typeof assessmentConfigSchema>;
