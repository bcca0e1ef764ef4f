// Builds the PWA into dist/pwa, which wrangler serves as static assets. The service worker
// (sw/sw.ts) is compiled by vite-plugin-pwa with the precache manifest injected.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root,
  publicDir: 'public',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // An ES module Worker for photos (photo/process.ts), so it too loads the JS JPEG encoder only when needed.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/pwa', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: {
    // The worker refuses cross-origin writes (CSRF): present proxied calls as its own origin.
    proxy: {
      '/api': {
        target: 'http://localhost:8787',
        configure: (proxy) => proxy.on('proxyReq', (req) => req.setHeader('origin', 'http://localhost:8787')),
      },
    },
  },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: '督办 · 工作任务进展报送',
        short_name: '督办',
        description: '政府工作任务分解方案的进展报送、督查与通报',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f6f6f4',
        theme_color: '#b3261e',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,webmanifest}', 'icons/icon-192.png'],
        // pdf.js (~460 kB + its 1.3 MB worker, .mjs) serves only PDF imports on the admin's
        // import screen: loaded on demand, never precached onto field phones.
        globIgnores: ['**/assets/pdf-reader-*.js'],
      },
      devOptions: { enabled: false },
    }),
  ],
});
