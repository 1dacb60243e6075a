import { NOT_FOUND, StatusMessage } from "@/components/status-page";

// Rendered inside the lesson layout (header and <main id="main"> come from it): one <main> per page.
export default function LessonNotFound() {
  return <StatusMessage {...NOT_FOUND} />;
}
