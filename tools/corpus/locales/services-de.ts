import type { ServiceVocabulary } from '../services.ts';
import { genericLinesNamed, partsNamed } from './service-prices.ts';

/** The German maintenance vocabulary (de-DE): invoice shorthand, machines without article ("an Webmaschine …"). */

const MACHINES = [
  'Webmaschine Picanol OptiMax',
  'Greiferwebmaschine Dornier P1',
  'Luftdüsenwebmaschine Toyota JAT810',
  'Schärmaschine Karl Mayer',
  'Konusschärmaschine Benninger',
  'Rundstrickmaschine Mayer & Cie',
  'Rundstrickmaschine Terrot',
  'Spannrahmen Brückner',
  'Thermofixier-Spannrahmen Monforts',
  'Flammrohrkessel 150 BHP',
  'Dampfkessel Bosch UL-S',
  'Schraubenkompressor Atlas Copco GA37',
  'Kompressor Kaeser SK 25',
  'Rotorspinnmaschine Rieter R60',
  'Ringspinnmaschine Zinser',
  'Stickmaschine Tajima 12-köpfig',
  'Industrienähmaschine Juki DDL-8700',
  'Overlockmaschine Siruba 747',
  'Jet-Färbeanlage Thies',
  'Bügelkalander',
  'Stoffzuschneidemaschine Eastman',
  'Spulmaschine Schlafhorst Autoconer',
  'Gewebetrockner',
];

const COMPONENTS = [
  'Lagerung',
  'Hydraulik',
  'Schaltschrank',
  'Hauptmotor',
  'Getriebe',
  'Pneumatik',
  'Brenner',
  'Antriebskette',
  'Abzugswalzen',
  'Zentralschmierung',
  'Bremse und Kupplung',
  'Frequenzumrichter',
  'Speisepumpe',
  'Webschäfte und Litzen',
  'Schussfadenwächter',
];

const PARTS = partsNamed([
  'Rillenkugellager SKF 6205-2RS',
  'Pendelrollenlager 22215 E',
  'Zahnriemen HTD 8M-1200',
  'Keilriemen B-52',
  'Luftfilter für Kompressor',
  'Ölabscheider-Patrone',
  'Hydrauliköl HLP 68',
  'Lithiumfett EP2',
  'Induktiver Näherungsschalter M18 PNP',
  'Schütz 3-polig 40 A',
  'Magnetventil 1/2"',
  'Heizelement 2 kW',
  'Dichtung Kesseldeckel',
  'Stricknadeln für Rundstrickmaschine (100 Stk.)',
  'Greifer für Webmaschine',
  'Schneidmesser',
  'Fadenführer Keramik',
  'Drehstrommotor 3,7 kW',
  'Frequenzumrichter 7,5 kW',
  'Wartungskit Kompressor 8000 Bh',
  'Thermoelement Typ K',
  'Manometer 0-10 bar',
  'Radialwellendichtring 45x62x8',
  'Antriebsritzel Z-24',
]);

const PREVENTIVE_SERVICES = [
  'Vorbeugende Wartung ({freq}) an {machine}',
  'Wartung gemäß Wartungsplan: {machine}',
  'Routinewartung {machine}, inkl. Grundreinigung und Einstellung',
  'Inspektion und Einstellung {component} an {machine}',
  'Abschmieren {component} an {machine}',
  'Kalibrierung der Sensoren und Parameter, {machine}',
  'Regelmäßige Inspektion {machine} ({hours} Betriebsstunden)',
  'Planmäßiger Filterwechsel an {machine}',
  'Wartungsvertrag, Intervall {freq}: Prüfung {component} an {machine}',
  'Schwingungsanalyse (vorausschauende Instandhaltung) an {machine}',
  'Thermografie Schaltschränke und {component}',
  'Inspektions- und Schmierrunde {machine}',
  'Intervallwartung nach Betriebsstunden, {machine} ({hours} h)',
  'Geplanter Wartungseinsatz an {machine}',
  'Vorbeugende Prüfung und Einstellung {component} an {machine}',
  'Abschmieren und allgemeine Durchsicht {machine} laut Wartungsplan',
  'Turnusmäßige Durchsicht {machine}',
  'Planmäßige Hauptinspektion {machine} ({hours} Bh)',
  'Isolationsmessung und Nachziehen der Anschlüsse, {component} (Intervall {freq})',
  '{Machine}: Reinigung, Prüfung und Einstellung {component} gemäß Wartungsplan',
  'Geplante Generalüberholung {component}, {machine}',
  'Öl- und Filterwechsel nach Wartungsintervall, {machine}',
  'Zustandsüberwachung: Temperatur- und Schwingungsmessung an {machine}',
  'Wartungseinsatz {machine}: Sichtprüfung, Nachziehen, Reinigung',
  'Wartung ({freq}) an {machine} durchgeführt, ohne Befund',
  'Planmäßige Prüfung {component} ({hours} h) an {machine}',
  'Füllstände prüfen, Abschmieren und Einstellen {component}, {machine}',
  'Wartungsvertrag - Besuch ({freq}) {machine}',
];

const CORRECTIVE_SERVICES = [
  'Reparatur nach Ausfall {component}, {machine}',
  'Störungsbeseitigung {component} an {machine}',
  'Austausch defektes Lager an {machine}',
  'Beseitigung Leckage {component}, {machine}',
  'Notdiensteinsatz wegen ungeplantem Stillstand {machine}',
  'Instandsetzung Schaden {component} an {machine}',
  'Neuwicklung durchgebrannter Motor, {machine}',
  'Fehlersuche und Reparatur elektrische Störung an {machine}',
  'Schweißen und Instandsetzen gebrochene Welle, {machine}',
  'Austausch beschädigte Baugruppe: {component} an {machine}',
  'Störungseinsatz wegen Linienstillstand an {machine}',
  'Instandsetzung {component}, {machine}',
  'Demontage und Reparatur {component} (defekt), {machine}',
  'Behebung Fehlausrichtung mit Bruchschaden an {machine}',
  'Dringende Reparatur {machine}, außer Betrieb',
  '{Machine}: Reparatur {component} wegen ungewöhnlicher Geräusche und starker Vibration',
  'Kurzschlussschaden {component} an {machine} behoben',
  'Reparatur Riss an {component}, {machine}',
  'Gängigmachen und Reparatur {component} (festgefressen), {machine}',
  'Behebung Überhitzung {component} an {machine}',
  '{Machine} läuft nicht an: Fehlersuche, Austausch durchgebrannte Steuerplatine',
  'Ersatz {component} nach Unfallschaden, {machine}',
  'Störungsbehebung {machine} in der Nachtschicht',
  'Ausfall {component} an {machine} behoben; defektes Teil ersetzt',
  'Reparatureinsatz {machine} wegen Schaden an {component}',
  'Abdichten {component} an {machine} (undicht)',
  'Einsatz wegen ungeplantem Maschinenstillstand {machine}',
  'Reparatur {component} an {machine} nach Störung',
];

const WEAK_PREVENTIVE_CUES = [
  'Inspektion nach der Reparatur {machine}',
  'Abschmieren nach dem Einsatz',
  'Prüfung {component} und Funktionstest',
  'Einstellung und Kalibrierung nach Teiletausch',
];
const WEAK_CORRECTIVE_CUES = [
  'Austausch {component} wegen bei der Inspektion festgestelltem Verschleiß',
  'Kleine Nachbesserung {component}, bei der Routine festgestellt',
  'Austausch verschlissener Riemen an {machine}',
  'Nachspannen {component} beim Besuch',
];

const GENERIC_LINES = genericLinesNamed([
  'Arbeitszeit Servicetechniker',
  'Arbeitszeit Fachmonteur',
  'Monteurstunden vor Ort',
  'An- und Abfahrt Personal und Werkzeug',
  'Reinigungs- und Verbrauchsmaterial',
  'Spesen Monteur',
  'Miete Hebezeug',
  'Kleinteile (Schrauben, Scheiben, Kabelschuhe)',
]);

const FREQUENCIES = ['monatlich', 'vierteljährlich', 'halbjährlich', 'jährlich', 'zweimonatlich'];

const PREVENTIVE_REMARKS = [
  'Leistung im Rahmen des Wartungsplans {month}.',
  'Nächster Wartungstermin in {days} Tagen laut Wartungsplan.',
  'Wartung ohne Befund durchgeführt; Anlagen arbeiten im Sollbereich.',
  'Prüfprotokoll und unterschriebene Checkliste liegen bei.',
];
const CORRECTIVE_REMARKS = [
  'Einsatz aufgrund Störungsmeldung des Kunden.',
  'Die Anlage läuft nach der Reparatur wieder einwandfrei.',
  '90 Tage Gewährleistung auf die ausgeführte Reparatur.',
  'Wir empfehlen, verschlissene Teile zu ersetzen, um weitere Ausfälle zu vermeiden.',
];
const NEUTRAL_REMARKS = [
  'Bitte bei Zahlung die Kundennummer {account} angeben.',
  'Leistung erbracht im Werk des Kunden.',
  'Es gelten unsere Allgemeinen Geschäftsbedingungen.',
  'Elektrische Ersatzteile sind vom Umtausch ausgeschlossen.',
  'Vielen Dank für Ihren Auftrag.',
];

export const SERVICES_DE: ServiceVocabulary = {
  language: 'de',
  machines: MACHINES,
  components: COMPONENTS,
  parts: PARTS,
  preventiveServices: PREVENTIVE_SERVICES,
  correctiveServices: CORRECTIVE_SERVICES,
  weakPreventiveCues: WEAK_PREVENTIVE_CUES,
  weakCorrectiveCues: WEAK_CORRECTIVE_CUES,
  genericLines: GENERIC_LINES,
  frequencies: FREQUENCIES,
  preventiveRemarks: PREVENTIVE_REMARKS,
  correctiveRemarks: CORRECTIVE_REMARKS,
  neutralRemarks: NEUTRAL_REMARKS,
};
