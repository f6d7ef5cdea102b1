import type { ServiceVocabulary } from '../services.ts';
import { genericLinesNamed, partsNamed } from './service-prices.ts';

/**
 * The Dutch maintenance vocabulary (nl-NL): werkbon shorthand, machines without article ("aan weefmachine …"),
 * components with theirs ("de lagers", "het hydraulisch systeem").
 */

const MACHINES = [
  'weefmachine Picanol OptiMax',
  'grijperweefmachine Dornier P1',
  'luchtweefmachine Toyota JAT810',
  'scheermachine Karl Mayer',
  'sectiescheermachine Benninger',
  'rondbreimachine Mayer & Cie',
  'rondbreimachine Terrot',
  'spanraam Brückner',
  'fixeerraam Monforts',
  'vlampijpketel 150 BHP',
  'stoomketel Viessmann 200 BHP',
  'schroefcompressor Atlas Copco GA37',
  'compressor Kaeser SK 25',
  'open-end spinmachine Rieter R60',
  'ringspinmachine Zinser',
  'borduurmachine Tajima 12 koppen',
  'industriële naaimachine Juki DDL-8700',
  'lockmachine Siruba 747',
  'jetverfmachine Thies',
  'strijkkalander',
  'stofsnijmachine Eastman',
  'spoelmachine Schlafhorst Autoconer',
  'stofdroger',
];

const COMPONENTS = [
  'de lagers',
  'het hydraulisch systeem',
  'de schakelkast',
  'de hoofdmotor',
  'de tandwielkast',
  'het pneumatisch systeem',
  'de brander',
  'de aandrijfketting',
  'de afvoerwalsen',
  'het smeersysteem',
  'rem en koppeling',
  'de frequentieregelaar',
  'de voedingspomp',
  'schachten en hevels',
  'de inslagwachters',
];

const PARTS = partsNamed([
  'Kogellager SKF 6205-2RS',
  'Tonlager 22215 E',
  'Tandriem HTD 8M-1200',
  'V-snaar B-52',
  'Luchtfilter compressor',
  'Olieafscheider element',
  'Hydraulische olie ISO VG 68',
  'Lithiumvet EP2',
  'Inductieve sensor M18 PNP',
  'Magneetschakelaar 3-polig 40 A',
  'Magneetventiel 1/2"',
  'Verwarmingselement 2 kW',
  'Pakking mangatdeksel ketel',
  'Naalden rondbreimachine (doos 100 st.)',
  'Grijper voor weefmachine',
  'Snijmes',
  'Keramische draadgeleider',
  'Draaistroommotor 3,7 kW',
  'Frequentieregelaar 7,5 kW',
  'Onderhoudsset compressor 8000 uur',
  'Thermokoppel type K',
  'Manometer 0-10 bar',
  'Keerring 45x62x8',
  'Aandrijftandwiel Z-24',
]);

const PREVENTIVE_SERVICES = [
  'Preventief onderhoud ({freq}) aan {machine}',
  'Onderhoud volgens plan: {machine}',
  'Periodiek onderhoud {machine}, incl. algemene reiniging en afstelling',
  'Algemene inspectie en afstellen van {component}, {machine}',
  'Smeren van {component} van {machine}',
  'Kalibratie sensoren en instellingen, {machine}',
  'Periodieke controle {machine} ({hours} draaiuren)',
  'Gepland vervangen filters, {machine}',
  'Onderhoudscontract, interval {freq}: controle van {component} van {machine}',
  'Voorspellende trillingsanalyse aan {machine}',
  'Thermografie schakelkasten en {component}',
  'Inspectie- en smeerronde {machine}',
  'Urenonderhoud {machine} ({hours} uur)',
  'Geplande onderhoudsbeurt aan {machine}',
  'Preventieve controle en afstelling van {component}, {machine}',
  'Doorsmeren en algemene controle {machine} volgens schema',
  'Periodieke afstelbeurt {machine}',
  'Geplande grote beurt {machine} ({hours} uur)',
  'Isolatiemeting en natrekken aansluitingen, {component} (ronde {freq})',
  '{Machine}: reinigen, controleren en afstellen van {component} volgens plan',
  'Geplande revisie van {component}, {machine}',
  'Olie en filters vervangen volgens onderhoudsinterval, {machine}',
  'Conditiebewaking: temperatuur- en trillingsmeting aan {machine}',
  'Preventieve servicebeurt {machine}: visuele inspectie, natrekken en reinigen',
  'Onderhoudsronde ({freq}) aan {machine} uitgevoerd, geen bijzonderheden',
  'Geplande controle van {component} ({hours} u) aan {machine}',
  'Niveaus controleren, smeren en afstellen van {component}, {machine}',
  'Preventief onderhoudscontract - bezoek ({freq}) {machine}',
];

const CORRECTIVE_SERVICES = [
  'Reparatie {machine} na storing aan {component}',
  'Storingsdienst: {component} van {machine}',
  'Vervangen defect lager aan {machine}',
  'Verhelpen lekkage aan {component}, {machine}',
  'Spoedservice bij onverwachte stilstand {machine}',
  'Herstel schade aan {component} van {machine}',
  'Opnieuw wikkelen doorgebrande motor, {machine}',
  'Storing zoeken en herstellen elektrische fout aan {machine}',
  'Lassen en herstellen gebroken as, {machine}',
  'Vervangen beschadigd onderdeel: {component} van {machine}',
  'Storingsmelding lijnstilstand bij {machine}',
  'Correctief herstel van {component}, {machine}',
  'Demonteren en repareren van {component} (defect), {machine}',
  'Herstel uitlijnfout die breuk veroorzaakte aan {machine}',
  'Spoedreparatie {machine}, buiten bedrijf',
  '{Machine}: reparatie van {component} wegens abnormaal geluid en te veel trilling',
  'Herstel kortsluitschade aan {component} van {machine}',
  'Reparatie scheur in {component}, {machine}',
  'Vrijmaken en repareren van {component} (vastgelopen), {machine}',
  'Verhelpen oververhitting van {component}, {machine}',
  '{Machine} start niet: storing zoeken en doorgebrande printplaat vervangen',
  'Vervangen van {component} na breuk door ongeval, {machine}',
  'Storingsreparatie {machine} tijdens nachtdienst',
  'Storing aan {component} van {machine} verholpen; defect onderdeel vervangen',
  'Correctieve servicebeurt {machine} wegens schade aan {component}',
  'Lekkage aan {component} van {machine} verholpen',
  'Inzet bij ongeplande stilstand {machine}',
  'Reparatie van {component} van {machine} na storing',
];

const WEAK_PREVENTIVE_CUES = [
  'Inspectie na reparatie {machine}',
  'Algemeen smeren na de ingreep',
  'Controle van {component} en functietest',
  'Afstellen en kalibreren na vervanging onderdelen',
];
const WEAK_CORRECTIVE_CUES = [
  'Vervangen van {component} wegens slijtage geconstateerd bij inspectie',
  'Kleine correctie aan {component}, gevonden tijdens de ronde',
  'Vervangen versleten riem aan {machine}',
  'Naspannen van {component} tijdens het bezoek',
];

const GENERIC_LINES = genericLinesNamed([
  'Arbeidsloon monteur elektromechanica',
  'Arbeidsloon specialist',
  'Monteursuren op locatie',
  'Voorrijkosten personeel en gereedschap',
  'Reinigingsmiddelen en verbruiksmateriaal',
  'Verblijfkosten monteur',
  'Huur hijsmiddel',
  'Klein materiaal (bouten, ringen en kabelschoenen)',
]);

const FREQUENCIES = ['maandelijks', 'per kwartaal', 'halfjaarlijks', 'jaarlijks', 'tweemaandelijks'];

const PREVENTIVE_REMARKS = [
  'Werkzaamheden volgens het preventief onderhoudsplan van {month}.',
  'Volgend gepland bezoek over {days} dagen volgens planning.',
  'Ronde uitgevoerd zonder bijzonderheden; installaties binnen de grenswaarden.',
  'Inspectierapport en getekende checklist bijgevoegd.',
];
const CORRECTIVE_REMARKS = [
  'Inzet naar aanleiding van storingsmelding door de klant.',
  'Installatie draait na de reparatie weer normaal.',
  '90 dagen garantie op de uitgevoerde reparatie.',
  'Wij adviseren versleten onderdelen te vervangen om nieuwe storingen te voorkomen.',
];
const NEUTRAL_REMARKS = [
  'Vermeld bij betaling uw klantnummer {account}.',
  'Werkzaamheden uitgevoerd op locatie van de klant.',
  'Prijzen onder voorbehoud van wijzigingen.',
  'Elektrische onderdelen worden niet retour genomen.',
  'Op al onze diensten zijn onze algemene voorwaarden van toepassing.',
];

export const SERVICES_NL: ServiceVocabulary = {
  language: 'nl',
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
