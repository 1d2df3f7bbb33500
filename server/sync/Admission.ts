import { TokenBucket } from '../TokenBucket.js';

/**
 * A token bucket over new WebSocket sessions. When a venue's Wi-Fi comes back, every phone reconnects in
 * the same second and each costs a token lookup and a full sync; past the rate, a session is told 1013
 * "try again shortly" and its client backs off, so the ones admitted get their sync promptly.
 */
export class Admission {
  private readonly bucket: TokenBucket | null;

  constructor(perSecond: number) {
    this.bucket = perSecond === 0 ? null : new TokenBucket(perSecond, perSecond);
  }

  tryAdmit(): boolean {
    return this.bucket?.take() ?? true;
  }
}
