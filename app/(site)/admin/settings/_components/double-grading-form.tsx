"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { saveDoubleGradingAction } from "@/lib/grading/actions";
import type { DoubleGradingSettings } from "@/lib/grading/double";
import styles from "./settings.module.css";
import { ActionStatus } from "@/components/action-status";

/** 双评: the share drawn at random when grading begins, and the agreement tolerance (decision 043). */
export function DoubleGradingForm({ settings }: { settings: DoubleGradingSettings }) {
  const [state, action, pending] = useActionState(saveDoubleGradingAction, null);
  // Controlled, so a refused value stays in the field for the admin to correct (React resets forms after an action).
  const [share, setShare] = useState(String(settings.share));
  const [tolerance, setTolerance] = useState(String(settings.tolerance));
  return (
    <form action={action} className={styles.form}>
      <label className="field">
        <span>双评比例（%）：开始批阅时随机抽取的答卷比例，0 表示不抽取</span>
        <input name="share" type="number" inputMode="numeric" min={0} max={100} step={1} required value={share} onChange={(e) => setShare(e.target.value)} />
      </label>
      <label className="field">
        <span>容差（占各评分项满分的 %）：两位批阅人分差不超过它时取平均分，否则转交仲裁</span>
        <input name="tolerance" type="number" inputMode="numeric" min={1} max={100} step={1} required value={tolerance} onChange={(e) => setTolerance(e.target.value)} />
      </label>
      <div className={styles.actions}>
        <button className="button" type="submit" disabled={pending}>{pending ? "保存中…" : "保存双评设置"}</button>
        <ActionStatus state={state} />
      </div>
      <p className="muted">
        讲师也可以在批阅页把任何一份尚未开始批阅的答卷“设为双评”。评分一致性见 <Link href="/analytics/grading">评分一致性分析</Link>。
      </p>
    </form>
  );
}
