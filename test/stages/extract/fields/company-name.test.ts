import { describe, expect, it } from 'vitest';
import { cleanName, withWrappedLegalForm } from '../../../../src/stages/extract/fields/company-name.ts';
import { rowsOf } from '../rows-fixture.ts';

describe('cleanName of other countries', () => {
  it.each([
    // A name glued to its id and address ends at the id's label.
    ['Cone Denim Works Corp. - EIN 12-4200025 - 12 Wade Hampton Blvd', 'Cone Denim Works Corp.'],
    ['Dalton Carpet Mills Co. Federal Tax ID 84-5260737 103 Enterprise Ave', 'Dalton Carpet Mills Co.'],
    ['Bradford Dyeing Co Ltd. VAT Registration No.: GB508837425', 'Bradford Dyeing Co Ltd.'],
    // Legal forms of each country stay with the name.
    ['Refacciones y Maquinaria Atlixco S.A. de C.V.', 'Refacciones y Maquinaria Atlixco S.A. de C.V.'],
    ['Strickwaren Albstadt GmbH & Co. KG', 'Strickwaren Albstadt GmbH & Co. KG'],
    ['Mantenimientos Industriales Vallès S.L.U.', 'Mantenimientos Industriales Vallès S.L.U.'],
    ['Twentse Machinebouw B.V.', 'Twentse Machinebouw B.V.'],
    // "Rutas": a label's letters inside a word do not cut it.
    ['Transportes Rutas del Sol S.A.S.', 'Transportes Rutas del Sol S.A.S.'],
  ])('%s → %s', (text, name) => expect(cleanName(text)).toBe(name));

  it.each(['Firma', 'Kunde', 'Name', 'EIN', 'VAT REG. NO.', 'FATURA Nº', 'Bill to', 'FEDERAL TAX ID'])(
    'a label of any language is no name: %s',
    (text) => expect(cleanName(text)).toBeNull(),
  );
});

describe('cleanName', () => {
  it.each([
    ['Tecnoservicios Hurtado € Cía. Ltda.', 'Tecnoservicios Hurtado & Cía. Ltda.'],
    ['Tecnoservicios Hurtado €. Cía. Ltda.', 'Tecnoservicios Hurtado & Cía. Ltda.'],
    ['Tecnoservicios Hurtado 8 Cía. Ltda.', 'Tecnoservicios Hurtado & Cía. Ltda.'],
    ['Reparaciones Técnicas M8M Ltda.', 'Reparaciones Técnicas M&M Ltda.'],
    ['Electrosur.SAS', 'Electrosur SAS'],
    ['HILANDERÍAS GUAYABAL S.A:S', 'HILANDERÍAS GUAYABAL S.A.S'],
    ['Manufacturas Textiles. del Valle SAS', 'Manufacturas Textiles del Valle SAS'],
    ['TECNOSERVICIOS HURTADO 4 CÍA. LTDA.', 'TECNOSERVICIOS HURTADO & CÍA. LTDA.'],
    ['TECNOSERVICIOS HURTADO 3 CÍA. LTDA.', 'TECNOSERVICIOS HURTADO & CÍA. LTDA.'],
    ['Tecnoservicios Hurtado £ Cía. Ltda.', 'Tecnoservicios Hurtado & Cía. Ltda.'],
    ['SOLUCIONES INTEGRALES Má£M SAS', 'SOLUCIONES INTEGRALES M&M SAS'],
    ['Reparaciones Técnicas MáM Ltda.', 'Reparaciones Técnicas M&M Ltda.'],
    ['Neumatico! S.A.S.', 'Neumaticol S.A.S.'],
    ['SUMINISTROS INTEGRALES DE! CARIBE LTDA.', 'SUMINISTROS INTEGRALES DEL CARIBE LTDA.'],
    ["Servitex'S.A.S.", 'Servitex S.A.S.'],
    ["Lanas Panamericana' LTDA", 'Lanas Panamericana LTDA'],
    ['Mantenimientos Hidráulicos M6M S.A.S.', 'Mantenimientos Hidráulicos M&M S.A.S.'],
    ['Montajes Integrales MEM Ltda.', 'Montajes Integrales M&M Ltda.'],
    ['Suministros Hidráulicos MSM S.A.S.', 'Suministros Hidráulicos M&M S.A.S.'],
    ['Soluciones Integrales Andinos S. A.S.', 'Soluciones Integrales Andinos S.A.S.'],
    ['Electromotores ltagüí S.A.S.', 'Electromotores Itagüí S.A.S.'],
    ['ESTAMPADOS GUAYABAL. S.A.S.', 'ESTAMPADOS GUAYABAL S.A.S.'],
    ['Lanas Guayabal. S.A.S.', 'Lanas Guayabal S.A.S.'],
    ['SOLUCIONES TEXTILES Y CÍA. SAS', 'SOLUCIONES TEXTILES Y CÍA. SAS'],
    ['FÁBRICA DE TEJIDOS*DEL FONCE S.A.S.', 'FÁBRICA DE TEJIDOS DEL FONCE S.A.S.'],
    ['Estampados -Omega S.A.', 'Estampados Omega S.A.'],
    ['Lanas. del Valle S.A.S:', 'Lanas del Valle S.A.S.'],
    ['Señortes) Tejidos del Valle LTDA', 'Tejidos del Valle LTDA'],
    ['TEJIDOS EL CÓNDOR:LTDA.', 'TEJIDOS EL CÓNDOR LTDA.'],
    ["INGENIERÍA HIDRÁULICAS Y CÍA.:LTDA'", 'INGENIERÍA HIDRÁULICAS Y CÍA. LTDA'],
    ['MANTENIMIENTOS INTEGRALES ANDINOS SAS.', 'MANTENIMIENTOS INTEGRALES ANDINOS S.A.S.'],
    ['Servitex SAS', 'Servitex SAS'],
    ['Estampados del: Fonce S.A.S.', 'Estampados del Fonce S.A.S.'],
    ['Montajes Electromecánicos del Valle S.AS.', 'Montajes Electromecánicos del Valle S.A.S.'],
    ['Montajes Integrales Ltdá.', 'Montajes Integrales Ltda.'],
    ['MONTAJES HIDRÁULICOS M3.M S.A.S.', 'MONTAJES HIDRÁULICOS M&M S.A.S.'],
    ['Montajes Industriales MéM S.A.S.', 'Montajes Industriales M&M S.A.S.'],
    ['HILADOS Y TEJIDOS EL. CÓNDOR S.A.S.', 'HILADOS Y TEJIDOS EL CÓNDOR S.A.S.'],
    ['Tejidos. Santa Rita S,A.S', 'Tejidos Santa Rita S.A.S'],
    ['Hilados y Tejidos Santa Rita s. A.S.', 'Hilados y Tejidos Santa Rita S.A.S.'],
    ['Lanas El Retiro S.A..', 'Lanas El Retiro S.A.'],
    ['Fábrica de Tejidos Vallecaucana LTDA]', 'Fábrica de Tejidos Vallecaucana LTDA'],
    ['Fábrica de Tejidos Vallecaucana-S.A.S.', 'Fábrica de Tejidos Vallecaucana S.A.S.'],
    ['Confecciones El Cóndor -LTDA', 'Confecciones El Cóndor LTDA'],
    ['; Fábrica de Tejidos El Cóndor S.A.S.', 'Fábrica de Tejidos El Cóndor S.A.S.'],
    ['Coca-Cola Servicios S.A.', 'Coca-Cola Servicios S.A.'],
    ['Confecciones.El Retiro Ltda.', 'Confecciones El Retiro Ltda.'],
    ['Estampados El.Cóndor S.A.S.', 'Estampados El Cóndor S.A.S.'],
    ['HILANDERÍAS ANDINA 5.A.S.', 'HILANDERÍAS ANDINA S.A.S.'],
    ['ESTAMPADOS LA GARZA S.A. 3.', 'ESTAMPADOS LA GARZA S.A.S.'],
    ['Electromotores lItagüí S.A.S.', 'Electromotores Itagüí S.A.S.'],
    ['Fábrica de Tejidos La Pradera S.A“S', 'Fábrica de Tejidos La Pradera S.A.S'],
    ["Ingeniería Térmicas del Norte' S.A. S:A.S.", 'Ingeniería Térmicas del Norte S.A.S.'],
  ])('repairs OCR look-alikes: %s', (printed, expected) => {
    expect(cleanName(printed)).toBe(expected);
  });

  it('keeps digits and dots that belong to the name', () => {
    expect(cleanName('Almacén 8 de Marzo S.A.S.')).toBe('Almacén 8 de Marzo S.A.S.');
    expect(cleanName('Ferretería 4 Caminos Ltda.')).toBe('Ferretería 4 Caminos Ltda.');
    expect(cleanName('Tecnoservicios Hurtado & Cía. Ltda.')).toBe('Tecnoservicios Hurtado & Cía. Ltda.');
    expect(cleanName('Hnos. de la Torre Ltda.')).toBe('Hnos. de la Torre Ltda.');
    expect(cleanName('Ingeniería Industriales y Cía. S.A.S.')).toBe('Ingeniería Industriales y Cía. S.A.S.');
    expect(cleanName('Llanos y Guías SEMSA S.A.')).toBe('Llanos y Guías SEMSA S.A.');
    expect(cleanName('Sr.Gómez e Hijos S.A.S.')).toBe('Sr.Gómez e Hijos S.A.S.');
  });

  it('drops a heading OCR garbled when a company name follows it, not an address label', () => {
    expect(cleanName('Adgquirente: Tejidos El Cóndor S.A.S')).toBe('Tejidos El Cóndor S.A.S');
    expect(cleanName('Dirección: Calle 44 N* 55-11')).toBeNull();
    expect(cleanName('Atención: Juan Pérez')).toBeNull();
  });

  it('rejects a city with its department, an address line', () => {
    expect(cleanName('Envigado, Antioquia')).toBeNull();
    expect(cleanName('Cali, Valle del Cauca')).toBeNull();
    expect(cleanName('Bogotá, D.C.')).toBeNull();
    expect(cleanName('Textiles Antioquia S.A.S.')).toBe('Textiles Antioquia S.A.S.');
  });

  it('rejects a sentence (lower-case words that are no particles) without a legal form', () => {
    expect(cleanName('No se aceptan devoluciones de')).toBeNull();
    expect(cleanName('María de los Ángeles')).toBe('María de los Ángeles');
    expect(cleanName('Servicios técnicos varios S.A.S.')).toBe('Servicios técnicos varios S.A.S.');
  });

  it('rejects a tax id heading OCR garbled into one short token', () => {
    expect(cleanName('C.CNIT')).toBeNull();
    expect(cleanName('1T/CC')).toBeNull();
  });

  it('rejects headings, even with an accent OCR added, and misread lower-case words', () => {
    expect(cleanName('PRESTADÓR DEL SERVICIO')).toBeNull();
    expect(cleanName('[cuente')).toBeNull();
  });

  it('ends a name at its last legal form', () => {
    expect(cleanName('HILADOS Y TEJIDOS VALLECAUCANA S.A.S. CONTE ICIIA TAS,')).toBe(
      'HILADOS Y TEJIDOS VALLECAUCANA S.A.S.',
    );
    expect(cleanName('Sociedad Textil del Norte S.A.')).toBe('Sociedad Textil del Norte S.A.');
    expect(cleanName('Reparaciones Técnicas y Cía. S.A.S')).toBe('Reparaciones Técnicas y Cía. S.A.S');
    expect(cleanName('Acueducto Regional S.A. E.S.P.')).toBe('Acueducto Regional S.A. E.S.P.');
  });
});

describe('withWrappedLegalForm', () => {
  it('ends a legal form begun on the name\'s row and wrapped onto the next ("S.A. de" over "C.V.")', () => {
    const mexican = rowsOf([
      [100, [[40, 'Servicios Industriales del Bajío S.A. de']]],
      [110, [[40, 'C.V.']]],
    ]);
    expect(withWrappedLegalForm(mexican, mexican[0]!, 'Servicios Industriales del Bajío S.A. de')).toBe(
      'Servicios Industriales del Bajío S.A. de C.V.',
    );
    const german = rowsOf([
      [100, [[40, 'Strickwaren Albstadt GmbH & Co.']]],
      [110, [[40, 'KG']]],
    ]);
    expect(withWrappedLegalForm(german, german[0]!, 'Strickwaren Albstadt GmbH & Co.')).toBe(
      'Strickwaren Albstadt GmbH & Co. KG',
    );
  });

  it('joins the legal form wrapped under a name, its final full stop read as a comma given back', () => {
    const rows = rowsOf(
      [
        [100, [[40, 'FÁBRICA DE TEJIDOS SANTA RITA']]],
        [110, [[40, 'S.A.S,']]],
      ],
      0.9,
    );
    expect(withWrappedLegalForm(rows, rows[0]!, 'FÁBRICA DE TEJIDOS SANTA RITA')).toBe(
      'FÁBRICA DE TEJIDOS SANTA RITA S.A.S.',
    );
    const below = rowsOf(
      [
        [100, [[40, 'Hilados y Tejidos']]],
        [110, [[40, 'Montebello SAS,']]],
      ],
      0.9,
    );
    expect(withWrappedLegalForm(below, below[0]!, 'Hilados y Tejidos')).toBe(
      'Hilados y Tejidos Montebello SAS.',
    );
  });

  it('takes the name under a logo that repeats it in capitals, rather than both', () => {
    const rows = rowsOf(
      [
        [40, [[37, 'MANTENIMIENTOS INDUSTRIALES']]],
        [52, [[37, 'Mantenimientos Industriales Ltda.']]],
      ],
      0.9,
    );
    expect(withWrappedLegalForm(rows, rows[0]!, 'MANTENIMIENTOS INDUSTRIALES', 37)).toBe(
      'Mantenimientos Industriales Ltda.',
    );
  });
});
