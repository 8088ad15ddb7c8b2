import {createHash} from 'node:crypto';
import type {JSHandle, Page} from '@playwright/test';
import {
  chatAnswer,
  expect,
  expectNoSeriousAxeViolations,
  mockRequests,
  sendPrompt,
  setScenario,
  test,
  uniqueTag,
} from './demo-fixtures';

/** A file to hand to the page: its name, media type and bytes. */
interface TestFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
}

/** A 1×1 PNG, 70 bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const DOT: TestFile = {name: 'dot.png', type: 'image/png', bytes: PNG};

/** A `DataTransfer` in the page holding the files, as a drop or a paste carries them. */
function transferOf(page: Page, files: readonly TestFile[]): Promise<JSHandle<DataTransfer>> {
  const encoded = files.map(file => ({name: file.name, type: file.type, base64: file.bytes.toString('base64')}));
  return page.evaluateHandle(list => {
    const transfer = new DataTransfer();
    for (const {name, type, base64} of list) {
      const bytes = Uint8Array.from(atob(base64), char => char.charCodeAt(0));
      transfer.items.add(new File([bytes], name, {type}));
    }
    return transfer;
  }, encoded);
}

/** Drags the files over the composer (checking its highlight) and drops them on it. */
async function dropOnComposer(page: Page, files: readonly TestFile[]): Promise<void> {
  const composer = page.getByTestId('composer');
  await expect(composer).toBeVisible();
  const dataTransfer = await transferOf(page, files);
  await composer.dispatchEvent('dragover', {dataTransfer});
  await expect(composer).toHaveAttribute('data-dropping', 'true');
  await composer.dispatchEvent('drop', {dataTransfer});
  await expect(composer).not.toHaveAttribute('data-dropping', 'true');
}

/** Whether an object URL still loads in the page: `revoked` once released. */
function urlState(page: Page, url: string | null): Promise<string> {
  return page.evaluate(
    blobUrl =>
      fetch(blobUrl ?? '').then(
        () => 'loads',
        () => 'revoked',
      ),
    url,
  );
}

/** The `naturalWidth` of each image of a list once loaded: 0 for an image whose URL does not load. */
async function loadedWidths(page: Page, testId: string): Promise<number[]> {
  return page
    .getByTestId(testId)
    .locator('img')
    .evaluateAll(images =>
      Promise.all(
        (images as HTMLImageElement[]).map(image =>
          image.decode().then(
            () => image.naturalWidth,
            () => 0,
          ),
        ),
      ),
    );
}

test.describe('images', () => {
  test('a dropped image is shown, sent after the text, kept across a reload and listed in the call log', async ({
    chat,
  }) => {
    const tag = uniqueTag('image-drop');
    await setScenario(chat, 'openai', `tag=${tag};chunks=8;chunkDelay=20`);
    await chat.getByTestId('settings-close').click();
    await dropOnComposer(chat, [DOT]);

    const attached = chat.getByTestId('composer-images').getByRole('img');
    await expect(attached).toHaveAttribute('alt', 'Attached image 1 (image/png, 70 B)');
    expect(await loadedWidths(chat, 'composer-images')).toEqual([1]);
    await expect(chat.getByRole('button', {name: 'Remove image 1'})).toBeVisible();
    await expectNoSeriousAxeViolations(chat, 'chat with an attached image');
    const composerUrl = await attached.getAttribute('src');
    expect(await urlState(chat, composerUrl)).toBe('loads');

    await sendPrompt(chat, 'What is in this picture?');
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'done', {timeout: 30_000});
    await expect(chatAnswer(chat).getByTestId('answer')).toHaveText('w1 w2 w3 w4 w5 w6 w7 w8');
    // Sent: the composer is empty again, the message shows the image.
    await expect(chat.getByTestId('composer-images')).toHaveCount(0);
    expect(await urlState(chat, composerUrl)).toBe('revoked');
    const sent = chat.getByTestId('user-message').last();
    await expect(sent.getByTestId('user-message-text')).toHaveText('What is in this picture?');
    await expect(sent.getByTestId('user-message-images').getByRole('img')).toHaveAttribute(
      'alt',
      'Attached image 1 (image/png, 70 B)',
    );
    expect(await loadedWidths(chat, 'user-message-images')).toEqual([1]);

    // On the wire: the text first, then the image's bytes as base64.
    const [request] = await mockRequests(tag);
    const body = JSON.stringify((request as unknown as {body: unknown}).body);
    const base64 = PNG.toString('base64');
    expect(body).toContain(base64);
    expect(body.indexOf('What is in this picture?')).toBeLessThan(body.indexOf(base64));

    // The call log lists the image by media type, size and SHA-256.
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    await chatAnswer(chat).getByTestId('call-link').click();
    const images = chat.getByTestId('call-details').getByTestId('call-images');
    await expect(images).toContainText(`image/png · 70 B · sha256 ${sha256.slice(0, 8)}…`);

    // Stored with the conversation: after a reload the message shows the same image.
    await chat.goto('/');
    await expect(chat.getByTestId('user-message-images').getByRole('img')).toHaveAttribute(
      'alt',
      'Attached image 1 (image/png, 70 B)',
    );
    expect(await loadedWidths(chat, 'user-message-images')).toEqual([1]);
  });

  test('a pasted image and a chosen one are attached; a removed one is not sent', async ({chat}) => {
    const tag = uniqueTag('image-paste');
    await setScenario(chat, 'openai', `tag=${tag};chunks=3;chunkDelay=0`);
    await chat.getByTestId('settings-close').click();
    const prompt = chat.getByTestId('prompt');
    const clipboardData = await transferOf(chat, [DOT]);
    await prompt.evaluate((field, data) => {
      field.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    }, clipboardData);
    const big = Buffer.concat([PNG, Buffer.alloc(12_230)]);
    await chat.getByTestId('attach-input').setInputFiles({name: 'big.png', mimeType: 'image/png', buffer: big});

    const attached = chat.getByTestId('composer-images').getByRole('img');
    await expect(attached).toHaveCount(2);
    await expect(attached.nth(1)).toHaveAttribute('alt', 'Attached image 2 (image/png, 12.3 kB)');
    const removedUrl = await attached.first().getAttribute('src');
    await chat.getByRole('button', {name: 'Remove image 1'}).click();
    await expect(attached).toHaveCount(1);
    await expect(attached).toHaveAttribute('alt', 'Attached image 1 (image/png, 12.3 kB)');
    expect(await urlState(chat, removedUrl)).toBe('revoked');

    await sendPrompt(chat, 'And this one?');
    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'done', {timeout: 30_000});
    const sentImages = chat.getByTestId('user-message').last().getByTestId('user-message-images').getByRole('img');
    await expect(sentImages).toHaveCount(1);
    await expect(sentImages).toHaveAttribute('alt', 'Attached image 1 (image/png, 12.3 kB)');
    const [request] = await mockRequests(tag);
    const body = JSON.stringify((request as unknown as {body: unknown}).body);
    // Only the image left is sent: one image, the chosen one.
    expect(body.split('data:image/png;base64,').length - 1).toBe(1);
    expect(body).toContain(`data:image/png;base64,${big.toString('base64')}`);
  });

  test('a dropped file that is not an image is left out, with a notice', async ({chat}) => {
    await dropOnComposer(chat, [{name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('not a picture')}]);
    await expect(chat.getByTestId('composer-notice')).toHaveText('notes.txt is not an image and was left out.');
    await expect(chat.getByTestId('composer-images')).toHaveCount(0);
    await expect(chat.getByTestId('send')).toBeDisabled();

    // With an image in the same drop, the image is kept and the other file named.
    await dropOnComposer(chat, [{name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('x')}, DOT]);
    await expect(chat.getByTestId('composer-images').getByRole('img')).toHaveCount(1);
    await expect(chat.getByTestId('composer-notice')).toHaveText('notes.txt is not an image and was left out.');
    await expect(chat.getByTestId('send')).toBeEnabled();
  });

  test("an image type the provider does not take fails before any call, with the library's advice", async ({chat}) => {
    const tag = uniqueTag('image-bmp');
    await setScenario(chat, 'openai', `tag=${tag}`);
    await chat.getByTestId('settings-close').click();
    await dropOnComposer(chat, [{name: 'old.bmp', type: 'image/bmp', bytes: Buffer.from('BM fake bitmap')}]);
    await sendPrompt(chat, 'What is this?');

    await expect(chatAnswer(chat)).toHaveAttribute('data-status', 'error', {timeout: 30_000});
    const error = chatAnswer(chat).getByTestId('answer-error');
    await expect(error).toContainText('An attached image cannot be sent to this provider; nothing was sent.');
    await expect(error).toContainText('does not take image/bmp images');
    expect(await mockRequests(tag)).toEqual([]);
  });
});
