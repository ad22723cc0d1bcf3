// Builds the view with esbuild: dist/ (the page `arkpack split serve --static` serves) and build/unit/
// (the pure helpers as plain ES modules, for the node:test unit tests). The core component is
// transpiled by jco for the in-page mode (index.html?analysis=URL): its JS glue is bundled into
// dist/inpage.js, its core wasm modules go to dist/core/; the page loads them only in that mode.
// Without a built component the page is built for `split serve` alone, and the build says so (the
// view test then fails on the missing dist/inpage.js).
// Usage: node build.mjs   (ARKPACK_COMPONENT_WASM: the core component; default: the one cargo built)
// jco's transpiler alone (jco-transpile; the jco CLI package brings bundlers and platform binaries
// this needs none of, and its lock entries for some platforms cannot be resolved).
import { transpileBytes } from '@bytecodealliance/jco-transpile';
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

const component =
  process.env.ARKPACK_COMPONENT_WASM ?? join(root, '../../target/component/wasm32-wasip2/component/arkpack_core.wasm');
const inPage = existsSync(component);
if (inPage) {
  // `async` instantiation: the page compiles the core modules itself, from dist/core/.
  // The .d.ts files let tsc check src/inpage.ts against the component's own types.
  const { files } = await transpileBytes(await readFile(component), { name: 'core', instantiation: 'async' });
  const glue = join(root, 'build/core');
  await rm(glue, { recursive: true, force: true });
  for (const [name, bytes] of Object.entries(files)) {
    const to = name.endsWith('.wasm') ? join(dist, 'core', name) : join(glue, name);
    await mkdir(dirname(to), { recursive: true });
    await writeFile(to, bytes);
  }
} else {
  console.warn(`build.mjs: no core component at ${component}: the page is built without the in-page mode (cargo build --release -p arkpack, or set ARKPACK_COMPONENT_WASM)`);
}

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
if (inPage) await esbuild.build({
  entryPoints: [join(root, 'src/inpage.ts')],
  bundle: true,
  format: 'esm',
  target: ['chrome100'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  outfile: join(dist, 'inpage.js'),
  // The glue's own loader for Node (never used: the page passes its loader).
  external: ['node:*'],
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
console.log(`built dist/ (${inPage ? 'with' : 'WITHOUT'} the in-page core) and build/unit/`);
