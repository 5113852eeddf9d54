/**
 * The code sandbox as the page sees it: a Worker-like object whose worker runs inside a sandboxed,
 * opaque-origin iframe (public/sandbox/code-runner.html). The frame's Content-Security-Policy,
 * which the worker inherits, forbids every network request (connect-src 'none'), remote scripts
 * and eval / Function, so the reader's code cannot reach the network however it is written. The
 * worker's own source (worker.ts, bundled) is fetched once from this site and handed to the frame.
 */
import workerUrl from './worker.ts?worker&url';

const HOST = '/sandbox/code-runner.html';

let source: Promise<string> | null = null;
function workerSource(): Promise<string> {
  source ??= fetch(workerUrl).then((r) => {
    if (!r.ok) throw new Error(`the sandbox script could not be loaded (${r.status})`);
    return r.text();
  });
  source.catch(() => (source = null));
  return source;
}

type HostMessage = { type: 'host-ready' } | { type: 'host-started' } | { type: 'host-worker'; data: unknown } | { type: 'host-error'; message: string };

/** The subset of Worker that runCode uses. */
export interface SandboxWorker {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

export class FramedSandbox implements SandboxWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private readonly frame: HTMLIFrameElement;
  private readonly queue: unknown[] = [];
  private started = false;
  private closed = false;
  private readonly listener = (event: MessageEvent) => this.receive(event);

  constructor() {
    this.frame = document.createElement('iframe');
    this.frame.setAttribute('sandbox', 'allow-scripts');
    this.frame.hidden = true;
    this.frame.title = 'code sandbox';
    this.frame.dataset.codeSandbox = '';
    this.frame.src = HOST;
    window.addEventListener('message', this.listener);
    document.body.append(this.frame);
  }

  postMessage(message: unknown): void {
    if (this.started) this.frame.contentWindow?.postMessage({ type: 'host-run', request: message }, '*');
    else this.queue.push(message);
  }

  terminate(): void {
    this.closed = true;
    window.removeEventListener('message', this.listener);
    this.frame.remove();
  }

  private fail(message: string) {
    if (this.closed) return;
    this.onerror?.(new ErrorEvent('error', { message }));
  }

  private receive(event: MessageEvent) {
    if (this.closed || event.source !== this.frame.contentWindow) return;
    const m = event.data as HostMessage;
    switch (m?.type) {
      case 'host-ready':
        workerSource().then(
          (text) => this.frame.contentWindow?.postMessage({ type: 'host-start', source: text }, '*'),
          (error: Error) => this.fail(error.message),
        );
        return;
      case 'host-started':
        this.started = true;
        for (const message of this.queue.splice(0)) this.postMessage(message);
        return;
      case 'host-worker':
        this.onmessage?.(new MessageEvent('message', { data: m.data }));
        return;
      case 'host-error':
        this.fail(m.message);
        return;
    }
  }
}
