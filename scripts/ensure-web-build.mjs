// Builds the web app once on a fresh clone (npm start / npm run demo / e2e); later starts reuse dist/web.
import { execSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const out = 'dist/web/index.html';
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const stale = !existsSync(out) || newest('web') > statSync(out).mtimeMs || newest('common') > statSync(out).mtimeMs;
if (stale) {
  console.log('Building the web app (vite build)…');
  execSync('npx vite build', { stdio: 'inherit' });
}
