import type { GenericLineSpec, PartSpec, ServiceVocabulary } from '../services.ts';

/**
 * The Italian maintenance vocabulary (it-IT). Components carry their preposition and article ("del motore
 * principale", "dei cuscinetti"); machines follow "su" / "di" without article, as on a work sheet.
 */

const MACHINES = [
  'telaio Picanol OptiMax',
  'telaio a pinze Dornier P1',
  "telaio a getto d'aria Toyota JAT810",
  'orditoio Karl Mayer',
  'orditoio sezionale Benninger',
  'macchina circolare Mayer & Cie',
  'macchina circolare Terrot',
  'rameuse Brückner',
  'rameuse termofissatrice Monforts',
  'caldaia a tubi di fumo 150 BHP',
  'generatore di vapore Bono 200 BHP',
  'compressore a vite Atlas Copco GA37',
  'compressore Kaeser SK 25',
  'filatoio open-end Rieter R60',
  'filatoio ad anello Zinser',
  'ricamatrice Tajima a 12 teste',
  'macchina per cucire industriale Juki DDL-8700',
  'tagliacuci Siruba 747',
  'macchina di tintura jet Thies',
  'calandra da stiro',
  'taglierina per tessuto Eastman',
  'roccatrice Schlafhorst Autoconer',
  'essiccatoio per tessuti',
];

const COMPONENTS = [
  'dei cuscinetti',
  "dell'impianto idraulico",
  'del quadro elettrico',
  'del motore principale',
  'del riduttore',
  "dell'impianto pneumatico",
  'del bruciatore',
  'della catena di trasmissione',
  'dei cilindri di trascinamento',
  'del sistema di lubrificazione',
  'di freno e frizione',
  "dell'inverter",
  'della pompa di alimentazione',
  'dei quadri e licci',
  'dei sensori di trama',
];

const PARTS: PartSpec[] = [
  { description: 'Cuscinetto SKF 6205-2RS', unit: 'piece', min: 35_000, max: 60_000 },
  { description: 'Cuscinetto orientabile a rulli 22215 E', unit: 'piece', min: 450_000, max: 900_000 },
  { description: 'Cinghia dentata HTD 8M-1200', unit: 'piece', min: 120_000, max: 260_000 },
  { description: 'Cinghia trapezoidale B-52', unit: 'piece', min: 30_000, max: 70_000 },
  { description: 'Filtro aria per compressore', unit: 'piece', min: 180_000, max: 420_000 },
  { description: 'Filtro separatore olio', unit: 'piece', min: 350_000, max: 800_000 },
  { description: 'Olio idraulico ISO VG 68', unit: 'gallon', min: 90_000, max: 150_000 },
  { description: 'Grasso al litio EP2', unit: 'kilo', min: 40_000, max: 80_000 },
  { description: 'Sensore induttivo M18 PNP', unit: 'piece', min: 150_000, max: 380_000 },
  { description: 'Contattore tripolare 40 A', unit: 'piece', min: 160_000, max: 450_000 },
  { description: 'Elettrovalvola 1/2"', unit: 'piece', min: 220_000, max: 600_000 },
  { description: 'Resistenza riscaldante 2 kW', unit: 'piece', min: 180_000, max: 400_000 },
  { description: "Guarnizione passo d'uomo caldaia", unit: 'piece', min: 250_000, max: 700_000 },
  { description: 'Aghi per macchina circolare (conf. 100 pz)', unit: 'box', min: 300_000, max: 900_000 },
  { description: 'Pinza portatrama per telaio', unit: 'piece', min: 400_000, max: 1_200_000 },
  { description: 'Lama di taglio', unit: 'piece', min: 80_000, max: 200_000 },
  { description: 'Guidafilo in ceramica', unit: 'piece', min: 15_000, max: 40_000 },
  { description: 'Motore elettrico trifase 3,7 kW', unit: 'piece', min: 1_800_000, max: 3_500_000 },
  { description: 'Inverter 7,5 kW', unit: 'piece', min: 3_000_000, max: 6_000_000 },
  { description: 'Kit manutenzione compressore 8000 h', unit: 'piece', min: 1_200_000, max: 2_800_000 },
  { description: 'Termocoppia tipo K', unit: 'piece', min: 80_000, max: 180_000 },
  { description: 'Manometro 0-10 bar', unit: 'piece', min: 60_000, max: 140_000 },
  { description: 'Anello di tenuta 45x62x8', unit: 'piece', min: 18_000, max: 45_000 },
  { description: 'Pignone di trasmissione Z-24', unit: 'piece', min: 140_000, max: 320_000 },
];

const PREVENTIVE_SERVICES = [
  'Manutenzione preventiva {freq} su {machine}',
  'Manutenzione programmata {machine} secondo piano annuale',
  'Manutenzione ordinaria {machine}, comprensiva di pulizia generale e registrazione',
  'Ispezione generale e registrazione {component} - {machine}',
  'Lubrificazione {component} su {machine}',
  'Taratura sensori e parametri, {machine}',
  'Controllo periodico {machine} ({hours} ore di funzionamento)',
  'Sostituzione programmata filtri, {machine}',
  'Piano di manutenzione {freq}: verifica {component} su {machine}',
  'Analisi vibrazionale predittiva su {machine}',
  'Termografia quadri elettrici e {component}',
  'Giro di ispezione e lubrificazione, {machine}',
  'Tagliando a {hours} ore di esercizio, {machine}',
  'Intervento programmato di manutenzione su {machine}',
  'Verifica e registrazione preventiva {component} su {machine}',
  'Ingrassaggio e controllo generale {machine} da calendario',
  'Messa a punto periodica {machine}',
  'Revisione generale programmata {machine} ({hours} ore)',
  'Misura isolamento e serraggio connessioni, {component} (controllo {freq})',
  '{Machine}: pulizia, controllo e registrazione {component} da piano',
  'Revisione programmata {component}, {machine}',
  'Cambio olio e filtri a scadenza ore, {machine}',
  'Manutenzione predittiva: rilievo temperatura e vibrazioni su {machine}',
  'Intervento tecnico preventivo su {machine}: controllo visivo, serraggi e pulizia',
  'Eseguita manutenzione {freq} su {machine}, nessuna anomalia',
  'Controllo programmato {component} ({hours} h) su {machine}',
  'Controllo livelli, lubrificazione e registrazione {component}, {machine}',
  'Contratto di manutenzione preventiva - visita {freq} {machine}',
];

const CORRECTIVE_SERVICES = [
  'Riparazione {machine} per guasto {component}',
  'Intervento su avaria {component} - {machine}',
  'Sostituzione cuscinetto difettoso su {machine}',
  'Eliminazione perdita {component}, {machine}',
  'Intervento urgente per fermo macchina imprevisto {machine}',
  'Riparazione danno {component} su {machine}',
  'Riavvolgimento motore bruciato, {machine}',
  'Diagnosi e riparazione guasto elettrico su {machine}',
  'Saldatura e ricostruzione albero rotto, {machine}',
  'Sostituzione {component} per danneggiamento, {machine}',
  'Chiamata per fermo linea su {machine}',
  'Manutenzione correttiva {component}, {machine}',
  'Smontaggio e riparazione {component} in avaria, {machine}',
  'Correzione disallineamento che ha causato la rottura su {machine}',
  'Riparazione urgente {machine} fuori servizio',
  '{Machine}: riparazione {component} per rumorosità anomala e vibrazioni eccessive',
  'Intervento per cortocircuito {component} su {machine}',
  'Riparazione cricca {component}, {machine}',
  'Sbloccaggio e riparazione {component} per grippaggio, {machine}',
  'Eliminazione surriscaldamento {component} su {machine}',
  '{Machine} non si avvia: diagnosi e sostituzione scheda bruciata',
  'Sostituzione {component} a seguito di rottura accidentale, {machine}',
  'Intervento su guasto {machine} nel turno di notte',
  'Riparato guasto {component} su {machine}; sostituito il pezzo difettoso',
  'Intervento tecnico correttivo su {machine} per danno {component}',
  'Ripristino tenuta {component} di {machine} (perdita)',
  'Intervento per fermo non programmato {machine}',
  'Riparazione {component} su {machine} dopo guasto',
];

const WEAK_PREVENTIVE_CUES = [
  'Ispezione successiva alla riparazione, {machine}',
  "Lubrificazione generale dopo l'intervento",
  'Verifica {component} e prove di funzionamento',
  'Registrazione e taratura dopo sostituzione ricambi',
];
const WEAK_CORRECTIVE_CUES = [
  "Sostituzione {component} per usura rilevata durante l'ispezione",
  'Piccola correzione {component} rilevata durante il giro di controllo',
  'Sostituzione cinghia usurata su {machine}',
  'Ritensionamento {component} durante la visita',
];

const GENERIC_LINES: GenericLineSpec[] = [
  {
    description: 'Manodopera tecnico elettromeccanico',
    kind: 'labour',
    unit: 'hour',
    min: 45_000,
    max: 95_000,
  },
  { description: 'Manodopera specializzata', kind: 'labour', unit: 'hour', min: 60_000, max: 120_000 },
  { description: 'Ore tecnico in loco', kind: 'labour', unit: 'hour', min: 50_000, max: 110_000 },
  {
    description: 'Trasferta personale e attrezzature',
    kind: 'other',
    unit: 'trip',
    min: 80_000,
    max: 350_000,
  },
  { description: 'Materiale di pulizia e consumo', kind: 'other', unit: 'global', min: 60_000, max: 250_000 },
  {
    description: 'Spese di vitto e alloggio tecnico',
    kind: 'other',
    unit: 'global',
    min: 120_000,
    max: 600_000,
  },
  {
    description: 'Noleggio mezzo di sollevamento',
    kind: 'other',
    unit: 'service',
    min: 300_000,
    max: 1_500_000,
  },
  {
    description: 'Minuteria varia (viti, rondelle e capicorda)',
    kind: 'part',
    unit: 'global',
    min: 50_000,
    max: 300_000,
  },
];

const FREQUENCIES = ['mensile', 'trimestrale', 'semestrale', 'annuale', 'bimestrale'];

const PREVENTIVE_REMARKS = [
  'Intervento previsto dal piano di manutenzione preventiva di {month}.',
  'Prossima visita programmata tra {days} giorni come da calendario.',
  'Controlli eseguiti senza anomalie; impianti entro i parametri.',
  'Si allega rapporto di ispezione e check-list firmata.',
];
const CORRECTIVE_REMARKS = [
  'Intervento su segnalazione di guasto da parte del cliente.',
  "L'impianto funziona regolarmente dopo la riparazione.",
  'Garanzia di 90 giorni sulla riparazione eseguita.',
  'Si consiglia la sostituzione dei pezzi usurati per evitare nuovi guasti.',
];
const NEUTRAL_REMARKS = [
  'Indicare il codice cliente {account} nella causale del bonifico.',
  'Intervento eseguito presso lo stabilimento del cliente.',
  'Prezzi soggetti a variazione senza preavviso.',
  'Non si accettano resi di materiale elettrico.',
  'Contributo ambientale CONAI assolto ove dovuto.',
];

export const SERVICES_IT: ServiceVocabulary = {
  language: 'it',
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
