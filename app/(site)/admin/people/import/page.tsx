import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guards";
import { MAX_FILE_LABEL, MAX_ROWS, ROLE_CHOICES, SET_PASSWORD_DAYS } from "@/lib/staff-import/columns";
import { ImportForm } from "./_components/import-form";
import styles from "./_components/import.module.css";

export const metadata: Metadata = { title: "导入人员" };

export default async function StaffImportPage() {
  await requireAdmin("/admin/people/import");
  return (
    <>
      <p className="breadcrumb"><Link href="/admin">学员总览</Link> / 导入人员</p>
      <section className={`card stack ${styles.intro}`}>
        <h1>导入人员</h1>
        <p className="muted">
          上传 Excel（.xlsx）或 CSV 文件，每行一人，列为：姓名、邮箱、部门（如“京东商城/华北大区/北京一组”，不存在的部门会自动创建）、角色（{ROLE_CHOICES}，留空即为学员）、工号（可留空）。
          最多 {MAX_ROWS.toLocaleString("en-US")} 行、{MAX_FILE_LABEL}。
        </p>
        <p className="muted">
          先预览：每个问题都标明行号和列名，有问题时不会导入任何人。确认后全部导入；同一文件再导入一次不会改变任何数据。已有账号按邮箱匹配，只更新有变化的姓名、部门、角色和工号。
          新账号会收到一次性的设置密码链接（{SET_PASSWORD_DAYS} 天内有效），导入后也会在此页显示。
        </p>
        <p>
          下载模板：<a href="/admin/people/import/template.xlsx" download>Excel 模板（.xlsx）</a> · <a href="/admin/people/import/template.csv" download>CSV 模板</a>
        </p>
      </section>
      <ImportForm />
    </>
  );
}
