// The deck's 51 topics (../shared/course/facts.md): T01–T49 are taught in the modules,
// T50–T51 in the wrap-up pages. Each topic belongs to exactly one lesson.
export const TOPIC_IDS = Array.from({ length: 51 }, (_, i) => `T${String(i + 1).padStart(2, "0")}`);
export const WRAP_UP_TOPICS = ["T50", "T51"];
