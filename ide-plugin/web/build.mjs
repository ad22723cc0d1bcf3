// Builds the view with esbuild: dist/ (the page `arkpack split serve --static` serves) and build/unit/
// (the pure helpers as plain ES modules, for the node:test unit tests). Usage: node build.mjs [--watch]
import * as esbuild from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

await esbuild.build({
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true,
  format: 'iife',
  target: ['chrome100'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  outfile: join(dist, 'app.js'),
  logLevel: 'warning',
});
await copyFile(join(root, 'src/index.html'), join(dist, 'index.html'));
await copyFile(join(root, 'src/app.css'), join(dist, 'app.css'));

await esbuild.build({
  entryPoints: [join(root, 'src/state.ts'), join(root, 'src/model.ts')],
  bundle: false,
  format: 'esm',
  platform: 'neutral',
  outdir: join(root, 'build/unit'),
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
console.log('built dist/ and build/unit/');
