import { userOrNull } from "@/lib/auth/guards";
import { RememberUser } from "./client-site-header";
import { SiteHeaderView } from "./site-header-view";

/** The header of dynamic pages: rendered with the session, which it also hands to the browser. */
export async function SiteHeader() {
  const current = await userOrNull();
  const user = current ? { name: current.name, role: current.role } : null;
  return (
    <>
      <SiteHeaderView user={user} />
      <RememberUser user={user} />
    </>
  );
}
