import type { Cents } from "./money.ts";

export type Role = "viewer" | "support" | "manager" | "admin";
export type Permission = "orders.read" | "orders.update" | "refunds.create" | "refunds.approve" | "catalog.edit" | "staff.manage";

const GRANTS: Record<Role, Permission[]> = {
  viewer: ["orders.read"],
  support: ["orders.read", "orders.update", "refunds.create"],
  manager: ["orders.read", "orders.update", "refunds.create", "refunds.approve", "catalog.edit"],
  admin: ["orders.read", "orders.update", "refunds.create", "refunds.approve", "catalog.edit", "staff.manage"],
};

/** Refunds above this need a manager's approval when raised by support staff. */
export const SUPPORT_REFUND_LIMIT: Cents = 10_000;

export interface StaffMember {
  email: string;
  role: Role;
}

export class AccessDeniedError extends Error {
  override name = "AccessDeniedError";
}

export const can = (role: Role, permission: Permission): boolean => GRANTS[role].includes(permission);

export class AuditLog {
  readonly entries: { actor: string; action: string; target: string; allowed: boolean }[] = [];

  authorize(actor: StaffMember, permission: Permission, target: string): void {
    const allowed = can(actor.role, permission);
    this.entries.push({ actor: actor.email, action: permission, target, allowed });
    if (!allowed) throw new AccessDeniedError(`${actor.email} (${actor.role}) may not ${permission} on ${target}`);
  }
}

export const refundNeedsApproval = (actor: StaffMember, amount: Cents): boolean =>
  actor.role === "support" && amount > SUPPORT_REFUND_LIMIT;
