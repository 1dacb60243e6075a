import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guards";
import { departmentTree, departmentWebhooks, peopleCounts } from "@/lib/departments/queries";
import { WEBHOOK_KIND_LABELS, WEBHOOK_KINDS } from "@/lib/departments/rules";
import { displayPath, flatten, inSubtree, type DepartmentNode } from "@/lib/departments/tree";
import { DepartmentForm } from "./_components/department-form";
import styles from "./_components/departments.module.css";

export const metadata: Metadata = { title: "部门" };

/** The parents a department may move under: not itself, nothing below it, nothing archived. */
function ParentOptions({ nodes, exclude }: { nodes: readonly DepartmentNode[]; exclude?: DepartmentNode }) {
  return (
    <>
      <option value="">（顶级部门）</option>
      {nodes
        .filter((n) => !n.archivedAt && !(exclude && inSubtree(n.path, exclude.path)))
        .map((n) => <option key={n.id} value={n.id}>{displayPath(n.names)}</option>)}
    </>
  );
}

export default async function DepartmentsPage() {
  await requireAdmin("/admin/departments");
  const forest = await departmentTree();
  const [counts, webhooks] = await Promise.all([peopleCounts(forest), departmentWebhooks()]);
  const nodes = flatten(forest);
  return (
    <>
      <p className="breadcrumb"><Link href="/admin">学员总览</Link> / 部门</p>
      <section className="card stack">
        <h1>部门</h1>
        <p className="muted">
          公司 → 部门 → 小组，层级不限。每位用户最多属于一个部门。移动部门时，下级部门和成员一起移动；归档的部门不再出现在选择列表里，但成员和学习记录都保留，可随时恢复。
        </p>
        <DepartmentForm intent="create" submitLabel="新建部门">
          <label htmlFor="new-name">名称</label>
          <input id="new-name" name="name" required maxLength={40} placeholder="如：华北大区" />
          <label htmlFor="new-parent">上级</label>
          <select id="new-parent" name="parentId" defaultValue="">
            <ParentOptions nodes={nodes} />
          </select>
        </DepartmentForm>
      </section>
      <h2>全部部门：{nodes.filter((n) => !n.archivedAt).length} 个{nodes.some((n) => n.archivedAt) ? `（另有 ${nodes.filter((n) => n.archivedAt).length} 个已归档）` : ""}</h2>
      {nodes.length ? (
        <ul className={styles.tree} aria-label="部门树">
          {nodes.map((node) => {
            const webhook = webhooks.get(node.id);
            const label = displayPath(node.names);
            return (
              <li key={node.id} className={`card ${styles.node}`} style={{ "--depth": node.depth } as React.CSSProperties}>
                <div className={styles.row}>
                  <h3 className={`${styles.name}${node.archivedAt ? ` ${styles.archived}` : ""}`}>{node.name}</h3>
                  <span className="muted">{counts.get(node.id) ?? 0} 人</span>
                  {node.archivedAt ? <span className={styles.badge}>已归档</span> : null}
                  {webhook?.kind ? <span className={styles.badge}>群机器人：{WEBHOOK_KIND_LABELS[webhook.kind]}</span> : null}
                </div>
                {node.depth > 0 ? <p className="muted" style={{ margin: 0, fontSize: 13 }}>{label}</p> : null}
                <details className={styles.manage}>
                  <summary>管理「{node.name}」</summary>
                  <div className={styles.panel}>
                    {node.archivedAt ? (
                      <DepartmentForm intent="restore" id={node.id} submitLabel="恢复" />
                    ) : (
                      <>
                        <DepartmentForm intent="rename" id={node.id} submitLabel="改名">
                          <label htmlFor={`rename-${node.id}`}>新名称</label>
                          <input id={`rename-${node.id}`} name="name" required maxLength={40} defaultValue={node.name} />
                        </DepartmentForm>
                        <DepartmentForm intent="create" submitLabel="新建下级">
                          <input type="hidden" name="parentId" value={node.id} />
                          <label htmlFor={`child-${node.id}`}>下级名称</label>
                          <input id={`child-${node.id}`} name="name" required maxLength={40} />
                        </DepartmentForm>
                        <DepartmentForm intent="move" id={node.id} submitLabel="移动">
                          <label htmlFor={`move-${node.id}`}>移到</label>
                          <select id={`move-${node.id}`} name="parentId" defaultValue={node.parentId ?? ""}>
                            <ParentOptions nodes={nodes} exclude={node} />
                          </select>
                        </DepartmentForm>
                        <DepartmentForm intent="webhook" id={node.id} submitLabel="保存机器人">
                          <label htmlFor={`kind-${node.id}`}>群机器人</label>
                          <select id={`kind-${node.id}`} name="webhookKind" defaultValue={webhook?.kind ?? "wecom"}>
                            {WEBHOOK_KINDS.map((kind) => <option key={kind} value={kind}>{WEBHOOK_KIND_LABELS[kind]}</option>)}
                          </select>
                          <input type="url" name="webhookUrl" defaultValue={webhook?.url ?? ""} placeholder="Webhook 地址（留空则清除）" aria-label={`${node.name}的群机器人地址`} />
                        </DepartmentForm>
                        <DepartmentForm intent="archive" id={node.id} submitLabel="归档（含下级）" danger />
                      </>
                    )}
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">还没有部门。可以在上面新建，或在「导入人员」时按表格里的部门路径自动创建。</p>
      )}
    </>
  );
}
