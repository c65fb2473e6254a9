// Run a bench helper in its own Node process and talk to it over IPC: each request gets one answer, matched
// by id. Keeps the upstream, the proxy and the client on separate event loops, as they are in real use.
import { fork } from 'node:child_process';

/**
 * Fork `file`, wait for its `{ type: 'ready', ... }` message and return it with an `ask` function and `stop`.
 * The child must answer every `{ id, ... }` message with `{ id, ... }`.
 */
export async function startChild(file, { env = process.env, execArgv = [] } = {}) {
  const child = fork(file, [], { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 1;
  const ready = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
    child.on('message', (message) => {
      if (message?.type === 'ready') resolve(message);
      const waiter = pending.get(message?.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error));
      else waiter.resolve(message);
    });
  });
  const info = await ready;
  child.removeAllListeners('exit');
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${file} exited with ${code}`));
    pending.clear();
  });
  return {
    info,
    pid: child.pid,
    ask(message) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ ...message, id });
      });
    },
    /** Ask the child to finish, then wait (at most 5 s) for it to exit; kill it otherwise. */
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** In a child: answer IPC requests with `handle(message)`; `{type:'stop'}` runs `onStop` then exits. */
export function serveParent(handle, onStop) {
  process.on('message', async (message) => {
    if (message?.type === 'stop') {
      await onStop();
      process.disconnect();
      return;
    }
    try {
      process.send({ id: message.id, ...(await handle(message)) });
    } catch (error) {
      process.send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
