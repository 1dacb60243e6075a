import Link from "next/link";
import { ClientSiteHeader } from "@/components/site-header/client-site-header";

type Status = { title: string; message: string };

export const NOT_FOUND: Status = { title: "页面不存在", message: "你要找的页面不存在，可能链接有误，或课程已调整。" };
export const FORBIDDEN: Status = {
  title: "没有访问权限",
  message: "这个页面只对讲师和管理员开放。如果你需要访问，请联系课程管理员为你的账号分配角色。",
};

/** The 404 or 403 message inside a route group's layout, which already holds the header and <main>. */
export function StatusMessage({ title, message }: Status) {
  return (
    <section className="card stack">
      <h1>{title}</h1>
      <p className="muted">{message}</p>
      <p>
        <Link className="button" href="/">
          返回课程首页
        </Link>
      </p>
    </section>
  );
}

/**
 * The same message as a whole page, for the root boundaries (a 404 outside every route group).
 * It must not read the session (it would make every route dynamic, lessons included), so the
 * header asks the browser.
 */
export function StatusPage(status: Status) {
  return (
    <>
      <ClientSiteHeader loadUser />
      <main id="main">
        <StatusMessage {...status} />
      </main>
    </>
  );
}
