import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guards";
import { courseSearchIndex, search } from "@/lib/content/search";
import { MAX_QUERY_LENGTH, searchParamsSchema } from "@/lib/content/search-query";
import { SearchResults } from "./_components/search-results";

export const metadata: Metadata = { title: "搜索课程" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const parsed = searchParamsSchema.safeParse(await searchParams);
  const q = parsed.success ? (parsed.data.q ?? "") : "";
  const error = parsed.success ? undefined : parsed.error.issues[0]?.message;
  await requireUser(q ? `/search?q=${encodeURIComponent(q)}` : "/search");
  return (
    <>
      <section className="card stack">
        <h1>搜索课程</h1>
        <form role="search" action="/search" className="search-form">
          <label htmlFor="q" className="visually-hidden">
            搜索词
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="例如：安全库存 计算、kucun"
            maxLength={MAX_QUERY_LENGTH}
            aria-describedby={error ? "q-error" : undefined}
            aria-invalid={error ? true : undefined}
          />
          <button type="submit" className="button">
            搜索
          </button>
        </form>
        {error ? (
          <p id="q-error" role="alert" className="form__error">
            {error}
          </p>
        ) : (
          <p className="muted search-results__context">多个词用空格分开，课程需同时包含；也可输入拼音或首字母。</p>
        )}
      </section>
      {q ? <SearchResults query={q} result={search(courseSearchIndex(), q)} /> : null}
    </>
  );
}
