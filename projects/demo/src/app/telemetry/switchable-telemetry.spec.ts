import {type Llm, type LlmChunk, wrapLlm} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {lastValueFrom, of, toArray} from 'rxjs';
import {SwitchableTelemetry, type TelemetrySession} from './switchable-telemetry';

/** A session whose telemetry counts the calls it traced, and which says when it was shut down. */
class CountingSession implements TelemetrySession {
  traced = 0;
  loops = 0;
  isShutDown = false;

  constructor(readonly config: string) {}

  readonly telemetry = {
    traceLlm: (llm: Llm) =>
      wrapLlm(llm, (request, stream) => {
        this.traced++;
        return stream(request);
      }),
    runTools: () => {
      this.loops++;
      return of<LlmChunk>({type: 'text-delta', text: 'traced loop'});
    },
  };

  shutdown(): Promise<void> {
    this.isShutDown = true;
    return Promise.resolve();
  }
}

describe('SwitchableTelemetry', () => {
  let config: string | null;
  let started: CountingSession[];
  let startsNull: boolean;
  let telemetry: SwitchableTelemetry<string, CountingSession>;
  const model = () => new MockLlm({script: {chunks: ['Hel', 'lo']}});
  const textOf = async (llm: Llm) => {
    const chunks = await lastValueFrom(llm.stream({userPrompt: 'Hi'}).pipe(toArray()));
    return chunks.map(chunk => (chunk.type === 'text-delta' ? chunk.text : '')).join('');
  };

  beforeEach(() => {
    config = null;
    started = [];
    startsNull = false;
    telemetry = new SwitchableTelemetry<string, CountingSession>({
      config: () => config,
      start: value => {
        const session = new CountingSession(value);
        started.push(session);
        return Promise.resolve(startsNull ? null : session);
      },
    });
  });

  it('passes calls through untouched and starts nothing while off', async () => {
    const llm = model();
    const traced = telemetry.traceLlm(llm);
    expect(traced.provider).toBe(llm.provider);
    expect(await textOf(traced)).toBe('Hello');
    expect(started).toEqual([]);
    expect(telemetry.session()).toBeUndefined();
  });

  it('starts one session at the first call made while on, and traces every call through it', async () => {
    config = 'endpoint A';
    const traced = telemetry.traceLlm(model());
    expect(started).toEqual([]);
    expect(await textOf(traced)).toBe('Hello');
    expect(await textOf(traced)).toBe('Hello');
    expect(started.map(session => session.config)).toEqual(['endpoint A']);
    expect(started[0].traced).toBe(2);
  });

  it('decides at subscription, so a model wrapped while off is traced once switched on', async () => {
    const traced = telemetry.traceLlm(model());
    config = 'endpoint A';
    await textOf(traced);
    expect(started[0].traced).toBe(1);
  });

  it('replaces the session when the configuration changes, and stops it when switched off', async () => {
    config = 'endpoint A';
    const traced = telemetry.traceLlm(model());
    await textOf(traced);
    config = 'endpoint B';
    telemetry.reconcile();
    await Promise.resolve();
    expect(started[0].isShutDown).toBe(true);
    await textOf(traced);
    expect(started.map(session => [session.config, session.traced])).toEqual([
      ['endpoint A', 1],
      ['endpoint B', 1],
    ]);
    config = null;
    telemetry.reconcile();
    await Promise.resolve();
    expect(started[1].isShutDown).toBe(true);
    expect(telemetry.running()).toBeUndefined();
  });

  it('starts the new session at the first call after a change, even before reconcile() ran', async () => {
    config = 'endpoint A';
    const traced = telemetry.traceLlm(model());
    await textOf(traced);
    config = 'endpoint B';
    await textOf(traced);
    expect(started.map(session => [session.config, session.traced, session.isShutDown])).toEqual([
      ['endpoint A', 1, true],
      ['endpoint B', 1, false],
    ]);
  });

  it('keeps the session while the configuration stays the same', async () => {
    config = 'endpoint A';
    await textOf(telemetry.traceLlm(model()));
    telemetry.reconcile();
    await Promise.resolve();
    expect(started[0].isShutDown).toBe(false);
  });

  it('sends calls untraced when the session could not start', async () => {
    config = 'endpoint A';
    startsNull = true;
    expect(await textOf(telemetry.traceLlm(model()))).toBe('Hello');
    expect(started[0].traced).toBe(0);
  });

  it("runs tool loops through the session's runTools while on, and plain runTools() while off", async () => {
    const loop = () => lastValueFrom(telemetry.runTools(model(), {userPrompt: 'Hi'}).pipe(toArray()));
    const plain = await loop();
    expect(plain.some(chunk => chunk.type === 'usage')).toBe(true);
    config = 'endpoint A';
    expect(await loop()).toEqual([{type: 'text-delta', text: 'traced loop'}]);
    expect(started[0].loops).toBe(1);
  });
});
