import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeNextPath } from "@/lib/auth/next-path";
import { userOrNull } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "注册" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const raw = (await searchParams).next;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw);
  if (await userOrNull()) redirect(next);
  return (
    <section className="auth card stack">
      <h1>注册学员账号</h1>
      <p className="muted">
        注册后即可学习全部 8 个模块，进度自动保存。<Link href="/">了解课程</Link>
      </p>
      <SignUpForm next={next} />
      <p className="muted">
        已有账号？<Link href={`/sign-in?next=${encodeURIComponent(next)}`}>登录</Link>
      </p>
    </section>
  );
}
