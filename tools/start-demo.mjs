// `npm start`: the mock provider server (simulated providers: no keys, no internet) and the demo's dev server.
import {spawn} from 'node:child_process';

const children = [
  spawn(process.execPath, ['--import', 'tsx', 'projects/mock-providers/src/main.ts'], {stdio: 'inherit'}),
  spawn('npx', ['ng', 'serve', 'demo', ...process.argv.slice(2)], {stdio: 'inherit'}),
];
const stop = () => children.forEach(child => child.kill());
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach(child =>
  child.on('exit', code => {
    stop();
    process.exitCode = code ?? 0;
  }),
);
