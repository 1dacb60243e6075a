import { describe, expect, it } from "vitest";
import { buildTree, childPath, displayPath, flatten, inSubtree, pathIds, splitNamePath } from "@/lib/departments/tree";

const row = (id: string, name: string, parent: { id: string; path: string } | null) => ({
  id,
  name,
  parentId: parent?.id ?? null,
  path: childPath(parent?.path ?? null, id),
  depth: parent ? pathIds(parent.path).length : 0,
  archivedAt: null,
});

describe("department tree", () => {
  const root = row("r", "京东商城", null);
  const north = row("n", "华北大区", root);
  const east = row("e", "华东大区", root);
  const beijing = row("b", "北京一组", north);

  it("keeps a subtree under its root's path prefix, and no sibling", () => {
    expect(inSubtree(beijing.path, north.path)).toBe(true);
    expect(inSubtree(beijing.path, root.path)).toBe(true);
    expect(inSubtree(beijing.path, east.path)).toBe(false);
    expect(inSubtree(north.path, beijing.path)).toBe(false);
    expect(pathIds(beijing.path)).toEqual(["r", "n", "b"]);
  });

  it("builds the forest with each node's names from the root, parents before children", () => {
    const forest = buildTree([beijing, east, north, root]);
    const order = flatten(forest).map((node) => displayPath(node.names));
    expect(order).toEqual(["京东商城", "京东商城 / 华北大区", "京东商城 / 华北大区 / 北京一组", "京东商城 / 华东大区"]);
  });

  it("reads the separators people type in spreadsheets", () => {
    expect(splitNamePath(" 京东商城 / 华北大区／北京一组 ")).toEqual(["京东商城", "华北大区", "北京一组"]);
    expect(splitNamePath("京东商城>华北大区")).toEqual(["京东商城", "华北大区"]);
    expect(splitNamePath("")).toEqual([]);
  });
});
