import * as allure from "allure-js-commons";
import { beforeEach, describe, expect, it } from "vitest";
import { AddressBook, AddressError } from "../app/addresses.ts";
import { BROOKLYN, PO_BOX, PORTLAND } from "../support/customers.ts";
import { attachJson } from "../support/evidence.ts";
import { area, testCase } from "../support/labels.ts";

describe("Address book", () => {
  let book: AddressBook;

  beforeEach(async () => {
    await area("Customer accounts", "Address book", "sam.okafor");
    book = new AddressBook();
  });

  it("makes the first saved address the default", async () => {
    await testCase({ story: "Saved addresses", id: "4301", severity: "critical" });
    const saved = book.add(BROOKLYN);
    expect(book.default?.id).toBe(saved.id);
  });

  it.each([
    { problem: "a 4-digit ZIP code", change: { zip: "1120" }, message: 'ZIP code "1120" must be 5 digits or ZIP+4' },
    { problem: "an unknown state", change: { state: "XX" }, message: 'unknown state "XX"' },
    { problem: "no street address", change: { line1: "  " }, message: "street address is required" },
  ])("refuses an address with $problem", async ({ problem, change, message }) => {
    await testCase({ story: "Address validation", id: "4302" });
    await allure.parameter("problem", problem);
    expect(() => book.add({ ...BROOKLYN, ...change })).toThrow(AddressError);
    expect(() => book.add({ ...BROOKLYN, ...change })).toThrow(message);
  });

  it("accepts ZIP+4 codes", async () => {
    await testCase({ story: "Address validation", id: "4303", severity: "minor" });
    expect(book.add({ ...PORTLAND, zip: "97209-3201" }).zip).toBe("97209-3201");
  });

  it("makes another saved address the default", async () => {
    await testCase({ story: "Saved addresses", id: "4304" });
    book.add(BROOKLYN);
    const portland = book.add(PORTLAND);
    book.setDefault(portland.id);
    expect(book.default?.city).toBe("Portland");
    expect(book.changeLog).toEqual(["default address addr_1 → addr_2"]);
  });

  it("sets a new default after the default address was deleted", async () => {
    await testCase({ story: "Saved addresses", id: "4305", issue: "445" });
    const brooklyn = book.add(BROOKLYN);
    const poBox = book.add(PO_BOX);
    await allure.step("Delete the default address", () => book.remove(brooklyn.id));
    await attachJson("address book", { addresses: book.list(), default: book.default });
    const chosen = await allure.step("Choose the PO box as the new default", () => book.setDefault(poBox.id));
    expect(chosen.id).toBe(poBox.id);
  });

  it("keeps the other addresses when one is removed", async () => {
    await testCase({ story: "Saved addresses", id: "4306", severity: "minor" });
    const a = book.add(BROOKLYN);
    book.add(PORTLAND);
    book.add(PO_BOX);
    book.remove(a.id);
    expect(book.list().map((x) => x.city)).toEqual(["Portland", "Bozeman"]);
  });
});
