"use client";

import { ConfirmDialog, dialogStyles } from "@/components/assessment/confirm-dialog";
import { itemAnchor, PART_NAMES, type PaperItem } from "@/lib/assessment/answered";
import styles from "./submit-dialog.module.css";

type Props = {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  unanswered: { part: 1 | 2 | 3; items: PaperItem[] }[];
  total: number;
};

/** Before submitting: what is still unanswered, part by part, each a link back to the question. */
export function SubmitDialog({ open, onClose, onConfirm, unanswered, total }: Props) {
  const left = unanswered.reduce((n, group) => n + group.items.length, 0);
  return (
    <ConfirmDialog open={open} onClose={onClose} title="确认提交答卷？">
      {(close) => (
        <div className={dialogStyles.body}>
          {left ? (
            <>
              <p>
                还有 <strong>{left}</strong> 题未作答（共 {total} 题）：
              </p>
              {unanswered.map((group) => (
                <div key={group.part} className={styles.group}>
                  <h3 className={styles.part}>
                    {PART_NAMES[group.part]}（{group.items.length} 题）
                  </h3>
                  <ul className={styles.items}>
                    {group.items.map((item) => (
                      <li key={item.key}>
                        <a
                          href={`#${itemAnchor(item.key)}`}
                          onClick={(event) => {
                            const target = document.getElementById(itemAnchor(item.key));
                            if (!target) return;
                            event.preventDefault();
                            close(target.querySelector<HTMLElement>("input, textarea") ?? target);
                            target.scrollIntoView({ block: "start" });
                          }}
                        >
                          {item.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </>
          ) : (
            <p>全部 {total} 题都已作答。</p>
          )}
          <p>提交后不能再修改答案。</p>
          <div className={dialogStyles.actions}>
            <button type="button" className="button button--ghost" onClick={() => close()} data-autofocus>
              返回检查
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                close();
                onConfirm();
              }}
            >
              确认提交
            </button>
          </div>
        </div>
      )}
    </ConfirmDialog>
  );
}
