import type { Metadata } from "next";
import Link from "next/link";
import { ssoErrorMessage } from "@/lib/sso/errors";

export const metadata: Metadata = { title: "企业登录未完成" };

type Props = { searchParams: Promise<{ error?: string | string[] }> };

/** Where every failed company sign-in lands (decision 035): a zh-CN reason and the way back. */
export default async function SsoErrorPage({ searchParams }: Props) {
  const message = ssoErrorMessage((await searchParams).error);
  return (
    <section className="auth card stack">
      <h1>企业登录未完成</h1>
      <p role="alert">{message}</p>
      <p>
        <Link className="button" href="/sign-in">返回登录页</Link>
      </p>
    </section>
  );
}
