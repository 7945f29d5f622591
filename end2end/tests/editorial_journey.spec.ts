import { test, expect, type Page, type Browser } from "@playwright/test";

// Accounts made by .ci/test.sh through the real CLI.
const password = process.env.E2E_DESK_PASSWORD ?? "";

const KOMPAS = "Kim Jong-un Ungkap Dukungan Penuh kepada Rusia";
// Two paragraphs of the Kompas TV report, as a fact-checker would paste them.
const CAPTURE = [
  "Kim mungkin memerintahkan peluncuran untuk menunjukkan kepada Putin tentang postur pertahanan Korea Utara dan menunjukkan ia tetap memegang kendali ketat terhadap aktivitas militer negaranya bahkan saat berada di luar negeri, kata Moon Seong Mook, seorang analis dengan Korea Research Institute for National Strategy yang berbasis di Seoul.",
  "Moon, seorang mantan brigadir jenderal Korea Selatan yang pernah ikut serta dalam perundingan militer antar-Korea, mengatakan bahwa dengan peluncuran ini, Korea Utara juga bisa bermaksud untuk mengungkapkan kemarahannya terhadap AS, setelah juru bicara Departemen Luar Negeri AS Matthew Miller mengatakan dalam konferensi pers bahwa Putin sedang bertemu dengan \"paria internasional untuk meminta bantuan dalam perang.\"",
].join("\n");
const EXCERPT = "Korea Utara juga bisa bermaksud untuk mengungkapkan kemarahannya terhadap AS";
const HEADLINE = "Moon: the launch may also have expressed anger at the U.S.";
const SLUG = "moon-the-launch-may-also-have-expressed-anger-at-the-u-s";
const CORRECTED = "Analyst: the launch may also have signalled anger at the U.S.";
const CORRECTION_NOTE = "The headline read as Moon's own words; it paraphrases an analyst's reading.";

async function signIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login?next=/desk");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.locator("main")).toHaveAttribute("data-hydrated", "true");
  return page;
}

/** Selects `text` inside the snapshot the way a mouse drag would, then releases the button. */
async function selectInSnapshot(page: Page, text: string) {
  await page.locator(".snapshot").evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const start = (node as Text).data.indexOf(wanted);
      if (start >= 0) {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + wanted.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        element.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return;
      }
    }
    throw new Error("excerpt not in the snapshot");
  }, text);
}

test("a fact-checker records a claim, an editor approves and publishes it, then corrects it", async ({ browser }, testInfo) => {
  test.skip(!password, "E2E_DESK_PASSWORD is set by .ci/test.sh");
  test.setTimeout(180_000);
  const errors: string[] = [];

  // --- The fact-checker ---------------------------------------------------------------------
  const checker = await signIn(browser, "e2e.checker");
  checker.on("pageerror", (error) => errors.push(error.message));

  // Paste the report's text into the existing Kompas TV source: it becomes snapshot 1.
  await checker.goto("/desk/sources");
  await checker.getByRole("link", { name: new RegExp(KOMPAS) }).click();
  await expect(checker.locator("main")).toHaveAttribute("data-hydrated", "true");
  await checker.locator("#snapshot-body").fill(CAPTURE);
  await checker.getByRole("button", { name: "Store snapshot" }).click();
  await expect(checker.getByText("Snapshot stored.")).toBeVisible();
  await expect(checker.locator(".snapshots")).toContainText("SHA-256");

  // A new claim: the speaker is found by searching.
  await checker.goto("/desk/claims/new");
  await expect(checker.locator("main")).toHaveAttribute("data-hydrated", "true");
  await checker.getByLabel("Search speakers").fill("Moon Seong");
  await checker.getByRole("button", { name: /Moon Seong Mook/ }).click();
  await expect(checker.locator("#form-speaker")).toHaveValue("moon-seong-mook");
  await checker.locator("#form-kind").selectOption("paraphrase");
  await checker.locator("#form-text").fill(EXCERPT);
  await checker.locator("#form-translation").fill("North Korea may also have meant to express its anger at the U.S.");
  await checker.locator("#form-translation_language").fill("en");
  await checker.locator("#form-headline").fill(HEADLINE);
  await checker.locator("#form-claimed_on").fill("2023-09-13");
  await checker.getByRole("button", { name: "Save draft" }).click();
  await expect(checker).toHaveURL(/\/desk\/claims\/\d+$/);
  const editorUrl = checker.url();
  await expect(checker.getByRole("heading", { level: 1, name: HEADLINE })).toBeVisible();
  await expect(checker.locator("main")).toHaveAttribute("data-hydrated", "true");

  // The appearance: choose the source, select the excerpt in its text.
  const kompas = await checker.locator("#appearance-source option", { hasText: KOMPAS }).getAttribute("value");
  await checker.locator("#appearance-source").selectOption(kompas!);
  await expect(checker.locator(".snapshot")).toContainText("Moon, seorang mantan brigadir jenderal");
  await selectInSnapshot(checker, EXCERPT);
  await expect(checker.locator("#appearance-exact")).toHaveValue(EXCERPT);
  await checker.locator("#appearance-role").selectOption("relay");
  await checker.locator("#appearance-cue").fill("mengatakan");
  await checker.getByRole("button", { name: "Add appearance" }).click();
  await expect(checker.locator(".appearances")).toContainText("anchored in snapshot 1");

  // Propose a verdict with the source as evidence, then submit for review.
  // "Not rated": an analyst's reading of intent is an interpretation, not a checkable fact.
  await checker.locator("#propose-value").selectOption("not-rated");
  await checker.locator("#propose-rationale").fill("An analyst's reading of intent: an interpretation, not a checkable statement of fact.");
  await checker.getByRole("checkbox", { name: new RegExp(KOMPAS) }).check();
  await checker.getByRole("button", { name: "Propose" }).click();
  await expect(checker.locator('.proposal[data-state="pending"]')).toContainText("Not rated");
  await checker.getByRole("button", { name: "Submit for review" }).click();
  await expect(checker.locator("[data-state=in_review]")).toBeVisible();

  // --- The editor ---------------------------------------------------------------------------
  const editor = await signIn(browser, "e2e.editor");
  editor.on("pageerror", (error) => errors.push(error.message));
  await editor.goto("/desk/review");
  await expect(editor.locator("main")).toHaveAttribute("data-hydrated", "true");
  const proposal = editor.locator(".proposal", { hasText: HEADLINE });
  await expect(proposal).toContainText(EXCERPT);
  await expect(proposal).toContainText("Not rated");
  await editor.screenshot({ path: testInfo.outputPath("review-queue.png"), fullPage: true });
  await proposal.getByLabel("Approve").check();
  await proposal.getByLabel("Note to the proposer").fill("Agreed: not rated.");
  await proposal.getByRole("button", { name: "Record decision" }).click();
  await expect(editor.locator(".proposal", { hasText: HEADLINE })).toHaveCount(0);
  const queued = editor.locator(".queued-claim", { hasText: HEADLINE });
  await queued.getByRole("button", { name: "Publish" }).click();
  await expect(editor.locator(".queued-claim", { hasText: HEADLINE })).toHaveCount(0);

  // --- A reader -------------------------------------------------------------------------------
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto(`/claims/${SLUG}`);
  await expect(reader.getByRole("heading", { level: 1, name: HEADLINE })).toBeVisible();
  await expect(reader.locator(".judgement").first()).toContainText("Not rated");

  // --- The editor corrects the published claim ------------------------------------------------
  await editor.goto(editorUrl);
  await expect(editor.locator("main")).toHaveAttribute("data-hydrated", "true");
  await editor.locator("#form-headline").fill(CORRECTED);
  await editor.getByRole("button", { name: "Save correction" }).click();
  await expect(editor.locator("#correction_note-error")).toBeVisible();
  await editor.locator("#correction-note").fill(CORRECTION_NOTE);
  await editor.getByRole("button", { name: "Save correction" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: CORRECTED })).toBeVisible();

  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1, name: CORRECTED })).toBeVisible();
  await expect(reader.locator(".correction-history")).toContainText(CORRECTION_NOTE);
  await reader.screenshot({ path: testInfo.outputPath("claim-after-correction.png"), fullPage: true });
  await reader.goto("/corrections");
  await expect(reader.locator(".correction").first()).toContainText(CORRECTION_NOTE);

  expect(errors, errors.join("\n")).toEqual([]);
});
