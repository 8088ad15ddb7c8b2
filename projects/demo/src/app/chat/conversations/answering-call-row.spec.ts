import type {LlmCallRecord} from 'llm-rx';
import {answeringCallRowId} from './answering-call-row';

const row = (id: string, startedAt: number, status: LlmCallRecord['status']) =>
  ({id, startedAt, status}) as LlmCallRecord;

describe('answeringCallRowId', () => {
  const window = {startedAt: 100, endedAt: 200};

  it('is the newest row that answered within the window (a cascade that failed over, a tool loop)', () => {
    const rows = [row('failed', 110, 'error'), row('step-1', 120, 'ok'), row('step-2', 150, 'ok')];
    expect(answeringCallRowId(rows, window)).toBe('step-2');
  });

  it('is the newest ended row when none answered (an error, a stop)', () => {
    expect(answeringCallRowId([row('a', 110, 'error'), row('b', 130, 'cancelled')], window)).toBe('b');
  });

  it('ignores rows of other answers and rows still in progress', () => {
    const rows = [row('before', 90, 'ok'), row('after', 210, 'ok'), row('running', 150, 'in-progress')];
    expect(answeringCallRowId(rows, window)).toBeUndefined();
  });
});
