import {TestScheduler} from 'rxjs/testing';
import {createLlmTestScheduler} from './create-llm-test-scheduler';

type Global = {expect?: unknown};

describe('createLlmTestScheduler', () => {
  it('returns a TestScheduler that passes matching marbles', () => {
    const scheduler = createLlmTestScheduler();
    expect(scheduler).toEqual(jasmine.any(TestScheduler));
    scheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('-a|', {a: {type: 'text-delta', text: 'Hi'}})).toBe('-a|', {
        a: {type: 'text-delta', text: 'Hi'},
      });
    });
  });

  it('compares the frames with the global expect(actual).toEqual(expected)', () => {
    const globals = globalThis as Global;
    const realExpect = globals.expect;
    const compared: [unknown, unknown][] = [];
    globals.expect = (actual: unknown) => ({toEqual: (expected: unknown) => compared.push([actual, expected])});
    try {
      createLlmTestScheduler().run(({cold, expectObservable}) => {
        expectObservable(cold('-a|')).toBe('-b|');
      });
    } finally {
      globals.expect = realExpect;
    }
    expect(compared.length).toBe(1);
    const [actual, expected] = compared[0] as [
      {frame: number; notification: {value?: unknown}}[],
      (typeof compared)[0][0],
    ];
    expect(actual.map(message => message.notification.value)).toEqual(['a', undefined]);
    expect((expected as typeof actual).map(message => message.notification.value)).toEqual(['b', undefined]);
  });

  it('says what is missing when there is no global expect()', () => {
    const globals = globalThis as Global;
    const realExpect = globals.expect;
    delete globals.expect;
    let caught: unknown;
    try {
      createLlmTestScheduler().run(({cold, expectObservable}) => {
        expectObservable(cold('-a|')).toBe('-a|');
      });
    } catch (error) {
      caught = error;
    } finally {
      globals.expect = realExpect;
    }
    expect((caught as Error).message).toContain('llm-rx/testing: createLlmTestScheduler() needs a global expect()');
  });
});
