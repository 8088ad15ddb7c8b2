// A cheap stand-in for `npx ng serve demo`, run by tools/start-demo.spec.ts through LLM_RX_DEMO_SERVE_COMMAND.
// It has the real command's process shape: the server listening on `--port` is a grandchild of start-demo (as
// ng serve is, below npx and a shell), and this process dies of SIGINT, SIGTERM and SIGHUP without passing them
// on (as that shell does). So only a stop that reaches the whole process group ends the server. Like npx, it ends
// when the server ends, with its exit code.
import {spawn} from 'node:child_process';
import {parseArgs} from 'node:util';

const {values} = parseArgs({options: {port: {type: 'string'}}, strict: false});
const port = Number(values.port);
const server = spawn(
  process.execPath,
  ['-e', `require('node:http').createServer((_, response) => response.end('stand-in')).listen(${port}, '127.0.0.1')`],
  {stdio: 'inherit'},
);
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
