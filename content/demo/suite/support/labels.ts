import * as allure from "allure-js-commons";

export type Epic = "Storefront" | "Shopping cart" | "Checkout & payments" | "Customer accounts" | "Back office";

/** Labels shared by every test of a spec file; call it from beforeEach. */
export const area = async (epic: Epic, feature: string, owner: string): Promise<void> => {
  await allure.epic(epic);
  await allure.feature(feature);
  await allure.owner(owner);
};

export interface CaseMeta {
  story: string;
  id?: string;
  severity?: "blocker" | "critical" | "normal" | "minor" | "trivial";
  tags?: string[];
  issue?: string;
  tms?: string;
  description?: string;
}

/** Per-test labels and links. Ids are bare: Casebook's config turns them into URLs. */
export const testCase = async (meta: CaseMeta): Promise<void> => {
  await allure.story(meta.story);
  if (meta.id) await allure.allureId(meta.id);
  await allure.severity(meta.severity ?? "normal");
  if (meta.tags?.length) await allure.tags(...meta.tags);
  if (meta.issue) await allure.issue(meta.issue, `#${meta.issue}`);
  if (meta.tms) await allure.tms(meta.tms, `TC-${meta.tms}`);
  if (meta.description) await allure.description(meta.description);
};
