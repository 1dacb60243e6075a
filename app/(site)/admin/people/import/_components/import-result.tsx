"use client";

import { useState } from "react";
import { TableScroll } from "@/components/table-scroll";
import type { ImportState } from "@/lib/staff-import/schema";
import styles from "./import.module.css";

function downloadLinks(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = "新账号设置密码链接.csv";
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportResult({ result }: { result: ImportState }) {
  const [copied, setCopied] = useState<string | null>(null);
  if (!result.ok) {
    return (
      <section className="card stack" role="alert">
        <p className="form__error">{result.message}</p>
        {result.problems?.length ? <ul className={styles.problems}>{result.problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
      </section>
    );
  }
  const expires = new Date(result.expiresAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });
  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(url);
    } catch {
      setCopied(null);
    }
  }
  return (
    <section className="card stack" aria-labelledby="result-heading">
      <h2 id="result-heading">3. 导入完成</h2>
      <p className={styles.ok} role="status">
        已导入：新建 {result.created} 个账号，更新 {result.updated} 个，{result.unchanged} 个不变，新建部门 {result.departments} 个。
      </p>
      {result.links.length ? (
        <>
          <p className="muted">
            每个新账号的设置密码链接如下（只能使用一次，{expires} 前有效；已为每人排队发送邮件，未配置邮件服务时写入服务器日志）。
            离开此页后不再显示，请现在复制或下载。
          </p>
          <div className={styles.actions}>
            <button className="button button--ghost button--small" type="button" onClick={() => downloadLinks(result.linksCsv)}>下载链接（CSV）</button>
          </div>
          <TableScroll label="新账号的设置密码链接">
            <table className={`progress-table ${styles.table}`}>
              <thead><tr><th scope="col">姓名</th><th scope="col">邮箱</th><th scope="col">设置密码链接</th><th scope="col"><span className="visually-hidden">复制</span></th></tr></thead>
              <tbody>
                {result.links.map((link) => (
                  <tr key={link.email}>
                    <th scope="row">{link.name}</th>
                    <td>{link.email}</td>
                    <td className={styles.link}><a href={link.url}>{link.url}</a></td>
                    <td>
                      <button className="button button--ghost button--small" type="button" onClick={() => copy(link.url)} aria-label={`复制${link.name}的链接`}>
                        {copied === link.url ? "已复制" : "复制"}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </section>
  );
}
