import Link from "next/link";
import { loadCourse } from "@/lib/content/load";
import { wrapUpHref } from "@/lib/content/navigation";

/** The course's closing pages (课程总结, 能力跃迁路线图), offered wherever a learner finishes. */
export function FinishLine({ intro }: { intro: string }) {
  const pages = loadCourse().wrapUp;
  return (
    <div className="card stack finish-line">
      <p>{intro}</p>
      <ul>
        {pages.map((page) => (
          <li key={page.slug}>
            <Link href={wrapUpHref(page)}>{page.title}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
