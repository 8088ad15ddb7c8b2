import {maskHeaders, maskPath, RequestLog} from './request-log';

describe('maskHeaders', () => {
  it('stores every credential header as *** and keeps the others', () => {
    expect(
      maskHeaders({
        authorization: 'Bearer sk-secret',
        'x-api-key': 'sk-ant-secret',
        'x-goog-api-key': 'AIza-secret',
        'content-type': 'application/json',
        'set-cookie': ['a=1', 'b=2'],
      }),
    ).toEqual({
      authorization: '***',
      'x-api-key': '***',
      'x-goog-api-key': '***',
      'content-type': 'application/json',
      'set-cookie': 'a=1, b=2',
    });
  });
});

describe('maskPath', () => {
  it('masks a key query parameter only', () => {
    expect(maskPath('/v1beta/models/m:streamGenerateContent?alt=sse&key=AIza-secret')).toBe(
      '/v1beta/models/m:streamGenerateContent?alt=sse&key=***',
    );
    expect(maskPath('/v1/x?key=s&monkey=1')).toBe('/v1/x?key=***&monkey=1');
  });
});

describe('RequestLog', () => {
  const fields = (tag: string | null) => ({
    tag,
    wire: 'openai-chat',
    method: 'POST',
    path: '/v1/chat/completions',
    headers: {},
    body: null,
    scenario: {},
    fault: null,
    receivedAt: new Date(0).toISOString(),
  });

  it('numbers records, filters by tag and clears', () => {
    const log = new RequestLog();
    const first = log.add(fields('a'));
    log.add(fields('b'));
    log.add(fields(null));
    expect(first.id).toBe('req_mock_1');
    expect(first.status).toBeNull();
    expect(first.closedEarly).toBeFalse();
    expect(first.completed).toBeFalse();
    expect(log.list('a').map(record => record.id)).toEqual(['req_mock_1']);
    expect(log.list().length).toBe(3);
    expect(log.clear()).toBe(3);
    expect(log.list()).toEqual([]);
  });

  it('counts the records of a tag', () => {
    const log = new RequestLog();
    log.add(fields('a'));
    log.add(fields('b'));
    log.add(fields('a'));
    expect(log.count('a')).toBe(2);
    expect(log.count('c')).toBe(0);
  });

  it('lists copies, while the server keeps updating the stored record', () => {
    const log = new RequestLog();
    const record = log.add(fields('a'));
    const copy = log.list('a')[0];
    record.completed = true;
    copy.status = 999;
    expect(log.list('a')[0].completed).toBeTrue();
    expect(log.list('a')[0].status).toBeNull();
  });
});
