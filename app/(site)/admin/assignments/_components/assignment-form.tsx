"use client";

import { useActionState, useState } from "react";
import { createAssignmentAction, updateAssignmentAction } from "@/lib/assignments/actions";
import { ASSIGNMENT_SCOPE_LABELS, ASSIGNMENT_SCOPES, type AssignmentScope } from "@/lib/assignments/status";
import { PeoplePicker, type Person } from "./people-picker";
import styles from "./assignments.module.css";

export type AssignmentFormValues = {
  id?: string;
  title: string;
  scope: AssignmentScope;
  moduleSlugs: string[];
  startDate: string;
  dueDate: string;
  departmentIds: string[];
  people: Person[];
};

type Option = { value: string; label: string; depth?: number };

/** Create and edit form of a 学习任务 (one schema, lib/assignments/schema.ts, checks both). */
export function AssignmentForm({ values, modules, departments }: { values: AssignmentFormValues; modules: Option[]; departments: Option[] }) {
  const [state, action, pending] = useActionState(values.id ? updateAssignmentAction : createAssignmentAction, null);
  const [scope, setScope] = useState<AssignmentScope>(values.scope);
  return (
    <form action={action} className={`form card ${styles.form}`}>
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="field">
        <label htmlFor="assignment-title">任务名称</label>
        <input id="assignment-title" name="title" required maxLength={80} defaultValue={values.title} placeholder="例如：新员工入职培训" />
      </div>

      <fieldset className={styles.fieldset}>
        <legend>学习内容</legend>
        <div className={styles.choices}>
          {ASSIGNMENT_SCOPES.map((s) => (
            <label key={s} className={styles.choice}>
              <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
              {ASSIGNMENT_SCOPE_LABELS[s]}
            </label>
          ))}
        </div>
        <div hidden={scope !== "modules"} className={styles.choices}>
          {modules.map((m) => (
            <label key={m.value} className={styles.choice}>
              <input type="checkbox" name="moduleSlugs" value={m.value} defaultChecked={values.moduleSlugs.includes(m.value)} />
              {m.label}
            </label>
          ))}
        </div>
      </fieldset>

      <div className={styles.dates}>
        <div className="field">
          <label htmlFor="assignment-start">开始日期（北京时间）</label>
          <input id="assignment-start" name="startDate" type="date" required defaultValue={values.startDate} />
        </div>
        <div className="field">
          <label htmlFor="assignment-due">截止日期（北京时间，当天 24 点前）</label>
          <input id="assignment-due" name="dueDate" type="date" required defaultValue={values.dueDate} />
        </div>
      </div>

      <fieldset className={styles.fieldset}>
        <legend>指派部门（含下级部门，以及以后加入这些部门的人）</legend>
        {departments.length ? (
          <div className={styles.departments} role="group" aria-label="部门">
            {departments.map((d) => (
              <label key={d.value} className={styles.choice} style={{ paddingInlineStart: `${(d.depth ?? 0) * 1.2}em` }}>
                <input type="checkbox" name="departmentIds" value={d.value} defaultChecked={values.departmentIds.includes(d.value)} />
                {d.label}
              </label>
            ))}
          </div>
        ) : (
          <p className="muted">还没有部门。可以只指定学员。</p>
        )}
      </fieldset>

      <PeoplePicker initial={values.people} />

      {state && !state.ok ? <p className="form__error" role="alert">{state.message}</p> : null}
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "保存中…" : values.id ? "保存修改" : "创建学习任务"}
        </button>
      </div>
    </form>
  );
}
