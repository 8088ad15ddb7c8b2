import {TestScheduler} from 'rxjs/testing';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmObjectError} from '../errors/llm-object-error';
import {usagePart} from 'llm-rx/testing';
import {objectSnapshots} from './object-snapshots';

const usage = usagePart().usage;

const chunks: Record<string, LlmChunk> = {
  t: {type: 'text-delta', text: '{"name":"A'},
  p: {type: 'partial-object', object: {name: 'A'}},
  r: {type: 'reasoning-delta', text: 'hmm'},
  q: {type: 'partial-object', object: {name: 'Ada'}},
  o: {type: 'object', object: {name: 'Ada', vip: true}},
  u: {type: 'usage', usage},
};

describe('objectSnapshots', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('emits each partial object, then the validated object, and drops text, reasoning and usage', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const source = cold('-t-p-r-t-q-o-u|', chunks);
      expectObservable(source.pipe(objectSnapshots())).toBe('---p-----q-o--|', {
        p: {name: 'A'},
        q: {name: 'Ada'},
        o: {name: 'Ada', vip: true},
      });
      expectSubscriptions(source.subscriptions).toBe('^-------------!');
    });
  });

  it('passes the error of an object that failed, after the partials', () => {
    const failure = new LlmObjectError(
      {kind: 'invalid-json', schemaName: 'contact', rawText: '{"name":"A', issues: []},
      usage,
    );
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('-t-p-#', chunks, failure).pipe(objectSnapshots())).toBe(
        '---p-#',
        {p: {name: 'A'}},
        failure,
      );
    });
  });

  it('emits nothing for a prose stream', () => {
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('-t-r-u|', chunks).pipe(objectSnapshots())).toBe('------|');
    });
  });
});
