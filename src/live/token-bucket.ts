/**
 * A token bucket: `capacity` tokens at once, refilled evenly at `capacity` per `periodMs`. Pure
 * (the caller passes the time), so the live limits are tested without waiting.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly periodMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes a token if there is one; otherwise says how long until there will be. */
  take(now: number): { ok: true } | { ok: false; retryInMs: number } {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    if (this.capacity <= 0) return { ok: false, retryInMs: this.periodMs };
    return { ok: false, retryInMs: Math.ceil(((1 - this.tokens) * this.periodMs) / this.capacity) };
  }

  /** Gives back a token taken for something another limit then refused. */
  refund(): void {
    this.tokens = Math.min(this.capacity, this.tokens + 1);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.updatedAt = now;
    if (this.capacity > 0) {
      this.tokens = Math.min(
        this.capacity,
        this.tokens + (elapsed * this.capacity) / this.periodMs,
      );
    }
  }
}
