import * as allure from "allure-js-commons";
import { beforeEach, describe, expect, it } from "vitest";
import type { Permission, Role } from "../app/access.ts";
import { AccessDeniedError, AuditLog, can } from "../app/access.ts";
import { attachJson } from "../support/evidence.ts";
import { area, testCase } from "../support/labels.ts";

describe("Staff roles", () => {
  let audit: AuditLog;

  beforeEach(async () => {
    await area("Back office", "Staff roles & permissions", "dev.patel");
    audit = new AuditLog();
  });

  it.each<{ role: Role; permission: Permission; allowed: boolean }>([
    { role: "viewer", permission: "orders.update", allowed: false },
    { role: "support", permission: "refunds.create", allowed: true },
    { role: "support", permission: "refunds.approve", allowed: false },
    { role: "manager", permission: "refunds.approve", allowed: true },
    { role: "admin", permission: "staff.manage", allowed: true },
  ])("$role: $permission → $allowed", async ({ role, permission, allowed }) => {
    await testCase({ story: "Permission matrix", id: "5201", severity: "critical", tags: ["security"] });
    await allure.parameter("role", role);
    await allure.parameter("permission", permission);
    expect(can(role, permission)).toBe(allowed);
  });

  it("records denied actions in the audit log", async () => {
    await testCase({ story: "Audit trail", id: "5202", tags: ["security", "compliance"] });
    const viewer = { email: "intern@acme.example", role: "viewer" as const };
    expect(() => audit.authorize(viewer, "refunds.create", "ACME-10241")).toThrow(AccessDeniedError);
    await attachJson("audit log", audit.entries);
    expect(audit.entries).toEqual([{ actor: "intern@acme.example", action: "refunds.create", target: "ACME-10241", allowed: false }]);
  });

  it("lets only admins manage staff accounts", async () => {
    await testCase({ story: "Permission matrix", id: "5203", severity: "critical" });
    const roles: Role[] = ["viewer", "support", "manager", "admin"];
    expect(roles.filter((r) => can(r, "staff.manage"))).toEqual(["admin"]);
  });
});
