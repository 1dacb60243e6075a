import type { Metadata } from "next";
import Link from "next/link";
import { FinishLine } from "@/components/course/finish-line";
import { ProgressBar } from "@/components/course/progress-bar";
import { lessonHref, moduleHref } from "@/lib/content/navigation";
import { loadLearnerCourse } from "@/lib/progress/learner";

export const metadata: Metadata = { title: "我的学习进度" };

export default async function ProgressPage() {
  const { course, completed, progress } = await loadLearnerCourse("/progress");
  return (
    <>
      <section className="card stack">
        <h1>我的学习进度</h1>
        <ProgressBar label="课程总进度" tally={progress.overall} />
        {progress.nextLesson ? (
          <p>
            <Link className="button" href="/continue">
              继续学习
            </Link>{" "}
            <span className="muted">下一课：{progress.nextLesson.title}</span>
          </p>
        ) : (
          <FinishLine intro={`🎉 你已学完全部 ${progress.overall.total} 节课。回顾课程总结与能力跃迁路线图，然后参加结业考核：`} />
        )}
      </section>
      <h2>各模块进度</h2>
      <div className="stack">
        {course.modules.map((mod) => (
          <section key={mod.slug} className="card stack" aria-labelledby={`m-${mod.slug}`}>
            <h3 id={`m-${mod.slug}`} style={{ margin: 0 }}>
              <Link href={moduleHref(mod)}>
                模块 {mod.order} · {mod.title}
              </Link>
            </h3>
            <ProgressBar label="本模块进度" tally={progress.modules[mod.slug]} />
            <details>
              <summary>查看各课状态</summary>
              <ul>
                {mod.lessons.map((lesson) => (
                  <li key={lesson.key}>
                    <Link href={lessonHref(lesson)}>{lesson.title}</Link>
                    {completed.has(lesson.key) ? " · ✓ 已完成" : " · 未完成"}
                  </li>
                ))}
              </ul>
            </details>
          </section>
        ))}
      </div>
    </>
  );
}
