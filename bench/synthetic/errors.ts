// A few dozen error signatures, each with variable numbers and ids inside, so failures
// look like a real suite's: many messages, few underlying causes.

import type { Random } from './random.ts';

export type FailureStatus = 'failed' | 'broken';
export type DefectKind = 'product' | 'test' | 'infrastructure';

export interface ErrorContext {
  /** The epic's API prefix, e.g. `/api/v2/orders`. */
  api: string;
  epicSlug: string;
}

export interface ErrorInstance {
  message: string;
  /** The error class printed on the trace's first line. */
  errorClass: string;
  /** Frames from library code, between the test's frames and Node's. */
  libraryFrames: string[];
  actual?: string;
  expected?: string;
}

export interface ErrorSignature {
  id: string;
  status: FailureStatus;
  kind: DefectKind;
  /** Title of the known defect written for it. */
  title: string;
  /** Matches the whole message (Allure's categories use Java's `matches`). */
  messageRegex: string;
  /** For messages that name the epic: a regex for one epic's share of this error. */
  scopedRegex?: (epicSlug: string) => string;
  make(r: Random, ctx: ErrorContext): ErrorInstance;
}

const money = (r: Random): string => `${r.int(1, 499)}.${String(r.int(0, 99)).padStart(2, '0')}`;
const ip = (r: Random): string => `10.${r.int(0, 9)}.${r.int(0, 255)}.${r.int(2, 254)}`;
const ms = (r: Random): number => r.pick([2000, 5000, 10000, 15000, 30000]);
const pgFrames = ['at Connection.parseE (node_modules/pg/lib/connection.js:614:13)', 'at Socket.<anonymous> (node_modules/pg/lib/connection.js:116:22)'];
const pwFrames = ['at ProtocolClient.send (node_modules/playwright-core/lib/client/connection.js:78:15)'];
const chaiFrames = ['at Proxy.assertEqual (node_modules/chai/lib/chai/core/assertions.js:1085:12)'];

function sig(
  id: string,
  status: FailureStatus,
  kind: DefectKind,
  title: string,
  messageRegex: string,
  make: ErrorSignature['make'],
  scopedRegex?: (epicSlug: string) => string,
): ErrorSignature {
  return scopedRegex ? { id, status, kind, title, messageRegex, make, scopedRegex } : { id, status, kind, title, messageRegex, make };
}

export const errorSignatures: readonly ErrorSignature[] = [
  sig('http-5xx', 'failed', 'product', 'API answers 5xx under load', 'Expected status 200 but got 50[0-4] from (GET|POST|PUT) /api/v2/.*', (r, c) => {
    const code = r.pick([500, 502, 503, 504]);
    return { message: `Expected status 200 but got ${code} from ${r.pick(['GET', 'POST', 'PUT'])} ${c.api}/${r.int(1000, 99999)}`, errorClass: 'AssertionError', libraryFrames: chaiFrames, actual: String(code), expected: '200' };
  }, (slug) => `Expected status 200 but got 50[0-4] from (GET|POST|PUT) /api/v2/${slug}/\\d+`),
  sig('chai-equal-status', 'failed', 'product', 'Order stays pending after payment', "expected '(pending|processing)' to equal 'paid'", (r) => {
    const got = r.pick(['pending', 'processing']);
    return { message: `expected '${got}' to equal 'paid'`, errorClass: 'AssertionError', libraryFrames: chaiFrames, actual: `'${got}'`, expected: "'paid'" };
  }),
  sig('jest-tobe-count', 'failed', 'product', 'Cart badge count is off by one', 'expect\\(received\\)\\.toBe\\(expected\\) // Object\\.is equality\\s+Expected: \\d+\\s+Received: \\d+', (r) => {
    const expected = r.int(2, 9);
    return { message: `expect(received).toBe(expected) // Object.is equality\n\nExpected: ${expected}\nReceived: ${expected - 1}`, errorClass: 'Error', libraryFrames: [], actual: String(expected - 1), expected: String(expected) };
  }),
  sig('jest-toequal-status', 'failed', 'product', 'Refund leaves the order in the wrong state', 'expect\\(received\\)\\.toEqual\\(expected\\) // deep equality[\\s\\S]*"status": "refunded"[\\s\\S]*', (r) => {
    const id = r.int(10000, 99999);
    return { message: `expect(received).toEqual(expected) // deep equality\n\n- Expected  - 1\n+ Received  + 1\n\n  Object {\n    "id": ${id},\n-   "status": "refunded",\n+   "status": "${r.pick(['paid', 'partially_refunded'])}",\n  }`, errorClass: 'Error', libraryFrames: [] };
  }),
  sig('pw-visible', 'failed', 'test', 'Pay button locator is stale after the redesign', "Timed out \\d+ms waiting for expect\\(locator\\)\\.toBeVisible\\(\\)[\\s\\S]*", (r) => {
    const name = r.pick(['Pay now', 'Continue', 'Place order', 'Save', 'Apply coupon']);
    return { message: `Timed out ${ms(r)}ms waiting for expect(locator).toBeVisible()\n\nLocator: getByRole('button', { name: '${name}' })\nExpected: visible\nReceived: <element(s) not found>\nCall log:\n  - expect.toBeVisible with timeout ${ms(r)}ms\n  - waiting for getByRole('button', { name: '${name}' })`, errorClass: 'Error', libraryFrames: pwFrames };
  }),
  sig('pw-text-total', 'failed', 'product', 'Totals are rounded down by one cent', 'expect\\(locator\\)\\.toHaveText\\(expected\\)[\\s\\S]*Expected string: "Total: \\$[\\d.]+"[\\s\\S]*', (r) => {
    const cents = r.int(100, 50000);
    const fmt = (c: number): string => `$${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
    return { message: `expect(locator).toHaveText(expected)\n\nLocator: locator('[data-test=order-total]')\nExpected string: "Total: ${fmt(cents)}"\nReceived string: "Total: ${fmt(cents - 1)}"`, errorClass: 'Error', libraryFrames: pwFrames, expected: `Total: ${fmt(cents)}`, actual: `Total: ${fmt(cents - 1)}` };
  }),
  sig('chai-length', 'failed', 'product', 'Search drops the last page of results', 'expected \\[ .* \\] to have a length of \\d+ but got \\d+', (r) => {
    const n = r.int(3, 6);
    const items = Array.from({ length: n - 1 }, () => `'SKU-${r.int(1000, 9999)}'`).join(', ');
    return { message: `expected [ ${items} ] to have a length of ${n} but got ${n - 1}`, errorClass: 'AssertionError', libraryFrames: chaiFrames };
  }),
  sig('chai-include', 'failed', 'product', 'Confirmation page shows the old order state', "expected 'Order #\\d+ .*' to include 'confirmed'", (r) => ({
    message: `expected 'Order #${r.int(10000, 99999)} ${r.pick(['pending', 'awaiting payment', 'on hold'])}' to include 'confirmed'`, errorClass: 'AssertionError', libraryFrames: chaiFrames,
  })),
  sig('close-to', 'failed', 'product', 'Currency conversion loses precision', 'expected [\\d.]+ to be close to [\\d.]+ \\+/- 0\\.001', (r) => {
    const v = money(r);
    return { message: `expected ${v}1 to be close to ${v} +/- 0.001`, errorClass: 'AssertionError', libraryFrames: chaiFrames };
  }),
  sig('float-rounding', 'failed', 'product', 'Tax is computed in floating point', 'expect\\(received\\)\\.toBe\\(expected\\) // Object\\.is equality\\s+Expected: \\d+\\.\\d{1,2}\\s+Received: \\d+\\.\\d{5,}', (r) => {
    const v = money(r);
    return { message: `expect(received).toBe(expected) // Object.is equality\n\nExpected: ${v}\nReceived: ${v}000000000002`, errorClass: 'Error', libraryFrames: [] };
  }),
  sig('strict-equal-currency', 'failed', 'product', 'Locale switch keeps the old currency', "Expected values to be strictly equal:\\s+'[A-Z]{3}' !== '[A-Z]{3}'\\s*", (r) => {
    const [a, b] = r.pick([['EUR', 'USD'], ['GBP', 'EUR'], ['USD', 'CAD'], ['PLN', 'EUR']] as const);
    return { message: `Expected values to be strictly equal:\n\n'${a}' !== '${b}'\n`, errorClass: 'AssertionError [ERR_ASSERTION]', libraryFrames: [], actual: a, expected: b };
  }),
  sig('sinon-called-twice', 'failed', 'product', 'Confirmation email is sent twice', 'expected (sendEmail|publishEvent|chargeCard) to have been called exactly once, but it was called \\d+ times[\\s\\S]*', (r) => {
    const fn = r.pick(['sendEmail', 'publishEvent', 'chargeCard']);
    return { message: `expected ${fn} to have been called exactly once, but it was called ${r.int(2, 3)} times\n    ${fn}(${r.int(1000, 9999)}) at /builds/shop/src/${fn}.ts:${r.int(10, 200)}:${r.int(3, 30)}`, errorClass: 'AssertionError', libraryFrames: ['at Object.fail (node_modules/sinon/lib/sinon/proxy-invoke.js:42:13)'] };
  }),
  sig('snapshot', 'failed', 'test', 'Invoice snapshot not updated after template change', 'Snapshot `.*` mismatched[\\s\\S]*', (r) => ({
    message: `Snapshot \`${r.pick(['Invoice', 'Receipt', 'Order summary', 'Price table'])} > renders ${r.pick(['totals', 'lines', 'footer', 'taxes'])} ${r.int(1, 3)}\` mismatched\n\n- Snapshot  - ${r.int(1, 4)}\n+ Received  + ${r.int(1, 4)}`, errorClass: 'Error', libraryFrames: ['at toMatchSnapshot (node_modules/@vitest/snapshot/dist/index.js:1412:13)'],
  })),
  sig('email-timeout', 'failed', 'infrastructure', 'Mail catcher drops messages on staging', 'Expected an email to \'user-\\d+@example\\.test\' within \\d+ms, got none', (r) => ({
    message: `Expected an email to 'user-${r.int(1000, 99999)}@example.test' within ${ms(r)}ms, got none`, errorClass: 'AssertionError', libraryFrames: ['at MailCatcher.waitFor (tests/support/mail-catcher.ts:61:11)'],
  })),
  sig('webhook-count', 'failed', 'product', 'Webhook retries are not delivered', 'Expected \\d+ webhook deliveries for event [a-z.]+, got \\d+', (r) => ({
    message: `Expected ${r.int(2, 4)} webhook deliveries for event ${r.pick(['order.paid', 'order.shipped', 'refund.created', 'invoice.issued'])}, got 1`, errorClass: 'AssertionError', libraryFrames: [],
  })),
  sig('timezone', 'failed', 'product', 'Reports use the server time zone', "expected '[A-Za-z/_]+' to equal 'UTC'", (r) => ({
    message: `expected '${r.pick(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo'])}' to equal 'UTC'`, errorClass: 'AssertionError', libraryFrames: chaiFrames,
  })),
  sig('missing-property', 'failed', 'product', 'Discount missing from the line item payload', "expected \\{ .* \\} to have property '(discount|taxRate|couponCode)'", (r) => ({
    message: `expected { id: ${r.int(1000, 99999)}, sku: 'SKU-${r.int(1000, 9999)}', qty: ${r.int(1, 5)} } to have property '${r.pick(['discount', 'taxRate', 'couponCode'])}'`, errorClass: 'AssertionError', libraryFrames: chaiFrames,
  })),
  sig('deep-equal-undefined', 'failed', 'product', 'Shipment lookup returns nothing for new orders', "expected undefined to deeply equal \\{ id: \\d+, state: '[a-z]+' \\}", (r) => ({
    message: `expected undefined to deeply equal { id: ${r.int(10000, 99999)}, state: '${r.pick(['shipped', 'delivered', 'packed'])}' }`, errorClass: 'AssertionError', libraryFrames: chaiFrames,
  })),
  sig('pw-goto-timeout', 'broken', 'infrastructure', 'Staging frontend is slow to start', 'page\\.goto: Timeout \\d+ms exceeded\\.[\\s\\S]*', (r, c) => ({
    message: `page.goto: Timeout ${ms(r)}ms exceeded.\nCall log:\n  - navigating to "https://staging.shop.test/${c.epicSlug}/${r.int(100, 9999)}", waiting until "load"`, errorClass: 'TimeoutError', libraryFrames: pwFrames,
  }), (slug) => `page\\.goto: Timeout \\d+ms exceeded\\.[\\s\\S]*https://staging\\.shop\\.test/${slug}/[\\s\\S]*`),
  sig('econnrefused-db', 'broken', 'infrastructure', 'Test database not ready when the suite starts', 'connect ECONNREFUSED [\\d.]+:5432', (r) => ({
    message: `connect ECONNREFUSED ${ip(r)}:5432`, errorClass: 'Error', libraryFrames: ['at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1636:16)'],
  })),
  sig('undefined-total', 'broken', 'test', 'Page object reads the total before the cart loads', "Cannot read properties of undefined \\(reading '(total|items|price)'\\)", (r) => ({
    message: `Cannot read properties of undefined (reading '${r.pick(['total', 'items', 'price'])}')`, errorClass: 'TypeError', libraryFrames: [],
  })),
  sig('axios-502', 'broken', 'infrastructure', 'Gateway returns 502 during deploys', 'Request failed with status code 502', () => ({
    message: 'Request failed with status code 502', errorClass: 'AxiosError', libraryFrames: ['at settle (node_modules/axios/lib/core/settle.js:19:12)', 'at IncomingMessage.handleStreamEnd (node_modules/axios/lib/adapters/http.js:599:11)'],
  })),
  sig('socket-hang-up', 'broken', 'infrastructure', 'Payment sandbox drops connections', 'request to https://payments\\.staging\\.test/v1/[a-z]+/\\w+ failed, reason: socket hang up', (r) => ({
    message: `request to https://payments.staging.test/v1/${r.pick(['charges', 'refunds', 'intents'])}/ch_${r.hex(14)} failed, reason: socket hang up`, errorClass: 'FetchError', libraryFrames: ['at ClientRequest.<anonymous> (node_modules/node-fetch/lib/index.js:1505:11)'],
  })),
  sig('mocha-timeout', 'broken', 'test', 'Hook waits for a promise that never resolves', 'Timeout of \\d+ms exceeded\\. For async tests and hooks, ensure "done\\(\\)" is called; if returning a Promise, ensure it resolves\\. \\(.*\\)', (r) => ({
    message: `Timeout of ${ms(r)}ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves. (/builds/shop/tests/${r.pick(['orders', 'cart', 'billing'])}/${r.pick(['setup', 'hooks', 'fixtures'])}.ts)`, errorClass: 'Error', libraryFrames: ['at listOnTimeout (node:internal/timers:594:17)'],
  })),
  sig('enospc', 'broken', 'infrastructure', 'CI runner disk fills up with videos', "ENOSPC: no space left on device, write '.*'", (r) => ({
    message: `ENOSPC: no space left on device, write '/tmp/playwright-artifacts-${r.hex(6)}/video.webm'`, errorClass: 'Error', libraryFrames: [],
  })),
  sig('unique-email', 'broken', 'test', 'Test data reuses e-mail addresses across shards', 'duplicate key value violates unique constraint "users_email_key"', () => ({
    message: 'duplicate key value violates unique constraint "users_email_key"', errorClass: 'SequelizeUniqueConstraintError', libraryFrames: pgFrames,
  })),
  sig('browser-closed', 'broken', 'infrastructure', 'Browser crashes on low-memory runners', '(page|locator)\\.[a-zA-Z]+: Target page, context or browser has been closed', (r) => ({
    message: `${r.pick(['page.click', 'locator.fill', 'page.waitForURL'])}: Target page, context or browser has been closed`, errorClass: 'Error', libraryFrames: pwFrames,
  })),
  sig('enotfound', 'broken', 'infrastructure', 'Internal DNS flaps on search nodes', 'getaddrinfo ENOTFOUND search-\\d+\\.internal', (r) => ({
    message: `getaddrinfo ENOTFOUND search-${r.int(1, 12)}.internal`, errorClass: 'Error', libraryFrames: ['at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)'],
  })),
  sig('flag-undefined', 'broken', 'test', 'Feature-flag helper not imported', 'featureFlags is not defined', () => ({
    message: 'featureFlags is not defined', errorClass: 'ReferenceError', libraryFrames: [],
  })),
  sig('redis-lost', 'broken', 'infrastructure', 'Redis failover during the nightly run', 'Connection lost and command aborted\\. It might have been processed\\.', () => ({
    message: 'Connection lost and command aborted. It might have been processed.', errorClass: 'AbortError', libraryFrames: ['at RedisClient.flush_and_error (node_modules/redis/index.js:298:23)'],
  })),
  sig('outside-viewport', 'failed', 'test', 'Sticky banner covers the buttons on small screens', 'locator\\.click: Element is outside of the viewport[\\s\\S]*', (r) => ({
    message: `locator.click: Element is outside of the viewport\nCall log:\n  - waiting for locator('#${r.pick(['checkout', 'apply', 'next', 'submit'])}-button')\n  - attempting click action\n  - retrying click action, attempt #${r.int(2, 9)}`, errorClass: 'Error', libraryFrames: pwFrames,
  })),
  sig('html-not-json', 'broken', 'infrastructure', 'Proxy returns an HTML error page', `Unexpected token '<', "<!DOCTYPE "\\.\\.\\. is not valid JSON`, () => ({
    message: `Unexpected token '<', "<!DOCTYPE "... is not valid JSON`, errorClass: 'SyntaxError', libraryFrames: ['at JSON.parse (<anonymous>)', 'at parseJSONFromBytes (node:internal/deps/undici/undici:5738:19)'],
  })),
  sig('deadlock', 'broken', 'product', 'Concurrent checkouts deadlock on stock rows', 'Deadlock found when trying to get lock; try restarting transaction', () => ({
    message: 'Deadlock found when trying to get lock; try restarting transaction', errorClass: 'Error', libraryFrames: ['at Packet.asError (node_modules/mysql2/lib/packets/packet.js:740:17)'],
  })),
  sig('kafka-leader', 'broken', 'infrastructure', 'Event bus rebalances during the run', "kafka: topic '[a-z.]+' partition \\d+ leader not available", (r) => ({
    message: `kafka: topic '${r.pick(['orders.events', 'payments.events', 'stock.updates'])}' partition ${r.int(0, 11)} leader not available`, errorClass: 'KafkaJSProtocolError', libraryFrames: ['at createErrorFromCode (node_modules/kafkajs/src/protocol/error.js:581:10)'],
  })),
  sig('rate-limited', 'failed', 'product', 'Rate limiter counts retries as new requests', 'Expected status 200 but got 429 from (GET|POST) /api/v2/.*', (r, c) => ({
    message: `Expected status 200 but got 429 from ${r.pick(['GET', 'POST'])} ${c.api}?page=${r.int(1, 40)}`, errorClass: 'AssertionError', libraryFrames: chaiFrames, actual: '429', expected: '200',
  }), (slug) => `Expected status 200 but got 429 from (GET|POST) /api/v2/${slug}\\?page=\\d+`),
  sig('forbidden-admin', 'failed', 'product', 'Admin role lost a permission in the last migration', 'Expected status 200 but got 403 from (GET|PUT|DELETE) /api/v2/.*', (r, c) => ({
    message: `Expected status 200 but got 403 from ${r.pick(['GET', 'PUT', 'DELETE'])} ${c.api}/${r.int(1000, 99999)}/permissions`, errorClass: 'AssertionError', libraryFrames: chaiFrames, actual: '403', expected: '200',
  })),
];
