import {LlmLogDatabase} from './llm-log-database';
import {callRow, deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';
import {importUnloadStash, stashForNextOpen, takeStash} from './unload-stash';

describe('unload stash', () => {
  let name: string;
  let database: LlmLogDatabase;

  beforeEach(() => {
    name = uniqueDatabaseName();
    database = new LlmLogDatabase(name);
  });

  afterEach(async () => {
    Object.keys(localStorage)
      .filter(key => key.includes(name))
      .forEach(key => localStorage.removeItem(key));
    database.close();
    await deleteDatabase(name);
  });

  it("keeps each session's rows, the newest version of each, and writes them all at the next open", async () => {
    stashForNextOpen(name, 'tab-1', [callRow({id: 'a', status: 'in-progress'})], []);
    stashForNextOpen(name, 'tab-1', [callRow({id: 'a', status: 'error'}), callRow({id: 'b'})], []);
    const body = {id: 'c', traceId: 't', request: null, response: null};
    stashForNextOpen(name, 'tab-2', [callRow({id: 'c'})], [body]);
    stashForNextOpen(`${name}-other`, 'tab-3', [callRow({id: 'x'})], []);

    expect(await importUnloadStash(database)).toBe(3);
    expect((await database.calls.toArray()).map(row => [row.id, row.status]).sort()).toEqual([
      ['a', 'error'],
      ['b', 'ok'],
      ['c', 'ok'],
    ]);
    expect(await database.bodies.get('c')).toEqual(body);
    expect(await importUnloadStash(database))
      .withContext('forgotten once written')
      .toBe(0);
    expect(takeStash(`${name}-other`, 'tab-3').calls.map(row => row.id))
      .withContext("another log's")
      .toEqual(['x']);
  });

  it('hands a stash back to the page that stays, and forgets it', () => {
    stashForNextOpen(name, 'tab-1', [callRow({id: 'a'})], []);
    expect(takeStash(name, 'tab-1').calls.map(row => row.id)).toEqual(['a']);
    expect(takeStash(name, 'tab-1').calls).toEqual([]);
  });

  it('writes the rows a page of an older version kept, without outputName or the loop, with them null', async () => {
    const {
      outputName: _outputName,
      loopId: _loopId,
      step: _step,
      toolCallCount: _count,
      ...older
    } = callRow({
      id: 'old',
    });
    localStorage.setItem(`llm-rx-log-stash:${name}:tab-old`, JSON.stringify({calls: [older], bodies: []}));
    expect(await importUnloadStash(database)).toBe(1);
    expect(await database.calls.get('old')).toEqual({
      ...older,
      outputName: null,
      loopId: null,
      step: null,
      toolCallCount: null,
    });
  });

  it('ignores a stash that is not valid JSON', async () => {
    localStorage.setItem(`llm-rx-log-stash:${name}:broken`, '{not json');
    expect(await importUnloadStash(database)).toBe(0);
  });
});
