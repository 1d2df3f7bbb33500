/** English strings of the delegates' sign-off: naming delegates, the rule, signing on a phone, the projector's view. */
export const en = {
  'signoff.heading': 'Sign-off by delegates',
  'signoff.ruleLabel': 'Rule',
  'signoff.ruleOption.every-group': 'Every group consents',
  'signoff.ruleOption.majority-no-objection': 'A majority of groups consent and none objects',
  'signoff.rule.every-group': 'The list is signed off when every group with delegates consents.',
  'signoff.rule.majority-no-objection': 'The list is signed off when most groups with delegates consent and no group objects.',
  'signoff.delegatesOf': 'Delegates for {group}',
  'signoff.save': 'Save rule and delegates',
  'signoff.saved': 'Rule and delegates saved.',
  'signoff.noDelegates': 'Name at least one delegate for a group to ask for sign-off.',
  'signoff.version': 'Version {version}',
  'signoff.met': 'Signed off: the rule is met.',
  'signoff.notMet': 'Not signed off yet.',
  'signoff.standing.pending': 'Waiting',
  'signoff.standing.consents': 'Consents',
  'signoff.standing.abstains': 'Abstains',
  'signoff.standing.objects': 'Objects',
  'signoff.decision.consent': 'Consent',
  'signoff.decision.abstain': 'Abstain',
  'signoff.decision.object': 'Object',
  'signoff.waiting': 'waiting',
  'signoff.ask': 'You sign for {group}. Does {group} agree to version {version} of the priority list?',
  'signoff.reasonLabel': 'Reason (needed to object)',
  'signoff.yourDecision': 'You answered: {decision}. You can change it until a new version is frozen.',
  'refusal.not-a-delegate': 'Only a delegate named for a group can sign.',
  'refusal.delegate-not-in-group': 'A delegate must be a participant of the group they sign for.',
  'refusal.no-frozen-version': 'There is no frozen version to sign yet.',
  'refusal.version-superseded': 'A newer version was frozen: sign that one.',
} as const;

export type SignoffKey = keyof typeof en;
export type SignoffMessages = { readonly [K in SignoffKey]: string };
