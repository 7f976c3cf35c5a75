import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// Two pages from one build: the staff console (index.html) and the citizen portal (portal.html).
export default defineConfig({
  plugins: [react()],
  root: 'src/web',
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { index: resolve(import.meta.dirname, 'src/web/index.html'), portal: resolve(import.meta.dirname, 'src/web/portal.html') },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
