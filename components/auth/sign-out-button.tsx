"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth/client";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    await authClient.signOut();
    // A full navigation drops every server-rendered page that still shows the old account.
    window.location.assign("/sign-in");
  }
  return (
    <button type="button" className="button button--ghost button--small" onClick={signOut} disabled={pending}>
      {pending ? "正在退出…" : "退出登录"}
    </button>
  );
}
