import type { Metadata } from "next";
import Link from "next/link";
import { z } from "@/lib/zod";
import { requireUser } from "@/lib/auth/guards";
import { courseSearchIndex, search } from "@/lib/content/search";

export const metadata: Metadata = { title: "搜索课程" };

const querySchema = z.string().trim().max(50, "搜索词不能超过 50 个字").catch("");

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const q = querySchema.parse(Array.isArray(raw) ? raw[0] : raw);
  await requireUser(q ? `/search?q=${encodeURIComponent(q)}` : "/search");
  const hits = q ? search(courseSearchIndex(), q) : [];
  return (
    <>
      <section className="card stack">
        <h1>搜索课程</h1>
        <form role="search" action="/search" className="search-form">
          <label htmlFor="q" className="visually-hidden">
            搜索词
          </label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder="例如：价保、安全库存、ROAS" maxLength={50} />
          <button type="submit" className="button">
            搜索
          </button>
        </form>
      </section>
      {q ? (
        <section aria-live="polite">
          <h2>{hits.length ? `“${q}” 共找到 ${hits.length} 处` : `没有找到 “${q}”`}</h2>
          {hits.length === 0 ? <p className="muted">换一个更短的词试试，例如只搜关键的两三个字。</p> : null}
          <ol className="search-results">
            {hits.map((hit) => (
              <li key={hit.href} className="card">
                <Link href={hit.href}>
                  {hit.lessonTitle}
                  {hit.heading ? ` › ${hit.heading}` : ""}
                </Link>
                <p className="muted search-results__context">{hit.context}</p>
                <p className="search-results__snippet">
                  {hit.snippet.before}
                  {hit.snippet.match ? <mark>{hit.snippet.match}</mark> : null}
                  {hit.snippet.after}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
