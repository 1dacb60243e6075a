import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "@/components/mdx";

// GFM tables can be wider than a phone: let them scroll inside the lesson, not the page.
function Table(props: React.ComponentProps<"table">) {
  return (
    <div className="table-scroll">
      <table {...props} />
    </div>
  );
}

/** Renders compiled lesson code (compiled and evaluated on the server only). */
export function LessonBody({ code }: { code: string }) {
  const Content = getMDXComponent(code);
  return <Content components={{ ...mdxComponents, table: Table }} />;
}
