// Calls server actions the way the browser does (captured from Chromium on this build): a POST to
// the page's own URL, `Next-Action` naming the action, the router state tree of that page, the
// arguments as a JSON array in a text/plain body, and a React Flight stream back. And the client
// router's fetch of the next page after a navigation (`navigation`).
import { readFileSync } from "node:fs";
import { computeCacheBustingSearchParam } from "next/dist/shared/lib/router/utils/cache-busting-search-param.js";
import { BASE } from "./env";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The action id of `exportedName` from `filename` (e.g. "lib/progress/actions.ts") in the current build. */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  const entry = Object.entries(manifest.node).find(([, a]) => a.filename === filename && a.exportedName === exportedName);
  if (!entry) throw new Error(`no server action ${exportedName} from ${filename} in .next/server/server-reference-manifest.json`);
  return entry[0];
}

/** A route segment: static ("modules") or a dynamic parameter (["moduleSlug", "platform-basics"]). */
export type Segment = string | [name: string, value: string];

/** The `Next-Router-State-Tree` header a browser sends from the page with these segments. */
export function routerStateTree(segments: Segment[]): string {
  let node: unknown = ["__PAGE__", {}, null, null, 0];
  for (const segment of [...segments].reverse()) {
    const key = typeof segment === "string" ? segment : [segment[0], segment[1], "d", null];
    node = [key, { children: node }, null, null, 0];
  }
  return encodeURIComponent(JSON.stringify(["", { children: node }, null, null, 16]));
}

/** Headers of an action call; the learner's cookies are added by `send` from their tab. */
export function actionHeaders(id: string, segments: Segment[], origin: string = BASE): Record<string, string> {
  return {
    "next-action": id,
    "next-router-state-tree": routerStateTree(segments),
    accept: "text/x-component",
    "content-type": "text/plain;charset=UTF-8",
    origin,
  };
}

/**
 * The action's return value from a Flight response: row 0 names it ("a":"$@1") and that row
 * holds it as JSON. Undefined when the response carries none (e.g. after a redirect).
 */
export function actionResult(flight: string): unknown {
  const ref = /^0:\{"a":"\$@([0-9a-f]+)"/m.exec(flight);
  if (!ref) return undefined;
  const row = new RegExp(`^${ref[1]}:(.*)$`, "m").exec(flight);
  return row ? JSON.parse(row[1]) : undefined;
}

/**
 * The client router's request for `path` after `router.push` from the page at `fromUrl` (with its
 * segments): the RSC payload of the segments that differ, with the `_rsc` search parameter Next
 * checks against these headers (a mismatch costs a redirect).
 */
export async function navigation(path: string, fromUrl: string, fromSegments: Segment[]): Promise<{ path: string; headers: Record<string, string> }> {
  const stateTree = routerStateTree(fromSegments);
  const rsc = await computeCacheBustingSearchParam("0", undefined, stateTree, fromUrl);
  return { path: `${path}?_rsc=${rsc}`, headers: { rsc: "1", "next-router-state-tree": stateTree, "next-url": fromUrl } };
}
