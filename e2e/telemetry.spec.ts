import type {Page} from '@playwright/test';
import {
  askAndWait,
  expect,
  expectNoHorizontalScroll,
  expectNoSeriousAxeViolations,
  MOCK_SERVER_URL,
  test,
  useSystemTheme,
} from './demo-fixtures';

/** The demo's `service.name`, which the mock server's receiver files the spans under. */
const SERVICE = 'llm-rx-demo';

/** A span as the mock server's OTLP receiver keeps it (`GET /__mock/otlp/spans?service=…`). */
interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  /** `''` for a root. */
  readonly parentSpanId: string;
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/**
 * The spans of one trace the mock server's receiver got from the demo.
 * @param traceId The trace.
 * @returns Its spans, in the order they arrived.
 */
async function receivedSpans(traceId: string): Promise<ReceivedSpan[]> {
  const response = await fetch(`${MOCK_SERVER_URL}/__mock/otlp/spans?service=${SERVICE}`);
  expect(response.ok).toBe(true);
  return ((await response.json()) as ReceivedSpan[]).filter(span => span.traceId === traceId);
}

/**
 * Switches telemetry on from the Telemetry page, asks the chat one question, and comes back to the page with what
 * was sent flushed.
 * @param page The demo.
 */
async function sendOneTracedCall(page: Page): Promise<void> {
  await page.getByTestId('nav-telemetry').click();
  await page.getByTestId('telemetry-switch').check();
  await page.getByTestId('nav-chat').click();
  await askAndWait(page);
  await page.getByTestId('nav-telemetry').click();
  await page.getByTestId('telemetry-flush').click();
}

test.describe('telemetry', () => {
  test('is off by default: calls send nothing', async ({chat}) => {
    const exports: string[] = [];
    chat.on('request', request => {
      if (/\/v1\/(traces|metrics)$/.test(new URL(request.url()).pathname)) exports.push(request.url());
    });
    await askAndWait(chat);
    await chat.getByTestId('nav-telemetry').click();
    await expect(chat).toHaveURL(/\/telemetry$/);
    await expect(chat.getByTestId('telemetry-switch')).not.toBeChecked();
    await expect(chat.getByTestId('capture-content')).not.toBeChecked();
    await expect(chat.getByTestId('telemetry-urls')).toContainText(`${MOCK_SERVER_URL}/v1/traces`);
    await expect(chat.getByTestId('no-spans')).toHaveText('Telemetry is off.');
    await expect(chat.getByTestId('spans-sent')).toHaveText('0');
    expect(exports).toEqual([]);
  });

  test("sends a chat call's span and its attempt's to the mock server, and shows them as a tree", async ({chat}) => {
    await sendOneTracedCall(chat);

    const call = chat.locator('[data-testid="sent-span"][data-name^="chat "]').first();
    await expect(call).toBeVisible();
    await expect(call).toHaveAttribute('data-exported', 'true');
    const attempt = call.locator('[data-testid="sent-span"][data-name^="attempt "]');
    await expect(attempt).toHaveCount(1);
    await expect(attempt).toHaveAttribute('data-status', 'unset');
    await call.locator('summary').first().click();
    await expect(call.getByRole('rowheader', {name: 'gen_ai.request.model', exact: true}).first()).toBeVisible();
    await expect(chat.getByTestId('spans-sent')).not.toHaveText('0');
    // The flush sent the GenAI client metrics too.
    await expect(chat.getByTestId('points-sent')).not.toHaveText('0');
    await expect(chat.getByTestId('metric-points')).toContainText('gen_ai.client.operation.duration');

    // The mock server's receiver got both spans, the attempt under the call, and no prompt (capture is off).
    const traceId = (await call.getAttribute('data-trace-id')) ?? '';
    const callSpanId = await call.getAttribute('data-span-id');
    await expect.poll(async () => (await receivedSpans(traceId)).length).toBeGreaterThanOrEqual(2);
    const received = await receivedSpans(traceId);
    const receivedCall = received.find(span => span.spanId === callSpanId);
    expect(receivedCall?.name).toMatch(/^chat /);
    expect(receivedCall?.parentSpanId).toBe('');
    expect(receivedCall?.attributes['gen_ai.input.messages']).toBeUndefined();
    const receivedAttempts = received.filter(span => span.name.startsWith('attempt '));
    expect(receivedAttempts.map(span => span.parentSpanId)).toEqual([callSpanId ?? '']);

    // The settings survive a reload.
    await chat.reload();
    await expect(chat.getByTestId('telemetry-switch')).toBeChecked();
  });

  test("sends the log's history once: calls made while off, as replayed spans; a second replay finds nothing new", async ({
    chat,
  }) => {
    // Made while telemetry is off: logged, not traced.
    await askAndWait(chat);
    await chat.getByTestId('nav-telemetry').click();
    await expect(chat.getByTestId('replay-start')).toBeDisabled();
    await chat.getByTestId('telemetry-switch').check();
    await chat.getByTestId('replay-start').click();
    const status = chat.getByTestId('replay-status');
    await expect(status).toHaveAttribute('data-state', 'done');
    await expect(status).toContainText('1 of 1 calls sent');

    // The replay flushes each page: its spans are on the page, and at the receiver, marked as replayed.
    const call = chat.locator('[data-testid="sent-span"][data-name^="chat "]').first();
    await expect(call).toHaveAttribute('data-exported', 'true');
    await expect(call.locator('[data-testid="sent-span"][data-name^="attempt "]')).toHaveCount(1);
    const traceId = (await call.getAttribute('data-trace-id')) ?? '';
    await expect.poll(async () => (await receivedSpans(traceId)).length).toBe(2);
    const received = await receivedSpans(traceId);
    expect(received.every(span => span.attributes['llm_rx.replayed'] === true)).toBe(true);

    // The log remembers how far the replay got.
    await chat.getByTestId('replay-start').click();
    await expect(status).toContainText('Nothing new to send');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`the Telemetry page has no serious or critical axe violation in ${theme}`, async ({chat}) => {
      await useSystemTheme(chat, theme);
      await sendOneTracedCall(chat);
      await expect(chat.locator('[data-testid="sent-span"]').first()).toBeVisible();
      await chat.locator('[data-testid="sent-span"] summary').first().click();
      await expectNoSeriousAxeViolations(chat, `telemetry (${theme})`);
    });
  }

  test('the Telemetry page does not scroll sideways at 360 × 740', async ({chat}) => {
    await chat.setViewportSize({width: 360, height: 740});
    await sendOneTracedCall(chat);
    await chat.locator('[data-testid="sent-span"] summary').first().click();
    await expectNoHorizontalScroll(chat);
  });
});
