/** A controllable clock so that expiry, lockout and timeouts are testable without waiting. */
export class FakeClock {
  #now: number;

  constructor(start = Date.UTC(2025, 10, 3, 9, 30)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}
