import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";

export const metadata: Metadata = { title: "忘记密码" };

export default function ForgotPasswordPage() {
  return (
    <section className="auth card stack">
      <h1>忘记密码</h1>
      <p className="muted">输入注册时使用的邮箱，我们会发送一个重置密码的链接。链接 1 小时内有效，只能使用一次。</p>
      <ForgotPasswordForm />
      <p className="muted">想起来了？<Link href="/sign-in">返回登录</Link></p>
    </section>
  );
}
