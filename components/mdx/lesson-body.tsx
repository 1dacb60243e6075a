import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "@/components/mdx";
import { TableScroll } from "@/components/table-scroll";

// GFM tables can be wider than a phone: let them scroll inside the lesson, not the page.
function Table(props: React.ComponentProps<"table">) {
  return (
    <TableScroll label="表格">
      <table {...props} />
    </TableScroll>
  );
}

// Evaluating a bundle builds a new function from its source; lessons are few and their compiled
// code only changes with the content, so each is evaluated once per server process.
const evaluated = new Map<string, ReturnType<typeof getMDXComponent>>();

function component(code: string) {
  let Content = evaluated.get(code);
  if (!Content) {
    if (evaluated.size >= 200) evaluated.clear(); // trainers editing content in dev or preview
    Content = getMDXComponent(code);
    evaluated.set(code, Content);
  }
  return Content;
}

/** Renders compiled lesson code (compiled and evaluated on the server only). */
export function LessonBody({ code }: { code: string }) {
  const Content = component(code);
  return <Content components={{ ...mdxComponents, table: Table }} />;
}
