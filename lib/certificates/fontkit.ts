import "server-only";
import { Readable } from "node:stream";
import * as fontkit from "fontkit";
import type { PDFDocument } from "pdf-lib";

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];

/**
 * Upstream fontkit 2 for pdf-lib instead of the unmaintained @pdf-lib/fontkit fork, whose
 * TrueType subsets of large CJK fonts are silently corrupt (glyphs drop out: short `loca`
 * offsets, fixed upstream in fontkit 1.8). pdf-lib still calls the fork's `encodeStream()`;
 * this shim provides it on top of fontkit 2's `encode()`. See docs/decisions/006.
 */
export const pdfFontkit = {
  create(data: Uint8Array) {
    const font = fontkit.create(Buffer.from(data));
    const createSubset = font.createSubset.bind(font);
    return Object.assign(font, {
      createSubset() {
        const subset = createSubset();
        return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
      },
    });
  },
} as unknown as Fontkit;
