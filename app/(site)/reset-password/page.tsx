import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { setPasswordLinkOwner } from "@/lib/auth/set-password-links";
import { SET_PASSWORD_LINK_INVALID } from "@/lib/auth/schema";

export const metadata: Metadata = { title: "设置密码" };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// Opened from the one-time link an admin's staff import made (decision 030) or a 忘记密码 mail
// (decision 036): the same better-auth token either way. Reading the link's owner writes nothing;
// better-auth's /reset-password redeems the token when the form is sent.
export default async function SetPasswordPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  const owner = token ? await setPasswordLinkOwner(token) : null;
  if (!token || !owner) {
    return (
      <section className="auth card stack">
        <h1>设置密码</h1>
        <p className="form__error" role="alert">{SET_PASSWORD_LINK_INVALID}</p>
        <p className="muted">已经设置过密码？请直接<Link href="/sign-in">登录</Link>。忘记密码的链接过期了？<Link href="/forgot-password">重新发送</Link>。</p>
      </section>
    );
  }
  return (
    <section className="auth card stack">
      <h1>{owner.hasPassword ? "重置密码" : "设置密码"}</h1>
      <p className="muted">
        {owner.name}，你好！
        {owner.hasPassword
          ? <>请为账号 <strong>{owner.email}</strong> 设置新密码。设置后旧密码失效，其他设备上的登录将被退出；此链接只能使用一次。</>
          : <>你的账号 <strong>{owner.email}</strong> 已由管理员开通。设置密码后即可登录学习；此链接只能使用一次。</>}
      </p>
      <SetPasswordForm token={token} email={owner.email} />
    </section>
  );
}
