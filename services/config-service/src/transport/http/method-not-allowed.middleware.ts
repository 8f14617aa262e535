/**
 * 405 with `Allow` for a method a REST path does not have (PUT on a list, say), instead of a 404 that
 * suggests the path is wrong. The paths and their methods come from the OpenAPI document, which Nest
 * builds from the controllers, so the two cannot disagree.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { logRefusal, problem, sendProblem, type RefusalLog } from './problem';

interface Route { pattern: RegExp; methods: string[] }

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Routes of an OpenAPI `paths` object: `/v1/accounts/{accountId}/trunks` → a pattern and its methods. */
export function routesOf(paths: Record<string, object>): Route[] {
  return Object.entries(paths).map(([path, item]) => ({
    pattern: new RegExp(`^${path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+')}/?$`),
    methods: Object.keys(item).filter((m) => HTTP_METHODS.includes(m)).map((m) => m.toUpperCase()),
  }));
}

/** `routes()` is read on each request, so the table may be filled in after the middleware is registered. */
export function methodNotAllowed(routes: () => readonly Route[], log?: RefusalLog): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const route = routes().find((r) => r.pattern.test(req.path));
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (!route || route.methods.includes(method)) {
      next();
      return;
    }
    // Express answers HEAD wherever there is a GET, so Allow names it too (RFC 9110 §10.2.1).
    const allow = [...route.methods, ...(route.methods.includes('GET') ? ['HEAD'] : [])].join(', ');
    const refused = problem('METHOD_NOT_ALLOWED', `${req.method} is not a method of this path (allowed: ${allow})`, [{ field: '(method)', message: `must be one of ${allow}` }]);
    logRefusal(log, req, refused);
    sendProblem(res, refused, { Allow: allow });
  };
}
