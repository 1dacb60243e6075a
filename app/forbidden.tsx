import Link from "next/link";
import { ClientSiteHeader } from "@/components/site-header/client-site-header";

export default function Forbidden() {
  return (
    <>
      <ClientSiteHeader loadUser />
      <main id="main">
        <section className="card stack">
          <h1>没有访问权限</h1>
          <p className="muted">这个页面只对讲师和管理员开放。如果你需要访问，请联系课程管理员为你的账号分配角色。</p>
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
