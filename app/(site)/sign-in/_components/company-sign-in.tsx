"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth/client";

/** The company sign-in button: better-auth sends the browser to the identity provider. */
export function CompanySignIn({ label, next }: { label: string; next: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function start() {
    setPending(true);
    setError(null);
    try {
      const { error: failed } = await authClient.signIn.social({ provider: "sso", callbackURL: next, errorCallbackURL: "/sign-in/error" });
      if (!failed) return; // the browser is on its way to the identity provider
      setError(failed.status === 429 ? "尝试次数过多，请 1 分钟后再试。" : "企业登录暂时不可用，请稍后重试，或使用邮箱和密码登录。");
    } catch {
      setError("网络异常，请检查网络后重试。");
    }
    setPending(false);
  }
  return (
    <div className="stack">
      {error ? <p className="form__error" role="alert">{error}</p> : null}
      <button className="button" type="button" onClick={start} disabled={pending}>
        {pending ? "正在跳转…" : label}
      </button>
    </div>
  );
}
