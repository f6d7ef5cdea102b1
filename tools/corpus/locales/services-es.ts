import type { ServiceVocabulary } from '../services.ts';
import { genericLinesNamed, partsNamed } from './service-prices.ts';

/**
 * The Spanish maintenance vocabulary: the Colombian invoices and the Spanish-speaking locales (es-ES, es-MX,
 * es-AR). The default corpus is drawn from these lists, so changing them changes every Colombian invoice.
 */

const MACHINES = [
  'telar Picanol OptiMax',
  'telar de pinzas Dornier P1',
  'telar de chorro de aire Toyota JAT810',
  'urdidora Karl Mayer',
  'urdidora seccional Benninger',
  'tejedora circular Mayer & Cie',
  'tejedora circular Terrot',
  'rama tensora Brückner',
  'rama termofijadora Monforts',
  'caldera pirotubular 150 BHP',
  'caldera de vapor Continental 200 BHP',
  'compresor de tornillo Atlas Copco GA37',
  'compresor Kaeser SK 25',
  'hiladora open-end Rieter R60',
  'continua de hilar Zinser',
  'bordadora Tajima de 12 cabezas',
  'máquina de coser industrial Juki DDL-8700',
  'fileteadora Siruba 747',
  'tinturadora jet Thies',
  'calandra de planchado',
  'cortadora de tela Eastman',
  'enconadora Schlafhorst Autoconer',
  'secadora de tela',
];

const COMPONENTS = [
  'rodamientos',
  'sistema hidráulico',
  'tablero eléctrico',
  'motor principal',
  'caja reductora',
  'sistema neumático',
  'quemador',
  'cadena de transmisión',
  'cilindros de arrastre',
  'sistema de lubricación',
  'frenos y embrague',
  'variador de velocidad',
  'bomba de alimentación',
  'marcos y lizos',
  'sensores de trama',
];

const PARTS = partsNamed([
  'Rodamiento SKF 6205-2RS',
  'Rodamiento de rodillos esféricos 22215 E',
  'Correa dentada HTD 8M-1200',
  'Correa en V B-52',
  'Filtro de aire para compresor',
  'Filtro separador de aceite',
  'Aceite hidráulico ISO VG 68',
  'Grasa de litio EP2',
  'Sensor inductivo M18 PNP',
  'Contactor tripolar 40 A',
  'Válvula solenoide 1/2"',
  'Resistencia calefactora 2 kW',
  'Empaque de tapa de caldera',
  'Agujas para tejedora circular (caja x 100)',
  'Pinza portatrama para telar',
  'Cuchilla de corte',
  'Guía hilo cerámica',
  'Motor eléctrico trifásico 5 HP',
  'Variador de frecuencia 7,5 kW',
  'Kit de mantenimiento compresor 8000 h',
  'Termopar tipo K',
  'Manómetro 0-160 psi',
  'Retenedor de aceite 45x62x8',
  'Piñón de transmisión Z-24',
]);

const PREVENTIVE_SERVICES = [
  'Mantenimiento preventivo {freq} de {machine}',
  'Mantenimiento programado de {machine} según plan anual',
  'Mantenimiento rutinario de {machine}, incluye limpieza general y ajuste',
  'Inspección general y ajuste de {component} de {machine}',
  'Lubricación de {component} de {machine}',
  'Calibración de sensores y parámetros de {machine}',
  'Revisión periódica de {machine} ({hours} horas de operación)',
  'Cambio programado de filtros de {machine}',
  'Plan de mantenimiento {freq}: revisión de {component} de {machine}',
  'Análisis de vibraciones predictivo en {machine}',
  'Termografía de tableros eléctricos y {component}',
  'Rutina de inspección y lubricación de {machine}',
  'Servicio de mantenimiento por horas de operación de {machine} ({hours} h)',
  'Visita técnica programada de mantenimiento a {machine}',
  'Verificación y ajuste preventivo de {component} en {machine}',
  'Rutina de engrase y chequeo general de {machine} según cronograma',
  'Puesta a punto periódica de {machine}',
  'Mantenimiento mayor programado de {machine} ({hours} horas)',
  'Medición de aislamiento y ajuste de conexiones, {component} (rutina {freq})',
  '{Machine}: limpieza, revisión y ajuste de {component} según plan',
  'Overhaul programado de {component} de {machine}',
  'Cambio de aceite y filtros por horas de servicio de {machine}',
  'Mantenimiento predictivo: medición de temperatura y vibración en {machine}',
  'Servicio técnico preventivo a {machine}: inspección visual, reapriete y limpieza',
  'Se realizó rutina de mantenimiento {freq} a {machine} sin novedad',
  'Revisión programada de {component} ({hours} h) en {machine}',
  'Chequeo de niveles, lubricación y ajuste de {component} de {machine}',
  'Contrato de mantenimiento preventivo - visita {freq} {machine}',
];

const CORRECTIVE_SERVICES = [
  'Reparación de {machine} por falla en {component}',
  'Atención de avería en {component} de {machine}',
  'Cambio de rodamiento averiado en {machine}',
  'Corrección de fuga en {component} de {machine}',
  'Servicio de emergencia por parada imprevista de {machine}',
  'Reparación de daño en {component} de {machine}',
  'Rebobinado de motor quemado de {machine}',
  'Diagnóstico y reparación de falla eléctrica en {machine}',
  'Soldadura y reconstrucción de eje fracturado de {machine}',
  'Reemplazo de {component} dañado en {machine}',
  'Atención de llamada por paro de línea en {machine}',
  'Reparación correctiva de {component} de {machine}',
  'Desmontaje y reparación de {component} averiado de {machine}',
  'Corrección de desalineación que causó rotura en {machine}',
  'Reparación urgente de {machine} fuera de servicio',
  '{Machine}: arreglo de {component} por ruido anormal y vibración excesiva',
  'Atención de daño por corto circuito en {component} de {machine}',
  'Reparación de fisura en {component} de {machine}',
  'Desbloqueo y reparación de {component} atascado en {machine}',
  'Corrección de recalentamiento en {component} de {machine}',
  '{Machine} no enciende: diagnóstico y cambio de tarjeta quemada',
  'Reemplazo de {component} roto por accidente en {machine}',
  'Desvare de {machine} en turno nocturno',
  'Se atendió falla de {component} en {machine}; se cambió pieza averiada',
  'Servicio técnico correctivo a {machine} por daño en {component}',
  'Arreglo de {component} de {machine} que presentaba fuga',
  'Intervención por paro no programado de {machine}',
  'Reparación de {component} de {machine} después de avería',
];

const WEAK_PREVENTIVE_CUES = [
  'Inspección posterior a la reparación de {machine}',
  'Lubricación general después de la intervención',
  'Revisión de {component} y pruebas de funcionamiento',
  'Ajuste y calibración tras el cambio de piezas',
];
const WEAK_CORRECTIVE_CUES = [
  'Cambio de {component} por desgaste detectado en la inspección',
  'Ajuste y corrección menor de {component} encontrada en la rutina',
  'Reemplazo de correa con desgaste en {machine}',
  'Corrección de tensión de {component} durante la visita',
];

const GENERIC_LINES = genericLinesNamed([
  'Mano de obra técnico electromecánico',
  'Mano de obra especializada',
  'Horas de técnico en sitio',
  'Transporte de personal y herramientas',
  'Insumos de limpieza y consumibles',
  'Viáticos del técnico',
  'Alquiler de equipo de izaje',
  'Repuestos varios (tornillería, arandelas y terminales)',
]);

const FREQUENCIES = ['mensual', 'trimestral', 'semestral', 'anual', 'bimestral'];

const PREVENTIVE_REMARKS = [
  'Servicio correspondiente al plan de mantenimiento preventivo de {month}.',
  'Próxima visita programada dentro de {days} días según cronograma.',
  'Rutina ejecutada sin novedades; equipos operando dentro de parámetros.',
  'Se adjunta informe de inspección y lista de chequeo firmada.',
];
const CORRECTIVE_REMARKS = [
  'Servicio atendido por reporte de falla del cliente.',
  'El equipo quedó operando normalmente tras la reparación.',
  'Garantía de 90 días sobre la reparación realizada.',
  'Se recomienda reemplazar piezas con desgaste para evitar nuevas averías.',
];
const NEUTRAL_REMARKS = [
  'Favor consignar en la cuenta de ahorros Bancolombia No. {account}.',
  'Esta factura se asimila en todos sus efectos a una letra de cambio (Art. 774 del Código de Comercio).',
  'Servicio prestado en la planta del cliente.',
  'Precios sujetos a cambio sin previo aviso.',
  'No se aceptan devoluciones de repuestos eléctricos.',
];

export const SERVICES_ES: ServiceVocabulary = {
  language: 'es',
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
