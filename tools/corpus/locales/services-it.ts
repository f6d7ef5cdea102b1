import type { ServiceVocabulary } from '../services.ts';
import { genericLinesNamed, partsNamed } from './service-prices.ts';

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

const PARTS = partsNamed([
  'Cuscinetto SKF 6205-2RS',
  'Cuscinetto orientabile a rulli 22215 E',
  'Cinghia dentata HTD 8M-1200',
  'Cinghia trapezoidale B-52',
  'Filtro aria per compressore',
  'Filtro separatore olio',
  'Olio idraulico ISO VG 68',
  'Grasso al litio EP2',
  'Sensore induttivo M18 PNP',
  'Contattore tripolare 40 A',
  'Elettrovalvola 1/2"',
  'Resistenza riscaldante 2 kW',
  "Guarnizione passo d'uomo caldaia",
  'Aghi per macchina circolare (conf. 100 pz)',
  'Pinza portatrama per telaio',
  'Lama di taglio',
  'Guidafilo in ceramica',
  'Motore elettrico trifase 3,7 kW',
  'Inverter 7,5 kW',
  'Kit manutenzione compressore 8000 h',
  'Termocoppia tipo K',
  'Manometro 0-10 bar',
  'Anello di tenuta 45x62x8',
  'Pignone di trasmissione Z-24',
]);

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

const GENERIC_LINES = genericLinesNamed([
  'Manodopera tecnico elettromeccanico',
  'Manodopera specializzata',
  'Ore tecnico in loco',
  'Trasferta personale e attrezzature',
  'Materiale di pulizia e consumo',
  'Spese di vitto e alloggio tecnico',
  'Noleggio mezzo di sollevamento',
  'Minuteria varia (viti, rondelle e capicorda)',
]);

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
