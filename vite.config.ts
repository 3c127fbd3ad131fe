/**
 * Vite builds the web app (web/ → dist/web, served by the server with an SPA fallback) and runs its
 * dev server on :5173, proxying the API to the server on :3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:3000';
// web/api/ holds the typed client, so in dev its modules are served under /api/… too: those requests
// (/api/client.ts, /api/endpoints.ts?t=…) stay with Vite; everything else under /api goes to the server.
const apiProxy = {
  target: api,
  bypass: (req: { url?: string }) =>
    /^\/api\/[^?]*\.(?:tsx?|json)(?:\?|$)/.test(req.url ?? '') ? req.url : undefined,
};

export default defineConfig({
  // Tests use vitest.config.ts (repository root); this file is only the web build and dev server.
  root: `${repoRoot}web`,
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': apiProxy, '/healthz': api, '/readyz': api },
  },
  preview: { port: 4173 },
});
