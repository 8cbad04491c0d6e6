// Bundles the console into dist/ (index.html, app.js, app.css): one script file, no inline script,
// nothing loaded from elsewhere at run time. Run by `npm run build` (after the type check).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
await build({
  entryPoints: { app: 'src/main.tsx' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outdir: 'dist',
  logLevel: 'warning',
});
copyFileSync('src/index.html', 'dist/index.html');
copyFileSync('src/app.css', 'dist/app.css');
copyFileSync('src/favicon.svg', 'dist/favicon.svg');
