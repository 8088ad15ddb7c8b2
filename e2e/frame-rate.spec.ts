import {askAndWait, expect, setScenario, test, uniqueTag} from './demo-fixtures';

/** What the probe in the page measured. */
interface FrameProbe {
  /** Updates of the answer element (batches of mutation records) per rendered frame, in frame order. */
  readonly perFrame: number[];
  /** Updates of the answer element in all. */
  readonly total: number;
}

/**
 * Counts the answer element's DOM updates per rendered frame. Installed before the app, it wraps
 * `requestAnimationFrame`: a mutation made in a frame's callbacks (or their microtasks) counts for that frame;
 * one made in a task between frames counts for the next frame, which is the first to render it.
 */
function installFrameProbe(): void {
  const probe = {perFrame: [] as number[], total: 0};
  (window as unknown as {__frameProbe: typeof probe}).__frameProbe = probe;
  let frameTime: number | undefined;
  let isInFramePhase = false;
  let current = 0;
  let betweenFrames = 0;
  // A task posted from a frame callback runs after that frame rendered: it closes the frame's phase.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => (isInFramePhase = false);
  const nativeRequest = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = callback =>
    nativeRequest(time => {
      if (time !== frameTime) {
        if (frameTime !== undefined) probe.perFrame.push(current);
        frameTime = time;
        current = betweenFrames;
        betweenFrames = 0;
        isInFramePhase = true;
        channel.port2.postMessage(null);
      }
      callback(time);
    });
  const isInAnswer = (node: Node) => {
    const element = node instanceof Element ? node : node.parentElement;
    return !!element?.closest('[data-testid="answer"]');
  };
  // One batch of records per observer callback: a render's removals and insertions, made in one go, are one
  // update (the markdown renderer replaces the tail's nodes and may commit blocks in the same update).
  new MutationObserver(records => {
    const count = records.some(record => isInAnswer(record.target)) ? 1 : 0;
    probe.total += count;
    if (isInFramePhase) current += count;
    else betweenFrames += count;
  }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
  const tick = () => window.requestAnimationFrame(tick);
  tick();
}

test('a fire hose of chunks updates the answer at most once per animation frame', async ({chat}) => {
  await chat.addInitScript(installFrameProbe);
  await chat.reload();

  // Enough chunks to span several frames even when the page reads them fast.
  const chunks = 20_000;
  await setScenario(chat, 'openai', `tag=${uniqueTag('firehose')};chunks=${chunks};chunkDelay=0`);
  await askAndWait(chat);
  await expect(chat.getByTestId('answer')).toContainText(`w${chunks}`);
  // Two more frames, so that the last update's frame is closed and counted.
  await chat.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));

  const probe = await chat.evaluate(() => (window as unknown as {__frameProbe: FrameProbe}).__frameProbe);
  const framesWithUpdates = probe.perFrame.filter(count => count > 0).length;
  test.info().annotations.push({
    type: 'frames',
    description: `${probe.total} answer updates in ${framesWithUpdates} frames for ${chunks} chunks`,
  });
  console.log(`frame probe: ${probe.total} answer updates in ${framesWithUpdates} frames for ${chunks} chunks`);
  expect(probe.total).toBeGreaterThan(1);
  expect(Math.max(...probe.perFrame)).toBeLessThanOrEqual(1);
  // Thousands of chunks, a handful of renders.
  expect(probe.total).toBeLessThan(chunks / 10);
});

test('the frame probe does see two updates made in one frame', async ({chat}) => {
  // Guards the test above against a probe that cannot fail.
  await chat.addInitScript(installFrameProbe);
  await chat.reload();
  await setScenario(chat, 'openai', 'chunks=3;chunkDelay=0');
  await askAndWait(chat);
  const perFrame = await chat.evaluate(async () => {
    const probe = (window as unknown as {__frameProbe: FrameProbe}).__frameProbe;
    const before = probe.perFrame.length;
    const answer = document.querySelector('[data-testid="answer"]')!;
    // Two updates, each its own batch (the observer's callback runs in between), in one frame.
    answer.append('unpaced 1');
    await Promise.resolve();
    answer.append('unpaced 2');
    await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return probe.perFrame.slice(before);
  });
  expect(Math.max(...perFrame)).toBe(2);
});
