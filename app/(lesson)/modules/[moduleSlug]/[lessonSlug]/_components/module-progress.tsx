"use client";

import { useEffect } from "react";
import { loadLessonState, useLearnerStore } from "@/components/course/learner-store";
import { ProgressBar } from "@/components/course/progress-bar";

/** 本模块进度 of the signed-in learner; this also reads the lesson's state for the whole page. */
export function ModuleProgress({ lessonKey }: { lessonKey: string }) {
  const lesson = useLearnerStore((state) => state.lessons[lessonKey]);
  const failed = useLearnerStore((state) => state.failed[lessonKey]);
  useEffect(() => {
    void loadLessonState(lessonKey);
  }, [lessonKey]);

  if (lesson) return <ProgressBar label="本模块进度" tally={lesson.module} />;
  return (
    <div className="progress progress--pending">
      <div className="progress__meta">
        <span>本模块进度</span>
        <span>{failed ?? "正在读取…"}</span>
      </div>
      <div className="progress__track" />
    </div>
  );
}
