/**
 * A catalogue entry: a plain text, or a count's plural forms chosen with Intl.PluralRules. English and Swedish
 * need `one` and `other`; each language must give every category its PluralRules names (checked by
 * catalogues.test.ts), so a language with more forms cannot silently fall back to one that reads wrong.
 */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string };
export type Message = string | PluralForms;

export type MessageVars = Record<string, string | number>;

/** Fills `{name}` placeholders; a plural entry first picks its form by `vars.count` in `locale`'s rules. */
export function formatMessage(message: Message, locale: string, vars?: MessageVars): string {
  const template = typeof message === 'string' ? message : pluralForm(message, locale, Number(vars?.count ?? 0));
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function pluralForm(forms: PluralForms, locale: string, count: number): string {
  return forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
}
