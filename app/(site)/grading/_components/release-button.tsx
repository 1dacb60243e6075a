"use client";

import { useState, useTransition } from "react";
import { releaseAction } from "@/lib/grading/actions";

export function ReleaseButton({ target, label }: { target: { attemptId: string } | { all: true }; label: string }) {
  const [message, setMessage] = useState("");
  const [pending, start] = useTransition();
  return (
    <span className="release">
      <button
        type="button"
        className="button button--small"
        disabled={pending}
        onClick={() => start(async () => setMessage((await releaseAction(target)).message))}
      >
        {pending ? "正在发布…" : label}
      </button>
      <span role="status" className="muted">
        {message}
      </span>
    </span>
  );
}
