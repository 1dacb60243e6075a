import Link from "next/link";
import type { ReactNode } from "react";
import { ModuleArt } from "@/components/course/art/module-art";
import type { CourseModule } from "@/lib/content/schema";
import styles from "./course.module.css";

const MODULE_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 模块一, 模块二…: how the course names its modules. */
export const moduleLabel = (order: number) => `模块${MODULE_NUMERALS[order - 1] ?? order}`;

type Props = {
  mod: CourseModule;
  /** The whole card links here (the learner's home); without it the card is plain text. */
  href?: string;
  /** Pinned to the card's bottom, so that cards in a row line their footers up. */
  footer?: ReactNode;
  children?: ReactNode;
};

/** A module as a card: its illustration, number, length, title and summary. */
export function ModuleCard({ mod, href, footer, children }: Props) {
  const body = (
    <>
      <div className={styles.cardHead}>
        <ModuleArt slug={mod.slug} className={styles.cardArt} />
        <div className={styles.cardTitle}>
          <span className="module-card__eyebrow">
            {moduleLabel(mod.order)} · {mod.lessons.length} 节课 · 约 {mod.minutes} 分钟
          </span>
          <h3>{mod.title}</h3>
        </div>
      </div>
      <p>{mod.summary}</p>
      {children}
      {footer ? <div className={styles.cardFooter}>{footer}</div> : null}
    </>
  );
  const className = `card module-card ${styles.card}`;
  return href ? (
    <Link href={href} className={className}>
      {body}
    </Link>
  ) : (
    <article className={className}>{body}</article>
  );
}
