import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/guards";
import { readAssessment } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";

export const metadata: Metadata = { title: "内容预览" };

export default async function PreviewIndex() {
  await requireStaff("/preview");
  const course = loadCourse();
  const { content } = readAssessment();
  return (
    <section className="card stack">
      <h1>内容预览（讲师）</h1>
      <p className="muted">按学员看到的样子预览测验与结业考核，可切换“显示答案”。修改 content/ 下的文件后刷新即可看到变化。</p>
      <h2>模块测验</h2>
      <ul>
        {course.modules.map((mod) => (
          <li key={mod.slug}>
            <Link href={`/preview/quizzes/${mod.slug}`}>模块 {mod.order} · {mod.title}</Link>
          </li>
        ))}
      </ul>
      <h2>结业考核</h2>
      <ul>
        <li>
          <Link href="/preview/part1">第一部分 理论知识题库（{content?.part1.length ?? 0} 题）</Link>
        </li>
        {content?.cases.map((c) => (
          <li key={c.id}>
            <Link href={`/preview/cases/${c.id}`}>第二部分 案例：{c.title}</Link>
          </li>
        ))}
        {content?.prompts.map((p) => (
          <li key={p.id}>
            <Link href={`/preview/prompts/${p.id}`}>第三部分 方案题：{p.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
