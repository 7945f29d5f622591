import { test, expect, type Page } from "@playwright/test";

const ACCUSATION = "us-accuses-north-korea-of-supplying-weapons-to-russia";

/** Fails the test on any console error or uncaught exception (a broken wasm bundle shows up here). */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("a reader follows the U.S. accusation to both denials and its attribution chain", async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Latest claims" })).toBeVisible();
  // The demo's draft never reaches the public listing.
  await expect(page.locator('[data-claim="south-korea-jo-chun-ryong-toured-munitions-factories"]')).toHaveCount(0);

  // Hydration: once the wasm bundle runs, choosing a verdict applies it without pressing "Apply".
  await expect(page.locator("main")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Verdict").selectOption("unproven");
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
    await page.getByLabel("Speaker").selectOption("kim-jong-un");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/speaker=kim-jong-un/);
    await expect(page.locator("article.claim-card .claim-card__speaker")).toHaveText(Array(4).fill("Kim Jong-un"));
  });
});

test("an unknown claim is a 404 page", async ({ page }) => {
  const response = await page.goto("/claims/no-such-claim");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
});
