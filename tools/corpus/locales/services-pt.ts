import type { ServiceVocabulary } from '../services.ts';
import { genericLinesNamed, partsNamed } from './service-prices.ts';

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

const PARTS = partsNamed([
  'Rolamento SKF 6205-2RS',
  'Rolamento autocompensador de rolos 22215 E',
  'Correia sincronizadora HTD 8M-1200',
  'Correia em V B-52',
  'Filtro de ar para compressor',
  'Elemento separador de óleo',
  'Óleo hidráulico ISO VG 68',
  'Graxa de lítio EP2',
  'Sensor indutivo M18 PNP',
  'Contator tripolar 40 A',
  'Válvula solenoide 1/2"',
  'Resistência de aquecimento 2 kW',
  'Junta da tampa de caldeira',
  'Agulhas para tear circular (caixa c/ 100)',
  'Pinça porta-trama para tear',
  'Lâmina de corte',
  'Guia-fio cerâmico',
  'Motor elétrico trifásico 5 CV',
  'Inversor de frequência 7,5 kW',
  'Kit de manutenção compressor 8000 h',
  'Termopar tipo K',
  'Manômetro 0-160 psi',
  'Retentor 45x62x8',
  'Pinhão de transmissão Z-24',
]);

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

const GENERIC_LINES = genericLinesNamed([
  'Mão de obra técnico eletromecânico',
  'Mão de obra especializada',
  'Horas técnicas em campo',
  'Deslocamento de equipe e ferramentas',
  'Material de limpeza e consumíveis',
  'Despesas de viagem do técnico',
  'Locação de equipamento de içamento',
  'Peças diversas (parafusos, arruelas e terminais)',
]);

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
