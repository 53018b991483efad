import type { ServerResponse } from 'node:http';
import type { Backend } from '../backend/createBackend';

const HEARTBEAT_MS = 25_000;

/** Server-sent events: each push event is one `data:` line of JSON; comments keep proxies and timers awake. */
export function streamEvents(backend: Backend, response: ServerResponse): () => void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  const unsubscribe = backend.subscribe((event) => {
    response.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  response.on('close', stop);
  return () => {
    stop();
    response.end();
  };
}
