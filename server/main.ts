import { startServer } from './app.js';
import { configFromEnv } from './config.js';

const server = await startServer(configFromEnv());
console.log(`Forumboard is running on ${server.url}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
