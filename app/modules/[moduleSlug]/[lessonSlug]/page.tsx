import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonLayout } from "@/components/course/lesson-layout";
import { ProgressBar } from "@/components/course/progress-bar";
import { LessonBody } from "@/components/mdx/lesson-body";
import { compileLesson } from "@/lib/content/compile";
import { loadCourse, readLessonSource } from "@/lib/content/load";
import { findLesson, findModule, lessonHref, moduleHref, neighbours } from "@/lib/content/navigation";
import { loadLearnerCourse } from "@/lib/progress/learner";
import { LessonCompletion } from "./_components/lesson-completion";

type Props = { params: Promise<{ moduleSlug: string; lessonSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { moduleSlug, lessonSlug } = await params;
  return { title: findLesson(loadCourse(), `${moduleSlug}/${lessonSlug}`)?.title ?? "未找到课程" };
}

export default async function LessonPage({ params }: Props) {
  const { moduleSlug, lessonSlug } = await params;
  const key = `${moduleSlug}/${lessonSlug}`;
  const { course, completed, progress } = await loadLearnerCourse(`/modules/${key}`);
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
        <ProgressBar label="本模块进度" tally={progress.modules[mod.slug]} />
        <LessonBody code={code} />
        <LessonCompletion
          lessonKey={lesson.key}
          completed={completed.has(lesson.key)}
          nextHref={next ? lessonHref(next) : undefined}
        />
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
