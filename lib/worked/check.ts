import type { Expression, Node as EstreeNode, Program } from "estree";
import type { Nodes, Root } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { ContentProblem } from "@/lib/content/schema";
import { exampleProblems } from "@/lib/worked/model";
import { workedExampleSchema } from "@/lib/worked/schema";

// content:check for <WorkedExample>: its props are read from the MDX syntax tree (never run),
// parsed with the component's own schema, then checked by lib/worked/model.ts. Each problem is
// reported at the line of the prop, property or array item it is about.

const parser = unified().use(remarkParse).use(remarkMdx);
type Element = MdxJsxFlowElement | MdxJsxTextElement;
type Located = { value: unknown; node: EstreeNode | undefined; line: number };

class NotLiteral extends Error {
  constructor(readonly line: number) {
    super("not a literal");
  }
}

const lineOf = (node: EstreeNode | undefined, fallback: number) => node?.loc?.start.line ?? fallback;

/** The value of a JS expression made only of literals, arrays and objects; anything else is refused. */
function literal(node: EstreeNode, fallback: number): unknown {
  switch (node.type) {
    case "Literal":
      if ("regex" in node || "bigint" in node) break;
      return node.value;
    case "TemplateLiteral":
      if (node.expressions.length) break;
      return node.quasis.map((q) => q.value.cooked ?? "").join("");
    case "UnaryExpression":
      if (node.operator === "-" && node.argument.type === "Literal" && typeof node.argument.value === "number") return -node.argument.value;
      break;
    case "ArrayExpression":
      return node.elements.map((el) => {
        if (!el || el.type === "SpreadElement") throw new NotLiteral(lineOf(node, fallback));
        return literal(el, fallback);
      });
    case "ObjectExpression":
      // fromEntries defines own properties, so even a key named __proto__ stays plain data.
      return Object.fromEntries(
        node.properties.map((prop) => {
          if (prop.type !== "Property" || prop.computed || prop.kind !== "init") throw new NotLiteral(lineOf(prop, fallback));
          const key = prop.key.type === "Identifier" ? prop.key.name : prop.key.type === "Literal" ? String(prop.key.value) : undefined;
          if (key === undefined) throw new NotLiteral(lineOf(prop, fallback));
          return [key, literal(prop.value, fallback)];
        }),
      );
  }
  throw new NotLiteral(lineOf(node, fallback));
}

/** The node a schema path points at inside a prop's expression (the deepest one found). */
function nodeAt(node: EstreeNode | undefined, path: PropertyKey[]): EstreeNode | undefined {
  let current = node;
  for (const key of path) {
    let next: EstreeNode | undefined;
    if (current?.type === "ObjectExpression") {
      const prop = current.properties.find(
        (p) => p.type === "Property" && ((p.key.type === "Identifier" && p.key.name === key) || (p.key.type === "Literal" && p.key.value === key)),
      );
      next = prop?.type === "Property" ? (prop.value as EstreeNode) : undefined;
    } else if (current?.type === "ArrayExpression" && typeof key === "number") {
      next = current.elements[key] ?? undefined;
    }
    if (!next) return current;
    current = next;
  }
  return current;
}

function attributeValue(attribute: MdxJsxAttribute, fallback: number): Located {
  const line = attribute.position?.start.line ?? fallback;
  if (attribute.value === null || attribute.value === undefined) return { value: true, node: undefined, line };
  if (typeof attribute.value === "string") return { value: attribute.value, node: undefined, line };
  const program = attribute.value.data?.estree as Program | undefined;
  const statement = program?.body[0];
  const expression = statement?.type === "ExpressionStatement" ? (statement.expression as Expression) : undefined;
  if (!expression) throw new NotLiteral(line);
  return { value: literal(expression, line), node: expression, line };
}

function elementProblems(element: Element, file: string): ContentProblem[] {
  const start = element.position?.start.line ?? 1;
  const props = new Map<string, Located>();
  for (const attribute of element.attributes) {
    if (attribute.type !== "mdxJsxAttribute") {
      return [{ file, line: start, message: "<WorkedExample> 不能用 {...展开} 写属性：逐个写出 title、steps、worked、faded、practice" }];
    }
    try {
      props.set(attribute.name, attributeValue(attribute, start));
    } catch (error) {
      if (!(error instanceof NotLiteral)) throw error;
      return [{ file, line: error.line, message: `<WorkedExample> 的 ${attribute.name} 只能写数字、文字、数组和对象，不能写变量或表达式` }];
    }
  }
  if (element.children.length) return [{ file, line: start, message: "<WorkedExample> 不接受子内容：写成自闭合的 <WorkedExample … />" }];
  const where = (path: PropertyKey[]) => {
    const prop = props.get(String(path[0]));
    return prop ? lineOf(nodeAt(prop.node, path.slice(1)), prop.line) : start;
  };
  const parsed = workedExampleSchema.safeParse(Object.fromEntries([...props].map(([name, p]) => [name, p.value])));
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      file,
      line: where(issue.path),
      message: `<WorkedExample> ${issue.path.length ? `${issue.path.join(".")}：` : ""}${issue.message}`,
    }));
  }
  return exampleProblems(parsed.data).map((p) => ({ file, line: where(p.path), message: `<WorkedExample> ${p.message}` }));
}

/** Problems of every <WorkedExample> in a lesson's MDX source (frontmatter included, so lines match the file). */
export function workedExampleProblems(source: string, file: string): ContentProblem[] {
  // Frontmatter is blanked, not cut, so line numbers stay those of the file.
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, (front) => front.replace(/[^\n]/g, ""));
  let tree: Root;
  try {
    tree = parser.parse(body);
  } catch {
    return []; // the MDX compile step reports syntax errors with their lines
  }
  const problems: ContentProblem[] = [];
  const walk = (node: Nodes): void => {
    if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name === "WorkedExample") {
      problems.push(...elementProblems(node, file));
    } else if ("children" in node) node.children.forEach(walk);
  };
  walk(tree);
  return problems;
}
