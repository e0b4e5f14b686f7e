"use client";

import { createCache, extractStyle, StyleProvider } from "@ant-design/cssinjs";
import { useServerInsertedHTML } from "next/navigation";
import { useState, type ReactNode } from "react";

type Cache = ReturnType<typeof createCache>;

/**
 * antd's style cache on the server, one for the whole process. @ant-design/nextjs-registry makes a new
 * cache per request, so every request derived antd's theme tokens and their CSS variables again (colour
 * palettes and all: about a fifth of a list page's CPU time). The theme never changes, so what one request
 * derived serves every later one. Null in the browser, which keeps one cache per page as before.
 */
const serverCache: Cache | null = typeof window === "undefined" ? createCache() : null;

/**
 * The registry of antd's styles: like @ant-design/nextjs-registry's AntdRegistry (the same <style> element,
 * put in the HTML as the page streams), over the process's cache. Each request writes every style the cache
 * holds once, whichever request derived it first (the set of what this request has written).
 */
export function AntdRegistry({ children }: { children: ReactNode }) {
  const [cache] = useState<Cache>(() => serverCache ?? createCache());
  const [written] = useState(() => new Set<string>());
  useServerInsertedHTML(() => {
    // The shared cache's entries, with this request's record of what it has written.
    const view = Object.assign(Object.create(Object.getPrototypeOf(cache) as object) as Cache, cache, {
      extracted: written,
    });
    const styleText = extractStyle(view, { plain: true, once: true });
    if (styleText === "" || styleText.includes('.data-ant-cssinjs-cache-path{content:"";}')) return null;
    return (
      <style
        id="antd-cssinjs"
        // Before the styles antd inserts in the browser.
        data-rc-order="prepend"
        data-rc-priority="-1000"
        dangerouslySetInnerHTML={{ __html: styleText }}
      />
    );
  });
  return <StyleProvider cache={cache}>{children}</StyleProvider>;
}
