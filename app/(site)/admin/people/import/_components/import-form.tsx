"use client";

import { useState, useTransition } from "react";
import { TableScroll } from "@/components/table-scroll";
import { confirmStaffImportAction, previewStaffImportAction } from "@/lib/staff-import/actions";
import { MAX_FILE_BYTES, MAX_FILE_LABEL } from "@/lib/staff-import/columns";
import type { ImportState, PreviewState } from "@/lib/staff-import/schema";
import { ImportResult } from "./import-result";
import styles from "./import.module.css";

const SHOWN_ROWS = 200;

// The file stays in this component between preview and confirm (a form action would reset the
// file input), and is sent again with the preview's hash: the server keeps nothing in between.
export function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [result, setResult] = useState<ImportState | null>(null);
  const [pending, startTransition] = useTransition();

  function choose(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    setResult(null);
    if (chosen && chosen.size > MAX_FILE_BYTES) setPreview({ ok: false, message: `文件不能超过 ${MAX_FILE_LABEL}（约 5,000 行），请拆成几份分别导入。` });
  }

  function send(withHash?: string) {
    if (!file || file.size > MAX_FILE_BYTES) return;
    const form = new FormData();
    form.set("file", file);
    if (withHash) form.set("hash", withHash);
    startTransition(async () => {
      try {
        if (withHash) setResult(await confirmStaffImportAction(form));
        else {
          setResult(null);
          setPreview(await previewStaffImportAction(form));
        }
      } catch {
        const message = "网络异常或页面已过期，请刷新页面后重试。";
        if (withHash) setResult({ ok: false, message });
        else setPreview({ ok: false, message });
      }
    });
  }

  const shown = preview?.ok ? preview.preview : null;
  const canImport = shown && !shown.problems.length && shown.counts.created + shown.counts.updated > 0 && !result?.ok;

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="upload-heading">
        <h2 id="upload-heading">1. 选择文件并预览</h2>
        <form className={styles.upload} onSubmit={(event) => { event.preventDefault(); send(); }}>
          <label htmlFor="staff-file">人员文件（.xlsx 或 .csv）</label>
          <input id="staff-file" name="file" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)} />
          <button className="button" type="submit" disabled={!file || pending}>{pending && !preview ? "正在检查…" : "预览"}</button>
        </form>
        {preview && !preview.ok ? <p className="form__error" role="alert">{preview.message}</p> : null}
      </section>

      {shown ? (
        <section className="card stack" aria-labelledby="preview-heading">
          <h2 id="preview-heading">2. 预览</h2>
          <ul className={styles.figures}>
            <li>新建账号 <strong>{shown.counts.created}</strong></li>
            <li>更新 <strong>{shown.counts.updated}</strong></li>
            <li>不变 <strong>{shown.counts.unchanged}</strong></li>
            <li>新建部门 <strong>{shown.counts.departments}</strong></li>
          </ul>
          {shown.newDepartments.length ? <p className="muted">将新建的部门：{shown.newDepartments.join("；")}</p> : null}
          {shown.problems.length ? (
            <div role="alert" className="stack">
              <p className="form__error">发现 {shown.problems.length} 个问题，不能导入。请修改文件后重新选择并预览：</p>
              <ul className={styles.problems} aria-label="文件中的问题">
                {shown.problems.map((problem) => <li key={problem}>{problem}</li>)}
              </ul>
            </div>
          ) : null}
          {shown.rows.length ? (
            <TableScroll label="导入预览">
              <table className={`progress-table ${styles.table}`}>
                <thead>
                  <tr><th scope="col">行</th><th scope="col">姓名</th><th scope="col">邮箱</th><th scope="col">部门</th><th scope="col">操作</th></tr>
                </thead>
                <tbody>
                  {shown.rows.slice(0, SHOWN_ROWS).map((row) => (
                    <tr key={row.row}>
                      <td>{row.row}</td>
                      <th scope="row">{row.name}</th>
                      <td>{row.email}</td>
                      <td>{row.department}</td>
                      <td>{row.action}{row.changes ? `（${row.changes}）` : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          {shown.rows.length > SHOWN_ROWS ? <p className="muted">仅显示前 {SHOWN_ROWS} 行，共 {shown.rows.length} 行可导入。</p> : null}
          {!shown.problems.length && !canImport && !result?.ok ? <p className="muted">文件中的人员都已是最新，无需导入。</p> : null}
          {canImport ? (
            <div className={styles.actions}>
              <button className="button" type="button" disabled={pending} onClick={() => send(shown.hash)}>
                {pending ? "正在导入…" : `确认导入（新建 ${shown.counts.created}，更新 ${shown.counts.updated}）`}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      {result ? <ImportResult result={result} /> : null}
    </div>
  );
}
