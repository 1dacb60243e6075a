import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonLayout } from "@/components/course/lesson-layout";
import { LessonBody } from "@/components/mdx/lesson-body";
import { compileLesson } from "@/lib/content/compile";
import { loadCourse, readLessonSource } from "@/lib/content/load";
import { findLesson, findModule, lessonHref, lessonSequence, moduleHref, neighbours } from "@/lib/content/navigation";
import { LessonCompletion } from "./_components/lesson-completion";
import { ModuleProgress } from "./_components/module-progress";

type Props = { params: Promise<{ moduleSlug: string; lessonSlug: string }> };

// Prerendered at build, the same HTML for every learner (decision 011): the proxy sends a visitor
// without a session to sign in, and the learner's own state is read by the page after it loads.
export const dynamicParams = false;

export function generateStaticParams() {
  return lessonSequence(loadCourse()).map((lesson) => {
    const [moduleSlug, lessonSlug] = lesson.key.split("/");
    return { moduleSlug, lessonSlug };
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { moduleSlug, lessonSlug } = await params;
  return { title: findLesson(loadCourse(), `${moduleSlug}/${lessonSlug}`)?.title ?? "未找到课程" };
}

export default async function LessonPage({ params }: Props) {
  const { moduleSlug, lessonSlug } = await params;
  const key = `${moduleSlug}/${lessonSlug}`;
  const course = loadCourse();
  const lesson = findLesson(course, key);
  const mod = findModule(course, moduleSlug);
  if (!lesson || !mod) notFound();
  const { code, headings } = await compileLesson(readLessonSource(lesson), lesson.file);
  const { previous, next } = neighbours(course, key);

  return (
    <>
      <nav className="breadcrumb" aria-label="位置">
        <Link href="/">课程首页</Link> / <Link href={moduleHref(mod)}>{mod.title}</Link>
      </nav>
      <LessonLayout headings={headings}>
        <h1>{lesson.title}</h1>
        <p className="muted">
          第 {lesson.order} 课 · 约 {lesson.minutes} 分钟
        </p>
        <ModuleProgress lessonKey={lesson.key} />
        <LessonBody code={code} />
        <LessonCompletion lessonKey={lesson.key} last={!next} />
      </LessonLayout>
      <nav className="pager" aria-label="上一课与下一课">
        {previous ? (
          <Link className="card" href={lessonHref(previous)} rel="prev">
            <span>上一课</span>
            {previous.title}
          </Link>
        ) : null}
        {next ? (
          <Link className="card pager__next" href={lessonHref(next)} rel="next">
            <span>下一课</span>
            {next.title}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
