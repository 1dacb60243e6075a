import Link from "next/link";
import type { ReactNode } from "react";
import { formatProblem } from "@/lib/content/problems";
import type { ContentProblem } from "@/lib/content/schema";

type Props = { title: string; path: string; showAnswers: boolean; problems?: ContentProblem[]; children?: ReactNode };

/** Frame of every trainer preview page: the 显示答案 switch, or the content:check messages. */
export function PreviewFrame({ title, path, showAnswers, problems, children }: Props) {
  return (
    <>
      <nav className="breadcrumb" aria-label="位置">
        <Link href="/preview">内容预览</Link> / {title}
      </nav>
      <section className="card stack">
        <h1>{title}</h1>
        <p className="muted">学员看到的样子。答案、解析和评分细则只在这里对讲师和管理员显示。</p>
        <p>
          <Link className="button button--ghost button--small" href={showAnswers ? path : `${path}?answers=1`} aria-pressed={showAnswers} role="button">
            {showAnswers ? "隐藏答案" : "显示答案"}
          </Link>
        </p>
      </section>
      {problems?.length ? (
        <section className="card stack" role="alert">
          <h2>内容有错误，无法预览</h2>
          <p>请修正下列问题（与 <code>npm run content:check</code> 的输出相同）：</p>
          <ul>
            {problems.map((p) => (
              <li key={formatProblem(p)}>
                <code>{formatProblem(p)}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        children
      )}
    </>
  );
}
