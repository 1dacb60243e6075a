import Link from "next/link";
import { ClientSiteHeader } from "@/components/site-header/client-site-header";

export default function NotFound() {
  return (
    <>
      <ClientSiteHeader loadUser />
      <main id="main">
        <section className="card stack">
          <h1>页面不存在</h1>
          <p className="muted">你要找的页面不存在，可能链接有误，或课程已调整。</p>
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
