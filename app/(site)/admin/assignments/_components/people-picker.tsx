"use client";

import { useState } from "react";
import styles from "./assignments.module.css";

export type Person = { id: string; name: string; email: string; department?: string | null };

/** Named people of a 学习任务: search by name or email, add, remove; each chosen one is a hidden `userIds`. */
export function PeoplePicker({ initial }: { initial: Person[] }) {
  const [chosen, setChosen] = useState<Person[]>(initial);
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Person[] | null>(null);
  const [note, setNote] = useState("");

  async function search() {
    setNote("搜索中…");
    try {
      const res = await fetch(`/admin/assignments/people?q=${encodeURIComponent(q)}`, { headers: { Accept: "application/json" } });
      const body = (await res.json()) as { people?: Person[]; message?: string };
      if (!res.ok || !body.people) {
        setFound(null);
        setNote(body.message ?? "搜索失败，请稍后重试。");
        return;
      }
      setFound(body.people);
      setNote(body.people.length ? `找到 ${body.people.length} 人${body.people.length >= 20 ? "（只显示前 20 人，请输入更完整的姓名或邮箱）" : ""}` : "没有找到学员。");
    } catch {
      setNote("网络异常，搜索失败，请稍后重试。");
    }
  }

  const add = (person: Person) => setChosen((list) => (list.some((p) => p.id === person.id) ? list : [...list, person]));
  const remove = (id: string) => setChosen((list) => list.filter((p) => p.id !== id));

  return (
    <fieldset className={styles.fieldset}>
      <legend>指定学员（可选）</legend>
      {chosen.map((p) => <input key={p.id} type="hidden" name="userIds" value={p.id} />)}
      {chosen.length ? (
        <ul className={styles.people} aria-label="已选学员">
          {chosen.map((p) => (
            <li key={p.id}>
              <span>{p.name}<span className={styles.email}>{p.email}</span></span>
              <button type="button" className="button button--ghost button--small" onClick={() => remove(p.id)} aria-label={`移除 ${p.name}`}>移除</button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">尚未指定学员。</p>
      )}
      <div className="search-form">
        <input
          type="search"
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void search();
            }
          }}
          placeholder="搜索姓名或邮箱"
          aria-label="搜索学员姓名或邮箱"
        />
        <button type="button" className="button button--small" onClick={() => void search()} disabled={!q.trim()}>搜索</button>
      </div>
      <p role="status" className="muted">{note}</p>
      {found?.length ? (
        <ul className={styles.people} aria-label="搜索结果">
          {found.map((p) => (
            <li key={p.id}>
              <span>{p.name}<span className={styles.email}>{p.email}{p.department ? ` · ${p.department}` : ""}</span></span>
              <button type="button" className="button button--small" onClick={() => add(p)} disabled={chosen.some((c) => c.id === p.id)} aria-label={`添加 ${p.name}`}>
                {chosen.some((c) => c.id === p.id) ? "已添加" : "添加"}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
