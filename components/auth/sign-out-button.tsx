import { signOut } from "@/lib/auth/actions";

// A plain form posting to a server action: works without JavaScript and ships none.
export function SignOutButton() {
  return (
    <form action={signOut}>
      <button type="submit" className="button button--ghost button--small">
        退出登录
      </button>
    </form>
  );
}
