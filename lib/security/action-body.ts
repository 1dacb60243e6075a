// The body of a server-action request, checked before Next decodes it: React's reply decoder
// throws (a 500) on text that is not JSON, on a root that is not an argument list, and on `$`
// references to parts that were never sent (`"$1"`, `"$Q1"`, `"$F1"`, …). The app's own clients
// send only JSON arguments, FormData (`"$K1"` and fields `_1_…`), and these encodings of values:
const REPLY_REFERENCE = /^\$(\$|K[0-9a-f]+$|@[0-9a-f]+$|undefined$|NaN$|-?Infinity$|-0$|D|n-?\d+$|T$)/;

export type BodyProblem = "too-large" | "unreadable";

/** Every string in a parsed reply is plain text or one of the references above. */
function plainReply(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") return !value.startsWith("$") || REPLY_REFERENCE.test(value);
  if (Array.isArray(value)) return value.every((item) => plainReply(item, depth + 1));
  if (value && typeof value === "object") return Object.values(value).every((item) => plainReply(item, depth + 1));
  return true;
}

function parsesAs(text: unknown, root: "arguments" | "any"): boolean {
  if (typeof text !== "string") return false;
  try {
    const value: unknown = JSON.parse(text);
    return (root === "any" || Array.isArray(value)) && plainReply(value);
  } catch {
    return false;
  }
}

/** The body's bytes, or null past `limit` (a body sent without Content-Length is counted here). Consumes the body. */
export async function readBounded(request: Request, limit: number): Promise<Uint8Array | null> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * What is wrong with a POST that Next would decode as a server action (a `Next-Action` header,
 * or a multipart form posted before the page's script loaded), or null when nothing is.
 */
export async function actionBodyProblem(request: Request, limit: number): Promise<BodyProblem | null> {
  if (request.method !== "POST") return null;
  const type = request.headers.get("content-type") ?? "";
  const fetchAction = request.headers.has("next-action");
  const multipart = type.startsWith("multipart/form-data");
  if (!fetchAction && !multipart) return null;
  if (fetchAction && type.startsWith("application/x-www-form-urlencoded")) return null; // Next answers 404 itself

  const bytes = await readBounded(request.clone(), limit); // Next reads the original
  if (!bytes) return "too-large";
  if (!multipart) return parsesAs(new TextDecoder().decode(bytes), "arguments") ? null : "unreadable";

  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    return "unreadable";
  }
  for (const [name, value] of form) {
    // An action's outlined parts ("0" is the argument list); before hydration, React's `$ACTION_n:m` fields.
    if (fetchAction && /^\d+$/.test(name) && !parsesAs(value, name === "0" ? "arguments" : "any")) return "unreadable";
    if (!fetchAction && /^\$ACTION_\d+:\d+$/.test(name) && !parsesAs(value, "any")) return "unreadable";
  }
  if (fetchAction && !form.has("0")) return "unreadable";
  return null;
}
