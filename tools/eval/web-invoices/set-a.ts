/** Set a: the fifteen layouts of the first evaluation set (see generate.ts). Draws from kit's generator in order. */

import { parseTaxId } from '../../../src/stages/extract/fiscal-codes/tax-id.ts';
import {
  addDays,
  co,
  DE_MONTHS,
  date,
  dmy,
  type Emit,
  EN_MONTHS,
  eu,
  fr,
  int,
  iso,
  lines,
  pick,
  r2,
  retry,
  rows,
  sum,
  us,
} from './kit.ts';
import { nit, valid } from './tax-ids.ts';

export function setA(emit: Emit): void {
  // 1. English SaaS, Stripe-like
  {
    const d = date();
    const due = addDays(d, 14);
    const ls = lines(
      [
        'Pro plan (monthly seat)',
        'Additional storage 100 GB',
        'API requests overage',
        'Priority support add-on',
        'Team workspace',
        'Audit log retention',
      ],
      int(1, 3),
      9,
      480,
    );
    const sub = sum(ls);
    const tax = 0;
    const tot = r2(sub + tax);
    const num = `${pick(['A1B2C3D4', '7F3E91C0', 'KX04PL9Q'])}-${String(int(1, 40)).padStart(4, '0')}`;
    const fmt = (x: Date) => `${EN_MONTHS[x.getUTCMonth()]} ${x.getUTCDate()}, ${x.getUTCFullYear()}`;
    emit(
      'en-saas',
      `<div style="display:flex;justify-content:space-between"><h1 style="font-size:22pt">Invoice</h1><div style="font-weight:bold;font-size:14pt">Cloudfabric</div></div>
  <table style="margin-top:14px"><tr><td class="muted" style="width:130px">Invoice number</td><td>${num}</td></tr><tr><td class="muted">Date of issue</td><td>${fmt(d)}</td></tr><tr><td class="muted">Date due</td><td>${fmt(due)}</td></tr></table>
  <div style="display:flex;gap:80px;margin-top:24px"><div><b>Cloudfabric Inc.</b><br>548 Market Street<br>San Francisco, California 94104<br>United States<br>billing@cloudfabric.io</div>
  <div><b>Bill to</b><br>Textiles del Valle S.A.S.<br>Calle 10 # 45-20<br>Medellín, Antioquia<br>Colombia<br>compras@textilesvalle.co</div></div>
  <h2 style="margin-top:28px">$${us(tot)} USD due ${fmt(due)}</h2><p><u>Pay online</u></p>
  <table style="width:100%;margin-top:20px"><tr class="muted" style="border-bottom:1px solid #999"><td>Description</td><td class="r">Qty</td><td class="r">Unit price</td><td class="r">Amount</td></tr>
  ${rows(ls, (l) => `<tr><td style="padding:6px 0">${l.description}<br><span class="muted">${fmt(d)} – ${fmt(addDays(d, 30))}</span></td><td class="r">${l.quantity}</td><td class="r">$${us(l.unitPrice)}</td><td class="r">$${us(l.amount)}</td></tr>`)}</table>
  <table style="margin-left:auto;width:45%;margin-top:16px"><tr style="border-top:1px solid #ccc"><td>Subtotal</td><td class="r">$${us(sub)}</td></tr><tr><td>Total</td><td class="r">$${us(tot)}</td></tr><tr style="font-weight:bold"><td>Amount due</td><td class="r">$${us(tot)} USD</td></tr></table>
  <p class="muted" style="margin-top:60px">${num} · $${us(tot)} USD due ${fmt(due)} · Page 1 of 1</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'USD',
        supplierTaxId: null,
        customerTaxId: null,
        lines: ls,
      },
    );
  }

  // 2. Spain, with IRPF withholding
  {
    const d = date();
    const ls = lines(
      [
        'Revisión preventiva telar Picanol',
        'Sustitución rodamientos SKF 6205',
        'Mano de obra técnico (horas)',
        'Desplazamiento',
        'Ajuste tensión urdimbre',
        'Lubricación general maquinaria',
      ],
      int(2, 4),
      20,
      600,
    );
    const sub = sum(ls);
    const iva = r2(sub * 0.21);
    const irpf = r2(sub * 0.15);
    const tot = r2(sub + iva - irpf);
    const num = `${d.getUTCFullYear()}/${String(int(1, 999)).padStart(4, '0')}`;
    const nif = retry(() => valid(`B${int(6000000, 9999999)}`, 'nif'));
    const cli = retry(() => valid(`A${int(1000000, 5999999)}`, 'nif'));
    emit(
      'es-irpf',
      `<table style="width:100%"><tr><td><h1 style="color:#1a4">FACTURA</h1></td><td class="r"><b>Mantenimientos Industriales Levante S.L.</b><br>C/ de la Industria, 23 · 46980 Paterna (Valencia)<br>NIF: ${nif} · Tel. 961 234 567</td></tr></table>
  <table style="width:100%;margin-top:20px;border:1px solid #aaa"><tr><td style="padding:8px;width:50%"><b>Nº factura:</b> ${num}<br><b>Fecha:</b> ${dmy(d)}<br><b>Forma de pago:</b> Transferencia 30 días</td>
  <td style="padding:8px;border-left:1px solid #aaa"><b>Cliente</b><br>Hilaturas Mediterráneo S.A.<br>Avda. del Puerto 101, 46023 Valencia<br>CIF: ${cli}</td></tr></table>
  <table style="width:100%;margin-top:20px"><tr style="background:#1a4;color:#fff"><th style="text-align:left;padding:4px">Concepto</th><th>Cantidad</th><th class="r">Precio</th><th class="r">Importe</th></tr>
  ${rows(ls, (l) => `<tr><td style="padding:4px">${l.description}</td><td style="text-align:center">${l.quantity}</td><td class="r">${eu(l.unitPrice)} €</td><td class="r">${eu(l.amount)} €</td></tr>`)}</table>
  <table style="margin-left:auto;margin-top:24px;width:50%"><tr><td>Base imponible</td><td class="r">${eu(sub)} €</td></tr><tr><td>IVA 21%</td><td class="r">${eu(iva)} €</td></tr><tr><td>Retención IRPF 15%</td><td class="r">-${eu(irpf)} €</td></tr><tr style="font-weight:bold;border-top:2px solid #1a4"><td>TOTAL FACTURA</td><td class="r">${eu(tot)} €</td></tr></table>
  <p class="muted" style="margin-top:50px;font-size:8pt">Inscrita en el Registro Mercantil de Valencia, Tomo 1234, Folio 56, Hoja V-78901. IBAN ES91 2100 0418 4502 0005 1332</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'EUR',
        supplierTaxId: nif,
        customerTaxId: cli,
        lines: ls,
      },
    );
  }

  // 3. German DIN 5008 letter with info block
  {
    const d = date();
    const ld = addDays(d, -int(2, 9));
    const ls = lines(
      [
        'Wartung Rundstrickmaschine',
        'Nadelsatz Groz-Beckert',
        'Servicetechniker Stundensatz',
        'Anfahrtspauschale',
        'Ölwechsel Getriebe',
        'Kalibrierung Fadenspannung',
      ],
      int(2, 5),
      30,
      900,
    );
    const sub = sum(ls);
    const ust = r2(sub * 0.19);
    const tot = r2(sub + ust);
    const num = `RE-${d.getUTCFullYear()}-${String(int(100, 9999)).padStart(5, '0')}`;
    const vat = retry(() => valid(`DE${int(10000000, 99999999)}`));
    emit(
      'de-din',
      `<div style="font-size:7pt;text-decoration:underline;margin-top:30px">Textilmaschinen Service Müller GmbH · Industriestr. 12 · 72764 Reutlingen</div>
  <div style="display:flex;justify-content:space-between"><div style="margin-top:8px">Textiles del Valle S.A.S.<br>z. Hd. Einkauf<br>Calle 10 # 45-20<br>050021 Medellín<br>KOLUMBIEN</div>
  <table style="font-size:9pt"><tr><td>Rechnungs-Nr.:</td><td>${num}</td></tr><tr><td>Kunden-Nr.:</td><td>${int(10000, 99999)}</td></tr><tr><td>Rechnungsdatum:</td><td>${dmy(d, '.')}</td></tr><tr><td>Lieferdatum:</td><td>${dmy(ld, '.')}</td></tr><tr><td>Ihre Bestellung:</td><td>PO-${int(4500, 4999)}${int(100, 999)}</td></tr></table></div>
  <h2 style="margin-top:40px">Rechnung</h2><p>Sehr geehrte Damen und Herren,<br>für unsere Leistungen erlauben wir uns, wie folgt zu berechnen:</p>
  <table style="width:100%"><tr style="border-bottom:1px solid #000"><th style="text-align:left">Pos.</th><th style="text-align:left">Bezeichnung</th><th class="r">Menge</th><th>Einheit</th><th class="r">Einzelpreis</th><th class="r">Gesamtpreis</th></tr>
  ${rows(ls, (l, i) => `<tr><td>${i + 1}</td><td>${l.description}</td><td class="r">${eu(l.quantity)}</td><td style="text-align:center">Stk</td><td class="r">${eu(l.unitPrice)}</td><td class="r">${eu(l.amount)}</td></tr>`)}</table>
  <table style="margin-left:auto;margin-top:14px;border-top:1px solid #000"><tr><td>Nettobetrag</td><td class="r" style="padding-left:40px">${eu(sub)} EUR</td></tr><tr><td>zzgl. 19 % USt.</td><td class="r">${eu(ust)} EUR</td></tr><tr style="font-weight:bold;border-top:3px double #000"><td>Rechnungsbetrag</td><td class="r">${eu(tot)} EUR</td></tr></table>
  <p>Zahlbar innerhalb von 14 Tagen ohne Abzug.</p>
  <table style="width:100%;margin-top:60px;font-size:7.5pt;border-top:1px solid #888"><tr><td>Textilmaschinen Service Müller GmbH<br>Industriestr. 12<br>72764 Reutlingen</td><td>Geschäftsführer: Hans Müller<br>Amtsgericht Stuttgart HRB 123456<br>USt-IdNr.: ${vat}</td><td>Kreissparkasse Reutlingen<br>IBAN DE89 6405 0000 0001 2345 67<br>BIC SOLADES1REU</td></tr></table>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'EUR',
        supplierTaxId: vat,
        customerTaxId: null,
        lines: ls,
      },
    );
  }

  // 4. French with HT/TVA/TTC
  {
    const d = date();
    const due = addDays(d, 30);
    const ls = lines(
      [
        'Contrat de maintenance annuel',
        'Remplacement courroie crantée',
        'Intervention technicien (heure)',
        'Frais de déplacement',
        'Kit joints hydrauliques',
        'Réglage ensouple',
      ],
      int(2, 4),
      40,
      700,
    );
    const sub = sum(ls);
    const tva = r2(sub * 0.2);
    const tot = r2(sub + tva);
    const num = `F${d.getUTCFullYear()}-${String(int(1, 999)).padStart(4, '0')}`;
    const siren = int(300000000, 899999999);
    const key = (12 + 3 * (siren % 97)) % 97;
    const vat = `FR${String(key).padStart(2, '0')}${siren}`;
    emit(
      'fr-ttc',
      `<div style="display:flex;justify-content:space-between"><div><b style="font-size:14pt">Atelier Textile Lyonnais SARL</b><br>12 rue de la Soie<br>69004 Lyon<br>SIRET ${siren}00021<br>TVA intracommunautaire : ${vat}</div>
  <div class="r"><h1>FACTURE</h1>N° ${num}<br>Date d'émission : ${dmy(d)}<br>Date d'échéance : ${dmy(due)}</div></div>
  <div style="margin:30px 0 0 55%;border:1px solid #999;padding:8px"><b>Facturé à</b><br>Textiles del Valle S.A.S.<br>Calle 10 # 45-20<br>Medellín – Colombie</div>
  <table style="width:100%;margin-top:24px" border="1" cellpadding="4"><tr style="background:#eee"><th>Désignation</th><th>Qté</th><th>PU HT</th><th>Total HT</th></tr>
  ${rows(ls, (l) => `<tr><td>${l.description}</td><td class="r">${l.quantity}</td><td class="r">${fr(l.unitPrice)} €</td><td class="r">${fr(l.amount)} €</td></tr>`)}</table>
  <table style="margin-left:auto;margin-top:14px" cellpadding="3"><tr><td>Total HT</td><td class="r">${fr(sub)} €</td></tr><tr><td>TVA 20 %</td><td class="r">${fr(tva)} €</td></tr><tr><td><b>Total TTC</b></td><td class="r"><b>${fr(tot)} €</b></td></tr><tr><td>Net à payer</td><td class="r">${fr(tot)} €</td></tr></table>
  <p style="font-size:8pt;margin-top:40px">Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'EUR',
        supplierTaxId: vat,
        customerTaxId: null,
        lines: ls,
      },
    );
  }

  // 5. Italian fattura, number and date on one line
  {
    const d = date();
    const ls = lines(
      [
        'Manutenzione ordinaria telaio',
        'Sostituzione cinghia dentata',
        'Manodopera tecnico specializzato',
        'Spese di trasferta',
        'Cuscinetti a sfera',
        'Revisione motore principale',
      ],
      int(2, 4),
      50,
      800,
    );
    const sub = sum(ls);
    const iva = r2(sub * 0.22);
    const tot = r2(sub + iva);
    const num = `${int(10, 420)}/${d.getUTCFullYear()}`;
    const piva = retry(() => valid(`IT${String(int(1000000000, 9999999999)).padStart(10, '0')}`));
    emit(
      'it-fattura',
      `<table style="width:100%"><tr><td style="width:55%"><b style="font-size:15pt">Meccanotessile Biella S.r.l.</b><br>Via Cernaia 8 – 13900 Biella (BI)<br>P.IVA ${piva.slice(2)} – C.F. ${piva.slice(2)}<br>REA BI-123456</td>
  <td style="border:1px solid #000;padding:8px">Spett.le<br><b>Textiles del Valle S.A.S.</b><br>Calle 10 # 45-20<br>Medellín (Colombia)</td></tr></table>
  <h2 style="margin-top:30px">FATTURA N. ${num} del ${dmy(d)}</h2>
  <table style="width:100%" border="1" cellpadding="4"><tr><th>Descrizione</th><th>Q.tà</th><th>Prezzo unitario</th><th>Importo</th></tr>
  ${rows(ls, (l) => `<tr><td>${l.description}</td><td class="r">${l.quantity}</td><td class="r">€ ${eu(l.unitPrice)}</td><td class="r">€ ${eu(l.amount)}</td></tr>`)}</table>
  <table style="width:60%;margin-left:auto;margin-top:16px" border="1" cellpadding="4"><tr><th>Imponibile</th><th>Aliquota IVA</th><th>Imposta</th><th>Totale documento</th></tr><tr><td class="r">€ ${eu(sub)}</td><td class="r">22%</td><td class="r">€ ${eu(iva)}</td><td class="r"><b>€ ${eu(tot)}</b></td></tr></table>
  <p>Modalità di pagamento: bonifico bancario a 60 gg d.f. – IBAN IT60 X054 2811 1010 0000 0123 456</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'EUR',
        supplierTaxId: piva,
        customerTaxId: null,
        lines: ls,
      },
    );
  }

  // 6. Dutch factuur, label column on the right
  {
    const d = date();
    const due = addDays(d, 30);
    const ls = lines(
      [
        'Onderhoud weefmachine',
        'Vervangen lager',
        'Arbeidsloon monteur',
        'Voorrijkosten',
        'Smeermiddelen',
        'Inspectie spoelen',
      ],
      int(2, 4),
      25,
      500,
    );
    const sub = sum(ls);
    const btw = r2(sub * 0.21);
    const tot = r2(sub + btw);
    const num = `${d.getUTCFullYear()}${String(int(1, 999)).padStart(4, '0')}`;
    const nlStem = `NL${int(10000000, 99999999)}`;
    const btwnr = [...'0123456789'].map((c) => `${nlStem}${c}B01`).find((s) => parseTaxId(s, 'vat')?.valid)!;
    emit(
      'nl-factuur',
      `<div style="display:flex;justify-content:space-between"><h1 style="font-size:26pt;color:#06c">Factuur</h1><div class="r"><b>Van der Berg Textieltechniek B.V.</b><br>Havenweg 4<br>7602 PZ Almelo<br>KvK 12345678<br>BTW ${btwnr}</div></div>
  <div style="display:flex;justify-content:space-between;margin-top:30px"><div>Textiles del Valle S.A.S.<br>Calle 10 # 45-20<br>Medellín, Colombia</div>
  <table><tr><td>Factuurnummer</td><td class="r">${num}</td></tr><tr><td>Factuurdatum</td><td class="r">${dmy(d, '-')}</td></tr><tr><td>Vervaldatum</td><td class="r">${dmy(due, '-')}</td></tr></table></div>
  <table style="width:100%;margin-top:30px"><tr style="border-bottom:2px solid #06c"><th style="text-align:left">Omschrijving</th><th class="r">Aantal</th><th class="r">Prijs</th><th class="r">Totaal</th></tr>
  ${rows(ls, (l) => `<tr><td>${l.description}</td><td class="r">${l.quantity}</td><td class="r">€ ${eu(l.unitPrice)}</td><td class="r">€ ${eu(l.amount)}</td></tr>`)}</table>
  <table style="margin-left:auto;margin-top:20px"><tr><td>Subtotaal</td><td class="r" style="padding-left:50px">€ ${eu(sub)}</td></tr><tr><td>BTW 21%</td><td class="r">€ ${eu(btw)}</td></tr><tr style="font-weight:bold"><td>Totaal</td><td class="r">€ ${eu(tot)}</td></tr></table>
  <p>Wij verzoeken u vriendelijk het bedrag binnen 30 dagen over te maken op NL91 ABNA 0417 1643 00 o.v.v. het factuurnummer.</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'EUR',
        supplierTaxId: btwnr,
        customerTaxId: null,
        lines: ls,
      },
    );
  }

  // 7. Colombian DIAN electronic invoice, boxed header
  {
    const d = date();
    const due = addDays(d, 30);
    const ls = lines(
      [
        'Mantenimiento correctivo fileta',
        'Repuesto sensor de trama',
        'Servicio técnico especializado',
        'Cambio de banda transportadora',
        'Lubricación y ajuste general',
        'Calibración de tensores',
      ],
      int(2, 5),
      80,
      2400,
      true,
    );
    const sub = sum(ls);
    const iva = r2(sub * 0.19);
    const rete = r2(sub * 0.04);
    const tot = r2(sub + iva);
    const pref = pick(['FE', 'SETP', 'FEV']);
    const num = `${pref}${int(100, 99999)}`;
    const nitE = nit(`${int(800, 901)}.${int(100, 999)}.${int(100, 999)}`);
    const nitC = nit(`${int(800, 901)}.${int(100, 999)}.${int(100, 999)}`);
    const cufe = Array.from({ length: 96 }, () => '0123456789abcdef'[int(0, 15)]).join('');
    const po = `OC-${int(1000, 9999)}`;
    emit(
      'co-dian',
      `<table style="width:100%" border="1" cellpadding="6"><tr><td style="width:60%"><b style="font-size:13pt">SERVITEX INDUSTRIAL S.A.S.</b><br>NIT ${nitE}<br>Responsable de IVA – Régimen común<br>Carrera 50 # 12 Sur-30, Itagüí</td>
  <td style="text-align:center"><b>FACTURA ELECTRÓNICA DE VENTA</b><br>No. ${num}<br><span style="font-size:8pt">Autorización DIAN 18764000001234 del 2025-01-15<br>Rango ${pref}1 al ${pref}100000</span></td></tr></table>
  <table style="width:100%;margin-top:8px" border="1" cellpadding="4"><tr><td><b>Señores:</b> TEXTILES DEL VALLE S.A.S.</td><td><b>NIT:</b> ${nitC}</td></tr><tr><td><b>Fecha de emisión:</b> ${iso(d)} 10:32:15</td><td><b>Fecha de vencimiento:</b> ${iso(due)}</td></tr><tr><td><b>Forma de pago:</b> Crédito 30 días</td><td><b>Orden de compra:</b> ${po}</td></tr></table>
  <table style="width:100%;margin-top:10px" border="1" cellpadding="4"><tr style="background:#ddd"><th>Ítem</th><th>Descripción</th><th>Cant.</th><th>Vr. Unitario</th><th>Vr. Total</th></tr>
  ${rows(ls, (l, i) => `<tr><td>${i + 1}</td><td>${l.description}</td><td class="r">${l.quantity}</td><td class="r">$ ${co(l.unitPrice)}</td><td class="r">$ ${co(l.amount)}</td></tr>`)}</table>
  <table style="margin-left:auto;margin-top:10px" border="1" cellpadding="4"><tr><td>Subtotal</td><td class="r">$ ${co(sub)}</td></tr><tr><td>IVA 19%</td><td class="r">$ ${co(iva)}</td></tr><tr><td><b>Total factura</b></td><td class="r"><b>$ ${co(tot)}</b></td></tr><tr><td>Rete fuente 4% (informativa)</td><td class="r">$ ${co(rete)}</td></tr></table>
  <p style="font-size:7.5pt;word-break:break-all">CUFE: ${cufe}</p><p style="font-size:8pt">Representación gráfica de la factura electrónica. Proveedor tecnológico: Facturador XYZ NIT 900.000.000-1</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'COP',
        supplierTaxId: nitE.replace(/\D/g, ''),
        customerTaxId: nitC.replace(/\D/g, ''),
        lines: ls,
      },
    );
  }

  // 8. English machinery maker, TAX INVOICE with header grid (labels row, values row)
  {
    const d = date();
    const ls = lines(
      [
        'Spare part: drive shaft assy. 40-112',
        'Field service engineer (day rate)',
        'Bearing kit, heavy duty',
        'Freight and packing',
        'Control board PCB rev. C',
        'Servo motor overhaul',
      ],
      int(2, 5),
      60,
      1800,
    );
    const sub = sum(ls);
    const vat = r2(sub * 0.2);
    const tot = r2(sub + vat);
    const num = String(int(100000, 999999));
    const po = `4500${int(100000, 999999)}`;
    const gb = retry(() => valid(`GB${int(10000000, 99999999)}`));
    const ddmmm = `${String(d.getUTCDate()).padStart(2, '0')} ${EN_MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCFullYear()}`;
    emit(
      'en-taxinv',
      `<div style="display:flex;justify-content:space-between"><div><b style="font-size:16pt">Northbridge Textile Machinery Ltd</b><br>Unit 7, Mill Lane, Bradford BD4 8TR<br>United Kingdom<br>VAT Reg No: ${gb.slice(0, 2)} ${gb.slice(2, 5)} ${gb.slice(5, 9)} ${gb.slice(9)}</div><h1 style="font-size:20pt">TAX INVOICE</h1></div>
  <table style="width:100%;margin-top:20px" border="1" cellpadding="5"><tr style="background:#eee"><th>Invoice No</th><th>Invoice Date</th><th>Customer PO</th><th>Account</th><th>Terms</th></tr><tr style="text-align:center"><td>${num}</td><td>${ddmmm}</td><td>${po}</td><td>TDV001</td><td>Net 30</td></tr></table>
  <div style="display:flex;gap:60px;margin-top:16px"><div><b>Invoice To:</b><br>Textiles del Valle S.A.S.<br>Calle 10 # 45-20<br>Medellín, Colombia</div><div><b>Deliver To:</b><br>Planta Itagüí<br>Carrera 50 # 12 Sur-30<br>Itagüí, Colombia</div></div>
  <table style="width:100%;margin-top:20px" cellpadding="4"><tr style="border-bottom:1px solid #000"><th style="text-align:left">Description</th><th class="r">Qty</th><th class="r">Price</th><th class="r">Net</th></tr>
  ${rows(ls, (l) => `<tr><td>${l.description}</td><td class="r">${l.quantity}</td><td class="r">${us(l.unitPrice)}</td><td class="r">${us(l.amount)}</td></tr>`)}</table>
  <table style="margin-left:auto;margin-top:12px" cellpadding="4"><tr><td>Net Total</td><td class="r">£${us(sub)}</td></tr><tr><td>VAT @ 20%</td><td class="r">£${us(vat)}</td></tr><tr style="font-weight:bold;border-top:1px solid #000"><td>Invoice Total GBP</td><td class="r">£${us(tot)}</td></tr></table>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'GBP',
        supplierTaxId: gb,
        customerTaxId: null,
        lines: ls,
      },
    );
  }

  // 9. Mexican CFDI representation
  {
    const d = date();
    const ls = lines(
      [
        'Servicio de mantenimiento preventivo',
        'Refacción: banda dentada HTD',
        'Mano de obra',
        'Viáticos técnico',
        'Rodamiento 6204 ZZ',
        'Ajuste de máquina de coser industrial',
      ],
      int(2, 4),
      300,
      9000,
    );
    const sub = sum(ls);
    const iva = r2(sub * 0.16);
    const tot = r2(sub + iva);
    const serie = pick(['A', 'F', 'MX']);
    const folio = String(int(100, 9999));
    const num = `${serie}${folio}`;
    const rfcE = retry(() =>
      valid(
        `TMM${pick(['850101', '920315', '010722'])}${pick(['K', 'L', 'M', 'N', 'P'])}${pick(['1', '2', 'A', 'B'])}`,
        'rfc',
        '',
        '0123456789A',
      ),
    );
    const rfcR = retry(() =>
      valid(
        `TVA${pick(['990101', '110530'])}${pick(['Q', 'R', 'S'])}${pick(['3', '4', 'C'])}`,
        'rfc',
        '',
        '0123456789A',
      ),
    );
    const uuid = 'A1B2C3D4-1234-4ABC-9DEF-0123456789AB';
    emit(
      'mx-cfdi',
      `<table style="width:100%"><tr><td><b style="font-size:14pt">TECNOMANTENIMIENTO DE MÉXICO SA DE CV</b><br>RFC: ${rfcE}<br>Régimen fiscal: 601 General de Ley Personas Morales<br>Lugar de expedición: 64000</td><td class="r" style="vertical-align:top"><b style="font-size:14pt">FACTURA</b><br>Serie: ${serie} Folio: ${folio}<br>Fecha: ${iso(d)}T11:24:08<br>Folio fiscal (UUID):<br>${uuid}</td></tr></table>
  <div style="border:1px solid #999;padding:6px;margin-top:14px"><b>Receptor:</b> TEXTILES VALLE MEXICO SA DE CV &nbsp; <b>RFC:</b> ${rfcR} &nbsp; <b>Uso CFDI:</b> G03 Gastos en general</div>
  <table style="width:100%;margin-top:14px" border="1" cellpadding="3"><tr style="background:#ccc"><th>Clave</th><th>Cantidad</th><th>Unidad</th><th>Descripción</th><th>Valor unitario</th><th>Importe</th></tr>
  ${rows(ls, (l) => `<tr><td>72154066</td><td class="r">${l.quantity}</td><td>E48</td><td>${l.description}</td><td class="r">$${us(l.unitPrice)}</td><td class="r">$${us(l.amount)}</td></tr>`)}</table>
  <table style="margin-left:auto;margin-top:10px"><tr><td>Subtotal</td><td class="r">$${us(sub)}</td></tr><tr><td>IVA Trasladado 16%</td><td class="r">$${us(iva)}</td></tr><tr><td><b>Total</b></td><td class="r"><b>$${us(tot)}</b></td></tr></table>
  <p>Moneda: MXN &nbsp; Forma de pago: 03 Transferencia &nbsp; Método de pago: PUE</p><p style="font-size:7pt">Sello digital del CFDI: abcDEF123+/xyz==<br>Este documento es una representación impresa de un CFDI</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'MXN',
        supplierTaxId: rfcE,
        customerTaxId: rfcR,
        lines: ls,
      },
    );
  }

  // 10. Portuguese fatura (Portugal)
  {
    const d = date();
    const ls = lines(
      [
        'Assistência técnica tear',
        'Substituição de rolamentos',
        'Mão de obra',
        'Deslocação',
        'Óleo hidráulico 20 L',
        'Revisão geral da máquina',
      ],
      int(2, 4),
      20,
      600,
    );
    const sub = sum(ls);
    const iva = r2(sub * 0.23);
    const tot = r2(sub + iva);
    const num = `FT ${d.getUTCFullYear()}A/${int(10, 999)}`;
    const nif = retry(() => valid(`PT5${int(1000000, 9999999)}`));
    emit(
      'pt-fatura',
      `<div style="display:flex;justify-content:space-between"><div><b style="font-size:14pt">Têxtil Manutenção Norte, Lda.</b><br>Rua da Fábrica 45<br>4750-123 Barcelos<br>NIF: ${nif.slice(2)}</div><div class="r"><h1>Fatura</h1><b>${num}</b><br>Original</div></div>
  <table style="width:100%;margin-top:20px" border="1" cellpadding="4"><tr><th>Data</th><th>Vencimento</th><th>Cliente</th><th>Contribuinte</th></tr><tr style="text-align:center"><td>${iso(d)}</td><td>${iso(addDays(d, 30))}</td><td>Textiles del Valle S.A.S.</td><td>999999990</td></tr></table>
  <table style="width:100%;margin-top:16px"><tr style="border-bottom:1px solid #000"><th style="text-align:left">Descrição</th><th class="r">Qtd.</th><th class="r">Preço Unit.</th><th class="r">IVA</th><th class="r">Valor</th></tr>
  ${rows(ls, (l) => `<tr><td>${l.description}</td><td class="r">${eu(l.quantity)}</td><td class="r">${eu(l.unitPrice)}</td><td class="r">23%</td><td class="r">${eu(l.amount)}</td></tr>`)}</table>
  <table style="margin-left:auto;margin-top:14px"><tr><td>Total Ilíquido</td><td class="r" style="padding-left:40px">${eu(sub)} €</td></tr><tr><td>Total IVA</td><td class="r">${eu(iva)} €</td></tr><tr style="font-weight:bold"><td>Total (EUR)</td><td class="r">${eu(tot)} €</td></tr></table>
  <p style="font-size:7.5pt;margin-top:30px">ATCUD: JFM3XYZ-${int(10, 999)} · Processado por programa certificado n.º 1234/AT</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'EUR',
        supplierTaxId: nif.slice(2),
        customerTaxId: null,
        lines: ls,
      },
    );
  }

  // 11. Peru factura electronica with RUC box
  {
    const d = date();
    const ls = lines(
      [
        'Servicio de mantenimiento de máquina remalladora',
        'Repuesto: placa de aguja',
        'Mano de obra técnica',
        'Movilidad',
        'Limpieza y lubricación',
      ],
      int(2, 4),
      50,
      1500,
    );
    const sub = sum(ls);
    const igv = r2(sub * 0.18);
    const tot = r2(sub + igv);
    const num = `F001-${String(int(1, 99999)).padStart(8, '0')}`;
    const ruc = retry(() => valid(`20${int(10000000, 99999999)}`, 'ruc'));
    const rucC = retry(() => valid(`20${int(10000000, 99999999)}`, 'ruc'));
    emit(
      'pe-factura',
      `<table style="width:100%"><tr><td><b style="font-size:14pt">MAQUITEX PERÚ S.A.C.</b><br>Av. Argentina 2450, Lima<br>Telf. (01) 555-1234</td><td style="border:2px solid #000;text-align:center;padding:10px;width:35%"><b>R.U.C. ${ruc}</b><br><b>FACTURA ELECTRÓNICA</b><br><b>${num}</b></td></tr></table>
  <table style="width:100%;margin-top:14px"><tr><td>Fecha de Emisión</td><td>: ${dmy(d)}</td><td>Moneda</td><td>: SOLES</td></tr><tr><td>Señor(es)</td><td>: TEXTILES ANDINOS S.A.</td><td>RUC</td><td>: ${rucC}</td></tr></table>
  <table style="width:100%;margin-top:14px" border="1" cellpadding="3"><tr><th>Cantidad</th><th>Unidad</th><th>Descripción</th><th>Valor Unitario</th><th>Importe</th></tr>
  ${rows(ls, (l) => `<tr><td class="r">${l.quantity}</td><td>UNIDAD</td><td>${l.description}</td><td class="r">${us(l.unitPrice)}</td><td class="r">${us(l.amount)}</td></tr>`)}</table>
  <table style="margin-left:auto;margin-top:10px"><tr><td>Op. Gravada</td><td class="r">S/ ${us(sub)}</td></tr><tr><td>IGV 18%</td><td class="r">S/ ${us(igv)}</td></tr><tr><td><b>Importe Total</b></td><td class="r"><b>S/ ${us(tot)}</b></td></tr></table>
  <p>SON: ${Math.floor(tot)} CON ${String(Math.round((tot % 1) * 100)).padStart(2, '0')}/100 SOLES</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'PEN',
        supplierTaxId: ruc,
        customerTaxId: rucC,
        lines: ls,
      },
    );
  }

  // 12. German invoice with long date and summary table (Pos / Artikel / Menge / Preis / MwSt / Summe)
  {
    const d = date();
    const ls = lines(
      [
        'Ersatzteil Spindel komplett',
        'Montage vor Ort',
        'Reisekosten Pauschale',
        'Zahnriemen HTD 8M',
        'Software-Update Steuerung',
      ],
      int(2, 4),
      40,
      1200,
    );
    const sub = sum(ls);
    const ust = r2(sub * 0.19);
    const tot = r2(sub + ust);
    const num = String(int(20260000, 20269999));
    const vat = retry(() => valid(`DE${int(10000000, 99999999)}`));
    const long = `${d.getUTCDate()}. ${DE_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    emit(
      'de-long',
      `<p style="text-align:right">Chemnitz, ${long}</p><b style="font-size:15pt">Spinnereimaschinen Sachsen AG</b><br>Annaberger Str. 240 · 09125 Chemnitz · USt-ID ${vat}
  <div style="margin-top:30px">An<br>Textiles del Valle S.A.S.<br>Medellín, Kolumbien</div>
  <h2 style="margin-top:30px">Rechnung Nr. ${num}</h2>
  <table style="width:100%" cellpadding="4"><tr style="background:#333;color:#fff"><th>Pos</th><th style="text-align:left">Artikel</th><th class="r">Menge</th><th class="r">Preis</th><th class="r">MwSt</th><th class="r">Summe</th></tr>
  ${rows(ls, (l, i) => `<tr style="border-bottom:1px solid #ddd"><td>${i + 1}</td><td>${l.description}</td><td class="r">${l.quantity}</td><td class="r">${eu(l.unitPrice)} €</td><td class="r">19%</td><td class="r">${eu(l.amount)} €</td></tr>`)}</table>
  <table style="margin-left:auto;margin-top:12px"><tr><td>Summe netto</td><td class="r" style="padding-left:30px">${eu(sub)} €</td></tr><tr><td>MwSt. 19%</td><td class="r">${eu(ust)} €</td></tr><tr style="font-weight:bold"><td>Gesamtbetrag</td><td class="r">${eu(tot)} €</td></tr></table>
  <p>Bitte überweisen Sie den Betrag bis zum ${dmy(addDays(d, 10), '.')} auf unser Konto.</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'EUR',
        supplierTaxId: vat,
        customerTaxId: null,
        lines: ls,
      },
    );
  }

  // 13. Spanish factura simplificada (ticket), narrow
  {
    const d = date();
    const ls = lines(
      [
        'Tornillería M8',
        'Correa trapezoidal A-42',
        'Spray lubricante',
        'Guantes de trabajo',
        'Cinta americana',
      ],
      int(2, 4),
      2,
      40,
    );
    const tot = sum(ls);
    const base = r2(tot / 1.21);
    const iva = r2(tot - base);
    const num = `T${int(1, 9)}-${String(int(1, 99999)).padStart(6, '0')}`;
    const nif = retry(() => valid(`B${int(6000000, 9999999)}`, 'nif'));
    emit(
      'es-ticket',
      `<div style="width:72mm;font-family:'DejaVu Sans Mono',monospace;font-size:9pt"><div style="text-align:center"><b>FERRETERÍA INDUSTRIAL SOL</b><br>NIF ${nif}<br>C/ Mayor 14, 03801 Alcoy</div><br>FACTURA SIMPLIFICADA<br>Nº: ${num}<br>Fecha: ${dmy(d)} ${int(8, 19)}:${int(10, 59)}<br>------------------------------
  <table style="width:100%;font-size:9pt">${rows(ls, (l) => `<tr><td colspan="2">${l.description}</td></tr><tr><td>${l.quantity} x ${eu(l.unitPrice)}</td><td class="r">${eu(l.amount)}</td></tr>`)}</table>------------------------------
  <table style="width:100%;font-size:9pt"><tr><td><b>TOTAL EUR</b></td><td class="r"><b>${eu(tot)}</b></td></tr><tr><td>Base imp. 21%</td><td class="r">${eu(base)}</td></tr><tr><td>Cuota IVA</td><td class="r">${eu(iva)}</td></tr><tr><td>Entregado</td><td class="r">${eu(Math.ceil(tot / 10) * 10)}</td></tr><tr><td>Cambio</td><td class="r">${eu(r2(Math.ceil(tot / 10) * 10 - tot))}</td></tr></table><br><div style="text-align:center">IVA INCLUIDO · GRACIAS POR SU VISITA</div></div>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'EUR',
        supplierTaxId: nif,
        customerTaxId: null,
        lines: ls,
      },
    );
  }

  // 14. English US invoice with totals in a right sidebar and "Balance Due"
  {
    const d = date();
    const due = addDays(d, 30);
    const ls = lines(
      [
        'Preventive maintenance visit',
        'Replacement encoder',
        'Labor (hours)',
        'Shipping & handling',
        'Calibration certificate',
      ],
      int(2, 4),
      40,
      1400,
    );
    const sub = sum(ls);
    const tax = r2(sub * 0.0825);
    const tot = r2(sub + tax);
    const num = `INV-${int(1000, 99999)}`;
    const mdy = (x: Date) =>
      `${String(x.getUTCMonth() + 1).padStart(2, '0')}/${String(x.getUTCDate()).padStart(2, '0')}/${x.getUTCFullYear()}`;
    emit(
      'us-balance',
      `<div style="display:flex"><div style="flex:1"><b style="font-size:16pt">Lone Star Industrial Services LLC</b><br>1200 Commerce St, Dallas, TX 75202<br>EIN 75-${int(1000000, 9999999)}</div><div style="width:38%;background:#f2f2f2;padding:10px"><h1>INVOICE</h1>Invoice #: ${num}<br>Invoice Date: ${mdy(d)}<br>Due Date: ${mdy(due)}<br>P.O. #: ${int(10000, 99999)}</div></div>
  <div style="margin-top:20px"><b>BILL TO</b><br>Textiles del Valle S.A.S.<br>Medellín, Colombia</div>
  <div style="display:flex;gap:20px;margin-top:20px"><table style="flex:1" cellpadding="4"><tr style="border-bottom:2px solid #000"><th style="text-align:left">Item</th><th class="r">Qty</th><th class="r">Rate</th><th class="r">Amount</th></tr>
  ${rows(ls, (l) => `<tr><td>${l.description}</td><td class="r">${l.quantity}</td><td class="r">${us(l.unitPrice)}</td><td class="r">${us(l.amount)}</td></tr>`)}</table>
  <table style="width:30%;align-self:flex-end;background:#f2f2f2" cellpadding="5"><tr><td>Subtotal</td><td class="r">${us(sub)}</td></tr><tr><td>Sales Tax (8.25%)</td><td class="r">${us(tax)}</td></tr><tr><td>Total</td><td class="r">${us(tot)}</td></tr><tr><td>Payments/Credits</td><td class="r">0.00</td></tr><tr style="font-weight:bold"><td>Balance Due</td><td class="r">$${us(tot)}</td></tr></table></div>
  <p style="margin-top:50px">Thank you for your business!</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'USD',
        supplierTaxId: null,
        customerTaxId: null,
        lines: ls,
      },
    );
  }

  // 15. Spain, totals in a horizontal ruled table (base / % IVA / cuota / total), number and date in a header grid
  {
    const d = date();
    const ls = lines(
      [
        'Reparación bomba hidráulica',
        'Kit de juntas tóricas',
        'Horas de oficial de 1ª',
        'Desplazamiento técnico',
        'Filtro de aceite',
        'Revisión cuadro eléctrico',
      ],
      int(2, 5),
      15,
      700,
    );
    const sub = sum(ls);
    const iva = r2(sub * 0.21);
    const tot = r2(sub + iva);
    const num = `A${String(int(1, 9999)).padStart(5, '0')}`;
    const nif = retry(() => valid(`B${int(6000000, 9999999)}`, 'nif'));
    const cli = retry(() => valid(`B${int(1000000, 5999999)}`, 'nif'));
    emit(
      'es-grid',
      `<table style="width:100%"><tr><td><b style="font-size:15pt">TALLERES GARCÍA E HIJOS, S.L.</b><br>Polígono Industrial Sur, nave 7<br>28914 Leganés (Madrid)<br>C.I.F. ${nif}</td><td style="width:40%;border:1px solid #000;padding:6px">${pick(['Sr./Sra.', 'Cliente:'])}<br><b>TEJIDOS CASTILLA, S.A.</b><br>Calle Real 5, 45600 Talavera<br>N.I.F. ${cli}</td></tr></table>
  <table style="width:60%;margin-top:18px" border="1" cellpadding="4"><tr style="background:#ddd"><th>FACTURA</th><th>FECHA</th><th>CLIENTE</th><th>PÁGINA</th></tr><tr style="text-align:center"><td>${num}</td><td>${dmy(d)}</td><td>${int(100, 999)}</td><td>1</td></tr></table>
  <table style="width:100%;margin-top:16px" border="1" cellpadding="3"><tr style="background:#ddd"><th>Código</th><th>Descripción</th><th>Unidades</th><th>Precio</th><th>Dto.</th><th>Importe</th></tr>
  ${rows(ls, (l) => `<tr><td>${int(1000, 9999)}</td><td>${l.description}</td><td class="r">${eu(l.quantity)}</td><td class="r">${eu(l.unitPrice)}</td><td class="r">0</td><td class="r">${eu(l.amount)}</td></tr>`)}</table>
  <table style="width:100%;margin-top:16px" border="1" cellpadding="4"><tr style="background:#ddd"><th>Base imponible</th><th>% IVA</th><th>Cuota IVA</th><th>% R.E.</th><th>Cuota R.E.</th><th>TOTAL FACTURA</th></tr><tr><td class="r">${eu(sub)}</td><td class="r">21,00</td><td class="r">${eu(iva)}</td><td class="r">0,00</td><td class="r">0,00</td><td class="r"><b>${eu(tot)} €</b></td></tr></table>
  <p>Forma de pago: RECIBO 30 DÍAS. Vencimiento: ${dmy(addDays(d, 30))}</p>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'EUR',
        supplierTaxId: nif,
        customerTaxId: cli,
        lines: ls,
      },
    );
  }
}
