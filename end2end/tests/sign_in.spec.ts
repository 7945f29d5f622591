import { test, expect } from "@playwright/test";

test("a wrong password is explained next to the form, and nothing is signed in", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // The refused sign-in's own 401 response is expected; anything else is a failure.
    if (message.type() === "error" && !message.text().includes("401")) errors.push(message.text());
  });
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("Username").fill("nobody");
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That username and password do not match an active account.");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("main")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByRole("alert")).toBeVisible();
  expect(errors, errors.join("\n")).toEqual([]);
});
