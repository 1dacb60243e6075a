import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/lib/auth/next-path";
import { userOrNull } from "@/lib/auth/guards";
import { ssoButton } from "@/lib/sso/queries";
import { CompanySignIn } from "./_components/company-sign-in";

export const metadata: Metadata = { title: "登录" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const raw = (await searchParams).next;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw);
  if (await userOrNull()) redirect(next);
  const sso = await ssoButton();
  return (
    <section className="auth card stack">
      <h1>登录</h1>
      <p className="muted">
        登录后继续你的京东运营课程。第一次来？先<Link href="/">了解课程</Link>：8 个模块学什么、结业考核怎么考。
      </p>
      {sso ? <CompanySignIn label={sso.label} next={next} /> : null}
      {sso ? <p className="muted">或使用邮箱和密码登录：</p> : null}
      <SignInForm next={next} />
      <p className="muted"><Link href="/forgot-password">忘记密码？</Link></p>
      <p className="muted">
        还没有账号？<Link href={`/sign-up?next=${encodeURIComponent(next)}`}>注册</Link>
      </p>
    </section>
  );
}
