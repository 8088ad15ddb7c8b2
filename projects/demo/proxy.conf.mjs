// The dev server's proxy to the real provider APIs (`ng serve demo`, see angular.json `proxyConfig`).
// The browser calls `/api/<provider>/…` on its own origin; the proxy forwards the call and adds the API key from
// this server's environment, so the key never reaches the page. A provider whose variable is unset gets the
// request as the browser sent it (e.g. with a key the user typed in after opting in), or a 401 from the provider.

/** Each provider: where its API lives, the variable its key comes from, and the header that carries it. */
const PROVIDERS = [
  {
    name: 'openai',
    target: 'https://api.openai.com',
    prefix: '/v1',
    variable: 'OPENAI_API_KEY',
    header: 'authorization',
  },
  {
    name: 'anthropic',
    target: 'https://api.anthropic.com',
    prefix: '',
    variable: 'ANTHROPIC_API_KEY',
    header: 'x-api-key',
  },
  {
    name: 'gemini',
    target: 'https://generativelanguage.googleapis.com',
    prefix: '',
    variable: 'GEMINI_API_KEY',
    header: 'x-goog-api-key',
  },
  {
    name: 'deepseek',
    target: 'https://api.deepseek.com',
    prefix: '',
    variable: 'DEEPSEEK_API_KEY',
    header: 'authorization',
  },
  {name: 'cohere', target: 'https://api.cohere.com', prefix: '', variable: 'CO_API_KEY', header: 'authorization'},
];

/**
 * The value of a key header: `Bearer <key>` for `authorization`, the key itself for the others.
 * @param header The header's name.
 * @param key The key.
 * @returns The header's value.
 */
function keyHeaderValue(header, key) {
  return header === 'authorization' ? `Bearer ${key}` : key;
}

/** What the demo's chat looks for to tell "the proxy could not reach the provider" from a provider's own error. */
export const PROXY_UNREACHABLE_MARKER = 'llm_rx_proxy_unreachable';

/**
 * Answers a request the proxy could not forward (no network, DNS, a refused connection) with a 502 whose body says
 * so in the shape the SDKs read (`{error: {type, message}}`), so that the page does not blame the provider.
 * @param target The provider's API.
 * @param error The proxy's error.
 * @param response The page's response, unless the proxy already answered.
 */
export function answerUnreachable(target, error, response) {
  if (!response || response.headersSent || response.writableEnded || typeof response.writeHead !== 'function') return;
  const reason = error?.code ?? error?.message ?? 'unknown error';
  const body = {
    error: {
      type: PROXY_UNREACHABLE_MARKER,
      message: `the demo's dev-server proxy could not reach ${target} (${reason}): check this machine's network`,
    },
  };
  response.writeHead(502, {'Content-Type': 'application/json', 'x-llm-rx-proxy': 'unreachable'});
  response.end(JSON.stringify(body));
}

export default Object.fromEntries(
  PROVIDERS.map(({name, target, prefix, variable, header}) => [
    `/api/${name}`,
    {
      target,
      changeOrigin: true,
      secure: true,
      rewrite: path => prefix + path.slice(`/api/${name}`.length),
      configure: proxy => {
        // Registered before the dev server's own handler, which would answer a bare 500 the page takes for the
        // provider's.
        proxy.on('error', (error, _request, response) => answerUnreachable(target, error, response));
        proxy.on('proxyReq', proxyRequest => {
          const key = process.env[variable];
          if (key) proxyRequest.setHeader(header, keyHeaderValue(header, key));
          // Browsers send their own origin; some APIs treat such calls as browser calls and refuse them.
          proxyRequest.removeHeader('origin');
          proxyRequest.removeHeader('referer');
        });
      },
    },
  ]),
);
