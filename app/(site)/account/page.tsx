import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { EndOtherSessionsForm, EndSessionForm } from "@/components/account/session-forms";
import styles from "@/components/account/account.module.css";
import { ownSessions } from "@/lib/account/queries";
import { describeUserAgent } from "@/lib/account/user-agent";
import { formatDateTime } from "@/lib/admin/ranges";
import { requireUser } from "@/lib/auth/guards";
import { getVerifiedSessionId } from "@/lib/auth/session";

export const metadata: Metadata = { title: "账号与安全" };

type Props = { searchParams: Promise<{ password?: string | string[] }> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requireUser("/account");
  const [sessions, current, { password }] = await Promise.all([ownSessions(user.id), getVerifiedSessionId(), searchParams]);
  const others = sessions.filter((s) => s.id !== current).length;
  return (
    <>
      <section className="card stack">
        <h1>账号与安全</h1>
        <p className="muted">{user.name} · {user.email}</p>
      </section>

      <section className="card stack" aria-labelledby="change-password">
        <h2 id="change-password">修改密码</h2>
        {password === "changed" ? <p role="status" className={styles.notice}>密码已修改。其他设备上的登录已全部退出，本机保持登录。</p> : null}
        <p className="muted">修改后，其他设备和浏览器上的登录会全部退出，本机保持登录。</p>
        <ChangePasswordForm />
      </section>

      <section className="card stack" aria-labelledby="sessions">
        <h2 id="sessions">登录设备（{sessions.length}）</h2>
        <p className="muted">手机丢了，或在别人的电脑上登录过？在这里退出它。最近活动时间每天最多更新一次。</p>
        <ul className={styles.sessions}>
          {sessions.map((s) => {
            const device = describeUserAgent(s.userAgent);
            return (
              <li key={s.id} className={styles.session}>
                <p className={styles.device}>
                  {device}
                  {s.id === current ? <span className={styles.here}>本机</span> : null}
                </p>
                <p className={`${styles.times} muted`}>
                  <span>登录于 {formatDateTime(s.createdAt)}</span>
                  <span>最近活动 {formatDateTime(s.updatedAt)}</span>
                  {s.ipAddress ? <span>IP {s.ipAddress}</span> : null}
                </p>
                {s.id === current ? null : <EndSessionForm sessionId={s.id} device={device} />}
              </li>
            );
          })}
        </ul>
        <EndOtherSessionsForm others={others} />
      </section>
    </>
  );
}
