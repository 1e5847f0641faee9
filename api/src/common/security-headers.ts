import { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** The web app's policy: nothing inline, nothing from elsewhere, never framed. */
const APP_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Swagger UI's page (/api/docs) writes its own styles inline and draws icons from data: URLs. */
const DOCS_POLICY = { ...APP_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] };

const headers = (directives: typeof APP_POLICY) =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    // Set below, and only over HTTPS: over plain HTTP (a local evaluation) it would be ignored or wrong.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    // The PDFs and the revision's content are downloaded, not embedded elsewhere.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });

const appHeaders = headers(APP_POLICY);
const docsHeaders = headers(DOCS_POLICY);

/**
 * HTTP hardening for every answer: a strict Content-Security-Policy (no inline script or style),
 * frame-ancestors 'none' and X-Frame-Options, nosniff, no referrer, no X-Powered-By (helmet); HSTS when
 * the request came over HTTPS; and `Cache-Control: no-store` on every API answer, which carries one
 * organisation's data to one session and must not be kept by a browser or a proxy.
 */
export function securityHeaders(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    const api = req.path === '/api' || req.path.startsWith('/api/');
    if (api && !req.path.startsWith('/api/docs')) res.setHeader('Cache-Control', 'no-store');
    (req.path.startsWith('/api/docs') ? docsHeaders : appHeaders)(req, res, next);
  };
}
