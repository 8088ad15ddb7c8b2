import type {Page} from '@playwright/test';
import {expect, extractAndWait, mockRequests, saveScreenshot, test, uniqueTag} from './demo-fixtures';

/** The contact card the simulated providers answer for the contact schema's sample text. */
const CONTACT = {
  name: 'Grace Hopper',
  email: 'grace.hopper@analytical-engines.example',
  phones: ['+44 20 7946 0958', '+44 7700 900123'],
  company: 'Analytical Engines Ltd.',
  address: {street: '12 Babbage Row', city: 'Cambridge', postalCode: 'CB2 1TN', country: 'United Kingdom'},
};

/** What the form shows at one moment of the stream. */
interface FormSample {
  readonly status: string | null;
  readonly name: string | null;
  readonly country: string | null;
  readonly phones: number;
  readonly writing: number;
  readonly validated: number;
}

async function openExtract(page: Page, schema: string): Promise<void> {
  await page.getByTestId('nav-extract').click();
  await expect(page).toHaveURL(/\/extract$/);
  await page.getByTestId(`schema-${schema}`).check();
}

async function pickSimulation(page: Page, presetId: string): Promise<void> {
  await page.getByTestId('simulate-openai').getByTestId('scenario-preset').selectOption(presetId);
}

/**
 * Records what the form shows after every change of the page, from inside the page (a MutationObserver), so that
 * no state is missed however slow the machine is; `readSamples` reads them back.
 */
async function recordFormSamples(page: Page): Promise<void> {
  await page.evaluate(() => {
    const sample = () => {
      const state = (testId: string) =>
        document.querySelector(`[data-testid="${testId}"]`)?.getAttribute('data-state') ?? null;
      return {
        status: document.querySelector('[data-testid="object-status"]')?.getAttribute('data-status') ?? null,
        name: state('field-name'),
        country: state('field-address-country'),
        phones: document.querySelectorAll('[data-testid="item-phones"]').length,
        writing: document.querySelectorAll('app-object-form [data-state="writing"]').length,
        validated: document.querySelectorAll('[data-testid="validated"]').length,
      };
    };
    const samples: unknown[] = [];
    (window as unknown as {formSamples: unknown[]}).formSamples = samples;
    new MutationObserver(() => samples.push(sample())).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

async function readSamples(page: Page): Promise<FormSample[]> {
  return page.evaluate(() => (window as unknown as {formSamples: FormSample[]}).formSamples);
}

test.describe('extract', () => {
  test('fills the contact card in as the object streams, then marks it validated, with its cost', async ({
    chat,
  }, testInfo) => {
    await openExtract(chat, 'contact');
    // An edited text has no prepared answer; "Use sample" brings it back.
    await chat.getByTestId('extract-text').fill('Ada Lovelace, ada@example.com');
    await expect(chat.getByTestId('answer-hint')).toContainText("the mock server's sample");
    await chat.getByTestId('use-sample').click();
    await expect(chat.getByTestId('extract-text')).toHaveValue(/Dr\. Grace Hopper/);
    await expect(chat.getByTestId('answer-hint')).toContainText('prepared for this sample text');

    await recordFormSamples(chat);
    await chat.getByTestId('extract').click();
    await expect(chat.getByTestId('object-status')).toHaveAttribute('data-status', 'done');
    const streaming = (await readSamples(chat)).filter(sample => sample.status === 'streaming');
    // The name is there while the address has not come yet: the form fills in before the stream ends.
    expect(streaming.some(sample => sample.name === 'filled' && sample.country === 'pending')).toBe(true);
    // The phone numbers are appended one by one, and the part being written is marked.
    expect(streaming.some(sample => sample.phones === 1)).toBe(true);
    expect(streaming.some(sample => sample.writing > 0)).toBe(true);
    expect(streaming.every(sample => sample.validated === 0)).toBe(true);

    await expect(chat.getByTestId('object-status')).toHaveAttribute('data-status', 'done');
    await expect(chat.getByTestId('validated')).toHaveText('✓ Validated against the contact_card schema');
    const form = chat.getByTestId('object-form');
    await expect(form.getByTestId('field-name').getByTestId('value')).toHaveText(CONTACT.name);
    await expect(form.getByTestId('field-email').getByTestId('value')).toHaveText(CONTACT.email);
    await expect(form.getByTestId('item-phones')).toHaveText(CONTACT.phones);
    await expect(form.getByTestId('field-company').getByTestId('value')).toHaveText(CONTACT.company);
    for (const [key, value] of Object.entries(CONTACT.address)) {
      await expect(form.getByTestId(`field-address-${key}`).getByTestId('value')).toHaveText(value);
    }
    await expect(form.locator('[data-state="writing"]')).toHaveCount(0);
    await expect(chat.getByTestId('usage-cost')).toHaveText(/^\$\d/);
    await expect(chat.getByTestId('usage-tokens')).toHaveText(/^42 \/ \d+$/);
    await expect(chat.getByTestId('usage-answered-by')).toContainText('openai / gpt-5-nano');

    await chat.getByTestId('raw-json').locator('summary').click();
    expect(JSON.parse(await chat.getByTestId('raw-json-text').innerText())).toEqual(CONTACT);
    await saveScreenshot(chat, testInfo.outputPath('extract.png'), 'extract.png');
  });

  test('lists the issues and shows the raw text of an answer that fails the schema', async ({chat}, testInfo) => {
    await openExtract(chat, 'contact');
    await pickSimulation(chat, 'schema-mismatch');
    await extractAndWait(chat, 'error');

    const error = chat.getByTestId('extract-error');
    await expect(error).toHaveAttribute('data-kind', 'schema-mismatch');
    await expect(error.getByTestId('extract-error-kind')).toHaveText('schema-mismatch');
    await expect(error.getByTestId('extract-error-title')).toHaveText('The JSON does not match the schema (3 issues).');
    const issues = error.getByTestId('extract-issue');
    await expect(issues.getByTestId('issue-path')).toHaveText(['email', 'phones', 'address.postalCode']);
    await expect(issues.nth(0).getByTestId('issue-message')).toContainText('email');
    await expect(issues.nth(1).getByTestId('issue-message')).toContainText('expected array');
    await expect(error.getByTestId('extract-raw-text')).toContainText('"email": "grace.hopper at analytical-engines');
    // The refused object stays in the form, each issue on its field; the answer was billed.
    await expect(chat.getByTestId('field-email').getByTestId('field-issue')).toBeVisible();
    await expect(chat.getByTestId('field-phones').getByTestId('field-issue')).toContainText('expected array');
    await expect(chat.getByTestId('validated')).toHaveCount(0);
    await expect(chat.getByTestId('usage-cost')).toHaveText(/^\$\d/);
    await saveScreenshot(chat, testInfo.outputPath('extract-schema-mismatch.png'), 'extract-schema-mismatch.png');
  });

  test('reports invalid JSON with the text the model sent', async ({chat}) => {
    await openExtract(chat, 'contact');
    await pickSimulation(chat, 'invalid-json');
    await extractAndWait(chat, 'error');

    const error = chat.getByTestId('extract-error');
    await expect(error).toHaveAttribute('data-kind', 'invalid-json');
    await expect(error.getByTestId('extract-error-title')).toHaveText('The answer is not valid JSON.');
    await expect(error.getByTestId('issue-path')).toHaveText(['(root)']);
    await expect(error.getByTestId('extract-raw-text')).toContainText(/"United Kingdom"\s*},\s*}$/);
    // What had streamed stays in the form.
    await expect(chat.getByTestId('field-name').getByTestId('value')).toHaveText(CONTACT.name);
  });

  test('tells a refusal and a cut-off answer apart', async ({chat}) => {
    await openExtract(chat, 'recipe');
    await pickSimulation(chat, 'refusal');
    await extractAndWait(chat, 'error');
    await expect(chat.getByTestId('extract-error')).toHaveAttribute('data-kind', 'refusal');
    await expect(chat.getByTestId('extract-raw-text')).toHaveText("I'm sorry, but I can't help with that request.");

    await pickSimulation(chat, 'cut-off');
    await extractAndWait(chat, 'error');
    await expect(chat.getByTestId('extract-error')).toHaveAttribute('data-kind', 'truncated');
    await expect(chat.getByTestId('extract-raw-text')).toContainText('"title": "Weeknight tomato soup"');
    await expect(chat.getByTestId('field-title').getByTestId('value')).toHaveText('Weeknight tomato soup');
    await expect(chat.getByTestId('usage-finish')).toContainText('length');
  });

  test('Stop aborts the request and keeps the rows that had arrived', async ({chat}) => {
    const tag = uniqueTag('extract-stop');
    await openExtract(chat, 'invoice');
    const scenario = chat.getByTestId('simulate-openai').getByTestId('scenario-text');
    // Slower than the preset (a later key wins), so that Stop lands before the last row on a loaded machine.
    await scenario.fill(`${await scenario.inputValue()};tag=${tag};chunkDelay=120`);
    await chat.getByTestId('extract').click();
    await expect(chat.getByTestId('row-lines')).toHaveCount(1);

    await chat.getByTestId('stop').click();
    await expect(chat.getByTestId('object-status')).toHaveAttribute('data-status', 'cancelled');
    const rows = await chat.getByTestId('row-lines').count();
    expect(rows).toBeLessThan(3);
    await chat.waitForTimeout(300);
    await expect(chat.getByTestId('row-lines')).toHaveCount(rows);
    await expect.poll(async () => (await mockRequests(tag)).map(request => request.closedEarly)).toEqual([true]);
  });

  test('logs each extraction in the call log like a chat call, failed ones too', async ({chat}) => {
    await openExtract(chat, 'contact');
    await extractAndWait(chat);
    await pickSimulation(chat, 'schema-mismatch');
    await extractAndWait(chat, 'error');

    await chat.getByTestId('nav-dashboard').click();
    await expect(chat.getByTestId('call-row')).toHaveCount(2);
    await expect(chat.getByTestId('total-calls')).toHaveText('2');
    // Newest first: the answer the schema refused is an error, the validated one is ok.
    const rows = chat.getByTestId('call-row');
    await expect(rows.nth(0)).toHaveAttribute('data-status', 'error');
    await expect(rows.nth(1)).toHaveAttribute('data-status', 'ok');
    // Both carry the schema's name; the validated one keeps its object, the refused one its issues.
    await expect(rows.nth(0).getByTestId('call-schema')).toHaveText('contact_card');
    await expect(rows.nth(1).getByTestId('call-schema')).toHaveText('contact_card');
    await rows.nth(1).click();
    const details = chat.getByTestId('call-details');
    await expect(details.getByTestId('call-request')).toContainText('Dr. Grace Hopper');
    expect(JSON.parse(await details.getByTestId('call-response').innerText())).toEqual(CONTACT);
    await expect(details.getByTestId('call-output')).toContainText('contact_card');
    expect(JSON.parse(await details.getByTestId('call-object').innerText())).toEqual(CONTACT);
    // The details are a modal side panel: close it to pick the other row.
    await chat.keyboard.press('Escape');
    await rows.nth(0).click();
    await expect(details.getByTestId('call-object-error')).toContainText('schema-mismatch');
    await expect(details.getByTestId('call-object-error')).toContainText('email → Invalid email address');
  });

  test('fits a 390 px wide phone screen without scrolling sideways', async ({chat}, testInfo) => {
    await chat.setViewportSize({width: 390, height: 844});
    await openExtract(chat, 'invoice');
    const scrollWidth = () => chat.evaluate(() => document.documentElement.scrollWidth);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);

    await extractAndWait(chat);
    await expect(chat.getByTestId('row-lines')).toHaveCount(3);
    await chat.getByTestId('raw-json').locator('summary').click();
    expect(await scrollWidth()).toBeLessThanOrEqual(390);

    await pickSimulation(chat, 'schema-mismatch');
    await extractAndWait(chat, 'error');
    await expect(chat.getByTestId('extract-issue')).toHaveCount(3);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    await saveScreenshot(chat, testInfo.outputPath('extract-390.png'), 'extract-390.png');
  });
});
