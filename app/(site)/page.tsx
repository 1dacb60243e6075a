import Link from "next/link";
import { CourseCover } from "@/components/course/art/course-cover";
import courseStyles from "@/components/course/course.module.css";
import { ModuleCard } from "@/components/course/module-card";
import { NextStep } from "@/components/course/next-step";
import { ProgressBar } from "@/components/course/progress-bar";
import { userOrNull } from "@/lib/auth/guards";
import { CERTIFICATE_TITLE } from "@/lib/certificates/rules";
import { loadAssessment } from "@/lib/content/banks";
import { moduleHref, wrapUpHref } from "@/lib/content/navigation";
import { loadLearnerCourse } from "@/lib/progress/learner";
import { ReminderNotice } from "@/components/reminders/reminder-notice";
import { ReviewToday } from "@/components/review/review-today";
import { LearnerAssignments } from "./_components/learner-assignments";
import { PublicCourse } from "./_components/public-course";

// A signed-out visitor gets the public course page; a signed-in learner their dashboard.
export default async function CourseHome() {
  if (!(await userOrNull())) return <PublicCourse />;
  const { user, course, completed, progress } = await loadLearnerCourse("/");
  const { config } = loadAssessment();
  return (
    <>
      <ReminderNotice userId={user.id} />
      <section className={`hero card ${courseStyles.hero}`}>
        <CourseCover className={`${courseStyles.cover} ${courseStyles.coverDesk}`} />
        <div>
          <h1>京东运营线上培训</h1>
          <p className="muted">
            {user.name}，欢迎！本课程共 {course.modules.length} 个模块、{progress.overall.total} 节课，从开店准备讲到团队与品牌增长，学完后参加结业考核。
          </p>
        </div>
        <ProgressBar label="课程总进度" tally={progress.overall} />
        <NextStep user={user} progress={progress} />
      </section>

      <ReviewToday userId={user.id} />
      <LearnerAssignments userId={user.id} course={course} completed={completed} />

      <h2>课程模块</h2>
      <ol className="module-list">
        {course.modules.map((mod) => (
          <li key={mod.slug}>
            <ModuleCard mod={mod} href={moduleHref(mod)} footer={<ProgressBar label="本模块进度" tally={progress.modules[mod.slug]} />} />
          </li>
        ))}
      </ol>

      {course.wrapUp.length ? (
        <section aria-labelledby="wrap-up-heading">
          <h2 id="wrap-up-heading">课程结业</h2>
          <ul className="module-list">
            <li>
              <Link href="/assessment" className="card module-card">
                <span className="module-card__eyebrow">
                  理论 {config.weights.part1}% · 案例 {config.weights.part2}% · 方案 {config.weights.part3}%
                </span>
                <h3>结业考核</h3>
                <p>
                  学完 {course.modules.length} 个模块后参加；{config.passScore} 分通过，{config.certificateScore} 分以上获{CERTIFICATE_TITLE}。
                </p>
              </Link>
            </li>
            {course.wrapUp.map((page) => (
              <li key={page.slug}>
                <Link href={wrapUpHref(page)} className="card module-card">
                  <span className="module-card__eyebrow">约 {page.minutes} 分钟</span>
                  <h3>{page.title}</h3>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
