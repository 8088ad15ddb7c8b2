import {responseUuid} from './response-uuid';

describe('responseUuid', () => {
  it('makes a version-4-shaped UUID, the same for one response id and another for the next', () => {
    const uuid = responseUuid('mockt5x0qa0001');
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(responseUuid('mockt5x0qa0001')).toBe(uuid);
    expect(responseUuid('mockt5x0qa0002')).not.toBe(uuid);
    expect(responseUuid('r')).toMatch(/^0{8}-0{4}-40{3}-80{3}-0{10}72$/);
  });
});
