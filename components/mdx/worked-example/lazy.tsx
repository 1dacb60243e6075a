"use client";

import dynamic from "next/dynamic";

// The answer fields' script loads only on lessons with a worked example; the fields still
// render on the server first, so the prerendered lesson shows them before it hydrates.
export const AnswerField = dynamic(() => import("./answer-field").then((m) => m.AnswerField));
