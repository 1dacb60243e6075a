import { StatusPage } from "@/components/status-page";

export default function Forbidden() {
  return (
    <StatusPage
      title="没有访问权限"
      message="这个页面只对讲师和管理员开放。如果你需要访问，请联系课程管理员为你的账号分配角色。"
    />
  );
}
