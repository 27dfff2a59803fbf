import { createHash, randomBytes } from "node:crypto";
import type { FakeClock } from "./clock.ts";

export interface Customer {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  salt: string;
  marketingOptIn: boolean;
  createdAt: number;
}

export class AccountError extends Error {
  override name = "AccountError";
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_IDLE_MINUTES = 30;
export const RESET_TOKEN_MINUTES = 60;

const hash = (password: string, salt: string) => createHash("sha256").update(`${salt}:${password}`).digest("hex");
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

export const passwordProblems = (password: string, email = ""): string[] => {
  const problems: string[] = [];
  if (password.length < 10) problems.push("at least 10 characters");
  if (!/[a-z]/i.test(password) || !/\d/.test(password)) problems.push("letters and digits");
  if (email && password.toLowerCase().includes(email.split("@")[0]!.toLowerCase())) problems.push("not containing your email");
  return problems;
};

interface Session {
  token: string;
  customerId: string;
  lastSeen: number;
}

export class AccountService {
  readonly #clock: FakeClock;
  readonly #customers = new Map<string, Customer>();
  readonly #failedSignIns = new Map<string, { count: number; lockedUntil?: number }>();
  readonly #sessions = new Map<string, Session>();
  readonly #resetTokens = new Map<string, { customerId: string; expiresAt: number; used: boolean }>();
  readonly outbox: { to: string; subject: string; body: string }[] = [];
  #nextId = 1;

  constructor(clock: FakeClock) {
    this.#clock = clock;
  }

  register(input: { email: string; password: string; name: string; marketingOptIn?: boolean }): Customer {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw new AccountError("invalid_email", `"${input.email}" is not a valid email address`);
    if (this.findByEmail(email)) throw new AccountError("email_taken", "An account with this email already exists");
    const problems = passwordProblems(input.password, email);
    if (problems.length) throw new AccountError("weak_password", `Password needs ${problems.join(", ")}`);
    const salt = randomBytes(8).toString("hex");
    const customer: Customer = {
      id: `cus_${String(this.#nextId++).padStart(5, "0")}`,
      email,
      name: input.name.trim(),
      passwordHash: hash(input.password, salt),
      salt,
      marketingOptIn: input.marketingOptIn ?? false,
      createdAt: this.#clock.now(),
    };
    this.#customers.set(customer.id, customer);
    this.outbox.push({ to: email, subject: "Welcome to Acme Shop", body: `Hi ${customer.name}, your account is ready.` });
    return customer;
  }

  findByEmail(email: string): Customer | undefined {
    const needle = email.trim().toLowerCase();
    return [...this.#customers.values()].find((c) => c.email === needle);
  }

  signIn(email: string, password: string): string {
    const key = email.trim().toLowerCase();
    const record = this.#failedSignIns.get(key) ?? { count: 0 };
    if (record.lockedUntil && this.#clock.now() < record.lockedUntil) {
      throw new AccountError("locked", `Too many attempts. Try again in ${LOCKOUT_MINUTES} minutes`);
    }
    const customer = this.findByEmail(key);
    if (!customer || customer.passwordHash !== hash(password, customer.salt)) {
      record.count += 1;
      if (record.count >= MAX_FAILED_SIGN_INS) {
        record.lockedUntil = this.#clock.now() + LOCKOUT_MINUTES * 60_000;
        record.count = 0;
      }
      this.#failedSignIns.set(key, record);
      // Same message for unknown email and wrong password: no account enumeration.
      throw new AccountError("bad_credentials", "Email or password is incorrect");
    }
    this.#failedSignIns.delete(key);
    const token = randomBytes(16).toString("hex");
    this.#sessions.set(token, { token, customerId: customer.id, lastSeen: this.#clock.now() });
    return token;
  }

  whoAmI(token: string): Customer | undefined {
    const session = this.#sessions.get(token);
    if (!session) return undefined;
    if (this.#clock.now() - session.lastSeen > SESSION_IDLE_MINUTES * 60_000) {
      this.#sessions.delete(token);
      return undefined;
    }
    session.lastSeen = this.#clock.now();
    return this.#customers.get(session.customerId);
  }

  signOut(token: string): void {
    this.#sessions.delete(token);
  }

  activeSessions(customerId: string): number {
    return [...this.#sessions.values()].filter((s) => s.customerId === customerId).length;
  }

  requestPasswordReset(email: string): { message: string } {
    const customer = this.findByEmail(email);
    if (customer) {
      const token = randomBytes(12).toString("hex");
      this.#resetTokens.set(token, { customerId: customer.id, expiresAt: this.#clock.now() + RESET_TOKEN_MINUTES * 60_000, used: false });
      this.outbox.push({ to: customer.email, subject: "Reset your Acme Shop password", body: `https://shop.acme.example/reset?token=${token}` });
    }
    return { message: "If an account exists for this email, we sent a reset link" };
  }

  resetPassword(token: string, newPassword: string): void {
    const entry = this.#resetTokens.get(token);
    if (!entry || entry.used) throw new AccountError("invalid_token", "This reset link is invalid or was already used");
    if (this.#clock.now() > entry.expiresAt) throw new AccountError("expired_token", "This reset link has expired");
    const customer = this.#customers.get(entry.customerId)!;
    const problems = passwordProblems(newPassword, customer.email);
    if (problems.length) throw new AccountError("weak_password", `Password needs ${problems.join(", ")}`);
    customer.salt = randomBytes(8).toString("hex");
    customer.passwordHash = hash(newPassword, customer.salt);
    entry.used = true;
    // A password change signs out every other device.
    for (const [t, s] of this.#sessions) if (s.customerId === customer.id) this.#sessions.delete(t);
  }
}
