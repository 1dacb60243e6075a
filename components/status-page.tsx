import Link from "next/link";
import { ClientSiteHeader } from "@/components/site-header/client-site-header";

/**
 * The 404 and 403 pages. They render outside the route groups' layouts, and must not read the
 * session (it would make every route dynamic, lessons included), so the header asks the browser.
 */
export function StatusPage({ title, message }: { title: string; message: string }) {
  return (
    <>
      <ClientSiteHeader loadUser />
      <main id="main">
        <section className="card stack">
          <h1>{title}</h1>
          <p className="muted">{message}</p>
          <p>
            <Link className="button" href="/">
              返回课程首页
            </Link>
          </p>
        </section>
      </main>
    </>
  );
}
