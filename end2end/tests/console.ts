import type { Page } from "@playwright/test";

/** Collects console errors and uncaught exceptions, so a test can fail on any (a broken wasm
 *  bundle or a hydration mismatch shows up here). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
