import type {LlmBodyRecord, LlmImageBody, LlmRequest, LlmUserMessageBody} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {filter, firstValueFrom, lastValueFrom, map} from 'rxjs';
import {deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';
import {createLlmCallLog} from './create-llm-call-log';
import type {LlmCallLog, LlmCallLogOptions} from './llm-call-log';
import {loggedLlm} from './log-llm-calls';

// The bytes of each image, and the hashes the spec computes itself, apart from the code under test.
const PNG_BYTES = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 1, 2, 3, 250, 251, 252]);
const JPEG_BYTES = new Uint8Array([255, 216, 255, 224, 7, 7, 7, 42]);
const JPEG_DATA_URL = `data:image/jpeg;base64,${btoa(String.fromCharCode(...JPEG_BYTES))}`;
const PNG_DATA_URL = `data:image/png;base64,${btoa(String.fromCharCode(...PNG_BYTES))}`;
const IMAGE_URL = 'https://images.example.com/cat.webp?sig=abc';

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, byte => byte.toString(16).padStart(2, '0')).join('');
}

function imageRequest(): LlmRequest {
  return {
    messages: [
      {
        role: 'user',
        content: [
          {type: 'text', text: 'What are these?'},
          {type: 'image', image: new Blob([PNG_BYTES], {type: 'image/png'})},
          {type: 'image', image: JPEG_DATA_URL},
          {type: 'image', image: IMAGE_URL},
        ],
      },
    ],
  };
}

/** The stored parts of the body's first user message. */
function storedParts(body: LlmBodyRecord | undefined): LlmUserMessageBody['content'] {
  const message = body?.request?.messages?.[0] as LlmUserMessageBody | undefined;
  return message?.content ?? [];
}

function images(body: LlmBodyRecord | undefined): LlmImageBody[] {
  const content = storedParts(body);
  return typeof content === 'string' ? [] : content.filter((part): part is LlmImageBody => part.type === 'image');
}

/** The body of the call's row once every image's SHA-256 is in it (the live query emits as rows are written). */
function hashedBody(log: LlmCallLog, id: string): Promise<LlmBodyRecord | undefined> {
  return firstValueFrom(
    log.callDetails(id).pipe(
      map(details => details?.body),
      filter(body => images(body).length === 3 && images(body).every(image => image.sha256 !== null)),
    ),
  );
}

async function onlyRowId(log: LlmCallLog): Promise<string> {
  await log.flush();
  const rows = await log.database.calls.toArray();
  expect(rows).toHaveSize(1);
  return rows[0].id;
}

describe('loggedLlm with images', () => {
  let databaseName: string;
  let log: LlmCallLog;
  const open = (options: Partial<LlmCallLogOptions> = {}) => (log = createLlmCallLog({databaseName, ...options}));

  beforeEach(() => (databaseName = uniqueDatabaseName()));

  afterEach(async () => {
    await log.close();
    await deleteDatabase(databaseName);
  });

  it("stores each image's source, media type, size and SHA-256, never its bytes by default", async () => {
    open({redact: text => text.toUpperCase()});
    await lastValueFrom(loggedLlm(new MockLlm({script: {chunks: ['A cat']}}), {log}).stream(imageRequest()));
    const body = await hashedBody(log, await onlyRowId(log));
    expect(storedParts(body)).toEqual([
      {type: 'text', text: 'WHAT ARE THESE?'},
      {type: 'image', source: 'bytes', mediaType: 'image/png', byteLength: 15, sha256: await sha256Hex(PNG_BYTES)},
      {type: 'image', source: 'bytes', mediaType: 'image/jpeg', byteLength: 8, sha256: await sha256Hex(JPEG_BYTES)},
      {
        type: 'image',
        source: 'url',
        mediaType: 'image/webp',
        byteLength: null,
        sha256: await sha256Hex(new TextEncoder().encode(IMAGE_URL)),
      },
    ]);
    expect(body?.response?.text).toBe('A CAT');
  });

  it('with storeImages, keeps the images themselves: a Blob as a data URL, a data URL and a URL as given', async () => {
    open({storeImages: true});
    expect(log.storesImages).toBeTrue();
    await lastValueFrom(loggedLlm(new MockLlm({script: {chunks: ['A cat']}}), {log}).stream(imageRequest()));
    const id = await onlyRowId(log);
    const body = await firstValueFrom(
      log.callDetails(id).pipe(
        map(details => details?.body),
        filter(stored => images(stored)[0]?.image !== undefined && images(stored)[0].sha256 !== null),
      ),
    );
    expect(images(body).map(image => image.image)).toEqual([PNG_DATA_URL, JPEG_DATA_URL, IMAGE_URL]);
  });

  it('reads and hashes no image in the task that subscribes, which sends the request', async () => {
    open();
    const digest = spyOn(crypto.subtle, 'digest').and.callThrough();
    const subscription = loggedLlm(new MockLlm({script: {hang: true}}), {log})
      .stream(imageRequest())
      .subscribe();
    expect(digest).not.toHaveBeenCalled();
    await hashedBody(log, await onlyRowId(log));
    expect(digest).toHaveBeenCalledTimes(3);
    subscription.unsubscribe();
  });

  it('stores no images when bodies are off, even with storeImages', () => {
    open({storeBodies: false, storeImages: true});
    expect(log.storesImages).toBeFalse();
  });

  it('gives a call cancelled at once its body, the descriptions written once known', async () => {
    open();
    const subscription = loggedLlm(new MockLlm({script: {hang: true}}), {log})
      .stream(imageRequest())
      .subscribe();
    subscription.unsubscribe();
    const id = await onlyRowId(log);
    expect((await log.database.calls.get(id))?.status).toBe('cancelled');
    const body = await hashedBody(log, id);
    expect(images(body).map(image => [image.mediaType, image.byteLength])).toEqual([
      ['image/png', 15],
      ['image/jpeg', 8],
      ['image/webp', null],
    ]);
    expect(body?.response).withContext('the cancelled call keeps its response').toEqual({text: '', reasoning: ''});
  });

  it('keeps, as the page unloads before the hashes are known, the media types and sizes with sha256 null', async () => {
    open();
    await log.open();
    const stashKeys = () =>
      Object.keys(localStorage).filter(key => key.startsWith(`llm-rx-log-stash:${databaseName}:`));
    const subscription = loggedLlm(new MockLlm({script: {hang: true}}), {log})
      .stream(imageRequest())
      .subscribe();
    try {
      // Synchronously after the start: no hash can be known yet.
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      const stash = JSON.parse(localStorage.getItem(stashKeys()[0]) ?? '{}') as {bodies?: LlmBodyRecord[]};
      expect(images(stash.bodies?.[0])).toEqual([
        {type: 'image', source: 'bytes', mediaType: 'image/png', byteLength: 15, sha256: null},
        {type: 'image', source: 'bytes', mediaType: 'image/jpeg', byteLength: 8, sha256: null},
        {type: 'image', source: 'url', mediaType: 'image/webp', byteLength: null, sha256: null},
      ]);
    } finally {
      subscription.unsubscribe();
      window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
      stashKeys().forEach(key => localStorage.removeItem(key));
    }
  });

  it('stores a text-only parts content as its redacted text parts, and a string content as a string', async () => {
    open({redact: text => `[${text}]`});
    const request: LlmRequest = {
      messages: [
        {role: 'user', content: 'plain'},
        {role: 'assistant', content: 'ok'},
        {role: 'user', content: [{type: 'text', text: 'parts'}]},
      ],
    };
    await lastValueFrom(loggedLlm(new MockLlm({script: {}}), {log}).stream(request));
    const body = await log.database.bodies.get(await onlyRowId(log));
    expect(body?.request?.messages).toEqual([
      {role: 'user', content: '[plain]'},
      {role: 'assistant', content: '[ok]'},
      {role: 'user', content: [{type: 'text', text: '[parts]'}]},
    ]);
  });
});
