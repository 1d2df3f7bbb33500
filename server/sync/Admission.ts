/**
 * A token bucket over new WebSocket sessions. When a venue's Wi-Fi comes back, every phone reconnects in
 * the same second and each costs a token lookup and a full sync; past the rate, a session is told 1013
 * "try again shortly" and its client backs off, so the ones admitted get their sync promptly.
 */
export class Admission {
  private tokens: number;
  private last = performance.now();

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }

  tryAdmit(): boolean {
    if (this.perSecond === 0) return true;
    const now = performance.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
