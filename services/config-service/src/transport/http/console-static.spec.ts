import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { serveConsole } from './console-static';

describe('serving the console', () => {
  let dir: string;
  let app: express.Express;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'console-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>sipauth console</title><script type="module" src="/console/assets/app-1.js"></script>');
    writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)');
    app = express();
    app.use(serveConsole(dir));
    app.get('/v1/ping', (_req, res) => { res.json({ pong: true }); });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the page with a self-only Content-Security-Policy, nosniff, no referrer and frame denial', async () => {
    const res = await request(app).get('/console/').expect(200);
    expect(res.text).toContain('sipauth console');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers a client-side route with the page, and an asset with a long-lived cache', async () => {
    const page = await request(app).get('/console/accounts/AC1/trunks').expect(200);
    expect(page.text).toContain('sipauth console');
    const asset = await request(app).get('/console/assets/app-1.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['content-security-policy']).toBeDefined();
    await request(app).get('/console/assets/missing.js').expect(404);
  });

  it('redirects the root to the console and leaves the API without the console headers', async () => {
    const root = await request(app).get('/').expect(302);
    expect(root.headers.location).toBe('/console/');
    const api = await request(app).get('/v1/ping').expect(200);
    expect(api.headers['content-security-policy']).toBeUndefined();
  });

  it('says how to build the console when it has not been built', async () => {
    const bare = express().use(serveConsole(join(dir, 'nowhere')));
    const res = await request(bare).get('/console/').expect(404);
    expect(res.text).toContain('npm run build');
  });
});
