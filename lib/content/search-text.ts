import type { Node as EstreeNode } from "estree";
import GithubSlugger from "github-slugger";
import matter from "gray-matter";
import type { Nodes, Root, RootContent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";

export type Section = { headingId?: string; heading?: string; text: string };

// Props that choose how a component looks, not what it says: `<Callout type="warning">` must not
// put "warning" into the searchable text. `unit` is not text on its own either; it belongs after
// each number of the component, as the component renders it ("53%").
const STYLE_PROPS = new Set(["type", "unit"]);

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Strings and numbers of a prop's JS expression, in source order (object keys are names, not text). */
function literalsOf(node: unknown, unit: string, out: string[]): void {
  if (!node || typeof node !== "object") return;
  const n = node as EstreeNode;
  if (n.type === "Literal") {
    if (typeof n.value === "string") out.push(n.value);
    else if (typeof n.value === "number") out.push(`${n.value}${unit}`);
    return;
  }
  if (n.type === "TemplateLiteral") {
    out.push(n.quasis.map((q) => q.value.cooked ?? "").join(" "));
    return;
  }
  if (n.type === "Property") {
    literalsOf(n.value, unit, out);
    return;
  }
  for (const [key, value] of Object.entries(n)) {
    if (key === "loc" || key === "range" || key === "start" || key === "end") continue;
    if (Array.isArray(value)) value.forEach((v) => literalsOf(v, unit, out));
    else if (value && typeof value === "object" && "type" in value) literalsOf(value, unit, out);
  }
}

/** What a lesson component shows as text: its text props, then its children. */
function componentText(node: MdxJsxFlowElement | MdxJsxTextElement): string[] {
  const unitProp = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "unit");
  const unit = typeof unitProp?.value === "string" ? unitProp.value : "";
  const parts: string[] = [];
  for (const attribute of node.attributes) {
    if (attribute.type !== "mdxJsxAttribute" || STYLE_PROPS.has(attribute.name)) continue;
    if (typeof attribute.value === "string") parts.push(attribute.value);
    else if (attribute.value?.data?.estree) literalsOf(attribute.value.data.estree, unit, parts);
  }
  return [...parts, ...node.children.map(blockText)];
}

/** Readable text of a node: prose, table cells and component text; code, HTML and JS dropped. */
function blockText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "code":
    case "html":
    case "mdxjsEsm":
    case "mdxFlowExpression":
    case "mdxTextExpression":
    case "yaml":
    case "definition":
      return "";
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      return componentText(node).join(" ");
    case "image":
      return node.alt ?? "";
    case "paragraph":
    case "heading":
    case "strong":
    case "emphasis":
    case "delete":
    case "link":
    case "linkReference":
      // Inline content reads as one run: "**加粗**文字" stays "加粗文字".
      return node.children.map(blockText).join("");
    default:
      return "children" in node ? node.children.map(blockText).join(" ") : "";
  }
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Readable text of an MDX fragment, as the lesson page shows it. */
export function plainText(mdx: string): string {
  return squash(blockText(parser.parse(mdx)));
}

const isSectionHeading = (node: RootContent) => node.type === "heading" && (node.depth === 2 || node.depth === 3);

/** A lesson split at its ## and ### headings, ids as rehype-slug gives them. */
export function splitSections(source: string): Section[] {
  const tree: Root = parser.parse(matter(source).content);
  const slugger = new GithubSlugger();
  const sections: Section[] = [];
  let current: Omit<Section, "text"> & { parts: string[] } = { parts: [] };
  const flush = () => {
    const text = squash(current.parts.join(" "));
    if (text || current.heading) sections.push({ headingId: current.headingId, heading: current.heading, text });
  };
  for (const node of tree.children) {
    if (isSectionHeading(node)) {
      flush();
      const heading = squash(blockText(node));
      current = { heading, headingId: slugger.slug(heading), parts: [] };
    } else {
      current.parts.push(blockText(node));
    }
  }
  flush();
  return sections;
}
