import type { GenericLineSpec, PartSpec, ServiceVocabulary } from '../services.ts';

/**
 * The Portuguese maintenance vocabulary (pt-BR). Components carry their contracted article ("do motor
 * principal", "dos rolamentos"); machines follow "de" / "em" without article, as on a service order.
 */

const MACHINES = [
  'tear Picanol OptiMax',
  'tear de pinças Dornier P1',
  'tear a jato de ar Toyota JAT810',
  'urdideira Karl Mayer',
  'urdideira seccional Benninger',
  'malharia circular Mayer & Cie',
  'tear circular Terrot',
  'rama Brückner',
  'rama de termofixação Monforts',
  'caldeira flamotubular 150 BHP',
  'caldeira a vapor Aalborg 200 BHP',
  'compressor de parafuso Atlas Copco GA37',
  'compressor Kaeser SK 25',
  'filatório open-end Rieter R60',
  'filatório de anel Zinser',
  'bordadeira Tajima de 12 cabeças',
  'máquina de costura industrial Juki DDL-8700',
  'overloque Siruba 747',
  'máquina de tingimento jet Thies',
  'calandra de passar',
  'máquina de corte de tecido Eastman',
  'conicaleira Schlafhorst Autoconer',
  'secadora de tecido',
];

const COMPONENTS = [
  'dos rolamentos',
  'do sistema hidráulico',
  'do painel elétrico',
  'do motor principal',
  'da caixa redutora',
  'do sistema pneumático',
  'do queimador',
  'da corrente de transmissão',
  'dos cilindros de arraste',
  'do sistema de lubrificação',
  'do freio e embreagem',
  'do inversor de frequência',
  'da bomba de alimentação',
  'dos quadros e liços',
  'dos sensores de trama',
];

const PARTS: PartSpec[] = [
  { description: 'Rolamento SKF 6205-2RS', unit: 'piece', min: 35_000, max: 60_000 },
  { description: 'Rolamento autocompensador de rolos 22215 E', unit: 'piece', min: 450_000, max: 900_000 },
  { description: 'Correia sincronizadora HTD 8M-1200', unit: 'piece', min: 120_000, max: 260_000 },
  { description: 'Correia em V B-52', unit: 'piece', min: 30_000, max: 70_000 },
  { description: 'Filtro de ar para compressor', unit: 'piece', min: 180_000, max: 420_000 },
  { description: 'Elemento separador de óleo', unit: 'piece', min: 350_000, max: 800_000 },
  { description: 'Óleo hidráulico ISO VG 68', unit: 'gallon', min: 90_000, max: 150_000 },
  { description: 'Graxa de lítio EP2', unit: 'kilo', min: 40_000, max: 80_000 },
  { description: 'Sensor indutivo M18 PNP', unit: 'piece', min: 150_000, max: 380_000 },
  { description: 'Contator tripolar 40 A', unit: 'piece', min: 160_000, max: 450_000 },
  { description: 'Válvula solenoide 1/2"', unit: 'piece', min: 220_000, max: 600_000 },
  { description: 'Resistência de aquecimento 2 kW', unit: 'piece', min: 180_000, max: 400_000 },
  { description: 'Junta da tampa de caldeira', unit: 'piece', min: 250_000, max: 700_000 },
  { description: 'Agulhas para tear circular (caixa c/ 100)', unit: 'box', min: 300_000, max: 900_000 },
  { description: 'Pinça porta-trama para tear', unit: 'piece', min: 400_000, max: 1_200_000 },
  { description: 'Lâmina de corte', unit: 'piece', min: 80_000, max: 200_000 },
  { description: 'Guia-fio cerâmico', unit: 'piece', min: 15_000, max: 40_000 },
  { description: 'Motor elétrico trifásico 5 CV', unit: 'piece', min: 1_800_000, max: 3_500_000 },
  { description: 'Inversor de frequência 7,5 kW', unit: 'piece', min: 3_000_000, max: 6_000_000 },
  { description: 'Kit de manutenção compressor 8000 h', unit: 'piece', min: 1_200_000, max: 2_800_000 },
  { description: 'Termopar tipo K', unit: 'piece', min: 80_000, max: 180_000 },
  { description: 'Manômetro 0-160 psi', unit: 'piece', min: 60_000, max: 140_000 },
  { description: 'Retentor 45x62x8', unit: 'piece', min: 18_000, max: 45_000 },
  { description: 'Pinhão de transmissão Z-24', unit: 'piece', min: 140_000, max: 320_000 },
];

const PREVENTIVE_SERVICES = [
  'Manutenção preventiva {freq} de {machine}',
  'Manutenção programada de {machine} conforme plano anual',
  'Manutenção de rotina de {machine}, inclui limpeza geral e ajustes',
  'Inspeção geral e ajuste {component} de {machine}',
  'Lubrificação {component} de {machine}',
  'Calibração de sensores e parâmetros de {machine}',
  'Revisão periódica de {machine} ({hours} horas de operação)',
  'Troca programada de filtros de {machine}',
  'Plano de manutenção {freq}: verificação {component} de {machine}',
  'Análise de vibração preditiva em {machine}',
  'Termografia de painéis elétricos e {component}',
  'Rotina de inspeção e lubrificação de {machine}',
  'Manutenção por horímetro de {machine} ({hours} h)',
  'Visita técnica programada de manutenção em {machine}',
  'Verificação e ajuste preventivo {component} em {machine}',
  'Engraxamento e checagem geral de {machine} conforme cronograma',
  'Revisão periódica e regulagem de {machine}',
  'Revisão geral programada de {machine} ({hours} horas)',
  'Medição de isolamento e reaperto de conexões, {component} (rotina {freq})',
  '{Machine}: limpeza, inspeção e ajuste {component} conforme plano',
  'Overhaul programado {component} de {machine}',
  'Troca de óleo e filtros por horas de serviço de {machine}',
  'Manutenção preditiva: medição de temperatura e vibração em {machine}',
  'Atendimento técnico preventivo em {machine}: inspeção visual, reaperto e limpeza',
  'Realizada rotina de manutenção {freq} em {machine} sem anormalidades',
  'Verificação programada {component} ({hours} h) em {machine}',
  'Checagem de níveis, lubrificação e ajuste {component} de {machine}',
  'Contrato de manutenção preventiva - visita {freq} {machine}',
];

const CORRECTIVE_SERVICES = [
  'Conserto de {machine} por falha {component}',
  'Atendimento de quebra {component} de {machine}',
  'Troca de rolamento danificado em {machine}',
  'Correção de vazamento {component} de {machine}',
  'Atendimento emergencial por parada imprevista de {machine}',
  'Reparo de dano {component} de {machine}',
  'Rebobinamento de motor queimado de {machine}',
  'Diagnóstico e reparo de falha elétrica em {machine}',
  'Solda e recuperação de eixo quebrado de {machine}',
  'Substituição {component} por avaria em {machine}',
  'Atendimento a chamado por parada de linha em {machine}',
  'Manutenção corretiva {component} de {machine}',
  'Desmontagem e reparo {component} com defeito de {machine}',
  'Correção de desalinhamento que causou quebra em {machine}',
  'Reparo urgente de {machine} fora de operação',
  '{Machine}: conserto {component} por ruído anormal e vibração excessiva',
  'Atendimento de dano por curto-circuito {component} de {machine}',
  'Reparo de trinca {component} de {machine}',
  'Desbloqueio e reparo {component} por travamento em {machine}',
  'Correção de superaquecimento {component} de {machine}',
  '{Machine} não liga: diagnóstico e troca de placa queimada',
  'Substituição {component} por quebra acidental em {machine}',
  'Socorro técnico de {machine} no turno da noite',
  'Atendida falha {component} em {machine}; trocada peça avariada',
  'Serviço técnico corretivo em {machine} por dano {component}',
  'Conserto {component} de {machine} que apresentava vazamento',
  'Intervenção por parada não programada de {machine}',
  'Reparo {component} de {machine} após quebra',
];

const WEAK_PREVENTIVE_CUES = [
  'Inspeção posterior ao reparo de {machine}',
  'Lubrificação geral após a intervenção',
  'Revisão {component} e testes de funcionamento',
  'Ajuste e calibração após a troca de peças',
];
const WEAK_CORRECTIVE_CUES = [
  'Troca {component} por desgaste detectado na inspeção',
  'Ajuste e correção menor {component} encontrada na rotina',
  'Substituição de correia desgastada em {machine}',
  'Correção de tensão {component} durante a visita',
];

const GENERIC_LINES: GenericLineSpec[] = [
  {
    description: 'Mão de obra técnico eletromecânico',
    kind: 'labour',
    unit: 'hour',
    min: 45_000,
    max: 95_000,
  },
  { description: 'Mão de obra especializada', kind: 'labour', unit: 'hour', min: 60_000, max: 120_000 },
  { description: 'Horas técnicas em campo', kind: 'labour', unit: 'hour', min: 50_000, max: 110_000 },
  {
    description: 'Deslocamento de equipe e ferramentas',
    kind: 'other',
    unit: 'trip',
    min: 80_000,
    max: 350_000,
  },
  {
    description: 'Material de limpeza e consumíveis',
    kind: 'other',
    unit: 'global',
    min: 60_000,
    max: 250_000,
  },
  { description: 'Despesas de viagem do técnico', kind: 'other', unit: 'global', min: 120_000, max: 600_000 },
  {
    description: 'Locação de equipamento de içamento',
    kind: 'other',
    unit: 'service',
    min: 300_000,
    max: 1_500_000,
  },
  {
    description: 'Peças diversas (parafusos, arruelas e terminais)',
    kind: 'part',
    unit: 'global',
    min: 50_000,
    max: 300_000,
  },
];

const FREQUENCIES = ['mensal', 'trimestral', 'semestral', 'anual', 'bimestral'];

const PREVENTIVE_REMARKS = [
  'Serviço referente ao plano de manutenção preventiva de {month}.',
  'Próxima visita programada em {days} dias conforme cronograma.',
  'Rotina executada sem anormalidades; equipamentos operando dentro dos parâmetros.',
  'Segue em anexo relatório de inspeção e checklist assinado.',
];
const CORRECTIVE_REMARKS = [
  'Atendimento realizado por chamado de falha do cliente.',
  'O equipamento ficou operando normalmente após o reparo.',
  'Garantia de 90 dias sobre o reparo realizado.',
  'Recomenda-se substituir peças desgastadas para evitar novas quebras.',
];
const NEUTRAL_REMARKS = [
  'Pagamento via boleto; informar o código do cliente {account}.',
  'Serviço prestado nas instalações do cliente.',
  'Preços sujeitos a alteração sem aviso prévio.',
  'Não aceitamos devolução de peças elétricas.',
  'Documento emitido por ME ou EPP optante pelo Simples Nacional.',
];

export const SERVICES_PT: ServiceVocabulary = {
  language: 'pt',
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
