// Answers of the public badge documents (issuer profile, achievement, keys, revocation lists).
// Fetched by other systems' verifiers: JSON, readable from any origin, briefly cacheable.
export const PUBLIC_JSON = { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300", "access-control-allow-origin": "*" };

export const publicJson = (body: unknown, init: { maxAge?: number } = {}) =>
  new Response(JSON.stringify(body), { headers: { ...PUBLIC_JSON, ...(init.maxAge !== undefined ? { "cache-control": `public, max-age=${init.maxAge}` } : {}) } });

export const notFoundJson = (message: string) =>
  new Response(JSON.stringify({ message }), { status: 404, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
