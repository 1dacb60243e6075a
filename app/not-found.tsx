import { NOT_FOUND, StatusPage } from "@/components/status-page";

// Outside the route groups: this page brings its own header and <main>.
export default function NotFound() {
  return <StatusPage {...NOT_FOUND} />;
}
