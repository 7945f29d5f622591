import { test, expect, type Page } from "@playwright/test";
import { watchConsole } from "./console";

const ACCUSATION = "us-accuses-north-korea-of-supplying-weapons-to-russia";

test("a reader follows the U.S. accusation to both denials and its attribution chain", async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Latest claims" })).toBeVisible();
  // The demo's draft never reaches the public listing.
  await expect(page.locator('[data-claim="south-korea-jo-chun-ryong-toured-munitions-factories"]')).toHaveCount(0);

  // The filters are folded away until the reader opens them.
  await expect(page.locator("main")).toHaveAttribute("data-hydrated", "true");
  await page.locator("details.filters > summary").click();
  await page.getByLabel("Verdict").selectOption("unproven");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]verdict=unproven/);
  await expect(page.locator("article.claim-card")).toHaveCount(3);

  await page.getByRole("link", { name: "U.S. accuses North Korea of supplying weapons to Russia" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/claims/${ACCUSATION}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("U.S. accuses North Korea of supplying weapons to Russia");

  const denials = page.locator(".responses__denials article.claim-card");
  await expect(denials).toHaveCount(2);
  await expect(denials.filter({ hasText: "Government of Russia" })).toHaveCount(1);
  await expect(denials.filter({ hasText: "Government of North Korea" })).toHaveCount(1);
  await expect(page.locator(".chain__sentence")).toHaveText(
    "Government of the United States made this accusation — according to Associated Press, as relayed by Kompas TV.",
  );
  await expect(page.locator(".appearance mark")).toContainText("AS menuduh Korea Utara");

  await page.screenshot({ path: testInfo.outputPath("claim-page-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("claim-page-phone.png"), fullPage: true });

  expect(errors, errors.join("\n")).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the claim page and the filters still work", async ({ page }) => {
    await page.goto(`/claims/${ACCUSATION}`);
    await expect(page.locator(".responses__denials article.claim-card")).toHaveCount(2);
    await page.goto("/");
    await page.locator("details.filters > summary").click();
    await page.getByLabel("Speaker").selectOption("kim-jong-un");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/speaker=kim-jong-un/);
    await expect(page.locator("article.claim-card .claim-card__speaker")).toHaveText(Array(4).fill("Kim Jong-un"));
  });
});

test("a keyboard-only reader searches, refines by speaker and opens a result", async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await page.goto("/");
  await expect(page.locator("main")).toHaveAttribute("data-hydrated", "true");

  // Tab from the top of the page to the search box, type, press Enter.
  await tabUntil(page, () => document.activeElement?.id === "search-q");
  await page.keyboard.type("bantah");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]q=bantah/);
  await expect(page.locator('[data-claim="russia-denies-north-korean-arms-supplies"]')).toHaveCount(1);
  await expect(page.locator('[data-claim="north-korea-denies-arms-supplies-to-russia"]')).toHaveCount(1);
  await expect(page.locator(".claim-card__snippet mark").first()).toHaveText("membantah");
  await expect(page.locator("#search-q")).toHaveValue("bantah");

  // Open the filters with the keyboard, choose the speaker, apply.
  await tabUntil(page, () => document.activeElement?.tagName === "SUMMARY");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Speaker")).toBeFocused();
  // Type-ahead picks the option, as a keyboard user would choose it.
  await page.keyboard.type("Government of R");
  await expect(page.getByLabel("Speaker")).toHaveValue("government-of-russia");
  await tabUntil(page, () => document.activeElement?.textContent === "Apply filters");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/speaker=government-of-russia/);
  await expect(page).toHaveURL(/q=bantah/);
  await expect(page.locator("article.claim-card")).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("search-results.png"), fullPage: true });

  // Tab to the result's title and follow it.
  await tabUntil(page, () => !!document.activeElement?.closest(".claim-card__title"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/claims\/russia-denies-north-korean-arms-supplies$/);
  expect(errors, errors.join("\n")).toEqual([]);
});

/** Press Tab until `focused` is true in the page (at most 60 times). */
async function tabUntil(page: Page, focused: () => boolean) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate(focused)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached the expected element");
}

test("an unknown claim is a 404 page", async ({ page }) => {
  const response = await page.goto("/claims/no-such-claim");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
});
