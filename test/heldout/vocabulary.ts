/**
 * Held-out vocabulary, written independently of tools/corpus: other companies, other machines, other wording
 * for preventive and corrective work. Used only to measure how the pipeline generalises.
 */
export interface Company {
  name: string;
  nitBase: string;
  address: string;
  city: string;
  phone: string;
}

export const SUPPLIERS: readonly Company[] = [
  {
    name: 'Mantenimientos Andinos del Norte S.A.S.',
    nitBase: '901245871',
    address: 'Cra. 48 # 12 Sur - 70',
    city: 'Itagüí',
    phone: '(604) 372 1190',
  },
  {
    name: 'Tecnoservicios Hurtado & Cía. Ltda.',
    nitBase: '800317264',
    address: 'Calle 10 # 38-41 Bodega 3',
    city: 'Medellín',
    phone: '(604) 311 4820',
  },
  {
    name: 'Ingeniería Electromecánica Sabana S.A.S.',
    nitBase: '900788132',
    address: 'Km 3 vía Siberia - Cota, Parque Ind. Celta',
    city: 'Cota',
    phone: '(601) 820 3344',
  },
  {
    name: 'Soluciones Industriales del Quindío S.A.S.',
    nitBase: '901533009',
    address: 'Av. Bolívar # 19N-46',
    city: 'Armenia',
    phone: '(606) 745 2210',
  },
  {
    name: 'Montajes y Reparaciones El Carmen Ltda.',
    nitBase: '830045719',
    address: 'Calle 30 # 17-110',
    city: 'Barranquilla',
    phone: '(605) 370 8899',
  },
  {
    name: 'J.A. Ospina Servicios Técnicos S.A.S.',
    nitBase: '901102388',
    address: 'Carrera 1 # 45-20',
    city: 'Cali',
    phone: '(602) 488 1020',
  },
  {
    name: 'Hidroneumática del Caribe S.A.',
    nitBase: '890112457',
    address: 'Zona Franca Bloque 7 Local 12',
    city: 'Cartagena',
    phone: '(605) 668 4500',
  },
  {
    name: 'Taller Industrial Bermúdez e Hijos S.A.S.',
    nitBase: '900054613',
    address: 'Diagonal 64 # 52-09',
    city: 'Bello',
    phone: '(604) 454 9012',
  },
];

export const CUSTOMERS: readonly Company[] = [
  {
    name: 'Hilanderías del Fonce S.A.',
    nitBase: '890200874',
    address: 'Vía San Gil - Pinchote Km 2',
    city: 'San Gil',
    phone: '(607) 724 0101',
  },
  {
    name: 'Confecciones Tejimoda S.A.S.',
    nitBase: '900612390',
    address: 'Calle 77 Sur # 40-165',
    city: 'Sabaneta',
    phone: '(604) 288 7070',
  },
  {
    name: 'Tintorería Industrial La Estrella S.A.S.',
    nitBase: '811039475',
    address: 'Cra. 50 # 100 Sur - 21',
    city: 'La Estrella',
    phone: '(604) 279 5500',
  },
  {
    name: 'Textiles Guatapé S.A.',
    nitBase: '890904112',
    address: 'Autopista Norte Km 18',
    city: 'Girardota',
    phone: '(604) 405 3000',
  },
  {
    name: 'Lanas y Fibras de Antioquia S.A.S.',
    nitBase: '901377540',
    address: 'Calle 5A # 39-194',
    city: 'Medellín',
    phone: '(604) 512 6677',
  },
  {
    name: 'Tejeduría San Cristóbal Ltda.',
    nitBase: '860512006',
    address: 'Av. Boyacá # 15-80',
    city: 'Bogotá D.C.',
    phone: '(601) 411 2323',
  },
  {
    name: 'Denim Caribe S.A.S.',
    nitBase: '900987215',
    address: 'Parque Industrial Malambo Lote 22',
    city: 'Malambo',
    phone: '(605) 376 1414',
  },
];

export const MACHINES = [
  'telar de pinzas Dornier',
  'urdidora seccional Karl Mayer',
  'engomadora Sucker',
  'rama tensora Bruckner',
  'compactadora Ferraro',
  'caldera pirotubular de 150 BHP',
  'chiller de la sala de hilatura',
  'tren de lavado continuo',
  'jet de tintura Thies',
  'hiladora open-end Rieter',
  'carda C70',
  'máquina circular Mayer & Cie',
  'perchadora Lafer',
  'compresor de tornillo Atlas Copco GA75',
  'transportador de rollos',
] as const;

/** Preventive work: planned, periodic, by calendar or by hours. `{m}` is the machine. */
export const PREVENTIVE_SERVICES = [
  'Rutina trimestral de {m}',
  'Puesta a punto programada de {m}',
  'Overhaul planificado de {m} según horas de operación',
  'Revisión según plan anual de {m}',
  'Engrase general y verificación de holguras en {m}',
  'Limpieza técnica periódica de {m}',
  'Inspección semestral de rodamientos de {m}',
  'Calibración anual de instrumentos de {m}',
  'Cambio de filtros por cumplimiento de horas en {m}',
  'Termografía programada del tablero de {m}',
  'Ajuste de rutina y reapriete de bornes en {m}',
] as const;

/** Corrective work: something broke, stopped or misbehaved. */
export const CORRECTIVE_SERVICES = [
  'Se reemplazó el acople de {m} por rotura',
  'Atención de daño en el motor principal de {m}',
  'Arreglo urgente de {m} detenido en producción',
  'Reposición de pieza quebrada en {m}',
  'Visita por mal funcionamiento de {m}',
  'Desvare nocturno de {m}',
  'Corrección de fuga de aceite en {m}',
  'Rebobinado de motor quemado de {m}',
  'Soldadura de eje fracturado de {m}',
  'Cambio de tarjeta electrónica averiada de {m}',
  'Destrabe y reparación de la transmisión de {m}',
] as const;

export const PREVENTIVE_NOTES = [
  'Servicio ejecutado conforme al cronograma anual acordado.',
  'Actividad incluida en el programa de mantenimiento del periodo.',
  'Próxima intervención programada en 90 días.',
] as const;

export const CORRECTIVE_NOTES = [
  'Servicio solicitado por el cliente tras parada imprevista de la línea.',
  'Se atendió el llamado el mismo día del reporte.',
  'Equipo entregado en funcionamiento; la pieza dañada queda a disposición del cliente.',
] as const;

/** Neutral lines that appear on both kinds of invoice. */
export const PARTS = [
  { text: 'Rodamiento SKF 6308-2RS', unit: 'UN', price: [45_000, 180_000] },
  { text: 'Retenedor 45x62x8', unit: 'UN', price: [8_000, 25_000] },
  { text: 'Banda sincrónica 5M-850', unit: 'UN', price: [60_000, 210_000] },
  { text: 'Contactor trifásico 32 A', unit: 'UN', price: [120_000, 340_000] },
  { text: 'Grasa multipropósito NLGI 2', unit: 'Kg', price: [18_000, 42_000] },
  { text: 'Aceite para engranajes ISO 220', unit: 'Gl', price: [95_000, 160_000] },
  { text: 'Cable encauchetado 3x12 AWG', unit: 'Mt', price: [9_000, 21_000] },
  { text: 'Juego de empaquetaduras', unit: 'Jgo', price: [70_000, 260_000] },
  { text: 'Sensor inductivo M18', unit: 'UN', price: [150_000, 420_000] },
] as const;

export const EXTRAS = [
  { text: 'Desplazamiento del técnico a planta', unit: 'Servicio', price: [80_000, 350_000] },
  { text: 'Mano de obra especializada', unit: 'Hora', price: [55_000, 140_000] },
  { text: 'Alquiler de montacargas', unit: 'Día', price: [300_000, 900_000] },
] as const;
