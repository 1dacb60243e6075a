// Runs in the browser before the app hydrates.

// Zod compiles object parsers with `new Function` when the page allows eval, and finds out by
// calling `Function("")` on its first parse. Our CSP forbids eval, and browsers report even that
// caught probe as a violation. Zod 4 keeps its settings (`z.config()`) in this global, created by
// whichever comes first; setting it here rather than calling z.config() keeps zod itself out of
// pages that do not use it (the lesson page's first-load JS). The CSP end-to-end fixture fails if
// a zod upgrade stops honouring it.
const zodConfig = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodConfig.__zod_globalConfig = Object.assign(zodConfig.__zod_globalConfig ?? {}, { jitless: true });
