"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { postLessonCompletion } from "@/lib/progress/client";

type Props = { lessonKey: string; completed: boolean; nextHref?: string };
type Status = "idle" | "saving" | "done" | "error";

/**
 * Marks the lesson complete when the learner reaches its end (or presses 完成本课).
 * "已完成" appears only after the server has stored it.
 */
export function LessonCompletion({ lessonKey, completed, nextHref }: Props) {
  const [status, setStatus] = useState<Status>(completed ? "done" : "idle");
  const [message, setMessage] = useState("");
  const [, startTransition] = useTransition();
  const router = useRouter();
  const endRef = useRef<HTMLDivElement>(null);
  const requested = useRef(completed);

  function complete() {
    requested.current = true;
    setStatus("saving");
    startTransition(async () => {
      const result = await postLessonCompletion(lessonKey);
      if (result.ok) {
        setStatus("done");
        // Stored: now bring the progress bars (and the router's cached pages) up to date.
        router.refresh();
      } else {
        setStatus("error");
        setMessage(result.message);
      }
    });
  }

  useEffect(() => {
    const end = endRef.current;
    if (!end || requested.current) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !requested.current) {
        observer.disconnect();
        complete();
      }
    });
    observer.observe(end);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lessonKey]);

  return (
    <div className="lesson-end" ref={endRef}>
      <p
        className={`lesson-end__status${status === "done" ? " lesson-end__status--done" : ""}${status === "error" ? " lesson-end__status--error" : ""}`}
        role="status"
      >
        {status === "done" && "✓ 已完成本课，进度已保存"}
        {status === "saving" && "正在保存进度…"}
        {status === "error" && message}
        {status === "idle" && "读到这里就算学完了本课。"}
      </p>
      {status !== "done" ? (
        <button type="button" className="button" onClick={complete} disabled={status === "saving"}>
          {status === "error" ? "重试：完成本课" : "完成本课"}
        </button>
      ) : nextHref ? (
        <Link className="button" href={nextHref}>
          下一课
        </Link>
      ) : (
        <Link className="button" href="/progress">
          查看学习进度
        </Link>
      )}
    </div>
  );
}
