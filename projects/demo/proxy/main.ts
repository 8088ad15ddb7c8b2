// The demo's key-holding proxy (`llm-rx/proxy`), which `npm start` runs beside the mock provider server and the
// dev server: the page's real-provider connection calls it at http://localhost:4020/api/<provider>, and it adds the
// keys from this process's environment (see demo-proxy-config.ts). Stopped by SIGTERM or SIGINT.
//
//   node --import tsx projects/demo/proxy/main.ts        (LLM_RX_PROXY_PORT, default 4020, on 127.0.0.1)
import {createServer} from 'node:http';
import {createLlmProxy} from 'llm-rx/proxy';
import {toNodeListener} from 'llm-rx/proxy/node';
import {DEMO_PROVIDERS} from '../src/app/common/provider-catalog';
import {demoProxyConfig} from './demo-proxy-config';

const HOST = '127.0.0.1';
const port = Number(process.env['LLM_RX_PROXY_PORT'] || 4020);
const config = demoProxyConfig(process.env);
// Without any key it serves no provider and refuses every call as `provider-not-allowed`, which the page explains.
const handler = createLlmProxy(config);
const server = createServer(toNodeListener(handler, {basePath: config.basePath}));

server.on('error', error => {
  const hint =
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? ' (another npm start? set LLM_RX_PROXY_PORT)' : '';
  console.error(`demo proxy: cannot listen on ${HOST}:${port}: ${error.message}${hint}`);
  process.exit(1);
});

server.listen(port, HOST, () => {
  // Names only, never a key.
  const served = [...Object.keys(config.providers), ...Object.keys(config.compatible ?? {})];
  const where = `http://${HOST}:${port}${config.basePath}/<provider>`;
  const upstream = process.env['LLM_RX_PROXY_UPSTREAM']
    ? ` → the mock server at ${process.env['LLM_RX_PROXY_UPSTREAM']}`
    : '';
  const unset = DEMO_PROVIDERS.filter(info => !served.includes(info.name)).map(info => info.keyVariable);
  console.log(
    served.length
      ? `demo proxy: serving ${served.join(', ')} at ${where}${upstream}`
      : `demo proxy: serving no provider at ${where}: set ${unset.join(', ')} where npm start runs`,
  );
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    // Open streams end with the process: a stopped demo leaves nothing waiting on a provider.
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
