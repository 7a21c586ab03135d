import { createParser, type EventSourceMessage } from 'eventsource-parser';

export type ServerEvent = EventSourceMessage;

/** Reads Server-Sent Events from a real HTTP response, one event at a time. */
export async function openEventStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: ServerEvent[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const next = async (): Promise<ServerEvent> => {
    for (;;) {
      const event = events.shift();
      if (event) return event;
      const chunk = await reader?.read();
      if (!chunk || chunk.done) throw new Error('stream ended');
      parser.feed(decoder.decode(chunk.value, { stream: true }));
    }
  };
  return { response, next, close: () => controller.abort() };
}

/** The next event of one kind from a stream, its data parsed as JSON. */
export async function nextOf(stream: Awaited<ReturnType<typeof openEventStream>>, kind: string): Promise<unknown> {
  for (;;) {
    const event = await stream.next();
    if (event.event === kind) return JSON.parse(event.data);
  }
}
