import { describe, expect, it } from 'vitest';
import { parseFiscalCode, printedKeyFacts } from '../../../../src/stages/extract/fiscal-codes/registry.ts';
import {
  decodeAccessKey,
  unverifiedKeyNumbers,
} from '../../../../src/stages/extract/fiscal-codes/sefaz-key.ts';
import {
  rfcWithCheck,
  rutWithCheck,
  withAccessKeyDigit,
  withCnpjDigits,
  withRucDigit,
} from './check-digits.ts';

const UUID = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
const issuer = rfcWithCheck('EKU900317SA');
const receiver = rfcWithCheck('XEXX010101A0');

describe('SAT (Mexico) CFDI QR', () => {
  it('reads the UUID, both RFCs and the zero-padded total of a CFDI 3.3 code', () => {
    const payload = `https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id=${UUID}&re=${issuer}&rr=${receiver}&tt=0000006075.780000&fe=Ab12Cd==`;
    expect(parseFiscalCode(payload)).toMatchObject({
      authority: 'sat',
      cufe: UUID,
      supplierTaxId: issuer,
      customerTaxId: receiver,
      total: 6075.78,
      number: null,
    });
  });

  it('reads the plain total of a CFDI 4.0 code and an RFC with &', () => {
    const payload = `https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id=${UUID.toLowerCase()}&re=AB%26010101AB1&rr=${receiver}&tt=1234.5&fe=xYz12345`;
    expect(parseFiscalCode(payload)).toMatchObject({
      supplierTaxId: 'AB&010101AB1',
      total: 1234.5,
      cufe: UUID,
    });
  });

  it('ignores a SAT URL without a UUID', () => {
    expect(
      parseFiscalCode('https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id=123'),
    ).toBeNull();
  });
});

describe('Spain: VERI*FACTU and TicketBAI', () => {
  it.each(['ValidarQR', 'ValidarQRNoVerifactu'])('reads %s: NIF, series-number, date, amount', (path) => {
    const payload = `https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/${path}?nif=B12345674&numserie=FA2025%2F0042&fecha=07-03-2025&importe=1210.50`;
    expect(parseFiscalCode(payload)).toMatchObject({
      authority: 'verifactu',
      supplierTaxId: 'B12345674',
      number: 'FA2025/0042',
      issueDate: '2025-03-07',
      total: 1210.5,
    });
  });

  it.each([
    'https://batuz.eus/QRTBAI/',
    'https://tbai.egoitza.gipuzkoa.eus/qr/',
    'https://ticketbai.araba.eus/tbai/qrtbai/',
  ])('reads a TicketBAI code on %s', (host) => {
    const payload = `${host}?id=TBAI-B12345674-150325-ABCDEFGHIJKLM-123&s=T&nf=00077&i=48.40&cr=115`;
    expect(parseFiscalCode(payload)).toMatchObject({
      authority: 'ticketbai',
      supplierTaxId: 'B12345674',
      issueDate: '2025-03-15',
      number: 'T00077',
      series: 'T',
      total: 48.4,
    });
  });

  it('refuses a TicketBAI id of the wrong shape', () => {
    expect(parseFiscalCode('https://batuz.eus/QRTBAI/?id=TBAI-123&s=A&nf=1&i=1')).toBeNull();
  });
});

describe('SUNAT (Peru) QR', () => {
  const ruc = withRucDigit('2010007097');
  it('reads RUC, series-number, IGV, total, date and the buyer', () => {
    const buyer = withRucDigit('2051234567');
    expect(parseFiscalCode(`${ruc}|01|F001|00012345|18.00|118.00|2024-05-10|6|${buyer}|abc=|sig=|`)).toEqual(
      expect.objectContaining({
        authority: 'sunat',
        number: 'F001-00012345',
        supplierTaxId: ruc,
        customerTaxId: buyer,
        tax: 18,
        total: 118,
        issueDate: '2024-05-10',
      }),
    );
    expect(parseFiscalCode(`${ruc}|03|B001|77|0.00|25.50|10/05/2024|1|12345678|`)).toMatchObject({
      issueDate: '2024-05-10',
      number: 'B001-77',
    });
  });

  it('refuses pipes whose RUC does not verify', () => {
    const wrong = ruc.slice(0, -1) + ((Number(ruc.at(-1)) + 1) % 10);
    expect(parseFiscalCode(`${wrong}|01|F001|1|18.00|118.00|2024-05-10|6|1|`)).toBeNull();
  });
});

describe('Brazil: access key (NF-e, NFC-e, CT-e)', () => {
  const cnpj = withCnpjDigits('815830540001');
  // cUF 35, 2024-03, the CNPJ, model 55, series 1, number 1234, tpEmis 1, cNF, check digit.
  const key = withAccessKeyDigit(`352403${cnpj}55001000001234112345678`);

  it('decodes the key when its check digit verifies', () => {
    expect(decodeAccessKey(key)).toEqual({
      key,
      state: '35',
      issueMonth: '2024-03',
      issuerId: cnpj,
      model: '55',
      series: '1',
      number: '1234',
    });
    const wrong = key.slice(0, -1) + ((Number(key.at(-1)) + 1) % 10);
    expect(decodeAccessKey(wrong)).toBeNull();
  });

  it('finds the key printed in groups of four in the page text', () => {
    const grouped = key.replace(/(\d{4})(?=\d)/g, '$1 ');
    const text = `CHAVE DE ACESSO\nSÉRIE 1   ${grouped}\nConsulta de autenticidade`;
    expect(printedKeyFacts(text)).toMatchObject({
      authority: 'sefaz',
      origin: 'printed',
      number: '1234',
      supplierTaxId: cnpj,
      cufe: key,
      issueMonth: '2024-03',
    });
    expect(printedKeyFacts(text.replace(grouped, grouped.replace(/ /g, '.')))).not.toBeNull();
  });

  it('gives the number of a key OCR misread (check digit fails), and none for a key that verifies', () => {
    const misread = `${key.slice(0, 40)}${(Number(key[40]) + 1) % 10}${key.slice(41)}`;
    expect(decodeAccessKey(misread)).toBeNull();
    expect(unverifiedKeyNumbers(`CHAVE DE ACESSO ${misread.replace(/(\d{4})(?=\d)/g, '$1 ')}`)).toEqual([
      '1234',
    ]);
    expect(unverifiedKeyNumbers(`CHAVE DE ACESSO ${key}`)).toEqual([]);
    // 44 digits that are no key's shape (state 99) say nothing.
    expect(unverifiedKeyNumbers(`99${misread.slice(2)}`)).toEqual([]);
  });

  it('finds nothing in long digit runs that are not a key, quickly', () => {
    const noise = `${'1234 '.repeat(20_000)}\n${'9'.repeat(100_000)}`;
    const started = performance.now();
    expect(printedKeyFacts(noise)).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reads the NFC-e QR (version 2 offline, with the total) and version 1 (chNFe, vNF, cDest, dhEmi)', () => {
    const nfce = withAccessKeyDigit(`352403${cnpj}65001000001234912345678`);
    expect(
      parseFiscalCode(`https://www.nfce.fazenda.sp.gov.br/qrcode?p=${nfce}|2|1|15|99.90|abcdef|1|HASH`),
    ).toMatchObject({ number: '1234', total: 99.9, issueDate: '2024-03-15', supplierTaxId: cnpj });
    const dhEmi = Buffer.from('2024-03-15T10:00:00-03:00').toString('hex');
    expect(
      parseFiscalCode(
        `http://nfce.sefaz.example.gov.br/qr?chNFe=${nfce}&nVersao=100&tpAmb=1&cDest=${cnpj}&dhEmi=${dhEmi}&vNF=12.34&vICMS=0`,
      ),
    ).toMatchObject({ total: 12.34, customerTaxId: cnpj, issueDate: '2024-03-15' });
  });
});

describe('SII (Chile) timbre electrónico', () => {
  const re = rutWithCheck('76086428');
  const rr = rutWithCheck('12345678');
  const ted = `<TED version="1.0"><DD><RE>${re}</RE><TD>33</TD><F>4521</F><FE>2024-06-01</FE><RR>${rr}</RR><RSR>CLIENTE</RSR><MNT>119000</MNT><IT1>Servicio</IT1></DD><FRMT algoritmo="SHA1withRSA">abc</FRMT></TED>`;

  it('reads RE, TD, F, FE, RR and MNT', () => {
    expect(parseFiscalCode(ted)).toMatchObject({
      authority: 'sii',
      number: '4521',
      issueDate: '2024-06-01',
      supplierTaxId: re,
      customerTaxId: rr,
      total: 119000,
      currency: 'CLP',
    });
  });

  it('expands no entity and refuses a type that is not an invoice', () => {
    const hostile = `<!DOCTYPE TED [<!ENTITY x SYSTEM "file:///etc/passwd">]>${ted.replace('4521', '&x;')}`;
    expect(parseFiscalCode(hostile)?.number ?? null).toBeNull();
    expect(parseFiscalCode(ted.replace('<TD>33</TD>', '<TD>52</TD>'))).toBeNull();
  });
});

describe('the registry', () => {
  it('returns null for a payload no authority knows', () => {
    expect(parseFiscalCode('https://example.com/?id=1')).toBeNull();
    expect(parseFiscalCode('hello')).toBeNull();
  });
});
