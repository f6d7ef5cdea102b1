import type { ServiceVocabulary } from '../services.ts';
import { genericLinesNamed, partsNamed } from './service-prices.ts';

/** The English maintenance vocabulary (en-US, en-GB): the same textile plant as the Spanish lists. */

const MACHINES = [
  'Picanol OptiMax loom',
  'Dornier P1 rapier loom',
  'Toyota JAT810 air-jet loom',
  'Karl Mayer warping machine',
  'Benninger sectional warper',
  'Mayer & Cie circular knitting machine',
  'Terrot circular knitter',
  'Brückner stenter',
  'Monforts heat-setting stenter',
  'fire-tube boiler 150 BHP',
  'Cleaver-Brooks steam boiler 200 BHP',
  'Atlas Copco GA37 screw compressor',
  'Kaeser SK 25 compressor',
  'Rieter R60 open-end spinning machine',
  'Zinser ring spinning frame',
  'Tajima 12-head embroidery machine',
  'Juki DDL-8700 industrial sewing machine',
  'Siruba 747 overlock machine',
  'Thies jet dyeing machine',
  'pressing calender',
  'Eastman cloth cutting machine',
  'Schlafhorst Autoconer winder',
  'fabric dryer',
];

const COMPONENTS = [
  'bearings',
  'hydraulic system',
  'electrical panel',
  'main motor',
  'gearbox',
  'pneumatic system',
  'burner',
  'drive chain',
  'take-up rollers',
  'lubrication system',
  'brake and clutch',
  'variable speed drive',
  'feed pump',
  'heald frames and healds',
  'weft sensors',
];

const PARTS = partsNamed([
  'SKF 6205-2RS ball bearing',
  'Spherical roller bearing 22215 E',
  'Timing belt HTD 8M-1200',
  'V-belt B-52',
  'Compressor air filter element',
  'Oil separator cartridge',
  'Hydraulic oil ISO VG 68',
  'Lithium grease EP2',
  'Inductive proximity sensor M18 PNP',
  'Contactor 3-pole 40 A',
  'Solenoid valve 1/2"',
  'Heating element 2 kW',
  'Boiler manhole gasket',
  'Circular knitting needles (box of 100)',
  'Rapier gripper for loom',
  'Cutting blade',
  'Ceramic yarn guide',
  'Three-phase electric motor 5 HP',
  'Frequency inverter 7.5 kW',
  'Compressor service kit 8000 h',
  'Thermocouple type K',
  'Pressure gauge 0-160 psi',
  'Oil seal 45x62x8',
  'Drive sprocket Z-24',
]);

const PREVENTIVE_SERVICES = [
  'Preventive maintenance ({freq}) of {machine}',
  'Scheduled maintenance of {machine} as per annual plan',
  'Routine maintenance of {machine}, incl. general cleaning and adjustment',
  'General inspection and adjustment of {component}, {machine}',
  'Lubrication of {component} on {machine}',
  'Calibration of sensors and settings, {machine}',
  'Periodic inspection of {machine} ({hours} operating hours)',
  'Scheduled filter change on {machine}',
  'PM programme, {freq} visit: check of {component} on {machine}',
  'Predictive vibration analysis on {machine}',
  'Thermographic survey of electrical panels and {component}',
  'Inspection and lubrication round, {machine}',
  'Service at {hours} running hours, {machine}',
  'Scheduled maintenance visit to {machine}',
  'Preventive check and adjustment of {component} on {machine}',
  'Greasing and general check of {machine} as per schedule',
  'Periodic tune-up of {machine}',
  'Scheduled major service of {machine} ({hours} hours)',
  'Insulation resistance test and re-torque of connections, {component} ({freq} routine)',
  '{Machine}: cleaning, inspection and adjustment of {component} per PM plan',
  'Planned overhaul of {component}, {machine}',
  'Oil and filter change at service interval, {machine}',
  'Condition monitoring: temperature and vibration readings on {machine}',
  'Preventive service call to {machine}: visual inspection, re-tightening and cleaning',
  'Completed {freq} maintenance routine on {machine}, no findings',
  'Scheduled check of {component} ({hours} h) on {machine}',
  'Fluid level check, lubrication and adjustment of {component}, {machine}',
  'Preventive maintenance contract - {freq} visit, {machine}',
];

const CORRECTIVE_SERVICES = [
  'Repair of {machine} following failure of {component}',
  'Breakdown call-out: {component} on {machine}',
  'Replacement of failed bearing on {machine}',
  'Leak repair on {component}, {machine}',
  'Emergency call-out for unplanned stoppage of {machine}',
  'Repair of damaged {component} on {machine}',
  'Rewinding of burnt-out motor, {machine}',
  'Troubleshooting and repair of electrical fault on {machine}',
  'Welding and rebuild of broken shaft, {machine}',
  'Replacement of damaged {component} on {machine}',
  'Call-out for line stoppage at {machine}',
  'Corrective repair of {component}, {machine}',
  'Strip-down and repair of faulty {component}, {machine}',
  'Correction of misalignment that caused breakage on {machine}',
  'Urgent repair of {machine}, out of service',
  '{Machine}: repair of {component} due to abnormal noise and excessive vibration',
  'Short-circuit damage to {component} on {machine}: repair',
  'Crack repair on {component}, {machine}',
  'Freeing and repair of seized {component} on {machine}',
  'Fix for overheating {component} on {machine}',
  '{Machine} will not start: fault finding and replacement of burnt control board',
  'Replacement of {component} broken in accident, {machine}',
  'Night-shift breakdown repair of {machine}',
  'Attended {component} failure on {machine}; faulty part replaced',
  'Corrective service call to {machine}: damage to {component}',
  'Fix of leaking {component} on {machine}',
  'Intervention for unplanned downtime of {machine}',
  'Repair of {component} on {machine} after breakdown',
];

const WEAK_PREVENTIVE_CUES = [
  'Post-repair inspection of {machine}',
  'General lubrication after the intervention',
  'Check of {component} and functional test',
  'Adjustment and calibration after parts replacement',
];
const WEAK_CORRECTIVE_CUES = [
  'Replacement of {component} due to wear found at inspection',
  'Minor adjustment and correction of {component} found during routine',
  'Replacement of worn belt on {machine}',
  'Re-tensioning of {component} during the visit',
];

const GENERIC_LINES = genericLinesNamed([
  'Labour, electromechanical technician',
  'Specialist labour',
  'Engineer hours on site',
  'Travel: staff and tools',
  'Cleaning supplies and consumables',
  'Engineer expenses (meals and lodging)',
  'Lifting equipment hire',
  'Sundry parts (bolts, washers and terminals)',
]);

const FREQUENCIES = ['monthly', 'quarterly', 'half-yearly', 'annual', 'bi-monthly'];

const PREVENTIVE_REMARKS = [
  'Service under the preventive maintenance plan for {month}.',
  'Next scheduled visit in {days} days as per maintenance schedule.',
  'Routine completed with no findings; equipment running within parameters.',
  'Inspection report and signed checklist attached.',
];
const CORRECTIVE_REMARKS = [
  'Call-out in response to a breakdown reported by the customer.',
  'Equipment left running normally after the repair.',
  '90-day warranty on the repair carried out.',
  'We recommend replacing worn parts to avoid further breakdowns.',
];
const NEUTRAL_REMARKS = [
  'Please quote the invoice number with your payment to account {account}.',
  'Work carried out at the customer premises.',
  'Prices subject to change without notice.',
  'Electrical spare parts cannot be returned.',
  'Thank you for your business.',
];

export const SERVICES_EN: ServiceVocabulary = {
  language: 'en',
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
