import * as allure from "allure-js-commons";
import { beforeEach, describe, expect, it } from "vitest";
import { AccountError, AccountService } from "../app/accounts.ts";
import { FakeClock } from "../app/clock.ts";
import { attachJson } from "../support/evidence.ts";
import { area, testCase } from "../support/labels.ts";

describe("Registration", () => {
  let accounts: AccountService;

  beforeEach(async () => {
    await area("Customer accounts", "Registration", "li.wei");
    accounts = new AccountService(new FakeClock());
  });

  it("registers a customer and sends a welcome email", async () => {
    await testCase({ story: "Sign up", id: "4001", severity: "blocker", tags: ["smoke"] });
    const customer = await allure.step("Submit the sign-up form", async (step) => {
      await step.parameter("email", "ana.silva@example.com");
      await step.parameter("password", "Sunflower2025", "masked");
      return accounts.register({ email: "ana.silva@example.com", password: "Sunflower2025", name: "Ana Silva" });
    });
    const { passwordHash: _hash, salt: _salt, ...visible } = customer;
    await attachJson("POST /api/accounts response", visible);
    expect(customer.id).toMatch(/^cus_\d{5}$/);
    expect(accounts.outbox).toEqual([{ to: "ana.silva@example.com", subject: "Welcome to Acme Shop", body: "Hi Ana Silva, your account is ready." }]);
  });

  it("stores the email address in lower case", async () => {
    await testCase({ story: "Sign up", id: "4002", severity: "minor" });
    const customer = accounts.register({ email: "  Ana.Silva@Example.COM ", password: "Sunflower2025", name: "Ana Silva" });
    expect(customer.email).toBe("ana.silva@example.com");
  });

  it("refuses a second account for the same email in a different case", async () => {
    await testCase({ story: "Sign up", id: "4003", severity: "critical" });
    accounts.register({ email: "ana.silva@example.com", password: "Sunflower2025", name: "Ana Silva" });
    expect(() => accounts.register({ email: "ANA.SILVA@example.com", password: "Tulips2025!!", name: "Ana S." })).toThrow(
      "An account with this email already exists",
    );
  });

  it.each([
    { problem: "too short", password: "Short1" },
    { problem: "letters only", password: "onlylettershere" },
    { problem: "digits only", password: "1234567890" },
    { problem: "contains the email name", password: "ana.silva2025" },
  ])("rejects a password that is $problem", async ({ problem, password }) => {
    await testCase({ story: "Password policy", id: "4004", tags: ["security"] });
    await allure.parameter("problem", problem);
    await allure.parameter("password", password, { mode: "masked" });
    // When the form was submitted: useful in the log, meaningless for the test's identity.
    await allure.parameter("submittedAt", new Date().toISOString(), { excluded: true });
    const error = (() => {
      try {
        accounts.register({ email: "ana.silva@example.com", password, name: "Ana Silva" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AccountError);
    expect((error as AccountError).code).toBe("weak_password");
  });

  it.each(["ana.silva@", "ana silva@example.com"])("rejects the invalid email address %j", async (email) => {
    await testCase({ story: "Sign up", id: "4005", severity: "minor" });
    await allure.parameter("email", email);
    expect(() => accounts.register({ email, password: "Sunflower2025", name: "Ana" })).toThrow("is not a valid email address");
  });

  it("leaves marketing emails off unless the box is ticked", async () => {
    await testCase({ story: "Sign up", id: "4006", tags: ["gdpr"] });
    expect(accounts.register({ email: "a@example.com", password: "Sunflower2025", name: "A" }).marketingOptIn).toBe(false);
    expect(accounts.register({ email: "b@example.com", password: "Sunflower2025", name: "B", marketingOptIn: true }).marketingOptIn).toBe(true);
  });
});
