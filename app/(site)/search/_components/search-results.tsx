import Link from "next/link";
import type { SearchResult } from "@/lib/content/search";
import { Marked } from "./marked";
import styles from "./search.module.css";

export function SearchResults({ query, result }: { query: string; result: SearchResult }) {
  const { hits, complete } = result;
  return (
    <section aria-live="polite" className="stack">
      <h2>
        {!hits.length ? `没有找到 “${query}”` : complete ? `“${query}” 出现在 ${hits.length} 课中` : `没有一课同时包含全部搜索词`}
      </h2>
      {!hits.length ? <p className="muted">换一个更短的词试试，或用拼音（如 kucun、aqkc）搜索。</p> : null}
      {hits.length && !complete ? (
        <p className="muted">以下课程包含其中一部分，每条下方注明缺少的词。</p>
      ) : null}
      <ol className="search-results">
        {hits.map((hit) => (
          <li key={hit.href} className="card">
            <Link href={hit.href}>
              <Marked segments={hit.title} />
              {hit.heading ? (
                <>
                  {" › "}
                  <Marked segments={hit.heading} />
                </>
              ) : null}
            </Link>
            <p className="muted search-results__context">
              {hit.context} · {hit.matches} 处匹配
            </p>
            <p className="search-results__snippet">
              <Marked segments={hit.snippet} />
            </p>
            {hit.missing.length ? (
              <p className={styles.missing}>
                缺少：<s>{hit.missing.join("、")}</s>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
