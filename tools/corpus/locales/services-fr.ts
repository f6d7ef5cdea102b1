import type { GenericLineSpec, PartSpec, ServiceVocabulary } from '../services.ts';

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

const PARTS: PartSpec[] = [
  { description: 'Roulement SKF 6205-2RS', unit: 'piece', min: 35_000, max: 60_000 },
  { description: 'Roulement à rotule sur rouleaux 22215 E', unit: 'piece', min: 450_000, max: 900_000 },
  { description: 'Courroie crantée HTD 8M-1200', unit: 'piece', min: 120_000, max: 260_000 },
  { description: 'Courroie trapézoïdale B-52', unit: 'piece', min: 30_000, max: 70_000 },
  { description: 'Filtre à air compresseur', unit: 'piece', min: 180_000, max: 420_000 },
  { description: 'Cartouche déshuileur', unit: 'piece', min: 350_000, max: 800_000 },
  { description: 'Huile hydraulique ISO VG 68', unit: 'gallon', min: 90_000, max: 150_000 },
  { description: 'Graisse au lithium EP2', unit: 'kilo', min: 40_000, max: 80_000 },
  { description: 'Détecteur inductif M18 PNP', unit: 'piece', min: 150_000, max: 380_000 },
  { description: 'Contacteur tripolaire 40 A', unit: 'piece', min: 160_000, max: 450_000 },
  { description: 'Électrovanne 1/2"', unit: 'piece', min: 220_000, max: 600_000 },
  { description: 'Résistance chauffante 2 kW', unit: 'piece', min: 180_000, max: 400_000 },
  { description: "Joint de trou d'homme chaudière", unit: 'piece', min: 250_000, max: 700_000 },
  {
    description: 'Aiguilles pour tricoteuse circulaire (boîte de 100)',
    unit: 'box',
    min: 300_000,
    max: 900_000,
  },
  { description: 'Pince porte-trame pour métier', unit: 'piece', min: 400_000, max: 1_200_000 },
  { description: 'Lame de coupe', unit: 'piece', min: 80_000, max: 200_000 },
  { description: 'Guide-fil céramique', unit: 'piece', min: 15_000, max: 40_000 },
  { description: 'Moteur électrique triphasé 3,7 kW', unit: 'piece', min: 1_800_000, max: 3_500_000 },
  { description: 'Variateur de fréquence 7,5 kW', unit: 'piece', min: 3_000_000, max: 6_000_000 },
  { description: 'Kit entretien compresseur 8000 h', unit: 'piece', min: 1_200_000, max: 2_800_000 },
  { description: 'Thermocouple type K', unit: 'piece', min: 80_000, max: 180_000 },
  { description: 'Manomètre 0-10 bar', unit: 'piece', min: 60_000, max: 140_000 },
  { description: "Bague d'étanchéité 45x62x8", unit: 'piece', min: 18_000, max: 45_000 },
  { description: 'Pignon de transmission Z-24', unit: 'piece', min: 140_000, max: 320_000 },
];

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

const GENERIC_LINES: GenericLineSpec[] = [
  {
    description: "Main-d'oeuvre technicien électromécanicien",
    kind: 'labour',
    unit: 'hour',
    min: 45_000,
    max: 95_000,
  },
  { description: "Main-d'oeuvre spécialisée", kind: 'labour', unit: 'hour', min: 60_000, max: 120_000 },
  { description: 'Heures technicien sur site', kind: 'labour', unit: 'hour', min: 50_000, max: 110_000 },
  {
    description: 'Déplacement personnel et outillage',
    kind: 'other',
    unit: 'trip',
    min: 80_000,
    max: 350_000,
  },
  {
    description: 'Produits de nettoyage et consommables',
    kind: 'other',
    unit: 'global',
    min: 60_000,
    max: 250_000,
  },
  { description: 'Frais de séjour du technicien', kind: 'other', unit: 'global', min: 120_000, max: 600_000 },
  { description: 'Location engin de levage', kind: 'other', unit: 'service', min: 300_000, max: 1_500_000 },
  {
    description: 'Petites fournitures (visserie, rondelles, cosses)',
    kind: 'part',
    unit: 'global',
    min: 50_000,
    max: 300_000,
  },
];

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
