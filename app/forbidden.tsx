import { FORBIDDEN, StatusPage } from "@/components/status-page";

// Outside the route groups: this page brings its own header and <main>.
export default function Forbidden() {
  return <StatusPage {...FORBIDDEN} />;
}
