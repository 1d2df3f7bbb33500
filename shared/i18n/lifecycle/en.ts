import type { Message } from '../message.js';

/** English strings of a workshop's life before and after the session: my workshops, templates, the facilitator link, editing, closing. */
export const en = {
  'myWorkshops.heading': 'My workshops',
  'myWorkshops.hint': 'Every workshop this browser holds a link for.',
  'myWorkshops.lastActivity': 'Last activity {date}',
  'myWorkshops.participants': { one: '{count} participant', other: '{count} participants' },
  'myWorkshops.unavailable': 'This link no longer opens the workshop.',
  'myWorkshops.forget': 'Remove from this list',
  'myWorkshops.forgetLabel': 'Remove {title} from this list',
  'myWorkshops.closed': 'Closed',

  'facilitatorLink.heading': 'Keep your facilitator link',
  'facilitatorLink.warning':
    'This link is the only way back into this workshop as its facilitator, on this or any other device. Anyone who has it can run the workshop, so keep it safe and never give it to participants.',
  'facilitatorLink.label': 'Your facilitator link',
  'facilitatorLink.save': 'Save as file',
  'facilitatorLink.mail': 'Mail it to myself',
  'facilitatorLink.mailSubject': 'Facilitator link: {title}',
  'facilitatorLink.text':
    'Open this link to run the workshop "{title}" as its facilitator:\n\n{link}\n\nKeep it private: anyone who has this link can run the workshop.',
  'facilitatorLink.fileName': 'facilitator-link',
  'facilitatorLink.done': 'I have kept it',

  'template.label': 'Start from',
  'template.hint': 'A template fills in the question, the groups and the settings; never people, cards or votes.',
  'template.blank': 'An empty workshop',
  'template.builtIn': 'Templates',
  'template.kickoff': 'Industry forum kick-off',
  'template.valueChain': 'Value-chain co-creation',
  'template.steeringFollowUp': 'Steering-group follow-up',
  'template.earlier': 'My earlier workshops',
  'template.failed': 'That workshop could not be read. Its link may no longer work.',

  'details.heading': 'Workshop details',
  'details.hint': 'Changes reach everyone at once. A group someone has joined can be renamed, not removed.',
  'details.groupInUse': 'Group {n}: {name} (in use, cannot be removed)',
  'details.save': 'Save changes',
  'details.saving': 'Saving…',
  'details.saved': 'Saved. Everyone sees the new details.',

  'closing.close': 'Close the workshop',
  'closing.closeHint': 'Nobody can change anything until you reopen it. Everything stays readable and the exports stay available.',
  'closing.confirm': 'Close the workshop for everyone?',
  'closing.confirmYes': 'Yes, close it',
  'closing.cancel': 'Cancel',
  'closing.reopen': 'Reopen the workshop',
  'closing.closedTitle': 'This workshop is closed',
  'closing.closedBody': 'Everything can be read and the exports downloaded, but nothing can be changed.',
  'closing.closedBodyReadOnly': 'Everything can still be read, but nothing can be changed.',
  'closing.closedSince': 'Closed on {date}.',

  'refusal.workshop-closed': 'This workshop is closed: nothing can be changed until the facilitator reopens it.',
  'refusal.group-in-use': 'Someone has joined this group: it can be renamed, not removed.',
} as const satisfies Record<string, Message>;

export type LifecycleKey = keyof typeof en;
export type LifecycleMessages = { readonly [K in LifecycleKey]: Message };
