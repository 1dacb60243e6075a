import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { isStaff, ROLE_LABELS } from "@/lib/auth/role-labels";
import type { HeaderUser } from "@/lib/progress/learner-state-types";

/**
 * The header's markup, for the server header (dynamic pages) and the client one (prerendered
 * lessons). `user` undefined: not known yet; the account part stays empty until it is.
 */
export function SiteHeaderView({ user }: { user: HeaderUser | null | undefined }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          <span className="site-header__logo" aria-hidden="true">
            京
          </span>
          京东运营线上培训
        </Link>
        <nav className="site-header__nav" aria-label="主导航">
          {user === null ? (
            <>
              <Link href="/sign-in">登录</Link>
              <Link href="/sign-up">注册</Link>
            </>
          ) : (
            <>
              <Link href="/search">搜索</Link>
              <Link href="/progress">我的学习进度</Link>
              <Link href="/review/book">错题本</Link>
              <Link href="/assessment">结业考核</Link>
              {user && isStaff(user.role) ? (
                <>
                  <Link href="/grading">批阅</Link>
                  <Link href="/admin">学员管理</Link>
                  <Link href="/analytics">数据分析</Link>
                  <Link href="/preview">内容预览</Link>
                </>
              ) : null}
              {user?.role === "dept_head" ? <Link href="/admin">学员管理</Link> : null}
              {user ? <Link href="/account">账号与安全</Link> : null}
              {user ? (
                <span className="site-header__user" title={user.name}>
                  {user.name}
                  {user.role !== "learner" ? `（${ROLE_LABELS[user.role]}）` : null}
                </span>
              ) : null}
            </>
          )}
        </nav>
        {user ? <SignOutButton /> : null}
      </div>
    </header>
  );
}
