"use client";

import { useEffect, useRef, useState } from "react";
import { useNow } from "@/components/assessment/clock";

const WARNINGS = [30, 5, 1]; // minutes left that are announced, once each

function format(ms: number) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h > 0 ? `${h}:` : ""}${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/**
 * The visible clock is not a live region (no per-second announcements); a separate polite
 * region speaks only at 30, 5 and 1 minutes left. The server enforces the deadline regardless.
 */
export function Countdown({ deadline, renderedAt, onExpire }: { deadline: string; renderedAt: number; onExpire: () => void }) {
  const end = new Date(deadline).getTime();
  const now = useNow(renderedAt);
  const [hidden, setHidden] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const announced = useRef(new Set<number>());
  const expired = useRef(false);

  const left = end - now;
  useEffect(() => {
    for (const minutes of WARNINGS) {
      if (left <= minutes * 60_000 && left > 0 && !announced.current.has(minutes)) {
        WARNINGS.filter((m) => m >= minutes).forEach((m) => announced.current.add(m));
        setAnnouncement(`剩余时间不足 ${minutes} 分钟，请抓紧作答。`);
      }
    }
    if (left <= 0 && !expired.current) {
      expired.current = true;
      setAnnouncement("考试时间到，正在提交答卷。");
      onExpire();
    }
  }, [left, onExpire]);

  const urgent = left <= 5 * 60_000;
  return (
    <div className={`countdown${urgent ? " countdown--urgent" : ""}`}>
      {hidden ? null : (
        <span className="countdown__clock" aria-hidden="true">
          剩余 {format(left)}
        </span>
      )}
      <button type="button" className="button button--ghost button--small" onClick={() => setHidden((h) => !h)} aria-pressed={hidden}>
        {hidden ? "显示计时" : "隐藏计时"}
      </button>
      <p className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </p>
    </div>
  );
}
