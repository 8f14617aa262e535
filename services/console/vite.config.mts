// The console is served by config-service under /console/ (services/config-service/src/transport/http/console-static.ts).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  resolve: {
    // The password and name rules come from the domain library itself, so the hints match the server.
    alias: {
      '@sipauth/domain/rules': fileURLToPath(new URL('../../libs/domain/src/rules.ts', import.meta.url)),
      '@sipauth/ip-acl-match': fileURLToPath(new URL('../../libs/ip-acl-match/src/index.ts', import.meta.url)),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, assetsInlineLimit: 0 },
});
