import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is bundled whole (no CDN, no web fonts: the data may live on an isolated network).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 3000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
