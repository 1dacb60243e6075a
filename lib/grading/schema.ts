import { formInput } from "@/lib/security/input";
import { z } from "@/lib/zod";

const attemptId = z.string().min(1).max(40).regex(/^[a-z0-9]+$/i, "答卷编号无效");

const scoreKey = z.string().regex(/^p[23]:[a-z0-9-]{1,80}$/, "评分项无效");
const score = z.object({
  points: z.coerce.number({ error: "分数必须是数字" }),
  comment: z.string().max(2000, "评语不能超过 2000 字").default(""),
});
const gradeFields = {
  attemptId,
  version: z.coerce.number().int().min(0),
  intent: z.enum(["draft", "finalise"]),
  comment: z.string().max(5000, "总评不能超过 5000 字").default(""),
};

export const saveGradeSchema = z.object({ ...gradeFields, scores: z.record(scoreKey, score) }).strict();
export type SaveGradeInput = z.infer<typeof saveGradeSchema>;

const SCORE_FIELD = /^(points|comment):(.+)$/;

/**
 * The grading form's fields (`points:<item>`, `comment:<item>`, …) → the save input. Scores are
 * gathered in a Map, so an item named `__proto__` is only a key that the schema then refuses; an
 * empty score means "not scored yet" and is left out.
 */
function gradeFormToInput(fields: Record<string, FormDataEntryValue>): unknown {
  const scores = new Map<string, { points: FormDataEntryValue; comment: FormDataEntryValue }>();
  for (const [name, value] of Object.entries(fields)) {
    const match = SCORE_FIELD.exec(name);
    if (!match) continue;
    const [, field, key] = match;
    const score = scores.get(key) ?? { points: "", comment: "" };
    if (field === "points") score.points = value;
    else score.comment = value;
    scores.set(key, score);
  }
  const scored = [...scores].filter(([, s]) => typeof s.points !== "string" || s.points.trim() !== "");
  return { attemptId: fields.attemptId, version: fields.version, intent: fields.intent, comment: fields.comment ?? "", scores: new Map(scored) };
}

/** The grading screen's form (保存草稿 / 完成批阅), FormData in, `SaveGradeInput` out. */
export const saveGradeFormSchema = formInput(
  z.transform(gradeFormToInput).pipe(
    // A Map, not a record: zod checks every key of a Map (a record silently drops `__proto__`).
    z.object({ ...gradeFields, scores: z.map(scoreKey, score).transform((scores) => Object.fromEntries(scores)) }).strict(),
  ),
);

/**
 * 发布 names each grade as the grader confirmed it: the attempt and the grade version the
 * confirmation showed, so a grade changed in between is not released unseen.
 */
export const releaseSchema = z
  .object({
    attempts: z
      .array(z.object({ attemptId, version: z.number({ error: "版本号无效" }).int().min(0) }).strict(), { error: "请选择要发布的成绩" })
      .min(1, "请选择要发布的成绩")
      .max(500, "一次最多发布 500 份成绩"),
  })
  .strict();
export type ReleaseInput = z.infer<typeof releaseSchema>;

export type ReleaseResult = { ok: true; released: number; message: string } | { ok: false; message: string };

export type GradeFormState = {
  ok: boolean;
  message: string;
  errors?: Record<string, string>;
  version?: number;
} | null;

/** 设为双评 on the grading desk. */
export const pickFormSchema = formInput(z.object({ attemptId }));

const percentField = (label: string, min: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^\d{1,3}$/, `${label}须为 ${min} 到 100 之间的整数`)
    .transform(Number)
    .pipe(z.number().min(min, `${label}不能小于 ${min}%`).max(100, `${label}不能大于 100%`));

/** /admin/settings: the double-grading share and tolerance, in percent. */
export const doubleGradingFormSchema = formInput(
  z.object({ share: percentField("双评比例", 0), tolerance: percentField("容差", 1) }),
);
