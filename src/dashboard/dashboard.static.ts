import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';

/**
 * The CNO's dashboard at /dashboard: static files only, public (the page asks for an API key and
 * every figure comes from the /v1 API with it). What is served:
 *
 *   /dashboard                      web/dashboard/index.html (its import map allowed by hash in the CSP)
 *   /dashboard/dashboard.css        web/dashboard/dashboard.css
 *   /dashboard/js/…                 dist/web/… : the page's TypeScript compiled by `npm run build`
 *                                   (tsc -p web/dashboard/tsconfig.json), ES modules, with the typed
 *                                   client of src/client
 *   /dashboard/vendor/…             openapi-fetch's and uPlot's ES modules and uPlot's CSS, from node_modules
 *
 * No CDN and no bundler: the browser resolves `openapi-fetch` and `uplot` through the page's import map.
 */
export const DASHBOARD_PATH = '/dashboard';

interface DashboardFiles {
  root: string;
  html: string;
  css: string;
  compiled: string;
  entry: string;
  vendor: Record<string, { file: string; type: string }>;
}

/** The repository root: the nearest folder with a package.json above this file (src/dashboard or dist/src/dashboard). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

function dashboardFiles(): DashboardFiles {
  const root = projectRoot();
  const compiled = join(root, 'dist', 'web');
  const openapiFetch = dirname(require.resolve('openapi-fetch'));
  const uplot = dirname(require.resolve('uplot'));
  return {
    root,
    html: join(root, 'web', 'dashboard', 'index.html'),
    css: join(root, 'web', 'dashboard', 'dashboard.css'),
    compiled,
    entry: join(compiled, 'web', 'dashboard', 'src', 'main.js'),
    vendor: {
      'openapi-fetch.mjs': { file: join(openapiFetch, 'index.mjs'), type: 'text/javascript; charset=utf-8' },
      'uplot.mjs': { file: join(uplot, 'uPlot.esm.js'), type: 'text/javascript; charset=utf-8' },
      'uplot.css': { file: join(uplot, 'uPlot.min.css'), type: 'text/css; charset=utf-8' },
    },
  };
}

/**
 * Helmet's CSP allows scripts from 'self' only; the page's one inline script is its import map,
 * allowed by its hash (computed from the file served, so an edit cannot silently break it).
 */
export function dashboardContentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "script-src-attr 'none'",
  ].join('; ');
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dashboard not built</title></head>
<body><h1>The dashboard's scripts are not built</h1><p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload this page.</p></body></html>`;

/** Mounts the dashboard's routes on the Express application (before Nest's routes; no API key needed). */
export function mountDashboard(app: NestExpressApplication): void {
  const files = dashboardFiles();
  const html = readFileSync(files.html, 'utf8');
  const csp = dashboardContentSecurityPolicy(html);

  const page = (req: Request, res: Response) => {
    if (!existsSync(files.entry)) {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  };
  app.use(DASHBOARD_PATH, (req: Request, res: Response, next: () => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/' || req.path === '') return page(req, res);
    if (req.path === '/dashboard.css') return res.type('text/css; charset=utf-8').sendFile(files.css);
    const vendor = /^\/vendor\/([a-z-]+\.(?:mjs|css))$/.exec(req.path);
    if (vendor && files.vendor[vendor[1]]) {
      const { file, type } = files.vendor[vendor[1]];
      res.setHeader('Cache-Control', 'public, max-age=3600');
      return res.type(type).sendFile(file);
    }
    next();
  });
  app.useStaticAssets(resolve(files.compiled), { prefix: `${DASHBOARD_PATH}/js/`, index: false, fallthrough: true, maxAge: 0 });
}
