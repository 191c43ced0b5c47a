// The console is served by Tributary under /ui, so assets are built for that base.
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  base: '/ui/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8083', '/metrics': 'http://127.0.0.1:8083' } },
})
