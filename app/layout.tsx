import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "京东运营线上培训", template: "%s · 京东运营线上培训" },
  description: "从开店到业绩突破：京东店铺运营的 8 个模块与结业考核。",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#c81e1e" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        {children}
      </body>
    </html>
  );
}
