"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="card stack" role="alert">
      <h1>页面出错了</h1>
      <p className="muted">服务器暂时无法显示这个页面。你的学习进度不受影响，请稍后重试。</p>
      <p>
        <button type="button" className="button" onClick={reset}>
          重试
        </button>
      </p>
    </section>
  );
}
