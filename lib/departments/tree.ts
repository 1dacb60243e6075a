// A department's `path` is the ids from its root, each followed by "/" (schema.prisma). These
// pure helpers are all the tree logic the rest of the app needs; nothing here reads the database.

export type DepartmentRow = { id: string; name: string; parentId: string | null; path: string; depth: number; archivedAt: Date | null };

export type DepartmentNode = DepartmentRow & { children: DepartmentNode[]; names: string[] };

/** The path of a new department with this id under `parentPath` (null: a root). */
export const childPath = (parentPath: string | null, id: string): string => `${parentPath ?? ""}${id}/`;

/** Whether the department at `path` is `rootPath` or below it. */
export const inSubtree = (path: string, rootPath: string): boolean => path.startsWith(rootPath);

/** The ids from the root down to this department, itself included. */
export const pathIds = (path: string): string[] => path.split("/").filter(Boolean);

/** Departments as a forest, siblings by name (zh-CN collation), each node with its names from the root. */
export function buildTree(rows: readonly DepartmentRow[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>();
  for (const row of rows) nodes.set(row.id, { ...row, children: [], names: [] });
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const collator = new Intl.Collator("zh-CN");
  const visit = (list: DepartmentNode[], names: string[]) => {
    list.sort((a, b) => collator.compare(a.name, b.name));
    for (const node of list) {
      node.names = [...names, node.name];
      visit(node.children, node.names);
    }
  };
  visit(roots, []);
  return roots;
}

/** Depth-first order of a forest, as the tree is shown (parents before their children). */
export function flatten(forest: readonly DepartmentNode[]): DepartmentNode[] {
  const out: DepartmentNode[] = [];
  const walk = (list: readonly DepartmentNode[]) => {
    for (const node of list) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(forest);
  return out;
}

/** "京东商城 / 华北大区 / 北京一组": how a department is named wherever one line must say which. */
export const PATH_SEPARATOR = " / ";
export const displayPath = (names: readonly string[]): string => names.join(PATH_SEPARATOR);

/** A department path as people type it in a spreadsheet: "/", "／", ">" or "\" between names. */
export function splitNamePath(text: string): string[] {
  return text
    .split(/[/／>\\]/)
    .map((part) => part.normalize("NFKC").trim())
    .filter(Boolean);
}
