export interface Email {
  to: string;
  subject: string;
  html: string;
}

/**
 * The SMTP relay of the staging environment. Its first connection after start-up is
 * slow, so the first message is only queued, not yet delivered, when send() returns.
 */
export class SmtpRelay {
  readonly delivered: Email[] = [];
  readonly #queued: Email[] = [];
  #warm: boolean;

  constructor(options: { coldStart?: boolean } = {}) {
    this.#warm = !options.coldStart;
  }

  send(email: Email): void {
    if (!this.#warm) {
      this.#warm = true;
      this.#queued.push(email);
      return;
    }
    this.delivered.push(email, ...this.#queued.splice(0));
  }

  inbox(address: string): Email[] {
    return this.delivered.filter((e) => e.to === address);
  }
}

/** Warehouse management system webhook; acknowledges each order it is told about. */
export class WarehouseWebhook {
  readonly acknowledged: string[] = [];
  readonly #ackLatencyMs: number;
  readonly #timeoutMs: number;

  constructor(options: { ackLatencyMs?: number; timeoutMs?: number } = {}) {
    this.#ackLatencyMs = options.ackLatencyMs ?? 120;
    this.#timeoutMs = options.timeoutMs ?? 500;
  }

  notify(orderId: string): { ok: true } | { ok: false; error: string } {
    if (this.#ackLatencyMs > this.#timeoutMs) {
      return { ok: false, error: `Warehouse webhook did not acknowledge ${orderId} within ${this.#timeoutMs} ms` };
    }
    this.acknowledged.push(orderId);
    return { ok: true };
  }
}
