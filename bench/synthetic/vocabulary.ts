// Words for a plausible product: an online shop with a back office and public API.
// The generator combines them, so a few hundred words give tens of thousands of names.

export const epics = [
  'Accounts', 'Authentication', 'Billing', 'Checkout', 'Catalog', 'Search', 'Cart', 'Orders',
  'Payments', 'Shipping', 'Returns', 'Inventory', 'Pricing', 'Promotions', 'Notifications',
  'Reviews', 'Wishlist', 'Subscriptions', 'Reporting', 'Admin Console', 'Permissions', 'Audit Log',
  'Public API', 'Webhooks', 'Imports', 'Exports', 'Localization', 'Mobile App', 'Support Desk',
  'Loyalty Program', 'Marketplace', 'Tax', 'Invoicing', 'Onboarding', 'Analytics', 'Recommendations',
] as const;

export const featureNouns = [
  'Sign-up', 'Login', 'Password reset', 'Two-factor', 'Profile', 'Address book', 'Saved cards',
  'Product page', 'Category tree', 'Filters', 'Sorting', 'Autocomplete', 'Bulk edit', 'CSV upload',
  'Refunds', 'Partial refunds', 'Gift cards', 'Coupons', 'Price rules', 'Currency', 'Email digest',
  'Push messages', 'SMS', 'Rate limits', 'API keys', 'Pagination', 'Audit trail', 'Role editor',
  'Team invites', 'Dashboards', 'Scheduled reports', 'Stock levels', 'Warehouses', 'Carriers',
  'Tracking', 'Labels', 'Return requests', 'Exchanges', 'Ratings', 'Moderation', 'Trials',
  'Plan changes', 'Dunning', 'Invoices', 'Credit notes', 'Translations', 'Time zones', 'Deep links',
  'Offline mode', 'Tickets', 'Live chat', 'Points', 'Tiers', 'Sellers', 'Payouts', 'VAT', 'Exemptions',
] as const;

export const storyVerbs = [
  'create', 'update', 'delete', 'list', 'view', 'search', 'filter', 'export', 'import', 'approve',
  'reject', 'cancel', 'retry', 'schedule', 'share', 'merge', 'archive', 'restore', 'validate', 'notify',
] as const;

export const storyObjects = [
  'as a guest', 'as a registered customer', 'as an admin', 'as a seller', 'in bulk', 'with a coupon',
  'on mobile', 'with two currencies', 'across time zones', 'after a timeout', 'with expired data',
  'with missing fields', 'with a large payload', 'from the API', 'from the back office', 'offline',
] as const;

export const testConditions = [
  'with valid data', 'with an empty form', 'when the session expired', 'when the item is out of stock',
  'with a discount applied', 'for a new user', 'for a returning user', 'with a slow network',
  'when the service is down', 'with unicode input', 'with the maximum length', 'twice in a row',
  'after a page reload', 'with a stale cache', 'in read-only mode', 'with insufficient rights',
  'with a foreign locale', 'with a zero amount', 'with a negative amount', 'at the end of the month',
] as const;

export const testOutcomes = [
  'shows a confirmation', 'returns 200', 'returns 400', 'returns 403', 'keeps the state', 'sends one email',
  'updates the total', 'logs an audit entry', 'redirects to the list', 'shows a validation error',
  'is idempotent', 'rounds to two decimals', 'preserves the order', 'hides the button', 'emits a webhook',
] as const;

export const owners = [
  'anna.kowalska', 'ben.okafor', 'chen.wei', 'dara.nguyen', 'eli.cohen', 'fatima.zahra', 'gus.larsen',
  'hana.sato', 'ivan.petrov', 'julia.souza', 'kofi.mensah', 'lena.muller', 'marco.rossi', 'nora.berg',
  'omar.haddad', 'priya.raman', 'quinn.walsh', 'rosa.diaz',
] as const;

export const tags = [
  'smoke', 'regression', 'api', 'ui', 'slow', 'flaky-watch', 'security', 'a11y', 'contract', 'e2e',
  'critical-path', 'nightly', 'mobile', 'i18n',
] as const;

export const severities = ['blocker', 'critical', 'normal', 'normal', 'normal', 'minor', 'trivial'] as const;

export const stepActions = [
  'Open', 'Navigate to', 'Fill in', 'Click', 'Submit', 'Wait for', 'Verify', 'Check', 'Select',
  'Upload', 'Call', 'Seed', 'Assert', 'Scroll to', 'Clear', 'Expand',
] as const;

export const stepTargets = [
  'the login page', 'the cart', 'the checkout form', 'the order list', 'the search box', 'the price table',
  'the API endpoint', 'the confirmation dialog', 'the admin panel', 'the invoice PDF', 'the email inbox',
  'the payment iframe', 'the product grid', 'the settings tab', 'the database fixture', 'the webhook log',
] as const;

export const frameworks = [
  { framework: 'mocha', style: 'mocha', extension: '.spec.ts' },
  { framework: 'jest', style: 'hash', extension: '.test.ts' },
  { framework: 'vitest', style: 'hash', extension: '.test.ts' },
  { framework: 'playwright', style: 'hash', extension: '.spec.ts' },
  { framework: 'cucumberjs', style: 'hash', extension: '.feature' },
] as const;

export type Framework = (typeof frameworks)[number];

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
