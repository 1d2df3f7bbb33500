import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** Browser features the board never uses; denied so an injected script or a framing page cannot ask for them. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=()';

/**
 * The headers every answer carries, HTML and API alike.
 *
 * Scripts come only from our own origin, never inline: the built client has no inline script, so an injected
 * `<script>` or `onclick=` runs nowhere. Styles allow 'unsafe-inline' because TipTap puts its editor stylesheet
 * into a `<style>` element when an editor opens; a nonce would need index.html rendered per request and handed
 * to the editor, and guards only against injected CSS, while nothing we render turns user text into markup
 * (React escapes it, the editor's schema admits no style). React's `style=` props are set through the CSSOM, which
 * CSP does not restrict either way. The QR code is an SVG data URL, hence `img-src data:`.
 *
 * Tokens travel in links, so no page may send them on as a Referer; no page may frame the board (clickjacking
 * a facilitator into "Freeze this list").
 */
export function securityHeaders(publicUrl: string | null): (req: IncomingMessage, res: ServerResponse) => void {
  const https = publicUrl?.startsWith('https:') ?? false;
  const apply = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // 'self' covers ws: and wss: to the page's own host (CSP Level 3).
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Only when PUBLIC_URL names https: that is the operator's word that the host stays on TLS for a year.
    strictTransportSecurity: https,
  });
  return (req, res) => {
    apply(req, res, () => undefined);
    res.setHeader('permissions-policy', PERMISSIONS_POLICY);
  };
}
