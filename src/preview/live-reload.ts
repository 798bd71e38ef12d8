/**
 * Server-sent events to every open page: "hello" with the current state
 * when a page connects (so a page that missed a reload while loading
 * catches up), "reload" after each change, "bye" when the preview stops.
 * Each page says which path it shows, so a reload can render the open
 * pages before telling them, and their request is answered at once.
 */
import type { ServerResponse } from 'node:http';

interface Client {
  response: ServerResponse;
  page: string;
}

export class LiveReload {
  readonly #clients = new Set<Client>();
  /** Keeps idle connections from being closed by proxies or sleeping laptops' network stacks. */
  readonly #heartbeat: NodeJS.Timeout;

  constructor() {
    this.#heartbeat = setInterval(() => this.#send(': keep-alive\n\n'), 30_000);
    this.#heartbeat.unref();
  }

  /** Takes over a request to the events endpoint. */
  connect(response: ServerResponse, page: string, generation: string, head: boolean): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    if (head) {
      response.end();
      return;
    }
    // A quick retry: after a restart of the preview the page reconnects at once.
    response.write(`retry: 300\nevent: hello\ndata: ${generation}\n\n`);
    const client = { response, page };
    this.#clients.add(client);
    response.on('close', () => this.#clients.delete(client));
  }

  /** Paths the connected pages show, without duplicates. */
  openPages(): string[] {
    return [...new Set([...this.#clients].map((client) => client.page))];
  }

  reload(generation: string): void {
    this.#send(`event: reload\ndata: ${generation}\n\n`);
  }

  /** Tells every page the preview stopped, and ends the connections. */
  close(): void {
    clearInterval(this.#heartbeat);
    this.#send('event: bye\ndata: stopped\n\n');
    for (const client of this.#clients) client.response.end();
    this.#clients.clear();
  }

  #send(text: string): void {
    for (const client of this.#clients) client.response.write(text);
  }
}
