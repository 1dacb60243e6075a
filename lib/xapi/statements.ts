import { createHash, randomUUID } from "node:crypto";

// xAPI 1.0.3 statements for the course's learner events (decision 042 has the verb per event).
// Pure: the caller passes the public origin the activity ids are built on. A statement is stored
// without its actor; `withActor` adds the actor and the department when sending.

export const XAPI_VERSION = "1.0.3";
export const COURSE_TITLE = "京东运营线上培训";

type LanguageMap = Record<string, string>;
type Activity = { objectType: "Activity"; id: string; definition: { type: string; name?: LanguageMap } };
type StatementRef = { objectType: "StatementRef"; id: string };
type Score = { scaled: number; raw: number; min: number; max: number };
type Result = { score?: Score; success?: boolean; completion?: boolean; duration?: string; extensions?: Record<string, unknown> };
type Context = {
  registration?: string;
  contextActivities?: { parent?: Activity[]; grouping?: Activity[] };
  platform?: string;
  language?: string;
  extensions?: Record<string, unknown>;
};

export type Verb = { id: string; display: LanguageMap };
export type Statement = { id: string; verb: Verb; object: Activity | StatementRef; result?: Result; context?: Context; timestamp: string };
export type Actor = { objectType: "Agent"; name?: string; mbox?: string; account?: { homePage: string; name: string } };

const verb = (id: string, en: string, zh: string): Verb => ({ id, display: { "en-US": en, "zh-CN": zh } });
export const VERBS = {
  completed: verb("http://adlnet.gov/expapi/verbs/completed", "completed", "完成"),
  attempted: verb("http://adlnet.gov/expapi/verbs/attempted", "attempted", "开始作答"),
  scored: verb("http://adlnet.gov/expapi/verbs/scored", "scored", "获得成绩"),
  passed: verb("http://adlnet.gov/expapi/verbs/passed", "passed", "通过"),
  failed: verb("http://adlnet.gov/expapi/verbs/failed", "failed", "未通过"),
  earned: verb("http://id.tincanapi.com/verb/earned", "earned", "获得证书"),
  voided: verb("http://adlnet.gov/expapi/verbs/voided", "voided", "撤销"),
} as const;
export type VerbName = keyof typeof VERBS;

const TYPES = {
  course: "http://adlnet.gov/expapi/activities/course",
  module: "http://adlnet.gov/expapi/activities/module",
  lesson: "http://adlnet.gov/expapi/activities/lesson",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
  certificate: "https://www.opigno.org/en/tincan_registry/activity_type/certificate",
};

const activity = (id: string, type: string, name?: string): Activity => ({ objectType: "Activity", id, definition: name ? { type, name: { "zh-CN": name } } : { type } });
const course = (origin: string) => activity(`${origin}/`, TYPES.course, COURSE_TITLE);
const module = (origin: string, slug: string) => activity(`${origin}/modules/${slug}`, TYPES.module);
const assessment = (origin: string) => activity(`${origin}/assessment`, TYPES.assessment, "结业考核");
export const certificateActivityId = (origin: string, code: string) => `${origin}/verify/${code}`;
export const extensionId = (origin: string, name: "department" | "auto-submitted" | "attempt-number") => `${origin}/xapi/extensions/${name}`;

/** Scores are 0–100 here; xAPI's scaled score is -1…1, rounded to keep the JSON short. */
const score = (raw: number): Score => ({ scaled: Math.round(raw * 100) / 10_000, raw: Math.round(raw * 100) / 100, min: 0, max: 100 });
const baseContext = (origin: string, parents: Activity[], registration?: string): Context => ({
  ...(registration ? { registration } : {}),
  contextActivities: { parent: parents, grouping: [course(origin)] },
  platform: COURSE_TITLE,
  language: "zh-CN",
});
const make = (verbName: VerbName, object: Statement["object"], at: Date, extra: Pick<Statement, "result" | "context">): Statement => ({
  id: randomUUID(),
  verb: VERBS[verbName],
  object,
  ...extra,
  timestamp: at.toISOString(),
});

/**
 * The registration of an assessment attempt: a UUID (version 5, SHA-1) derived from the attempt id,
 * so every statement of one attempt carries the same one without storing it.
 */
export function attemptRegistration(attemptId: string): string {
  const hash = createHash("sha1").update(REGISTRATION_NAMESPACE).update(`assessment-attempt:${attemptId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
// Namespace bytes of the fixed UUID 6c1f6f5e-3a7c-4f54-9d0b-8e1b2d6a4c11 (ours, arbitrary).
const REGISTRATION_NAMESPACE = Buffer.from("6c1f6f5e3a7c4f549d0b8e1b2d6a4c11", "hex");

/** ISO 8601 duration of xAPI (PT…S), to the hundredth of a second. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 10)) / 100;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = Math.round((total % 60) * 100) / 100;
  return `PT${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${seconds}S`;
}

export function lessonCompleted(origin: string, lesson: { key: string; moduleSlug: string; title?: string }, at: Date): Statement {
  return make("completed", activity(`${origin}/modules/${lesson.key}`, TYPES.lesson, lesson.title), at, {
    result: { completion: true },
    context: baseContext(origin, [module(origin, lesson.moduleSlug)]),
  });
}

export function quizCompleted(origin: string, quiz: { moduleSlug: string; score: number }, at: Date): Statement {
  return make("completed", activity(`${origin}/modules/${quiz.moduleSlug}/quiz`, TYPES.assessment, "单元测验"), at, {
    result: { completion: true, score: score(quiz.score) },
    context: baseContext(origin, [module(origin, quiz.moduleSlug)]),
  });
}

type AttemptRef = { id: string; number: number };
const attemptContext = (origin: string, attempt: AttemptRef): Context => ({
  ...baseContext(origin, [course(origin)], attemptRegistration(attempt.id)),
  extensions: { [extensionId(origin, "attempt-number")]: attempt.number },
});

export function assessmentStarted(origin: string, attempt: AttemptRef, at: Date): Statement {
  return make("attempted", assessment(origin), at, { context: attemptContext(origin, attempt) });
}

/** Submitted by the learner, or closed when time ran out (`autoSubmitted`). */
export function assessmentSubmitted(origin: string, attempt: AttemptRef & { startedAt: Date; autoSubmitted: boolean }, at: Date): Statement {
  return make("completed", assessment(origin), at, {
    result: {
      completion: true,
      duration: isoDuration(at.getTime() - attempt.startedAt.getTime()),
      extensions: { [extensionId(origin, "auto-submitted")]: attempt.autoSubmitted },
    },
    context: attemptContext(origin, attempt),
  });
}

/** A released grade: `scored` with the final score, then `passed` or `failed` (certified counts as passed). */
export function assessmentReleased(origin: string, attempt: AttemptRef & { finalScore: number; passed: boolean }, at: Date): Statement[] {
  const context = attemptContext(origin, attempt);
  return [
    make("scored", assessment(origin), at, { result: { score: score(attempt.finalScore) }, context }),
    make(attempt.passed ? "passed" : "failed", assessment(origin), at, { result: { score: score(attempt.finalScore), success: attempt.passed, completion: true }, context }),
  ];
}

export function certificateIssued(origin: string, certificate: { code: string; attempt: AttemptRef }, at: Date): Statement {
  return make("earned", activity(certificateActivityId(origin, certificate.code), TYPES.certificate, "京东认证运营专家证书"), at, {
    context: attemptContext(origin, certificate.attempt),
  });
}

/** A revoked certificate voids the statement that said it was earned (xAPI's own way to retract one). */
export function certificateRevoked(earnedStatementId: string, at: Date): Statement {
  return make("voided", { objectType: "StatementRef", id: earnedStatementId }, at, {});
}

/**
 * The learner as the LRS knows them: account {homePage, name: employee id} when the setting says
 * so and the learner has one, else mbox (mailto:email).
 */
export function actorFor(user: { name: string; email: string; employeeId: string | null }, setting: { actor: "email" | "employeeId"; homePage: string }): Actor {
  if (setting.actor === "employeeId" && user.employeeId && setting.homePage) {
    return { objectType: "Agent", name: user.name, account: { homePage: setting.homePage, name: user.employeeId } };
  }
  return { objectType: "Agent", name: user.name, mbox: `mailto:${user.email}` };
}

/** The statement as sent: with its actor and, when the learner has one, the department extension. */
export function withActor(statement: Statement, actor: Actor, department: { id: string; name: string } | null, origin: string): Statement & { actor: Actor } {
  if (!department || !statement.context) return { actor, ...statement };
  const extensions = { ...statement.context.extensions, [extensionId(origin, "department")]: { id: department.id, name: department.name } };
  return { actor, ...statement, context: { ...statement.context, extensions } };
}
