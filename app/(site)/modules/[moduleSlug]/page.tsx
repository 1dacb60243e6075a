import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ModuleArt } from "@/components/course/art/module-art";
import courseStyles from "@/components/course/course.module.css";
import { moduleLabel } from "@/components/course/module-card";
import { ProgressBar } from "@/components/course/progress-bar";
import { loadCourse } from "@/lib/content/load";
import { findModule, lessonHref } from "@/lib/content/navigation";
import { loadLearnerCourse } from "@/lib/progress/learner";
import { formatPercent } from "@/lib/assessment/scoring";
import { getQuizSummaries } from "@/lib/quiz/queries";
import styles from "./module-page.module.css";

type Props = { params: Promise<{ moduleSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const mod = findModule(loadCourse(), (await params).moduleSlug);
  return { title: mod?.title ?? "未找到模块" };
}

export default async function ModulePage({ params }: Props) {
  const { moduleSlug } = await params;
  const { user, course, completed, progress } = await loadLearnerCourse(`/modules/${moduleSlug}`);
  const mod = findModule(course, moduleSlug);
  if (!mod) notFound();
  const quiz = (await getQuizSummaries(user.id)).get(mod.slug);
  return (
    <>
      <nav className="breadcrumb" aria-label="位置">
        <Link href="/">课程首页</Link> / {moduleLabel(mod.order)}
      </nav>
      <section className={`card ${courseStyles.moduleHead}`}>
        <ModuleArt slug={mod.slug} className={courseStyles.moduleArt} />
        <h1>{mod.title}</h1>
        <p className="muted">{mod.summary}</p>
        <ProgressBar label="本模块进度" tally={progress.modules[mod.slug]} />
        <div>
          <h2>学完本模块，你将能够</h2>
          <ul>
            {mod.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </div>
      </section>
      <h2 className={styles.listHeading}>本模块课程（{mod.lessons.length} 节，约 {mod.minutes} 分钟）</h2>
      <ol className="lesson-list">
        {mod.lessons.map((lesson) => {
          const done = completed.has(lesson.key);
          return (
            <li key={lesson.key}>
              <Link href={lessonHref(lesson)} className="card lesson-row">
                <span className={`lesson-row__status${done ? " lesson-row__status--done" : ""}`} aria-hidden="true">
                  {done ? "✓" : lesson.order}
                </span>
                <span className="lesson-row__title">{lesson.title}</span>
                <span className="lesson-row__minutes">
                  {lesson.minutes} 分钟
                  <span className="visually-hidden">{done ? "，已完成" : "，未完成"}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
      <section className={`card stack quiz-summary ${styles.quiz}`} aria-labelledby="quiz-heading">
        <h2 id="quiz-heading">模块测验</h2>
        {quiz ? (
          <p>
            最近一次 <strong>{formatPercent(quiz.latest)}</strong> 分 · 最好成绩 <strong>{formatPercent(quiz.best)}</strong> 分 · 共测验 {quiz.attempts} 次 ·{" "}
            <Link href={`/modules/${mod.slug}/quiz/${quiz.latestId}`}>查看解析</Link>
          </p>
        ) : (
          <p className="muted">学完本模块后做一次测验，检验掌握程度。</p>
        )}
        <p>
          <Link className="button" href={`/modules/${mod.slug}/quiz`}>
            {quiz ? "再测一次" : "开始测验"}
          </Link>
        </p>
      </section>
    </>
  );
}
