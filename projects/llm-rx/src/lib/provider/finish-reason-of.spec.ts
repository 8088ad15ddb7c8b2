import {finishReasonOf} from './finish-reason-of';

describe('finishReasonOf', () => {
  const table = {done: 'stop', cap: 'length'} as const;

  it('maps a value of the table, keeping it raw', () => {
    expect(finishReasonOf('cap', table)).toEqual({unified: 'length', raw: 'cap'});
  });

  it('maps an unknown value to other, and none to other with raw null', () => {
    expect(finishReasonOf('paused', table)).toEqual({unified: 'other', raw: 'paused'});
    expect(finishReasonOf(undefined, table)).toEqual({unified: 'other', raw: null});
    expect(finishReasonOf(null, table)).toEqual({unified: 'other', raw: null});
  });

  it("never takes an object's inherited keys for reasons", () => {
    expect(finishReasonOf('toString', table)).toEqual({unified: 'other', raw: 'toString'});
  });
});
