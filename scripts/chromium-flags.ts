// Flags for Debian's Chromium on these machines (tests and Lighthouse): no sandbox as root, no
// GPU, and none of the background connections a closed network would refuse.
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
