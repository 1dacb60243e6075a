import Link from "next/link";
import { CourseCover } from "@/components/course/art/course-cover";
import courseStyles from "@/components/course/course.module.css";
import { ModuleCard } from "@/components/course/module-card";
import { CERTIFICATE_TITLE, COURSE_NAME } from "@/lib/certificates/rules";
import { loadAssessment } from "@/lib/content/banks";
import { loadCourse } from "@/lib/content/load";
import { lessonSequence } from "@/lib/content/navigation";
import { AssessmentOverview } from "./assessment-overview";
import styles from "./public-course.module.css";

/**
 * The course as a signed-out visitor sees it at `/`: what it teaches, every module with its lesson
 * titles, how the 结业考核 works, and the way in. Content files only: nothing from the database.
 */
export function PublicCourse() {
  const course = loadCourse();
  const { config } = loadAssessment();
  const lessons = lessonSequence(course).length;
  const hours = Math.round(course.modules.reduce((sum, mod) => sum + mod.minutes, 0) / 30) / 2;
  return (
    <div className={styles.page}>
      <section className={`hero card ${courseStyles.hero}`} aria-labelledby="course-title">
        <CourseCover className={courseStyles.cover} />
        <div className="stack">
          <p className={styles.kicker}>面向京东商家与电商运营人员的线上课程</p>
          <h1 id="course-title">{COURSE_NAME}</h1>
          <p className={styles.lead}>
            {`从平台认知、开店与商品，到规则合规、搜索广告、活动营销、数据经营，再到供应链、财务风控与团队建设：用 ${course.modules.length} 个模块、${lessons} 节课讲清一家京东店铺怎么开、怎么做大。`}
          </p>
        </div>
        <ul className={styles.facts} aria-label="课程概况">
          <li><strong>{course.modules.length}</strong> 个模块</li>
          <li><strong>{lessons}</strong> 节课</li>
          <li>约 <strong>{hours}</strong> 小时</li>
          <li>结业证书</li>
        </ul>
        <div className={styles.actions}>
          <Link className="button" href="/sign-up">注册</Link>
          <Link className="button button--ghost" href="/sign-in">登录</Link>
        </div>
      </section>

      <section aria-labelledby="how-heading">
        <h2 id="how-heading">怎么学</h2>
        <ol className={styles.steps}>
          <li className="card">
            <h3>读课程</h3>
            <p>每节课图文并茂，配有图表和计算器；读到课末自动记下进度，换一台设备也能接着学。</p>
          </li>
          <li className="card">
            <h3>做测验</h3>
            <p>每个模块一套测验，提交后逐题看对错和解析，并链接回对应的课，可以反复练习。</p>
          </li>
          <li className="card">
            <h3>考核获证</h3>
            <p>学完全部模块后参加结业考核，达到证书分数线即可下载证书，任何人都能在线核验。</p>
          </li>
        </ol>
      </section>

      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading">课程内容：{course.modules.length} 个模块</h2>
        <ol className="module-list">
          {course.modules.map((mod) => (
            <li key={mod.slug}>
              <ModuleCard mod={mod}>
                <ol className={courseStyles.lessons} aria-label={`${mod.title}的课程`}>
                  {mod.lessons.map((lesson) => (
                    <li key={lesson.key}>{lesson.title}</li>
                  ))}
                </ol>
              </ModuleCard>
            </li>
          ))}
        </ol>
      </section>

      <AssessmentOverview config={config} certificateTitle={CERTIFICATE_TITLE} />

      <section className={`card ${styles.join}`} aria-labelledby="join-heading">
        <h2 id="join-heading">开始学习</h2>
        <p className="muted">注册即可学习全部课程，进度保存在你的账号里。</p>
        <div className={styles.actions}>
          <Link className="button" href="/sign-up">注册并开始学习</Link>
          <Link className="button button--ghost" href="/sign-in">已有账号，登录</Link>
        </div>
      </section>
    </div>
  );
}
