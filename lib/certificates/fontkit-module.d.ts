// fontkit 2 ships no types; only what lib/certificates/fontkit.ts uses.
declare module "fontkit" {
  export function create(buffer: Buffer): { createSubset(): { encode(): Uint8Array } };
}
