import { StatusPage } from "@/components/status-page";

export default function NotFound() {
  return <StatusPage title="页面不存在" message="你要找的页面不存在，可能链接有误，或课程已调整。" />;
}
