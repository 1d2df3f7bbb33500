import type { Message } from '../message.js';

/** English strings of what a person sees when content or a change is refused; nl.ts and sv.ts are typed against these keys. */
export const en = {
  'safety.unreadable':
    'This text holds formatting the editor does not know, so it is shown as plain text and cannot be edited here.',
  'safety.refusedAgain':
    'The server refused a change from this browser again. It will reconnect in {seconds} seconds without that change; what was saved before is safe.',
  'safety.refusedStopped':
    'The server keeps refusing a change from this browser, so it has stopped sending it and is no longer connected. What was saved before is safe.',
  'safety.reconnect': 'Reconnect',
} satisfies Record<string, Message>;

export type SafetyKey = keyof typeof en;
export type SafetyMessages = { readonly [K in SafetyKey]: Message };
