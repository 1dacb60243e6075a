import { NOT_FOUND, StatusMessage } from "@/components/status-page";

// Rendered inside the site layout (header and <main id="main"> come from it): one <main> per page.
export default function SiteNotFound() {
  return <StatusMessage {...NOT_FOUND} />;
}
