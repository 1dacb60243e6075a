import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Issue 8: WCAG 2.1 level A and AA, nothing disabled. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Asserts that axe finds no WCAG 2.1 AA violation on the page as it is now, and that it fits the screen. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, `axe on ${new URL(page.url()).pathname}`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal scrolling on ${new URL(page.url()).pathname}`).toBeLessThanOrEqual(0);
}
