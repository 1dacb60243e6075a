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

/** Renders compiled lesson code (compiled and evaluated on the server only). */
export function LessonBody({ code }: { code: string }) {
  const Content = getMDXComponent(code);
  return <Content components={{ ...mdxComponents, table: Table }} />;
}
