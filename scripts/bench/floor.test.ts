import { describe, expect, it } from "vitest";
import { scriptSources, signedKb } from "./first-load-js";
import { commonAncestor, floorFiles } from "./floor";
import { alternation, medianRun, withinFloor, type LighthouseRow } from "./lighthouse";

describe("alternation", () => {
  it("measures the floor, then every page, in each round", () => {
    expect(alternation("floor", ["home", "lesson", "quiz"], 3)).toEqual([
      "floor", "home", "lesson", "quiz",
      "floor", "home", "lesson", "quiz",
      "floor", "home", "lesson", "quiz",
    ]);
    expect(alternation("floor", ["lesson"], 0)).toEqual([]);
  });
});

describe("medianRun", () => {
  const run = (performance: number, tbt: number): LighthouseRow => ({
    label: "lesson", path: "/l", performance, accessibility: 100, fcp: 800, lcp: 2000, tbt, cls: 0, benchmarkIndex: 2000, failedA11y: [],
  });

  it("is the run with the middle score, keeping its own metrics and every score in order", () => {
    const median = medianRun([run(97, 100), run(88, 600), run(95, 250)]);
    expect(median.performance).toBe(95);
    expect(median.tbt).toBe(250);
    expect(median.runs).toEqual([97, 88, 95]);
  });

  it("takes the lower middle run of an even count, and refuses none", () => {
    expect(medianRun([run(90, 1), run(99, 1), run(92, 1), run(96, 1)]).performance).toBe(92);
    expect(medianRun([run(80, 1)]).performance).toBe(80);
    expect(() => medianRun([])).toThrow();
  });
});

describe("withinFloor", () => {
  it("allows a page at most 3 points below the floor, and any score above it", () => {
    expect(withinFloor(94, 97)).toBe(true);
    expect(withinFloor(93, 97)).toBe(false);
    expect(withinFloor(99, 90)).toBe(true);
  });
});

describe("scriptSources", () => {
  it("lists each downloaded script once, without noModule polyfills or inline scripts", () => {
    const html =
      '<script src="/_next/a.js" async=""></script><script noModule="" src="/_next/polyfill.js"></script>' +
      '<script>self.__next_f=[]</script><script src="/_next/b.js"></script><script async src="/_next/a.js"></script>';
    expect(scriptSources(html)).toEqual(["/_next/a.js", "/_next/b.js"]);
  });
});

describe("signedKb", () => {
  it("signs the difference to the floor", () => {
    expect(signedKb(5837)).toBe("+5.7");
    expect(signedKb(-1229)).toBe("−1.2");
    expect(signedKb(0)).toBe("+0.0");
  });
});

describe("the floor app", () => {
  it("gives Turbopack a root holding both the temporary folder and the project's node_modules", () => {
    expect(commonAncestor("/tmp/bench-floor-x", "/work/wt/floors/node_modules")).toBe("/");
    expect(commonAncestor("/home/a/tmp/floor", "/home/a/project/node_modules")).toBe("/home/a");
    const files = floorFiles("/home/a");
    expect(files["next.config.mjs"]).toContain('root: "/home/a"');
  });

  it("is a layout and a page with one client component holding state, and a dynamic route handler", () => {
    const files = floorFiles("/");
    expect(Object.keys(files).filter((f) => f.startsWith("app/")).sort()).toEqual([
      "app/api/state/route.ts",
      "app/counter.tsx",
      "app/layout.tsx",
      "app/page.tsx",
    ]);
    expect(files["app/api/state/route.ts"]).toContain('dynamic = "force-dynamic"');
    expect(files["public/bench/page.html"]).toContain("<!doctype html>");
    expect(files["app/counter.tsx"]).toMatch(/^"use client";/);
    expect(files["app/counter.tsx"]).toContain("useState");
    expect(JSON.parse(files["package.json"])).not.toHaveProperty("type");
  });
});
