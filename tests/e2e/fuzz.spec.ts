import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { readCourse } from "../../lib/content/load";
import { domainSnapshot } from "./db";

// Issue 13: every server action and route handler, found by itself (the build's action manifest,
// the route.ts files under app/), gets generated hostile input as a stranger, a learner and a
// trainer. No answer may be a 5xx, no domain row may change, and the site serves afterwards.
// A new action or route is picked up without editing this file. FUZZ_RUNS sets the runs per
// target and role (default 20: about a minute on two busy cores).

const RUNS = Number(process.env.FUZZ_RUNS) || 20;
const ROOT = process.cwd();
const FUZZ_SEED = Number(process.env.FUZZ_SEED) || Date.now() % 2 ** 31;

type Role = "stranger" | "learner" | "trainer";
const ACCOUNTS = { learner: ["learner@example.com", "learner123"], trainer: ["trainer@example.com", "trainer123"] } as const;

type Action = { id: string; name: string; page: string };
type Route = { file: string; pattern: string };

/** Server actions from the build's manifest, each with a page (route pattern) that imports it. */
function discoverActions(): Action[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? Object.keys(entry.workers)[0];
    return { id, name: `${entry.filename ?? "?"}#${entry.exportedName ?? id}`, page: patternOf(worker.replace(/^app/, "").replace(/\/page$/, "")) };
  });
}

/** Route handlers: every app/**\/route.ts, as a URL pattern. */
function discoverRoutes(dir = path.join(ROOT, "app")): Route[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return discoverRoutes(full);
    if (!/^route\.(ts|tsx|js)$/.test(entry.name)) return [];
    const folder = path.relative(path.join(ROOT, "app"), dir).split(path.sep).join("/");
    return [{ file: path.relative(ROOT, full), pattern: patternOf(`/${folder}`) }];
  });
}

/** Drops route groups `(site)`; keeps `[param]` and `[...param]` for filling in. */
const patternOf = (route: string) => route.split("/").filter((s) => s && !/^\(.*\)$/.test(s)).map((s) => `/${s}`).join("") || "/";

// ---- generated values -------------------------------------------------------------------------

const HOSTILE_NAMES = ["__proto__", "constructor", "prototype", "points:__proto__", "comment:__proto__", "points:constructor", "comment:x", "points:p2:x", "attemptId", "userId", "role", "certificateId", "printedName", "reason", "intent", "version", "comment", "$ACTION_KEY", "0", "_1_x", ""];
const hostileName = fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string({ maxLength: 20 }));
const hugeString = fc.constantFrom(1_000, 5_001, 20_001, 200_000).map((n) => "长".repeat(n));
const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", " ", "NaN", "-1", "1e309", "Infinity", "0x10", "admin", "trainer", "draft", "finalise", "true", "null", "[]", "{}", "\u0000", "\u202e", "%E0%A4%A", "$K1", "$@0", "$1", "$Q1", "$F1", "$nx", "$", "$$x", "$undefined", "<script>alert(1)</script>"),
  hugeString,
);
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(hostileName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
  fc.record({ attemptId: hostileText, answers: fc.jsonValue({ maxDepth: 2 }), moduleSlug: hostileText, all: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
);
// A path segment: mostly plain (so the request reaches the code behind it), sometimes broken.
const segment = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,20}$/) },
  { weight: 1, arbitrary: fc.constantFrom("%E0%A4%A", "%", "__proto__", "constructor", "..", "%2e%2e", "a".repeat(300), "%00", "%F0%9F%98%80") },
);
// Next's own request headers, as a client router sends them and as an attacker might.
const frameworkHeaders = fc.record(
  {
    RSC: fc.constantFrom("1", "0", "x", ""),
    "Next-Router-State-Tree": fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("%E0%A4%A", "[", '["",{}]', encodeURIComponent('["",{"children":["__PAGE__",{}]}]'), "x".repeat(41_000))),
    "Next-Router-Prefetch": fc.constantFrom("1", "2", "x", ""),
    "Next-Router-Segment-Prefetch": fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("/_tree", "/_index", "%E0%A4%A", "/__PAGE__")),
    "Next-Url": fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("/", "%E0%A4%A", "//evil.example", "/grading")),
    "Next-Action": fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("", "0", "$$RSC_SERVER_ACTION_0")),
  },
  { requiredKeys: [] },
);
// Values capped: Next's trailing-slash redirect echoes the query twice (Location, Refresh), and a
// longer one overflows the test client's 16 KB header limit, not the server's.
const searchParams = fc.array(fc.tuple(hostileName, hostileText.map((t) => t.slice(0, 200))), { maxLength: 3 });

function fill(pattern: string, values: string[]): string {
  let i = 0;
  return pattern.replace(/\[\[?(\.\.\.)?[^\]]+\]?\]/g, (_m, rest) => (rest ? [values[i++], values[i++]] : [values[i++]]).map((v) => v ?? "x").join("/"));
}

/** A server action's body as React's encodeReply sends it: text (JSON arguments) or multipart. */
const actionBody = fc.oneof(
  // JSON-encoded arguments of any type and shape, and some that are not an argument list at all.
  fc.array(jsonValue, { maxLength: 3 }).map((args) => ({ kind: "text" as const, body: JSON.stringify(args) })),
  fc.oneof(jsonValue.map((v) => JSON.stringify(v)), fc.string({ maxLength: 50 })).map((body) => ({ kind: "text" as const, body })),
  // Not multipart at all, under a multipart content type.
  fc.string({ maxLength: 80 }).map((body) => ({ kind: "raw" as const, type: "multipart/form-data; boundary=fuzz", body })),
  // FormData as the form action's argument ("$K1" → the fields prefixed "_1_"), or in the wrong place.
  fc
    .tuple(
      fc.constantFrom('[null,"$K1"]', '["$K1"]', '["$K1","$K1"]', "[]", '["x","$K1"]', '[{"__proto__":{"points":1}},"$K1"]', '[null,"x"]', "[1,2,3]"),
      fc.array(fc.tuple(hostileName, hostileText), { maxLength: 8 }),
    )
    .map(([root, fields]) => ({ kind: "form" as const, root, fields })),
);
type ActionBody = typeof actionBody extends fc.Arbitrary<infer T> ? T : never;

// ---- requests ---------------------------------------------------------------------------------

type Sent = { method: string; url: string; note: string };

async function expectNo5xx(api: APIRequestContext, sent: Sent, send: () => ReturnType<APIRequestContext["fetch"]>) {
  const response = await send();
  const status = response.status();
  if (status >= 500) {
    const text = (await response.text()).slice(0, 300);
    throw new Error(`${status} for ${sent.method} ${sent.url.slice(0, 200)} ${sent.note.slice(0, 300)}\n${text}`);
  }
  await response.dispose();
}

async function callAction(api: APIRequestContext, action: Action, url: string, body: ActionBody) {
  const headers = { "Next-Action": action.id, Accept: "text/x-component" };
  const note = body.kind === "form" ? `[${action.name}] ${body.root} ${JSON.stringify(body.fields.map(([n, v]) => [n, v.slice(0, 40)]))}` : `[${action.name}] ${body.body}`;
  await expectNo5xx(api, { method: "POST", url, note }, () => {
    if (body.kind === "text") return api.post(url, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body.body, maxRedirects: 0 });
    if (body.kind === "raw") return api.post(url, { headers: { ...headers, "Content-Type": body.type }, data: body.body, maxRedirects: 0 });
    // As React sends it: the FormData's fields first, the argument list "0" last (the server
    // resolves "$K1" as soon as "0" arrives).
    const form = new FormData();
    for (const [name, value] of body.fields) form.append(`_1_${name}`, value);
    form.append("0", body.root);
    return api.post(url, { headers, multipart: form, maxRedirects: 0 });
  });
}

async function signedIn(baseURL: string, role: Role): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  if (role === "stranger") return api;
  const [email, password] = ACCOUNTS[role];
  const response = await api.post("/api/auth/sign-in/email", { data: { email, password }, headers: { Origin: baseURL } });
  expect(response.status(), `${role} signs in`).toBe(200);
  return api;
}

// ---- the suite --------------------------------------------------------------------------------

test("generated hostile requests to every action and route: no 5xx, no change to the data, the site still serves", async ({ baseURL }) => {
  test.setTimeout(360_000);
  const actions = discoverActions();
  const routes = discoverRoutes();
  expect(actions.length, "actions in the manifest").toBeGreaterThan(5);
  expect(routes.map((r) => r.pattern)).toContain("/api/progress");
  const grade = actions.find((a) => a.name.endsWith("#saveGradeAction"));
  expect(grade, "the grading action is found by name").toBeTruthy();
  expect(routes.map((r) => r.pattern)).toContain("/api/assessment/attempts/[attemptId]/answers");
  expect(routes.map((r) => r.pattern)).toContain("/api/assessment/attempts/[attemptId]/submit");
  console.log(`fuzz seed ${FUZZ_SEED}: ${actions.length} actions, ${routes.length} routes, ${RUNS} runs each per role`);

  const roles: Role[] = ["stranger", "learner", "trainer"];
  // Starting the 结业考核 is a legitimate write (the trainer may always start one); with an attempt
  // open, it resumes it and writes nothing, so the snapshot is taken after each role has one.
  for (const role of roles) {
    const api = await signedIn(baseURL!, role);
    await api.post("/api/assessment/attempts", { data: {}, maxRedirects: 0 });
    await api.dispose();
  }
  const before = await domainSnapshot();

  // The request of issue 13: one trainer request used to break every page until restart.
  const trainer = await signedIn(baseURL!, "trainer");
  const proto = new FormData();
  for (const [name, value] of [["_1_attemptId", "abc123"], ["_1_version", "0"], ["_1_intent", "draft"], ["_1_points:__proto__", "5"], ["_1_comment:__proto__", "x"], ["0", '[null,"$K1"]']]) proto.append(name, value);
  const protoResponse = await trainer.post(fill(grade!.page, ["abc123"]), { headers: { "Next-Action": grade!.id, Accept: "text/x-component" }, multipart: proto });
  expect(protoResponse.status()).toBe(200);
  expect(await protoResponse.text()).toContain("评分项无效");
  await trainer.dispose();
  const stranger = await playwrightRequest.newContext({ baseURL });
  expect((await stranger.get("/sign-in")).status()).toBe(200);
  // The other requests of issue 13 that got a 500: each now a zh-CN 4xx.
  const refusals = [
    await stranger.post("/sign-in", { headers: { "Next-Action": grade!.id, "Content-Type": "text/plain;charset=UTF-8" }, data: `["${"x".repeat(1_048_577)}"]` }),
    await stranger.get("/modules/%E0%A4%A"),
    await stranger.get("/sign-in", { headers: { RSC: "1", "Next-Router-State-Tree": "not-json" } }),
    await stranger.post("/sign-in", { headers: { "Next-Action": grade!.id, "Content-Type": "text/plain;charset=UTF-8" }, data: '"not an argument list"' }),
  ];
  expect(refusals.map((r) => r.status())).toEqual([413, 400, 400, 400]);
  for (const refusal of refusals) expect(await refusal.text()).toMatch(/[\u4e00-\u9fff]/);

  for (const role of roles) {
    // Signed in again per target: an action may end the session (退出登录).
    for (const action of actions) {
      const api = await signedIn(baseURL!, role);
      await fc.assert(
        fc.asyncProperty(fc.array(segment, { minLength: 2, maxLength: 2 }), actionBody, async (values, body) => callAction(api, action, fill(action.page, values), body)),
        { numRuns: RUNS, seed: FUZZ_SEED, endOnFailure: true },
      );
      await api.dispose();
    }
    const api = await signedIn(baseURL!, role);
    // Unknown and malformed action ids.
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 60 }), fc.stringMatching(/^[0-9a-f]{40,42}$/)), actionBody, async (id, body) =>
        callAction(api, { id: id.replace(/[^\x20-\x7e]/g, "") || "x", name: "unknown action", page: "/" }, "/", body),
      ),
      { numRuns: RUNS, seed: FUZZ_SEED, endOnFailure: true },
    );
    // Pages and routes with Next's request headers malformed (the body, if any, is empty).
    const pages = ["/", "/sign-in", "/grading", "/assessment", `/modules/${readCourse().course.modules[0].lessons[0].key}`, ...routes.map((r) => fill(r.pattern, ["x", "x"]))];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pages), fc.constantFrom("GET", "POST"), frameworkHeaders, async (url, method, headers) => {
        // Redirects followed: Next first redirects an RSC request to add its cache-busting `_rsc`.
        await expectNo5xx(api, { method, url, note: JSON.stringify(headers).slice(0, 300) }, () => api.fetch(url, { method, headers }));
      }),
      { numRuns: RUNS * 4, seed: FUZZ_SEED, endOnFailure: true },
    );
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"),
          fc.array(segment, { minLength: 2, maxLength: 2 }),
          searchParams,
          fc.oneof(
            jsonValue.map((v) => ({ type: "application/json", data: JSON.stringify(v) })),
            fc.tuple(fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/json", "multipart/form-data"), hostileText).map(([type, data]) => ({ type, data })),
          ),
          async (method, values, query, body) => {
            const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
            const url = `${fill(route.pattern, values)}${search ? `?${search}` : ""}`;
            const hasBody = method !== "GET";
            await expectNo5xx(api, { method, url, note: `[${route.file}] ${hasBody ? body.data.slice(0, 200) : ""}` }, () =>
              api.fetch(url, { method, maxRedirects: 0, ...(hasBody ? { headers: { "Content-Type": body.type }, data: body.data } : {}) }),
            );
          },
        ),
        { numRuns: RUNS * 2, seed: FUZZ_SEED, endOnFailure: true },
      );
    }
    await api.dispose();
  }

  expect(await domainSnapshot(), "no domain row changed").toEqual(before);

  // The site still serves: sign-in for a stranger, a lesson for a learner.
  expect((await stranger.get("/sign-in")).status()).toBe(200);
  const learner = await signedIn(baseURL!, "learner");
  const lesson = readCourse().course.modules[0].lessons[0];
  const page = await learner.get(`/modules/${lesson.key}`, { maxRedirects: 0 });
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain(lesson.title);
});
