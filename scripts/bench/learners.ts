// Signed-in learners for the write measurements. Signing 1,500 accounts in over HTTP would spend
// minutes in scrypt, so the bench writes the accounts and their sessions through Prisma and signs
// each session token the way better-auth does (HMAC with the app's secret); the cookie name is the
// one the running server set at a real sign-in. The accounts live only during one measurement
// (they would otherwise join the dashboard's cohort); deleting them cascades to their data.
import { randomBytes, randomUUID } from "node:crypto";
import { makeSignature } from "better-auth/crypto";
import { loadCourse } from "@/lib/content/load";
import { lessonSequence } from "@/lib/content/navigation";
import { SESSION_SECONDS } from "@/lib/auth/session-lifetimes";
import { sessionSecret } from "@/lib/auth/installation-secret";
import { db } from "@/lib/db";
import { BASE } from "./env";

export const BENCH_DOMAIN = "@bench.example.com";

export type BenchLearner = { id: string; email: string; cookie: string };

/** Signs in over HTTP (demo accounts); returns the Cookie header value. */
export async function signIn(email: string, password: string, base: string = BASE): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** "__Secure-better-auth.session_token" in production: taken from a cookie the server set. */
export function sessionCookieName(cookie: string): string {
  const name = cookie.split("; ").map((c) => c.slice(0, c.indexOf("="))).find((n) => n.endsWith("session_token"));
  if (!name) throw new Error(`no session cookie in "${cookie}"`);
  return name;
}

export async function createBenchLearners(
  count: number,
  { cookieName, allLessonsDone = false }: { cookieName: string; allLessonsDone?: boolean },
): Promise<BenchLearner[]> {
  await deleteBenchLearners();
  const run = randomBytes(3).toString("hex");
  const users = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, "0");
    return { id: `bench${run}${n}`, name: `压测学员 ${n}`, email: `learner${n}${BENCH_DOMAIN}`, role: "learner" };
  });
  // As a sign-in writes them: 30 days (lib/auth/auth.ts). better-auth counts a session's age from
  // its expiry, so a shorter one looks a day old and every first request would extend it (a write
  // and a new cookie) where a browser's would not.
  const expiresAt = new Date(Date.now() + SESSION_SECONDS * 1000);
  const sessions = users.map((u) => ({ id: randomUUID(), token: randomBytes(24).toString("base64url"), userId: u.id, expiresAt }));
  await db.user.createMany({ data: users });
  await db.session.createMany({ data: sessions });
  if (allLessonsDone) {
    // The 结业考核 opens only after every lesson of the course.
    const lessons = lessonSequence(loadCourse());
    const rows = users.flatMap((u) => lessons.map((l) => ({ userId: u.id, lessonKey: l.key, moduleSlug: l.moduleSlug })));
    for (let i = 0; i < rows.length; i += 5000) await db.lessonProgress.createMany({ data: rows.slice(i, i + 5000) });
  }
  // The server's own secret: BETTER_AUTH_SECRET, or the one the bench database keeps (decision 013).
  const secret = await sessionSecret(db);
  return Promise.all(
    users.map(async (u, i) => {
      const token = sessions[i].token;
      const signed = `${token}.${await makeSignature(token, secret)}`;
      return { id: u.id, email: u.email, cookie: `${cookieName}=${encodeURIComponent(signed)}` };
    }),
  );
}

export async function deleteBenchLearners(): Promise<void> {
  await db.user.deleteMany({ where: { email: { endsWith: BENCH_DOMAIN } } });
}

/** Fails loudly when the server does not take the bench's cookies (e.g. another secret). */
export async function assertSignedIn(learner: BenchLearner): Promise<void> {
  const res = await fetch(`${BASE}/progress`, { headers: { cookie: learner.cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`the server did not accept a bench learner's session (GET /progress: ${res.status})`);
}
