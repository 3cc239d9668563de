import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is bundled whole (no CDN, no web fonts: the data may live on an isolated network).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  // Pages load as their own chunks (web/router.tsx); the largest shared chunk is the UI kit (~840 kB).
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 900 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
