import {EventEmitter} from 'node:events';
import proxyConfig, {PROXY_UNREACHABLE_MARKER} from './proxy.conf.mjs';
import {PROXY_UNREACHABLE_MARKER as CHAT_MARKER} from './src/app/chat/describe-llm-error';

/** The part of Node's ServerResponse the proxy's error handler writes to. */
class RecordedResponse {
  headersSent = false;
  writableEnded = false;
  status = 0;
  headers: Record<string, string> = {};
  body = '';
  readonly req = {url: '/api/openai/v1/responses'};

  writeHead(status: number, headers: Record<string, string>): this {
    this.status = status;
    this.headers = headers;
    this.headersSent = true;
    return this;
  }

  end(body: string): void {
    this.body = body;
    this.writableEnded = true;
  }
}

describe('the demo dev server proxy', () => {
  const configure = (route: string) => {
    const proxy = new EventEmitter();
    (proxyConfig as Record<string, {configure: (proxy: EventEmitter) => void}>)[route].configure(proxy);
    return proxy;
  };

  it('answers 502 with a body that says the proxy, not the provider, failed when it cannot reach the provider', () => {
    const response = new RecordedResponse();
    const failure = Object.assign(new Error('getaddrinfo ENOTFOUND api.openai.com'), {code: 'ENOTFOUND'});
    configure('/api/openai').emit('error', failure, {}, response);
    expect(response.status).toBe(502);
    expect(response.headers['x-llm-rx-proxy']).toBe('unreachable');
    const body = JSON.parse(response.body) as {error: {type: string; message: string}};
    expect(body.error.type).toBe(PROXY_UNREACHABLE_MARKER);
    expect(body.error.message).toContain('https://api.openai.com (ENOTFOUND)');
  });

  it('uses the marker the chat looks for', () => {
    expect(PROXY_UNREACHABLE_MARKER).toBe(CHAT_MARKER);
  });

  it('leaves a response that was already answered alone', () => {
    const response = new RecordedResponse();
    response.writeHead(200, {});
    configure('/api/cohere').emit('error', new Error('socket hang up'), {}, response);
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
  });
});
