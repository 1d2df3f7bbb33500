import type { LifecycleMessages } from './en.js';

export const sv: LifecycleMessages = {
  'myWorkshops.heading': 'Mina workshoppar',
  'myWorkshops.hint': 'Alla workshoppar som den här webbläsaren har en länk till.',
  'myWorkshops.lastActivity': 'Senaste aktivitet {date}',
  'myWorkshops.participants': { one: '{count} deltagare', other: '{count} deltagare' },
  'myWorkshops.unavailable': 'Länken öppnar inte längre workshopen.',
  'myWorkshops.forget': 'Ta bort från listan',
  'myWorkshops.forgetLabel': 'Ta bort {title} från listan',
  'myWorkshops.closed': 'Stängd',

  'facilitatorLink.heading': 'Spara din processledarlänk',
  'facilitatorLink.warning':
    'Den här länken är det enda sättet att komma tillbaka till workshopen som processledare, på den här eller någon annan enhet. Den som har länken kan leda workshopen, så förvara den säkert och ge den aldrig till deltagare.',
  'facilitatorLink.label': 'Din processledarlänk',
  'facilitatorLink.save': 'Spara som fil',
  'facilitatorLink.mail': 'Mejla den till mig själv',
  'facilitatorLink.mailSubject': 'Processledarlänk: {title}',
  'facilitatorLink.text':
    'Öppna den här länken för att leda workshopen "{title}" som processledare:\n\n{link}\n\nHåll den för dig själv: den som har länken kan leda workshopen.',
  'facilitatorLink.fileName': 'processledarlank',
  'facilitatorLink.done': 'Jag har sparat den',

  'template.label': 'Börja från',
  'template.hint': 'En mall fyller i frågan, grupperna och inställningarna; aldrig personer, kort eller röster.',
  'template.blank': 'En tom workshop',
  'template.builtIn': 'Mallar',
  'template.kickoff': 'Uppstart av ett industriforum',
  'template.valueChain': 'Samskapande i värdekedjan',
  'template.steeringFollowUp': 'Uppföljning med styrgruppen',
  'template.earlier': 'Mina tidigare workshoppar',
  'template.failed': 'Den workshopen kunde inte läsas. Länken kanske inte fungerar längre.',

  'details.heading': 'Workshopens uppgifter',
  'details.hint': 'Ändringar når alla direkt. En grupp som någon har valt kan byta namn men inte tas bort.',
  'details.groupInUse': 'Grupp {n}: {name} (används, kan inte tas bort)',
  'details.save': 'Spara ändringarna',
  'details.saving': 'Sparar…',
  'details.saved': 'Sparat. Alla ser de nya uppgifterna.',

  'closing.close': 'Stäng workshopen',
  'closing.closeHint': 'Ingen kan ändra något förrän du öppnar den igen. Allt går att läsa och exporterna finns kvar.',
  'closing.confirm': 'Stänga workshopen för alla?',
  'closing.confirmYes': 'Ja, stäng den',
  'closing.cancel': 'Avbryt',
  'closing.reopen': 'Öppna workshopen igen',
  'closing.closedTitle': 'Den här workshopen är stängd',
  'closing.closedBody': 'Allt går att läsa och exporterna kan laddas ner, men inget kan ändras.',
  'closing.closedBodyReadOnly': 'Allt går fortfarande att läsa, men inget kan ändras.',
  'closing.closedSince': 'Stängd {date}.',

  'refusal.workshop-closed': 'Workshopen är stängd: inget kan ändras förrän processledaren öppnar den igen.',
  'refusal.group-in-use': 'Någon har valt den här gruppen: den kan byta namn men inte tas bort.',
};
