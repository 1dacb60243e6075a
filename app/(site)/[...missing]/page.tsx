import { notFound } from "next/navigation";

// Any URL no route matches lands here, so its 404 is rendered per request under the nonce CSP.
// Without it Next would serve the prerendered 404 page, whose scripts carry no nonce (decision 011);
// with it, an unknown lesson's 404 is rendered per request too.
export default function Missing() {
  notFound();
}
