import { test, expect } from "@playwright/test";

const password = process.env.E2E_ADMIN_PASSWORD ?? "";

test("an admin signs in, creates a desk account and signs out", async ({ page }, testInfo) => {
  test.skip(!password, "E2E_ADMIN_PASSWORD is set by .ci/test.sh");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  // A signed-out visit to the desk goes to the login form and comes back after signing in.
  await page.goto("/desk/users");
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Username").fill("e2e.admin");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Desk accounts" })).toBeVisible();
  await expect(page.locator("main")).toHaveAttribute("data-hydrated", "true");

  const form = page.locator("form.desk-form");
  await form.getByLabel("Username").fill("new.checker");
  await form.getByLabel("Display name").fill("New Checker");
  await form.getByLabel("Password (12–256 characters)").fill("a long enough password");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Account created.")).toBeVisible();
  await expect(page.locator('tr[data-username="new.checker"]')).toContainText("New Checker");
  await page.screenshot({ path: testInfo.outputPath("desk-accounts.png"), fullPage: true });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(errors, errors.join("\n")).toEqual([]);
});
