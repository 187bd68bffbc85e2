// Server-Sent Events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html).
import type { LiveState } from './live-state';

// The hub hands the same state object to every subscriber of a meeting: frame it once, not once per stream.
const framed = new WeakMap<LiveState, string>();

/** One `state` event: the full state as JSON on one data line, id = seq. */
export function sseState(state: LiveState): string {
  let text = framed.get(state);
  if (text === undefined) {
    text = `id: ${state.seq}\nevent: state\ndata: ${JSON.stringify(state)}\n\n`;
    framed.set(state, text);
  }
  return text;
}

export function sseComment(text: string): string {
  return `: ${text}\n\n`;
}

export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

/**
 * An incremental parser for a text/event-stream body (for Node clients: the bench and tests;
 * browsers use EventSource). Feed it chunks; it returns the complete events found so far.
 */
export function createSseParser(): (chunk: string) => SseEvent[] {
  let buffer = '';
  let id: string | null = null;
  let event = 'message';
  let data: string[] = [];
  return (chunk) => {
    buffer += chunk;
    const out: SseEvent[] = [];
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) out.push({ id, event, data: data.join('\n') });
        event = 'message';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
      else if (field === 'event') event = value;
    }
    return out;
  };
}
