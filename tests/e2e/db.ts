import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { E2E_DATABASE } from "../../playwright.config";
import { readCourse } from "../../lib/content/load";

// Direct access to the end-to-end server's database, for set-up that is not under test
// (finishing 43 lessons) and for simulating the passage of time.
function open() {
  const db = new Database(E2E_DATABASE);
  db.pragma("busy_timeout = 5000");
  return db;
}

export function completeAllLessons(email: string) {
  const db = open();
  const { id } = db.prepare('SELECT id FROM "user" WHERE email = ?').get(email) as { id: string };
  const insert = db.prepare(
    "INSERT OR IGNORE INTO lesson_progress (id, userId, lessonKey, moduleSlug, completedAt) VALUES (?, ?, ?, ?, ?)",
  );
  const now = new Date().toISOString().replace("Z", "+00:00");
  for (const mod of readCourse().course.modules) {
    for (const lesson of mod.lessons) insert.run(randomUUID(), id, lesson.key, mod.slug, now);
  }
  db.close();
}

export function expireAttempt(attemptId: string) {
  const db = open();
  db.prepare("UPDATE assessment_attempt SET deadlineAt = ? WHERE id = ?").run("2000-01-01T00:00:00.000+00:00", attemptId);
  db.close();
}

/** Writes the correct answer to every choice question of an attempt (set-up for a high score). */
export function answerAllChoicesCorrectly(attemptId: string) {
  const db = open();
  const { paper } = db.prepare("SELECT paper FROM assessment_attempt WHERE id = ?").get(attemptId) as { paper: string };
  const parsed = JSON.parse(paper) as {
    part1: { question: { id: string; answer: string[] } }[];
    case: { study: { questions: { id: string; kind: string; answer?: string[] }[] } };
  };
  const insert = db.prepare(
    "INSERT OR REPLACE INTO assessment_answer (id, attemptId, itemKey, value, updatedAt) VALUES (?, ?, ?, ?, ?)",
  );
  const now = new Date().toISOString().replace("Z", "+00:00");
  for (const { question } of parsed.part1) insert.run(randomUUID(), attemptId, `p1:${question.id}`, JSON.stringify(question.answer), now);
  for (const q of parsed.case.study.questions) {
    if (q.kind === "choice") insert.run(randomUUID(), attemptId, `p2:${q.id}`, JSON.stringify(q.answer), now);
  }
  db.close();
}
