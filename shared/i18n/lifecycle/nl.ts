import type { LifecycleMessages } from './en.js';

export const nl: LifecycleMessages = {
  'myWorkshops.heading': 'Mijn workshops',
  'myWorkshops.hint': 'Elke workshop waarvoor deze browser een link bewaart.',
  'myWorkshops.lastActivity': 'Laatste activiteit {date}',
  'myWorkshops.participants': { one: '{count} deelnemer', other: '{count} deelnemers' },
  'myWorkshops.unavailable': 'Deze link opent de workshop niet meer.',
  'myWorkshops.forget': 'Uit deze lijst halen',
  'myWorkshops.forgetLabel': '{title} uit deze lijst halen',
  'myWorkshops.closed': 'Gesloten',

  'facilitatorLink.heading': 'Bewaar je begeleiderslink',
  'facilitatorLink.warning':
    'Met deze link kom je als begeleider terug in deze workshop, op dit of elk ander apparaat; er is geen andere weg. Wie de link heeft, kan de workshop leiden: bewaar hem goed en geef hem nooit aan deelnemers.',
  'facilitatorLink.label': 'Je begeleiderslink',
  'facilitatorLink.save': 'Opslaan als bestand',
  'facilitatorLink.mail': 'Naar mezelf mailen',
  'facilitatorLink.mailSubject': 'Begeleiderslink: {title}',
  'facilitatorLink.text':
    'Open deze link om de workshop "{title}" als begeleider te leiden:\n\n{link}\n\nHoud hem voor jezelf: wie deze link heeft, kan de workshop leiden.',
  'facilitatorLink.fileName': 'begeleiderslink',
  'facilitatorLink.done': 'Ik heb hem bewaard',

  'template.label': 'Beginnen met',
  'template.hint': 'Een sjabloon vult de vraag, de groepen en de instellingen in; nooit mensen, kaartjes of stemmen.',
  'template.blank': 'Een lege workshop',
  'template.builtIn': 'Sjablonen',
  'template.kickoff': 'Kick-off van een industrieforum',
  'template.valueChain': 'Co-creatie in de waardeketen',
  'template.steeringFollowUp': 'Vervolg met de stuurgroep',
  'template.earlier': 'Mijn eerdere workshops',
  'template.failed': 'Die workshop kon niet worden gelezen. Misschien werkt de link niet meer.',

  'details.heading': 'Gegevens van de workshop',
  'details.hint': 'Wijzigingen zijn meteen voor iedereen zichtbaar. Een groep waarin iemand zit, kan een andere naam krijgen maar niet weg.',
  'details.groupInUse': 'Groep {n}: {name} (in gebruik, kan niet weg)',
  'details.save': 'Wijzigingen opslaan',
  'details.saving': 'Bezig met opslaan…',
  'details.saved': 'Opgeslagen. Iedereen ziet de nieuwe gegevens.',

  'closing.close': 'Workshop sluiten',
  'closing.closeHint': 'Niemand kan nog iets wijzigen tot je de workshop heropent. Alles blijft leesbaar en de exports blijven beschikbaar.',
  'closing.confirm': 'De workshop voor iedereen sluiten?',
  'closing.confirmYes': 'Ja, sluiten',
  'closing.cancel': 'Annuleren',
  'closing.reopen': 'Workshop heropenen',
  'closing.closedTitle': 'Deze workshop is gesloten',
  'closing.closedBody': 'Alles is te lezen en de exports zijn te downloaden, maar er kan niets meer worden gewijzigd.',
  'closing.closedBodyReadOnly': 'Alles is nog te lezen, maar er kan niets meer worden gewijzigd.',
  'closing.closedSince': 'Gesloten op {date}.',

  'refusal.workshop-closed': 'Deze workshop is gesloten: er kan niets worden gewijzigd tot de begeleider hem heropent.',
  'refusal.group-in-use': 'Iemand zit in deze groep: hij kan een andere naam krijgen, maar niet weg.',
};
