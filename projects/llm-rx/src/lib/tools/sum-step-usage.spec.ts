import {usagePart} from 'llm-rx/testing';
import {sumStepUsage} from './sum-step-usage';

const TIMING = {timeToFirstChunkMs: 1, responseTimeMs: 9};

describe('sumStepUsage', () => {
  it("names the loop's response after the last step's id and model", () => {
    const first = usagePart({provider: 'a', responseId: 'resp_1', responseModel: 'a-1'}).usage;
    const last = usagePart({provider: 'b', responseId: 'resp_2', responseModel: 'b-2'}).usage;
    expect(sumStepUsage([first, last], TIMING)).toEqual(
      jasmine.objectContaining({provider: 'b', responseId: 'resp_2', responseModel: 'b-2'}),
    );
  });

  it('leaves them out when the last step has none, whatever the earlier steps had', () => {
    const first = usagePart({responseId: 'resp_1', responseModel: 'a-1'}).usage;
    const summary = sumStepUsage([first, usagePart().usage], TIMING);
    expect('responseId' in summary).toBeFalse();
    expect('responseModel' in summary).toBeFalse();
  });
});
