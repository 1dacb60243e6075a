"use client";

import { Countdown } from "@/components/assessment/countdown";
import { SaveStatusBadge } from "@/components/assessment/save-status";
import type { SaveStatus } from "@/components/assessment/use-autosave";
import styles from "./attempt-header.module.css";

type Props = {
  answered: number;
  total: number;
  status: SaveStatus;
  message: string;
  deadline: string;
  renderedAt: number;
  onExpire: () => void;
};

const PARTS = [
  { href: "#part1", label: "第一部分" },
  { href: "#part2", label: "第二部分" },
  { href: "#part3", label: "第三部分" },
];

/** Sticky over the paper: jump between the parts, how much is answered, the save status (the only one) and the time. */
export function AttemptHeader({ answered, total, status, message, deadline, renderedAt, onExpire }: Props) {
  return (
    <div className={`assessment-bar ${styles.bar}`}>
      <nav aria-label="跳转到考卷各部分" className={styles.parts}>
        {PARTS.map((part) => (
          <a key={part.href} href={part.href}>
            {part.label}
          </a>
        ))}
      </nav>
      <div className={styles.status}>
        <span className={styles.count}>
          已答 <strong>{answered}</strong>/{total}
        </span>
        <SaveStatusBadge status={status} message={message} />
        <Countdown deadline={deadline} renderedAt={renderedAt} onExpire={onExpire} />
      </div>
    </div>
  );
}
