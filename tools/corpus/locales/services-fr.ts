import type { ServiceVocabulary } from '../services.ts';
import { genericLinesNamed, partsNamed } from './service-prices.ts';

/**
 * The French maintenance vocabulary (fr-FR). Components carry their article ("du moteur principal", "des
 * roulements") so that "Réparation {component} sur {machine}" reads as printed; `{freq}` qualifies a
 * feminine noun (maintenance, visite, périodicité).
 */

const MACHINES = [
  'métier à tisser Picanol OptiMax',
  'métier à pinces Dornier P1',
  "métier à jet d'air Toyota JAT810",
  'ourdissoir Karl Mayer',
  'ourdissoir sectionnel Benninger',
  'tricoteuse circulaire Mayer & Cie',
  'tricoteuse circulaire Terrot',
  'rame Brückner',
  'rame de thermofixage Monforts',
  'chaudière à tubes de fumée 150 BHP',
  'chaudière vapeur Babcock Wanson 200 BHP',
  'compresseur à vis Atlas Copco GA37',
  'compresseur Kaeser SK 25',
  'métier à filer open-end Rieter R60',
  'continu à filer Zinser',
  'brodeuse Tajima 12 têtes',
  'machine à coudre industrielle Juki DDL-8700',
  'surjeteuse Siruba 747',
  'machine de teinture jet Thies',
  'calandre de repassage',
  'machine de coupe Eastman',
  'bobinoir Schlafhorst Autoconer',
  'séchoir à tissu',
];

const COMPONENTS = [
  'des roulements',
  'du circuit hydraulique',
  "de l'armoire électrique",
  'du moteur principal',
  'du réducteur',
  'du circuit pneumatique',
  'du brûleur',
  'de la chaîne de transmission',
  "des cylindres d'appel",
  'du système de graissage',
  'du frein et embrayage',
  'du variateur de vitesse',
  "de la pompe d'alimentation",
  'des cadres et lisses',
  'des casse-trame',
];

const PARTS = partsNamed([
  'Roulement SKF 6205-2RS',
  'Roulement à rotule sur rouleaux 22215 E',
  'Courroie crantée HTD 8M-1200',
  'Courroie trapézoïdale B-52',
  'Filtre à air compresseur',
  'Cartouche déshuileur',
  'Huile hydraulique ISO VG 68',
  'Graisse au lithium EP2',
  'Détecteur inductif M18 PNP',
  'Contacteur tripolaire 40 A',
  'Électrovanne 1/2"',
  'Résistance chauffante 2 kW',
  "Joint de trou d'homme chaudière",
  'Aiguilles pour tricoteuse circulaire (boîte de 100)',
  'Pince porte-trame pour métier',
  'Lame de coupe',
  'Guide-fil céramique',
  'Moteur électrique triphasé 3,7 kW',
  'Variateur de fréquence 7,5 kW',
  'Kit entretien compresseur 8000 h',
  'Thermocouple type K',
  'Manomètre 0-10 bar',
  "Bague d'étanchéité 45x62x8",
  'Pignon de transmission Z-24',
]);

const PREVENTIVE_SERVICES = [
  'Maintenance préventive {freq} sur {machine}',
  'Entretien programmé {machine} selon plan annuel',
  'Entretien courant {machine}, nettoyage général et réglages inclus',
  'Inspection générale et réglage {component} - {machine}',
  'Graissage {component} sur {machine}',
  'Étalonnage des capteurs et paramètres, {machine}',
  'Visite périodique {machine} ({hours} heures de fonctionnement)',
  'Remplacement programmé des filtres, {machine}',
  'Contrat de maintenance, périodicité {freq} : contrôle {component} sur {machine}',
  'Analyse vibratoire (maintenance prédictive) sur {machine}',
  'Thermographie des armoires électriques et {component}',
  'Tournée de contrôle et graissage, {machine}',
  'Entretien selon compteur horaire, {machine} ({hours} h)',
  'Visite de maintenance planifiée sur {machine}',
  'Contrôle et réglage préventif {component} sur {machine}',
  'Graissage et vérification générale {machine} selon planning',
  'Révision périodique {machine}',
  'Révision majeure programmée {machine} ({hours} heures)',
  "Mesure d'isolement et resserrage des connexions, {component} (visite {freq})",
  '{Machine} : nettoyage, contrôle et réglage {component} selon plan',
  'Révision générale planifiée {component}, {machine}',
  'Vidange et changement des filtres selon échéance, {machine}',
  'Maintenance prédictive : relevé de température et vibrations sur {machine}',
  'Intervention préventive {machine} : inspection visuelle, resserrage et nettoyage',
  'Visite de maintenance {freq} effectuée sur {machine}, RAS',
  'Contrôle programmé {component} ({hours} h) sur {machine}',
  'Contrôle des niveaux, graissage et réglage {component}, {machine}',
  'Contrat de maintenance préventive - visite {freq} {machine}',
];

const CORRECTIVE_SERVICES = [
  'Réparation {machine} suite à panne {component}',
  'Dépannage {component} sur {machine}',
  'Remplacement du roulement défectueux sur {machine}',
  'Réparation fuite {component}, {machine}',
  "Intervention d'urgence pour arrêt imprévu {machine}",
  'Réparation dommage {component} sur {machine}',
  'Rebobinage moteur grillé, {machine}',
  'Diagnostic et réparation panne électrique sur {machine}',
  'Soudure et reconstruction arbre cassé, {machine}',
  'Remplacement {component} suite à dommage sur {machine}',
  'Intervention suite arrêt de ligne sur {machine}',
  'Maintenance corrective {component}, {machine}',
  'Démontage et réparation {component} en panne, {machine}',
  'Correction du désalignement ayant provoqué la casse sur {machine}',
  "Réparation urgente {machine} à l'arrêt",
  '{Machine} : réparation {component} suite à bruit anormal et vibrations excessives',
  'Dépannage suite court-circuit {component} sur {machine}',
  'Réparation fissure {component}, {machine}',
  'Déblocage et réparation {component} (grippage) sur {machine}',
  'Correction surchauffe {component} sur {machine}',
  '{Machine} ne démarre plus : diagnostic et remplacement carte grillée',
  'Remplacement {component} suite à casse accidentelle, {machine}',
  'Dépannage {machine} en poste de nuit',
  'Intervention sur panne {component} de {machine} ; pièce défectueuse remplacée',
  'Intervention corrective {machine} : avarie {component}',
  'Remise en état {component} de {machine} (fuite)',
  'Intervention suite arrêt non programmé {machine}',
  'Réparation {component} sur {machine} après panne',
];

const WEAK_PREVENTIVE_CUES = [
  'Contrôle après réparation {machine}',
  "Graissage général après l'intervention",
  'Vérification {component} et essais de fonctionnement',
  'Réglage et étalonnage après remplacement de pièces',
];
const WEAK_CORRECTIVE_CUES = [
  "Remplacement {component} pour usure constatée lors de l'inspection",
  'Petite correction {component} relevée lors de la visite de routine',
  'Remplacement courroie usée sur {machine}',
  'Retension {component} pendant la visite',
];

const GENERIC_LINES = genericLinesNamed([
  "Main-d'oeuvre technicien électromécanicien",
  "Main-d'oeuvre spécialisée",
  'Heures technicien sur site',
  'Déplacement personnel et outillage',
  'Produits de nettoyage et consommables',
  'Frais de séjour du technicien',
  'Location engin de levage',
  'Petites fournitures (visserie, rondelles, cosses)',
]);

const FREQUENCIES = ['mensuelle', 'trimestrielle', 'semestrielle', 'annuelle', 'bimestrielle'];

const PREVENTIVE_REMARKS = [
  'Prestation au titre du plan de maintenance préventive de {month}.',
  'Prochaine visite prévue dans {days} jours selon le planning.',
  'Visite effectuée sans anomalie ; équipements dans les tolérances.',
  "Rapport d'inspection et check-list signée joints.",
];
const CORRECTIVE_REMARKS = [
  'Intervention suite à la panne signalée par le client.',
  "L'équipement fonctionne normalement après la réparation.",
  'Garantie de 90 jours sur la réparation effectuée.',
  'Nous conseillons de remplacer les pièces usées pour éviter de nouvelles pannes.',
];
const NEUTRAL_REMARKS = [
  'Merci de rappeler la référence client {account} lors du règlement.',
  'Prestation réalisée sur le site du client.',
  'Tarifs susceptibles de modification sans préavis.',
  'Les pièces électriques ne sont ni reprises ni échangées.',
  "Pas d'escompte pour paiement anticipé.",
];

export const SERVICES_FR: ServiceVocabulary = {
  language: 'fr',
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
