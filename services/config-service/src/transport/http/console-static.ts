/**
 * Serves the console's built files (services/console/dist) under `/console/` from the same origin as
 * the REST API, so the page needs no CORS and the token never crosses origins. Only these routes get
 * helmet's headers: a strict Content-Security-Policy (self only, no inline script or style, no
 * framing), nosniff and no referrer. The API keeps its own replies untouched.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import helmet from 'helmet';

/** The URL path the console lives under (trailing slash included). */
export const CONSOLE_PATH = '/console/';

/** services/console/dist, from src/transport/http or dist/transport/http alike (the container keeps the same layout). */
export const DEFAULT_CONSOLE_DIR = resolve(__dirname, '..', '..', '..', '..', 'console', 'dist');

/** The Content-Security-Policy of the console's pages: nothing but this origin, and no framing. */
export const CONSOLE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Middleware for `app.use`: `/` redirects to the console; `/console/*` serves its files, index.html for client routes. */
export function serveConsole(dir: string = DEFAULT_CONSOLE_DIR): RequestHandler {
  const index = join(dir, 'index.html');
  const pages = Router();
  pages.use(helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  }));
  // Vite names assets by content hash, so they never change; index.html must always be revalidated.
  pages.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  pages.get('/{*route}', (_req, res) => {
    if (!existsSync(index)) {
      res.status(404).type('text/plain').send('The console is not built: run `npm run build` (services/console).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  const root = Router();
  root.get('/', (_req, res) => res.redirect(302, CONSOLE_PATH));
  root.use(CONSOLE_PATH.slice(0, -1), pages);
  return root;
}
