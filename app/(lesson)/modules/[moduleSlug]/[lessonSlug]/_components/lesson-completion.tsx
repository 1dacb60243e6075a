"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useLearnerStore } from "@/components/course/learner-store";
import { postLessonCompletion } from "@/lib/progress/client";

type Props = { lessonKey: string; last: boolean };
type Status = "idle" | "saving" | "done" | "error";

/**
 * Marks the lesson complete when the learner reaches its end (or presses 完成本课).
 * "已完成" appears only after the server has stored it (or said it already had).
 * The way on is the pager's 下一课 just below, so this offers none of its own (one 下一课 per
 * lesson); after the last lesson it offers the progress page.
 */
export function LessonCompletion({ lessonKey, last }: Props) {
  const known = useLearnerStore((state) => state.lessons[lessonKey]);
  const readFailed = useLearnerStore((state) => lessonKey in state.failed);
  const markCompleted = useLearnerStore((state) => state.completed);
  const [saving, setSaving] = useState<Status>("idle");
  const [message, setMessage] = useState("");
  const [, startTransition] = useTransition();
  const router = useRouter();
  const endRef = useRef<HTMLDivElement>(null);
  const requested = useRef(false);
  const status: Status = known?.completed ? "done" : saving;
  // Until the learner's state is read, reaching the end must not count: it may be done already.
  const ready = known !== undefined || readFailed;

  function complete() {
    requested.current = true;
    setSaving("saving");
    startTransition(async () => {
      const result = await postLessonCompletion(lessonKey);
      if (result.ok) {
        markCompleted(lessonKey);
        setSaving("done");
        // Stored: drop the router's cached pages, whose progress is now out of date.
        router.refresh();
      } else {
        setSaving("error");
        setMessage(result.message);
      }
    });
  }

  useEffect(() => {
    const end = endRef.current;
    if (!end || !ready || requested.current || known?.completed) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !requested.current) {
        observer.disconnect();
        complete();
      }
    });
    observer.observe(end);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lessonKey, ready, known?.completed]);

  return (
    <div className="lesson-end" ref={endRef}>
      <p
        className={`lesson-end__status${status === "done" ? " lesson-end__status--done" : ""}${status === "error" ? " lesson-end__status--error" : ""}`}
        role="status"
      >
        {status === "done" && "✓ 已完成本课，进度已保存"}
        {status === "saving" && "正在保存进度…"}
        {status === "error" && message}
        {status === "idle" && (ready ? "读到这里就算学完了本课。" : "正在读取学习进度…")}
      </p>
      {status !== "done" ? (
        <button type="button" className="button" onClick={complete} disabled={status === "saving"}>
          {status === "error" ? "重试：完成本课" : "完成本课"}
        </button>
      ) : last ? (
        <Link className="button" href="/progress">
          查看学习进度
        </Link>
      ) : null}
    </div>
  );
}
