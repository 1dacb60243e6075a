import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonLayout } from "@/components/course/lesson-layout";
import { LessonBody } from "@/components/mdx/lesson-body";
import { requireUser } from "@/lib/auth/guards";
import { compileLesson } from "@/lib/content/compile";
import { loadCourse, readLessonSource } from "@/lib/content/load";
import { findWrapUpPage, wrapUpHref } from "@/lib/content/navigation";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: findWrapUpPage(loadCourse(), (await params).slug)?.title ?? "未找到页面" };
}

/** Closing pages of the course: 课程总结与 QA, 结业考核与能力提升路径. */
export default async function WrapUpPage({ params }: Props) {
  const { slug } = await params;
  await requireUser(`/wrap-up/${slug}`);
  const course = loadCourse();
  const page = findWrapUpPage(course, slug);
  if (!page) notFound();
  const { code, headings } = await compileLesson(readLessonSource(page), page.file);
  const others = course.wrapUp.filter((other) => other.slug !== slug);
  return (
    <>
      <nav className="breadcrumb" aria-label="位置">
        <Link href="/">课程首页</Link> / 课程结业
      </nav>
      <LessonLayout headings={headings}>
        <h1>{page.title}</h1>
        <p className="muted">约 {page.minutes} 分钟</p>
        <LessonBody code={code} />
      </LessonLayout>
      <nav className="pager" aria-label="其他结业内容">
        {others.map((other) => (
          <Link key={other.slug} className="card" href={wrapUpHref(other)}>
            <span>课程结业</span>
            {other.title}
          </Link>
        ))}
      </nav>
    </>
  );
}
