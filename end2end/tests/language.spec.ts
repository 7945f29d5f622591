import { test, expect } from "@playwright/test";
import { watchConsole } from "./console";

const ACCUSATION = "/claims/us-accuses-north-korea-of-supplying-weapons-to-russia";

test.describe("an Indonesian browser", () => {
  test.use({ locale: "id-ID" });

  test("reads the claim page in Indonesian and switches to English and back", async ({ page, context }, testInfo) => {
    const errors = watchConsole(page);
    await page.goto(ACCUSATION);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.locator("main")).toHaveAttribute("data-hydrated", "true");

    // Interface labels and the rating's name in Indonesian; the claim keeps its own words.
    await expect(page.getByRole("heading", { level: 2, name: "Akuratkah?" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Benarkah ia mengatakannya?" })).toBeVisible();
    const judgements = page.locator(".judgements");
    await expect(judgements.locator("[data-verdict]")).toContainText("Belum terbukti");
    await expect(judgements.locator(".badge--attribution")).toHaveText("Atribusi belum diverifikasi");
    await expect(page.locator(".chain__sentence")).toHaveText(
      "Government of the United States melontarkan tuduhan ini — menurut Associated Press, sebagaimana diteruskan oleh Kompas TV.",
    );
    await expect(page.locator("blockquote.claim-text")).toContainText("menjual peluru artileri");
    await expect(page.locator(".translation__label")).toHaveText("Terjemahan kami");
    await page.screenshot({ path: testInfo.outputPath("claim-page-indonesian.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath("claim-page-indonesian-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The switch in the header: the same page, now in English, and the choice is kept.
    const switcher = page.getByRole("navigation", { name: "Bahasa" });
    await switcher.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(new RegExp(`${ACCUSATION}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 2, name: "Is it accurate?" })).toBeVisible();
    await expect(page.locator(".judgements [data-verdict]")).toContainText("Unproven");
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "claimtrack_lang")?.value).toBe("en");

    // The cookie beats the browser's Indonesian on every later page.
    await page.goto("/methodology");
    await expect(page.getByRole("heading", { level: 1, name: "How we check claims" })).toBeVisible();

    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Bahasa Indonesia" }).click();
    await expect(page).toHaveURL(/\/methodology$/);
    await expect(page.getByRole("heading", { level: 1, name: "Cara kami memeriksa klaim" })).toBeVisible();
    await expect(page.locator(".scale")).toContainText("Belum terbukti");
    await expect(page.locator("main")).toHaveAttribute("data-hydrated", "true");

    expect(errors, errors.join("\n")).toEqual([]);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the language switch works as a plain link", async ({ page }) => {
    await page.goto("/?q=bantah");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("link", { name: "Bahasa Indonesia" }).click();
    await expect(page).toHaveURL(/\/\?q=bantah$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.locator(".results-heading")).toHaveText("Hasil untuk “bantah”");
  });
});
