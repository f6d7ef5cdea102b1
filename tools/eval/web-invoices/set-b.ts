/**
 * Set b: twelve invoice layouts written without looking at the extractor (see generate.ts), each a function
 * drawing its own numbers, dates, lines and small layout choices from kit's seeded generator.
 */

import {
  addDays,
  between,
  chars,
  co,
  date,
  dmy,
  draw,
  drawCoded,
  type Emit,
  EN_MONTHS,
  eu,
  fr,
  int,
  iso,
  logo,
  pad,
  pick,
  qr,
  r2,
  retry,
  rnd,
  rows,
  sum,
  us,
} from './kit.ts';
import { cnpj, cuit, dni, frVat, iban, luhn, nit, nlVat, valid } from './tax-ids.ts';
import { englishWords, spanishWords } from './words.ts';

const HEX = '0123456789ABCDEF';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const clock = (s: number) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
/** A time of day in office hours, hh:mm:ss. */
const time = () => clock(int(7 * 3600, 18 * 3600));
const cents = (x: number) => pad(Math.round((x % 1) * 100));

// 1. Spain, small business invoice from a Holded/Quipu-like SaaS: emisor and cliente side by side
function esSaas(emit: Emit) {
  const d = date();
  const due = addDays(d, pick([15, 30, 60]));
  const c = pick(['', ':']);
  const accent = pick(['#2b6cb0', '#0f766e', '#9b2c2c', '#6b46c1']);
  const sup =
    rnd() < 0.4
      ? {
          name: 'Jordi Puig Ferrer',
          trade: 'Reparacions Tèxtils Puig',
          initials: 'RP',
          addr: 'C/ de la Rasa, 18, bajos<br>08221 Terrassa (Barcelona)',
          id: dni(int(35000000, 47999999)),
        }
      : {
          name: 'Recambios Textiles Egara, S.L.',
          trade: 'Recambios Egara',
          initials: 'RE',
          addr: 'Ctra. de Montcada, 412, nave 3<br>08223 Terrassa (Barcelona)',
          id: retry(() => valid(`B${int(6000000, 6699999)}`, 'nif')),
        };
  const cust = pick([
    {
      name: 'Tintes y Acabados del Vallès, S.A.',
      addr: 'C/ Zeus, 12, Pol. Can Roqueta<br>08202 Sabadell',
      l: 'A',
    },
    { name: 'Tejidos Serra i Fills, S.L.', addr: 'C/ Sant Isidre, 44<br>08208 Sabadell (Barcelona)', l: 'B' },
    { name: 'Hilaturas del Serpis, S.L.', addr: 'Avda. Iberia, 21<br>03801 Alcoy (Alicante)', l: 'B' },
  ]);
  const cid = retry(() => valid(`${cust.l}${int(1000000, 5999999)}`, 'nif'));
  const ls = draw(
    [
      'Agujas Groz-Beckert VO 71.52 G02 (caja 100 u.)',
      'Revisión máquina rectilínea Stoll CMS',
      'Correa dentada T10 x 1250',
      'Horas de técnico|38|55',
      'Desplazamiento|15|60',
      'Kit de mantenimiento bobinadora',
      'Platinas de abatir (juego)',
      'Sensor de rotura de hilo',
    ],
    int(1, 5),
    () => between(8, 450),
    (name) => (name.startsWith('Desplazamiento') ? 1 : int(1, 6)),
  );
  const sub = sum(ls);
  const iva = r2(sub * 0.21);
  const tot = r2(sub + iva);
  const num = `F${d.getUTCFullYear()}-${pad(int(12, 480), 4)}`;
  const account = iban(
    'ES',
    `2100${pad(int(1000, 9999), 4)}${pad(int(10, 99))}${pad(int(0, 9999999999), 10)}`,
  );
  const metaStrip = rnd() < 0.5;
  const meta = metaStrip
    ? `<table class="meta"><tr><th>Nº Factura</th><th>Fecha de expedición</th><th>Fecha de vencimiento</th></tr><tr><td>${num}</td><td>${dmy(d)}</td><td>${dmy(due)}</td></tr></table>`
    : `<table class="meta2"><tr><td>Nº Factura${c}</td><td><b>${num}</b></td></tr><tr><td>Fecha de expedición${c}</td><td>${dmy(d)}</td></tr><tr><td>Fecha de vencimiento${c}</td><td>${dmy(due)}</td></tr></table>`;
  emit(
    'b-es-saas',
    `<div class="top"><div>${logo(sup.initials, accent)} <span class="trade">${sup.trade}</span></div><div class="ttl">FACTURA</div></div>
  ${metaStrip ? '' : meta}
  <div class="two"><div><div class="lbl">EMISOR</div><b>${sup.name}</b><br>${sup.addr}<br>NIF${c} ${sup.id}</div>
  <div><div class="lbl">CLIENTE</div><b>${cust.name}</b><br>${cust.addr}<br>CIF${c} ${cid}</div></div>
  ${metaStrip ? meta : ''}
  <table class="items"><tr><th style="text-align:left">CONCEPTO</th><th>PRECIO</th><th>UNIDADES</th><th>IVA</th><th>SUBTOTAL</th></tr>
  ${rows(ls, (l) => `<tr><td>${l.description}</td><td>${eu(l.unitPrice)} €</td><td>${l.quantity}</td><td>21 %</td><td>${eu(l.amount)} €</td></tr>`)}</table>
  <table class="tot"><tr><td>Base imponible</td><td>${eu(sub)} €</td></tr><tr><td>Cuota IVA 21 %</td><td>${eu(iva)} €</td></tr><tr class="big"><td>Importe TOTAL</td><td>${eu(tot)} €</td></tr></table>
  <div class="foot"><b>Forma de pago${c}</b> transferencia bancaria antes del ${dmy(due)}<br>IBAN ${account}<br><span>Documento emitido con software de facturación verificable. Página 1 de 1</span></div>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'EUR',
      supplierTaxId: sup.id,
      customerTaxId: cid,
      lines: ls,
    },
    `body{font-family:'Liberation Sans',sans-serif;font-size:10pt}
  .top{display:flex;justify-content:space-between;align-items:center}.trade{font-size:14pt;font-weight:bold;vertical-align:middle}
  .ttl{font-size:24pt;color:${accent};letter-spacing:3px}.lbl{color:${accent};font-size:8pt;font-weight:bold;letter-spacing:1px;margin-bottom:3px}
  .two{display:flex;gap:40px;margin-top:24px}.two>div{flex:1;line-height:1.45}
  .meta{width:100%;margin-top:22px;background:#f3f4f6}.meta th{font-size:8pt;color:#555;text-align:left;padding:6px 8px 0;font-weight:normal}.meta td{padding:2px 8px 8px;font-weight:bold}
  .meta2{margin:18px 0 0 auto}.meta2 td{padding:2px 6px}.meta2 td:first-child{color:#555}
  .items{width:100%;margin-top:26px}.items th{font-size:8pt;color:#555;border-bottom:2px solid ${accent};padding:6px 4px;text-align:right}
  .items td{padding:7px 4px;border-bottom:1px solid #e5e7eb;text-align:right}.items td:first-child{text-align:left}
  .tot{margin:18px 0 0 auto;width:45%}.tot td{padding:5px 4px}.tot td:last-child{text-align:right}.big td{font-size:13pt;font-weight:bold;color:${accent};border-top:2px solid ${accent}}
  .foot{margin-top:60px;font-size:8.5pt;color:#444;border-top:1px solid #ddd;padding-top:8px;line-height:1.5}.foot span{color:#888}`,
  );
}

// 2. Colombia, DIAN "factura electrónica de venta" with the number box split over three lines and ReteFuente withheld
function coFev(emit: Emit) {
  const d = date();
  const due = addDays(d, pick([30, 45, 60]));
  const pref = pick(['FEV', 'FE', 'TTA', 'FVE']);
  const num = `${pref}-${int(1000, 48000)}`;
  const nitE = nit(`900.${int(100, 999)}.${int(100, 999)}`);
  const nitC = nit(`${int(800, 899)}.${int(100, 999)}.${int(100, 999)}`);
  const cust = pick([
    { name: 'HILANDERÍAS DEL CAUCA S.A.S.', addr: 'Km 3 Vía Timbío, Bodega 2', city: 'Popayán, Cauca' },
    {
      name: 'CONFECCIONES LA ESTRELLA S.A.S.',
      addr: 'Calle 100 Sur # 50-25',
      city: 'La Estrella, Antioquia',
    },
    {
      name: 'TEJIDOS DEL ORIENTE S.A.',
      addr: 'Zona Franca Rionegro, Bodega 14',
      city: 'Rionegro, Antioquia',
    },
  ]);
  const { ls, codes } = drawCoded(
    [
      'REP-0412|Cuchilla para cortadora de tela Eastman',
      'SRV-001|Servicio técnico mantenimiento preventivo telar',
      'REP-1180|Rodamiento SKF 6308-2Z',
      'REP-2210|Motor de fileta 0,75 kW',
      'SRV-014|Calibración de tensores de urdimbre',
      'REP-3307|Banda transportadora PVC 3 m',
      'SRV-020|Transporte y montaje',
    ],
    int(1, 6),
    () => int(45, 3800) * 1000,
    (name) => (name.startsWith('SRV') ? 1 : int(1, 6)),
  );
  const sub = sum(ls);
  const iva = r2(sub * 0.19);
  const rate = pick([2.5, 4]);
  const rete = r2((sub * rate) / 100);
  // The invoice's total is the DIAN's PayableAmount, taxes included and withholdings not subtracted (as the
  // NFS-e truth of ../shared/real-invoices takes the gross value); the net after ReteFuente is printed below it.
  const tot = r2(sub + iva);
  const net = r2(tot - rete);
  const cufe = chars(96, '0123456789abcdef');
  const ymd = pick([iso, dmy]);
  const c = pick(['', ':']);
  const dates = `<table class="g"><tr><td>Fecha de generación${c}</td><td>${ymd(d)} ${time()}</td></tr><tr><td>Fecha de expedición${c}</td><td>${ymd(d)}</td></tr><tr><td>Fecha de vencimiento${c}</td><td>${ymd(due)}</td></tr><tr><td>Forma de pago${c}</td><td>Crédito ${Math.round((due.getTime() - d.getTime()) / 86400000)} días</td></tr><tr><td>Medio de pago${c}</td><td>Transferencia débito bancaria</td></tr></table>`;
  const buyer = `<table class="g"><tr><td>Adquiriente${c}</td><td><b>${cust.name}</b></td></tr><tr><td>NIT${c}</td><td>${nitC}</td></tr><tr><td>Dirección${c}</td><td>${cust.addr}</td></tr><tr><td>Ciudad${c}</td><td>${cust.city}</td></tr><tr><td>Correo${c}</td><td>facturas@proveedores.com.co</td></tr></table>`;
  const left = rnd() < 0.5;
  emit(
    'b-co-fev',
    `<table style="width:100%"><tr><td style="width:70px">${logo('TA', '#b45309', 16)}</td>
  <td style="font-size:8.5pt;line-height:1.35"><b style="font-size:12pt">TECNITEXTIL ANDINA S.A.S.</b><br>NIT ${nitE}<br>Responsable de IVA · Actividad económica 3312<br>Carrera 52 # 14-30, Bodega 7, Medellín, Antioquia<br>Tel. (604) 444 1234 · facturacion@tecnitextil.com.co</td>
  <td style="width:34%"><div class="box"><div>FACTURA ELECTRÓNICA</div><div class="n">${num}</div><div>DE VENTA No.</div></div></td></tr></table>
  <p class="small">Resolución de facturación DIAN No. 18764${int(100000000, 999999999)} del ${iso(addDays(d, -int(90, 400)))} · Prefijo ${pref} del 1 al 50000 · Vigencia 24 meses</p>
  <table style="width:100%;margin-top:6px"><tr><td class="panel">${left ? buyer : dates}</td><td style="width:8px"></td><td class="panel">${left ? dates : buyer}</td></tr></table>
  <table class="items"><tr><th>Ítem</th><th>Código</th><th>Descripción</th><th>U. Med</th><th>Cant.</th><th>Vr. Unitario</th><th>% IVA</th><th>Vr. Total</th></tr>
  ${rows(ls, (l, i) => `<tr><td>${i + 1}</td><td style="white-space:nowrap">${codes[i]}</td><td class="l">${l.description}</td><td>UND</td><td>${l.quantity}</td><td class="r">${co(l.unitPrice)}</td><td>19</td><td class="r">${co(l.amount)}</td></tr>`)}</table>
  <table style="width:100%;margin-top:8px"><tr><td style="vertical-align:top;font-size:8.5pt">Total ítems: ${ls.length}<br><br><b>SON:</b> ${spanishWords(Math.floor(net))} PESOS${cents(net) === '00' ? '' : ` CON ${cents(net)}/100`} M/CTE<br><br>Consignar en cuenta corriente Bancolombia No. 109-${int(100000, 999999)}-${int(10, 99)} a nombre de Tecnitextil Andina S.A.S.</td>
  <td style="width:44%"><table class="tot"><tr><td>Total bruto</td><td>$ ${co(sub)}</td></tr><tr><td>Descuentos</td><td>$ 0,00</td></tr><tr><td>IVA 19 %</td><td>$ ${co(iva)}</td></tr><tr class="big"><td>Total factura</td><td>$ ${co(tot)}</td></tr><tr><td>ReteFuente ${String(rate).replace('.', ',')} %</td><td>-$ ${co(rete)}</td></tr><tr><td>Neto a pagar</td><td>$ ${co(net)}</td></tr></table></td></tr></table>
  <table style="width:100%;margin-top:14px"><tr><td style="width:90px">${qr(3)}</td><td class="small"><span style="word-break:break-all">CUFE: ${cufe}</span><br><br>Representación gráfica de la factura electrónica de venta. Software propio · Proveedor tecnológico: Documentos Digitales S.A.S. NIT 901.145.002-6</td></tr></table>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'COP',
      supplierTaxId: nitE.replace(/\D/g, ''),
      customerTaxId: nitC.replace(/\D/g, ''),
      lines: ls,
    },
    `body{font-family:'DejaVu Sans',sans-serif;font-size:9pt}.small{font-size:7.5pt;color:#444}
  .box{border:2px solid #b45309;border-radius:6px;text-align:center;padding:6px;font-weight:bold;font-size:10pt;line-height:1.6}.box .n{font-size:13pt;color:#b45309}
  .panel{border:1px solid #999;border-radius:4px;padding:4px;vertical-align:top;width:50%}.g td{padding:1px 4px;font-size:8.5pt}.g td:first-child{color:#555;white-space:nowrap}
  .items{width:100%;margin-top:10px}.items th{background:#b45309;color:#fff;font-size:8pt;padding:4px;border:1px solid #b45309}.items td{border:1px solid #bbb;padding:4px;text-align:center}.items td.l{text-align:left}.items td.r{text-align:right}
  .tot{width:100%;border:1px solid #999}.tot td{padding:3px 6px}.tot td:last-child{text-align:right}.big td{font-weight:bold;background:#fde8d0;font-size:10.5pt}`,
  );
}

// 3. Germany, machinery maker: info table on the right, positions with article numbers
function deMaschinen(emit: Emit) {
  const d = date();
  const delivered = addDays(d, -int(1, 12));
  const c = pick(['', ':']);
  const sup = pick([
    {
      name: 'Hessler Textilmaschinenbau GmbH',
      street: 'Kettelerstraße 21',
      city: '63179 Obertshausen',
      initials: 'HT',
      court: 'Amtsgericht Offenbach HRB 41236',
      bank: 'Sparkasse Langen-Seligenstadt',
      blz: '50652124',
    },
    {
      name: 'Spulmaschinen Eckert GmbH & Co. KG',
      street: 'Am Lohgraben 7',
      city: '42859 Remscheid',
      initials: 'SE',
      court: 'Amtsgericht Wuppertal HRA 22871',
      bank: 'Stadtsparkasse Remscheid',
      blz: '34050000',
    },
  ]);
  const cust = pick([
    { name: 'Weberei Lindenau GmbH', street: 'Hofer Straße 88', city: '95028 Hof' },
    { name: 'Technische Textilien Ahaus GmbH', street: 'Industriestraße 5', city: '48683 Ahaus' },
    { name: 'Spinnerei Wendlingen AG', street: 'Neckarstraße 1', city: '73240 Wendlingen am Neckar' },
  ]);
  const vat = retry(() => valid(`DE${int(11000000, 99999999)}`));
  const custVat = rnd() < 0.5 ? retry(() => valid(`DE${int(11000000, 99999999)}`)) : null;
  const { ls, codes } = drawCoded(
    [
      'HT-2041-00|Riemenscheibe Ø 180 mm, gewuchtet',
      'HT-3310-12|Fadenführer Keramik, Satz à 10 Stück',
      'ZB-0071|Zahnriemen 25 AT 10 / 1500|60|190',
      'SV-7000|Servicetechniker, Arbeitsstunde|89|135',
      'HT-5120-01|Lochnadelbarre komplett, E 28',
      'EL-8821|Frequenzumrichter 7,5 kW',
      'HT-6002-04|Kurbelwellenlager komplett',
      'RK-0001|Reisekostenpauschale Zone 2|85|240',
    ],
    int(1, 6),
    () => between(35, 4200),
    (name) => (name.startsWith('SV') ? int(2, 16) / 2 : name.startsWith('RK') ? 1 : int(1, 6)),
  );
  const sub = sum(ls);
  const ust = r2(sub * 0.19);
  const tot = r2(sub + ust);
  const yy = String(d.getUTCFullYear()).slice(2);
  const num = pick([
    `RE${yy}${pad(int(1, 9999), 5)}`,
    `${d.getUTCFullYear()}-${int(10000, 19999)}`,
    `R-${int(400000, 499999)}`,
  ]);
  const qty = (q: number, c: string) => (c.startsWith('SV') ? `${eu(q)} Std.` : `${q} Stk.`);
  emit(
    'b-de-maschinen',
    `<div style="display:flex;justify-content:space-between;align-items:flex-start"><div>${logo(sup.initials, '#1e3a5f', 22)}</div><div class="r" style="font-size:9pt"><b style="font-size:13pt">${sup.name}</b><br>${sup.street} · ${sup.city}<br>Telefon +49 ${int(2000, 6999)} ${int(10000, 99999)}-0</div></div>
  <div style="display:flex;justify-content:space-between;margin-top:36px"><div><div class="sender">${sup.name} · ${sup.street} · ${sup.city}</div>${cust.name}<br>Wareneingang / Buchhaltung<br>${cust.street}<br>${cust.city}${custVat ? `<br><br><span style="font-size:8.5pt">Ihre USt-IdNr.: ${custVat}</span>` : ''}</div>
  <table class="info"><tr><td>Rechnungsnummer${c}</td><td><b>${num}</b></td></tr><tr><td>Rechnungsdatum${c}</td><td>${dmy(d, '.')}</td></tr><tr><td>Kundennummer${c}</td><td>${int(10000, 69999)}</td></tr><tr><td>Auftragsnummer${c}</td><td>AB-${yy}-${int(1000, 9999)}</td></tr><tr><td>Lieferdatum${c}</td><td>${dmy(delivered, '.')}</td></tr><tr><td>Seite${c}</td><td>1 von 1</td></tr></table></div>
  <h2 style="margin:34px 0 6px">Rechnung</h2><p>Sehr geehrte Damen und Herren,<br>wir danken für Ihren Auftrag und berechnen Ihnen folgende Lieferungen und Leistungen:</p>
  <table class="items"><tr><th>Pos.</th><th>Artikel-Nr.</th><th style="text-align:left">Bezeichnung</th><th>Menge</th><th>Einzelpreis</th><th>Gesamtpreis</th></tr>
  ${rows(ls, (l, i) => `<tr><td>${(i + 1) * 10}</td><td>${codes[i]}</td><td style="text-align:left">${l.description}</td><td>${qty(l.quantity, codes[i]!)}</td><td>${eu(l.unitPrice)} €</td><td>${eu(l.amount)} €</td></tr>`)}</table>
  <table class="tot"><tr><td>Nettobetrag</td><td>${eu(sub)} €</td></tr><tr><td>zzgl. 19 % MwSt.</td><td>${eu(ust)} €</td></tr><tr class="big"><td>Gesamtbetrag</td><td>${eu(tot)} €</td></tr></table>
  <p>Zahlungsbedingungen: 14 Tage 2 % Skonto, 30 Tage netto.<br>Es gelten unsere Allgemeinen Lieferbedingungen für Maschinen und Ersatzteile.</p>
  <table class="foot"><tr><td>${sup.name}<br>${sup.street}<br>${sup.city}</td><td>Sitz der Gesellschaft: ${sup.city.slice(6)}<br>${sup.court}<br>Geschäftsführer: Dipl.-Ing. Klaus ${pick(['Hessler', 'Eckert', 'Brandt'])}</td><td>USt-IdNr.: ${vat}<br>Steuernummer: 0${int(10, 99)}/${int(100, 999)}/${int(10000, 99999)}</td><td>${sup.bank}<br>IBAN ${iban('DE', `${sup.blz}${pad(int(0, 9999999999), 10)}`)}</td></tr></table>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'EUR',
      supplierTaxId: vat,
      customerTaxId: custVat,
      lines: ls,
    },
    `body{font-family:'Liberation Sans',sans-serif;font-size:10pt}.sender{font-size:7pt;border-bottom:1px solid #888;margin-bottom:6px;padding-bottom:1px}
  .info{font-size:9pt;border-left:3px solid #1e3a5f}.info td{padding:2px 8px}
  .items{width:100%}.items th{border-top:1.5px solid #000;border-bottom:1px solid #000;padding:4px;text-align:right;font-size:9pt}
  .items td{padding:5px 4px;text-align:right;vertical-align:top}.items td:nth-child(-n+3),.items th:nth-child(-n+3){text-align:left}
  .tot{margin:10px 0 0 auto;width:42%;border-top:1px solid #000}.tot td{padding:3px 4px}.tot td:last-child{text-align:right}.big td{font-weight:bold;border-top:1px solid #000;border-bottom:3px double #000}
  .foot{width:100%;margin-top:50px;font-size:7pt;color:#444;border-top:1px solid #1e3a5f}.foot td{vertical-align:top;padding-top:4px}`,
  );
}

// 4. France: facture with reference block, SIREN/SIRET and intra-community VAT number
function frFacture(emit: Emit) {
  const d = date();
  const terms = pick([
    { days: 30, text: '30 jours date de facture' },
    { days: 45, text: '45 jours date de facture' },
    { days: 60, text: '60 jours date de facture' },
  ]);
  const due = addDays(d, terms.days);
  const sup = pick([
    {
      name: 'Ateliers Mécaniques du Nord',
      initials: 'AMN',
      form: 'SAS au capital de 120 000 €',
      addr: '27 rue du Duc<br>59100 Roubaix',
      rcs: 'RCS Roubaix-Tourcoing',
    },
    {
      name: 'Tissage Services Vosges',
      initials: 'TSV',
      form: 'SARL au capital de 40 000 €',
      addr: '4 route de Remiremont<br>88200 Saint-Étienne-lès-Remiremont',
      rcs: 'RCS Épinal',
    },
  ]);
  const cust = pick([
    { name: 'Filature de la Lys SA', addr: '12 quai de la Lys<br>59560 Comines' },
    { name: 'Tissages de Charlieu SAS', addr: '8 rue Jean Morel<br>42190 Charlieu' },
    { name: 'Teinturerie de Tarare SARL', addr: 'ZI La Plaine<br>69170 Tarare' },
  ]);
  const siren = luhn(String(int(30000000, 89999999)));
  const siret = luhn(`${siren}000${int(1, 9)}`);
  const vat = frVat(siren);
  const custVat = rnd() < 0.5 ? frVat(luhn(String(int(30000000, 89999999)))) : null;
  const ruled = rnd() < 0.5;
  const { ls, codes } = drawCoded(
    [
      'MAN-01|Contrat de maintenance préventive – visite trimestrielle',
      'PR-2210|Peigne à tisser inox 80 dents/10 cm',
      'PR-1045|Lames de lisses (lot de 1000)',
      'MO-01|Main-d’œuvre technicien (heure)|58|85',
      'DEP-01|Frais de déplacement forfaitaires|45|180',
      'PR-3318|Courroie crantée HTD 8M-1200',
      'PR-0407|Casse-chaîne électrique complet',
    ],
    int(1, 5),
    () => between(25, 1600),
    (name) => (name.startsWith('DEP') || name.startsWith('MAN') ? 1 : int(1, 8)),
  );
  const sub = sum(ls);
  const tva = r2(sub * 0.2);
  const tot = r2(sub + tva);
  const num = pick([
    `FA${d.getUTCFullYear()}-${pad(int(1, 2400), 5)}`,
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}-${pad(int(1, 180), 3)}`,
  ]);
  const sp = (s: string) => s.replace(/(\d{3})(?=\d)/g, '$1 ');
  emit(
    'b-fr-facture',
    `<table style="width:100%"><tr><td style="vertical-align:top">${logo(sup.initials, '#7c2d12', 16)}<br><b style="font-size:13pt">${sup.name}</b><br>${sup.addr}<br>Tél. 03 ${int(20, 89)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}</td>
  <td style="width:46%;vertical-align:top"><div class="ttl">FACTURE</div><table class="ref"><tr><td>N° de facture</td><td><b>${num}</b></td></tr><tr><td>Date de facture</td><td>${dmy(d)}</td></tr><tr><td>Date d'échéance</td><td>${dmy(due)}</td></tr><tr><td>Code client</td><td>C${int(1000, 9999)}</td></tr><tr><td>Votre commande</td><td>${pick(['BC', 'CDE'])}-${int(10000, 99999)}</td></tr></table></td></tr></table>
  <div class="client"><i>Adresse de facturation</i><br><b>${cust.name}</b><br>${cust.addr}${custVat ? `<br>TVA : ${custVat}` : ''}</div>
  <table class="items ${ruled ? 'ruled' : ''}"><tr><th>Réf.</th><th style="text-align:left">Désignation</th><th>Qté</th><th>P.U. HT</th><th>Montant HT</th></tr>
  ${rows(ls, (l, i) => `<tr><td>${codes[i]}</td><td style="text-align:left">${l.description}</td><td>${l.quantity}</td><td>${fr(l.unitPrice)} €</td><td>${fr(l.amount)} €</td></tr>`)}</table>
  <table style="width:100%;margin-top:14px"><tr><td style="vertical-align:top;font-size:8.5pt">Conditions de paiement : ${terms.text}<br>Mode de règlement : virement bancaire<br>IBAN ${iban('FR', `${int(10000, 30000)}${pad(int(0, 99999), 5)}${pad(int(0, 99999999999), 11)}${pad(int(1, 97))}`)}</td>
  <td style="width:40%"><table class="tot"><tr><td>Total HT</td><td>${fr(sub)} €</td></tr><tr><td>TVA (20 %)</td><td>${fr(tva)} €</td></tr><tr><td>Total TTC</td><td>${fr(tot)} €</td></tr><tr class="big"><td>Net à payer</td><td>${fr(tot)} €</td></tr></table></td></tr></table>
  <p class="legal">En cas de retard de paiement, une pénalité égale à trois fois le taux d'intérêt légal sera exigible, ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 €. Pas d'escompte pour paiement anticipé.</p>
  <div class="foot">${sup.name} – ${sup.form} – SIREN ${sp(siren)} – SIRET ${sp(siren)} ${siret.slice(9)} – ${sup.rcs} – Code APE 3312Z<br>N° TVA intracommunautaire ${vat}</div>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'EUR',
      supplierTaxId: vat,
      customerTaxId: custVat,
      lines: ls,
    },
    `body{font-family:'DejaVu Serif',serif;font-size:9.5pt}.ttl{font-size:20pt;letter-spacing:4px;color:#7c2d12;margin-bottom:6px}
  .ref{width:100%;border:1px solid #7c2d12}.ref td{padding:3px 6px}.ref td:first-child{background:#fbeee6;width:45%}
  .client{margin:22px 0 0 54%;border:1px solid #999;padding:8px;line-height:1.4}
  .items{width:100%;margin-top:22px}.items th{background:#7c2d12;color:#fff;padding:5px;font-weight:normal;text-align:right}.items td{padding:5px;text-align:right}.items td:first-child,.items th:first-child{text-align:left}
  .items tr:nth-child(odd) td{background:#faf7f5}.items.ruled td,.items.ruled th{border:1px solid #999}
  .tot{width:100%}.tot td{padding:3px 6px;border-bottom:1px solid #ddd}.tot td:last-child{text-align:right}.big td{font-weight:bold;font-size:11pt;background:#7c2d12;color:#fff}
  .legal{font-size:7.5pt;color:#555;margin-top:24px}.foot{margin-top:30px;font-size:7.5pt;text-align:center;color:#333;border-top:1px solid #7c2d12;padding-top:4px}`,
  );
}

// 5. United Kingdom, machinery spare parts: tax point before the invoice date, part numbers
function ukSpares(emit: Emit) {
  const d = date();
  const taxPoint = addDays(d, -int(0, 6));
  const sup = pick([
    {
      name: 'Pennine Loom Spares Ltd',
      initials: 'PLS',
      addr: 'Unit 4, Spring Vale Works, Accrington Road, Burnley BB11 5QS',
      reg: `0${int(1000000, 9999999)}`,
    },
    {
      name: 'Holme Valley Textile Engineering Ltd',
      initials: 'HVTE',
      addr: 'Albion Mills, Woodhead Road, Holmfirth HD9 3TP',
      reg: `0${int(1000000, 9999999)}`,
    },
  ]);
  const cust = pick([
    'Calder Valley Weaving Co. Ltd<br>Mytholm Works<br>Hebden Bridge<br>West Yorkshire HX7 6DL',
    'Airedale Worsted Spinners Ltd<br>Dalton Lane<br>Keighley BD21 4JU',
    'Dunmore Carpets Ltd<br>Green Street<br>Kidderminster DY10 1HR',
  ]);
  const gb = retry(() => valid(`GB${int(10000000, 99999999)}`));
  const fmt = pick([
    (x: Date) => dmy(x),
    (x: Date) => `${pad(x.getUTCDate())} ${EN_MONTHS[x.getUTCMonth()]!.slice(0, 3)} ${x.getUTCFullYear()}`,
  ]);
  const vatCol = rnd() < 0.5;
  const { ls, codes } = drawCoded(
    [
      'PL-0461|Picking stick, ash, 28in',
      'PL-1180|Shuttle box swell spring',
      'SKF-6205-2RS|Deep groove ball bearing 25x52x15|6|18',
      'PL-2277|Heald frame side stay (pair)',
      'DW-165-11|Drop wires 165 x 11 x 0.3 (box of 1000)',
      'PL-3050|Let-off worm wheel, bronze',
      'PL-0910|Temple ring set, 14 rings',
      'CARR|Carriage and packing|9.5|48',
    ],
    int(1, 6),
    () => between(4, 620),
    (name) => (name.startsWith('CARR') ? 1 : int(1, 12)),
  );
  const sub = sum(ls);
  const vat = r2(sub * 0.2);
  const tot = r2(sub + vat);
  const num = String(int(30000, 89999));
  const gbPrinted = `GB ${gb.slice(2, 5)} ${gb.slice(5, 9)} ${gb.slice(9)}`;
  emit(
    'b-uk-spares',
    `<table style="width:100%"><tr><td style="vertical-align:top">${logo(sup.initials, '#14532d', 15)}<div style="margin-top:6px"><b style="font-size:14pt">${sup.name}</b><br>${sup.addr}<br>Tel 01282 ${int(100000, 999999)} · sales@${sup.name.split(' ')[0]!.toLowerCase()}spares.co.uk<br>VAT Reg No. ${gbPrinted}</div></td>
  <td style="width:40%;vertical-align:top"><div class="ttl">SALES INVOICE</div><table class="hdr"><tr><td>Invoice No.</td><td><b>${num}</b></td></tr><tr><td>Tax point</td><td>${fmt(taxPoint)}</td></tr><tr><td>Invoice Date</td><td>${fmt(d)}</td></tr><tr><td>Account No.</td><td>${pick(['CAL', 'AIR', 'DUN'])}${pad(int(1, 99), 3)}</td></tr><tr><td>Your Order No.</td><td>${int(10000, 99999)}</td></tr><tr><td>Despatch Note</td><td>DN${int(20000, 29999)}</td></tr></table></td></tr></table>
  <div style="margin-top:18px"><b>Invoice To:</b><div style="margin:4px 0 0 12px">${cust}</div></div>
  <table class="items"><tr><th style="text-align:left">Part No.</th><th style="text-align:left">Description</th><th>Qty</th><th>Unit Price</th>${vatCol ? '<th>VAT</th>' : ''}<th>Net</th></tr>
  ${rows(ls, (l, i) => `<tr><td class="pn">${codes[i]}</td><td style="text-align:left">${l.description}</td><td>${l.quantity}</td><td>${us(l.unitPrice)}</td>${vatCol ? '<td>S</td>' : ''}<td>${us(l.amount)}</td></tr>`)}</table>
  <table style="width:100%;margin-top:12px"><tr><td style="vertical-align:top;font-size:8.5pt">Terms: strictly 30 days from date of invoice.${vatCol ? '<br>VAT code S = standard rate 20%.' : ''}<br>Title to goods remains with ${sup.name} until paid in full.</td>
  <td style="width:38%"><table class="tot"><tr><td>Goods</td><td>${us(sub)}</td></tr><tr><td>VAT @ 20%</td><td>${us(vat)}</td></tr><tr class="big"><td>Invoice Total £</td><td>${us(tot)}</td></tr></table></td></tr></table>
  <div class="foot">Registered in England &amp; Wales No. ${sup.reg} · Registered office as above · VAT Reg No. ${gbPrinted}<br>Bank: Barclays Bank plc · Sort code 20-${int(10, 99)}-${int(10, 99)} · Account ${int(10000000, 99999999)} · Please quote the invoice number with your remittance</div>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'GBP',
      supplierTaxId: gb,
      customerTaxId: null,
      lines: ls,
    },
    `body{font-family:'Liberation Sans Narrow','Liberation Sans',sans-serif;font-size:10.5pt}.ttl{font-size:17pt;font-weight:bold;color:#14532d;text-align:right;margin-bottom:6px}
  .hdr{width:100%;border:1px solid #14532d}.hdr td{padding:3px 6px;border-bottom:1px solid #d1e7d6}.hdr td:first-child{font-weight:bold;color:#14532d}
  .items{width:100%;margin-top:18px;border:1px solid #14532d}.items th{background:#d1e7d6;padding:4px;text-align:right;border:1px solid #14532d}
  .items td{padding:4px;text-align:right;border-left:1px solid #14532d;border-right:1px solid #14532d}.items td.pn{text-align:left;font-family:'Liberation Mono',monospace;font-size:9pt}
  .tot{width:100%;border:1px solid #14532d}.tot td{padding:4px 6px}.tot td:last-child{text-align:right}.big td{font-weight:bold;border-top:2px solid #14532d;font-size:12pt}
  .foot{margin-top:50px;font-size:8pt;color:#333;border-top:1px solid #14532d;padding-top:4px;text-align:center}`,
  );
}

// 6. United States: QuickBooks-style product invoice, bill to / ship to side by side, balance due
function usInvoice(emit: Emit) {
  const d = date();
  const sup = {
    name: 'Carolina Loom Parts &amp; Service, Inc.',
    addr: '410 Old Buncombe Rd<br>Greenville, SC 29609',
  };
  const cust = pick([
    {
      bill: 'Piedmont Narrow Fabrics LLC<br>Accounts Payable<br>1200 Mill Creek Pkwy<br>Burlington, NC 27215',
      ship: 'Piedmont Narrow Fabrics LLC<br>Plant 2 – Receiving<br>88 Weave Shed Rd<br>Graham, NC 27253',
    },
    {
      bill: 'Blue Ridge Denim Mills, Inc.<br>PO Box 1187<br>Gaffney, SC 29342',
      ship: 'Blue Ridge Denim Mills, Inc.<br>Dock 4<br>301 Cherokee Ave<br>Gaffney, SC 29340',
    },
  ]);
  const ein = rnd() < 0.5 ? `57-${int(1000000, 9999999)}` : null;
  const rate = pick([6, 7, 7.5]);
  const { ls, codes } = drawCoded(
    [
      'Labor|Field service technician, loom overhaul (hours)|85|125',
      'BRG-6206|Bearing 6206-2RS, sealed|7|24',
      'BELT-HTD8|Timing belt HTD 8M x 1600 x 30',
      'SHTL-PCK|Rapier head pair, left/right',
      'SENS-WF|Weft feeler sensor assembly',
      'LUB-ISO68|Gear oil ISO 68, 5 gal pail',
      'Freight|Freight – UPS Ground|18|140',
    ],
    int(1, 6),
    () => between(12, 980),
    (name) => (name.startsWith('Freight') ? 1 : name.startsWith('Labor') ? int(2, 12) : int(1, 8)),
  );
  const sub = sum(ls);
  const tax = r2((sub * rate) / 100);
  const tot = r2(sub + tax);
  const num = String(int(1000, 9999));
  const mdy = (x: Date) => `${pad(x.getUTCMonth() + 1)}/${pad(x.getUTCDate())}/${x.getUTCFullYear()}`;
  emit(
    'b-us-invoice',
    `<table style="width:100%"><tr><td style="vertical-align:top"><b style="font-size:13pt">${sup.name}</b><br>${sup.addr}<br>(864) ${int(200, 999)}-${int(1000, 9999)}</td>
  <td style="width:36%;text-align:right;vertical-align:top"><div class="ttl">INVOICE</div><table class="box" style="margin-left:auto"><tr><th>DATE</th><th>INVOICE #</th></tr><tr><td>${mdy(d)}</td><td>${num}</td></tr></table></td></tr></table>
  <table style="width:100%;margin-top:16px"><tr><td class="addr"><div class="h">BILL TO</div>${cust.bill}</td><td style="width:30px"></td><td class="addr"><div class="h">SHIP TO</div>${cust.ship}</td></tr></table>
  <table class="box strip"><tr><th>P.O. NUMBER</th><th>TERMS</th><th>REP</th><th>SHIP DATE</th><th>VIA</th><th>F.O.B.</th></tr><tr><td>${int(40000, 49999)}</td><td>Net 30</td><td>${pick(['JTW', 'RLM', 'DKH'])}</td><td>${mdy(addDays(d, -int(0, 3)))}</td><td>${pick(['UPS Ground', 'Our truck', 'Estes LTL'])}</td><td>Greenville</td></tr></table>
  <table class="box items"><tr><th>ITEM</th><th>DESCRIPTION</th><th>QTY</th><th>RATE</th><th>AMOUNT</th></tr>
  ${rows(ls, (l, i) => `<tr><td>${codes[i]}</td><td class="l">${l.description}</td><td>${l.quantity}</td><td>${us(l.unitPrice)}</td><td>${us(l.amount)}</td></tr>`)}
  <tr class="fill"><td></td><td></td><td></td><td></td><td></td></tr></table>
  <table style="width:100%"><tr><td style="vertical-align:top;padding-top:10px;font-size:9pt">Thank you for your business.<br>Please make checks payable to Carolina Loom Parts &amp; Service, Inc.<br>ACH: First Citizens Bank · ABA 053100300 · Acct ${int(10000000, 99999999)}${ein ? `<br>Federal Tax ID (EIN): ${ein}` : ''}</td>
  <td style="width:40%"><table class="tot"><tr><td>SUBTOTAL</td><td>$${us(sub)}</td></tr><tr><td>SALES TAX (${rate.toFixed(2)}%)</td><td>$${us(tax)}</td></tr><tr class="big"><td>BALANCE DUE</td><td>$${us(tot)}</td></tr></table></td></tr></table>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'USD',
      supplierTaxId: ein ? ein.replace(/\D/g, '') : null,
      customerTaxId: null,
      lines: ls,
    },
    `body{font-family:'Liberation Serif',serif;font-size:10.5pt}.ttl{font-size:26pt;color:#1d4ed8;font-family:'Liberation Sans',sans-serif;font-weight:bold}
  .box th{border:1px solid #555;background:#e8eefc;font-size:8.5pt;padding:3px 8px;font-family:'Liberation Sans',sans-serif}.box td{border:1px solid #555;padding:4px 8px;text-align:center}
  .addr{border:1px solid #555;padding:6px;vertical-align:top;width:48%;line-height:1.35}.addr .h{font-family:'Liberation Sans',sans-serif;font-size:8.5pt;font-weight:bold;background:#e8eefc;margin:-6px -6px 6px;padding:3px 6px;border-bottom:1px solid #555}
  .strip{width:100%;margin-top:14px}.items{width:100%;margin-top:12px}.items td{border-top:none;border-bottom:none;text-align:right}.items td.l,.items td:first-child{text-align:left}.items tr.fill td{height:60px;border-bottom:1px solid #555}
  .tot{width:100%;margin-top:6px}.tot td{padding:4px 8px;font-family:'Liberation Sans',sans-serif;font-size:9.5pt}.tot td:last-child{text-align:right}.big td{font-weight:bold;font-size:12pt;border:2px solid #1d4ed8}`,
  );
}

// 7. Mexico, CFDI 4.0 printed representation: serie and folio, UUID, ISO emission datetime, amount in words
function mxCfdi(emit: Emit) {
  const d = date();
  const at = int(7 * 3600, 18 * 3600);
  const emitted = `${iso(d)}T${clock(at)}`;
  const certified = `${iso(d)}T${clock(at + int(4, 400))}`;
  const yymmdd = () => `${pad(int(80, 99))}${pad(int(1, 12))}${pad(int(1, 28))}`;
  const alnum = '123456789ABCDEFGHJKLMNPRSTUVWXYZ';
  const rfc = (letters: string) =>
    retry(() => valid(`${letters}${yymmdd()}${chars(2, alnum)}`, 'rfc', '', '0123456789A'));
  const rfcE = rfc('RTB');
  const cust = pick([
    { name: 'TEJIDOS Y ACABADOS DE PUEBLA', l: 'TAP', cp: '72000' },
    { name: 'HILADOS FINOS DE TLAXCALA', l: 'HFT', cp: '90000' },
    { name: 'MEZCLILLAS DE LA LAGUNA', l: 'MLA', cp: '27000' },
  ]);
  const rfcR = rfc(cust.l);
  const serie = pick(['A', 'B', 'FAC', 'RTB']);
  const folio = String(int(150, 9999));
  // Truth joins serie and folio without a separator ("B" + "2219" → "B2219"), as ../shared/real-invoices/mx-cfdi-*
  // do (nodecfdi's Serie "A" and Folio "167ABC" are "A167ABC" there); the page prints them apart ("B 2219").
  const num = `${serie}${folio}`;
  const uuid = `${chars(8, HEX)}-${chars(4, HEX)}-4${chars(3, HEX)}-${pick(['8', '9', 'A', 'B'])}${chars(3, HEX)}-${chars(12, HEX)}`;
  const { ls, codes } = drawCoded(
    [
      '40141700|Refacción: válvula neumática para máquina de tejido circular',
      '31171500|Rodamiento de bolas 6305-2RS|180|650',
      '81141600|Servicio de mantenimiento preventivo a telar de pinzas',
      '26101100|Motor eléctrico trifásico 2 HP',
      '31161500|Juego de tornillería inoxidable para plegadores',
      '78101800|Flete terrestre|900|4500',
    ],
    int(1, 5),
    () => between(350, 18000),
    (name) => (name.startsWith('78') || name.startsWith('81') ? 1 : int(1, 10)),
  );
  const sub = sum(ls);
  const iva = r2(sub * 0.16);
  const tot = r2(sub + iva);
  const ppd = rnd() < 0.5;
  const c = pick(['', ':']);
  emit(
    'b-mx-cfdi',
    `<table style="width:100%"><tr><td style="width:90px;vertical-align:top">${logo('RTB', '#0e7490', 14)}</td>
  <td style="vertical-align:top"><b style="font-size:11.5pt">REFACCIONES TEXTILES DEL BAJÍO</b><br>RFC${c} ${rfcE}<br>Régimen fiscal${c} 601 - General de Ley Personas Morales<br>Lugar de expedición${c} 37490</td>
  <td style="width:42%"><table class="fis"><tr><th colspan="2">FACTURA · CFDI 4.0</th></tr><tr><td>Serie y folio${c}</td><td><b>${serie} ${folio}</b></td></tr><tr><td>Folio fiscal${c}</td><td>${uuid}</td></tr><tr><td>Fecha de emisión${c}</td><td>${emitted}</td></tr><tr><td>Fecha de certificación${c}</td><td>${certified}</td></tr><tr><td>Tipo de comprobante${c}</td><td>I - Ingreso</td></tr><tr><td>No. certificado SAT${c}</td><td>${chars(20, '0123456789')}</td></tr></table></td></tr></table>
  <div class="rec"><b>Receptor</b><br>${cust.name}<br>RFC${c} ${rfcR} &nbsp;·&nbsp; Domicilio fiscal${c} ${cust.cp} &nbsp;·&nbsp; Régimen fiscal${c} 601 &nbsp;·&nbsp; Uso CFDI${c} ${pick(['G01 - Adquisición de mercancías', 'G03 - Gastos en general', 'I08 - Otra maquinaria y equipo'])}</div>
  <table class="items"><tr><th>Clave prod./serv.</th><th>Cantidad</th><th>Clave unidad</th><th>Descripción</th><th>Valor unitario</th><th>Importe</th><th>Objeto imp.</th></tr>
  ${rows(ls, (l, i) => `<tr><td>${codes[i]}</td><td>${l.quantity}</td><td>${codes[i]!.startsWith('7') || codes[i]!.startsWith('8') ? 'E48 - Unidad de servicio' : 'H87 - Pieza'}</td><td class="l">${l.description}</td><td>$${us(l.unitPrice)}</td><td>$${us(l.amount)}</td><td>02</td></tr>`)}</table>
  <table style="width:100%;margin-top:8px"><tr><td style="vertical-align:top;font-size:8pt">Moneda: MXN - Peso Mexicano · Exportación: 01 - No aplica<br>Forma de pago: ${ppd ? '99 - Por definir' : '03 - Transferencia electrónica de fondos'}<br>Método de pago: ${ppd ? 'PPD - Pago en parcialidades o diferido' : 'PUE - Pago en una sola exhibición'}<br><br><b>Importe con letra:</b> (${spanishWords(Math.floor(tot))} PESOS ${cents(tot)}/100 M.N.)</td>
  <td style="width:36%"><table class="tot"><tr><td>Subtotal</td><td>$${us(sub)}</td></tr><tr><td>IVA Trasladado 16 %</td><td>$${us(iva)}</td></tr><tr class="big"><td>Total</td><td>$${us(tot)}</td></tr></table></td></tr></table>
  <table style="width:100%;margin-top:10px"><tr><td style="width:95px;vertical-align:top">${qr(3.4)}</td><td class="seal"><b>Sello digital del CFDI:</b><br>${chars(344, B64)}<br><b>Sello digital del SAT:</b><br>${chars(344, B64)}<br><b>Cadena original del complemento de certificación digital del SAT:</b><br>||1.1|${uuid}|${certified}|SAT970701NN3|${chars(120, B64)}|00001000000${chars(9, '0123456789')}||</td></tr></table>
  <p style="text-align:center;font-size:7.5pt">Este documento es una representación impresa de un CFDI</p>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'MXN',
      supplierTaxId: rfcE,
      customerTaxId: rfcR,
      lines: ls,
    },
    `body{font-family:'DejaVu Sans',sans-serif;font-size:8.5pt}
  .fis{width:100%;border:1px solid #0e7490;font-size:7.5pt}.fis th{background:#0e7490;color:#fff;padding:3px}.fis td{padding:1px 4px}.fis td:first-child{color:#0e7490;white-space:nowrap}
  .rec{border:1px solid #0e7490;border-radius:4px;padding:5px;margin-top:10px}
  .items{width:100%;margin-top:10px}.items th{background:#0e7490;color:#fff;font-size:7.5pt;padding:3px}.items td{border-bottom:1px solid #cde;padding:4px 3px;text-align:right;font-size:8pt}.items td.l{text-align:left}.items td:first-child{text-align:center}
  .tot{width:100%}.tot td{padding:2px 6px}.tot td:last-child{text-align:right}.big td{font-weight:bold;font-size:10.5pt;border-top:1.5px solid #0e7490}
  .seal{font-size:6pt;word-break:break-all;vertical-align:top;font-family:'DejaVu Sans Mono',monospace}`,
  );
}

// 8. Argentina, "Factura B" in the style of AFIP's online invoices: letter box, punto de venta and comprobante number
function arFacturaB(emit: Emit) {
  const d = date();
  const pv = int(1, 12);
  const nro = int(100, 25000);
  const num = `${pad(pv, 5)}-${pad(nro, 8)}`; // as ../shared/real-invoices/afip-ar/truth.json writes them
  const supId = retry(() => cuit(`30${int(50000000, 71999999)}`));
  const monotributo = rnd() < 0.6;
  const custId = monotributo ? retry(() => cuit(`${pick(['20', '27'])}${int(14000000, 44999999)}`)) : null;
  const dashed = rnd() < 0.5;
  const cuitText = (id: string) => (dashed ? `${id.slice(0, 2)}-${id.slice(2, 10)}-${id.slice(10)}` : id);
  const thousands = rnd() < 0.5;
  const ar = (x: number) => (thousands ? eu(x) : x.toFixed(2).replace('.', ','));
  const ls = draw(
    [
      'Aguja para overlock Organ DCx27 (caja x 100)',
      'Correa dentada para máquina recta',
      'Servicio técnico a domicilio',
      'Prensatela de teflón',
      'Placa de aguja máquina collareta',
      'Motor servo 550 W ahorrador',
      'Lanzadera rotativa completa',
    ],
    int(1, 6),
    () => between(3500, 180000),
  );
  const tot = sum(ls);
  const cae = `7${chars(13, '0123456789')}`;
  emit(
    'b-ar-factura-b',
    `<div class="orig">ORIGINAL</div>
  <table class="hdr"><tr><td class="half"><div style="font-size:13pt;font-weight:bold;margin:6px 0 10px">${logo('RS', '#1e40af', 12)} REPUESTOS SARMIENTO</div><b>Razón Social:</b> Repuestos Textiles Sarmiento S.R.L.<br><b>Domicilio Comercial:</b> Av. Gral. Paz 4580 - Villa Lynch, Buenos Aires<br><b>Condición frente al IVA:</b> IVA Responsable Inscripto</td>
  <td class="letter"><div class="b">B</div><div style="font-size:7pt">COD. 006</div></td>
  <td class="half"><div style="font-size:17pt;font-weight:bold;margin:4px 0 8px 30px">FACTURA</div><b>Punto de Venta: ${pad(pv, 5)} &nbsp; Comp. Nro: ${pad(nro, 8)}</b><br><b>Fecha de Emisión: ${dmy(d)}</b><br><br><b>CUIT:</b> ${cuitText(supId)}<br><b>Ingresos Brutos:</b> ${cuitText(supId)}<br><b>Fecha de Inicio de Actividades:</b> 01/0${int(1, 9)}/20${int(10, 19)}</td></tr></table>
  <div class="band"><b>Período Facturado Desde:</b> ${dmy(d)} &nbsp; <b>Hasta:</b> ${dmy(d)} &nbsp; <b>Fecha de Vto. para el pago:</b> ${dmy(addDays(d, 10))}</div>
  <div class="band"><b>${custId ? 'CUIT' : 'DNI'}:</b> ${custId ? cuitText(custId) : ''} &nbsp; <b>Apellido y Nombre / Razón Social:</b> ${custId ? pick(['Taller Textil Flores de Gómez Silvia', 'Confecciones Liniers de Ruiz Marcelo', 'Tejidos Avellaneda de Paz Laura']) : 'Consumidor Final'}<br><b>Condición frente al IVA:</b> ${custId ? 'Responsable Monotributo' : 'Consumidor Final'} &nbsp; <b>Domicilio:</b> ${custId ? pick(['Av. Avellaneda 2850 - Flores, CABA', 'Rivadavia 11200 - Liniers, CABA']) : '-'}<br><b>Condición de venta:</b> ${pick(['Contado', 'Cuenta Corriente', 'Otra'])}</div>
  <table class="items"><tr><th>Código</th><th>Producto / Servicio</th><th>Cantidad</th><th>U. Medida</th><th>Precio Unit.</th><th>% Bonif</th><th>Imp. Bonif.</th><th>Subtotal</th></tr>
  ${rows(ls, (l, i) => `<tr><td>${pad(i + 1, 3)}</td><td class="l">${l.description}</td><td>${l.quantity},00</td><td>unidades</td><td>${ar(l.unitPrice)}</td><td>0,00</td><td>0,00</td><td>${ar(l.amount)}</td></tr>`)}</table>
  <div class="totals"><table style="margin-left:auto"><tr><td>Subtotal: $</td><td>${ar(tot)}</td></tr><tr><td>Importe Otros Tributos: $</td><td>0,00</td></tr><tr><td><b>Importe Total: $</b></td><td><b>${ar(tot)}</b></td></tr></table></div>
  <table style="width:100%;margin-top:12px"><tr><td style="width:100px">${qr(3.6)}</td><td style="vertical-align:top"><b>Comprobante Autorizado</b><br><span style="font-size:7.5pt">Esta Agencia no se responsabiliza por los datos ingresados en el detalle de la operación</span></td>
  <td class="r" style="vertical-align:top"><b>CAE N°:</b> ${cae}<br><b>Fecha de Vto. de CAE:</b> ${dmy(addDays(d, 10))}</td></tr></table>
  <p style="font-size:8pt">Transferencias: Banco de la Nación Argentina · CBU 0110${chars(18, '0123456789')} · Alias SARMIENTO.REPUESTOS</p>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'ARS',
      supplierTaxId: supId,
      customerTaxId: custId,
      lines: ls,
    },
    `body{font-family:'Liberation Sans',sans-serif;font-size:9pt}.orig{border:1px solid #000;text-align:center;font-weight:bold;font-size:12pt;padding:3px}
  .hdr{width:100%;border:1px solid #000;border-top:none}.half{width:47%;vertical-align:top;padding:6px;line-height:1.5}
  .letter{width:6%;vertical-align:top;text-align:center;border:1px solid #000;border-top:none;background:#fff}.letter .b{font-size:26pt;font-weight:bold;line-height:1.1}
  .band{border:1px solid #000;border-top:none;padding:5px;line-height:1.6}
  .items{width:100%;margin-top:6px}.items th{background:#ccc;border:1px solid #000;font-size:8pt;padding:3px}.items td{padding:3px;text-align:right}.items td.l{text-align:left}
  .totals{border:1px solid #000;padding:6px;margin-top:120px}.totals td{padding:2px 6px;text-align:right;font-size:10pt}`,
  );
}

// 9. Brazil, NFS-e (service invoice) of a municipality: prestador and tomador blocks, ISS and Valor Líquido
function brNfse(emit: Emit) {
  const d = date();
  const num = pad(int(1, 4800), 8);
  const city = pick([
    { name: 'BLUMENAU', uf: 'SC', addr: 'Rua São Paulo, 2150 - Itoupava Seca', cep: '89030-000' },
    { name: 'AMERICANA', uf: 'SP', addr: 'Av. Brasil, 1800 - Jardim Ipiranga', cep: '13468-000' },
  ]);
  const taker = pick([
    { name: 'MALHARIA VALE DO ITAJAÍ S.A.', addr: 'Rodovia Antônio Heil, 4500 - Brusque/SC' },
    { name: 'TECELAGEM SANTA BÁRBARA LTDA', addr: "Rua Dom Pedro II, 980 - Santa Bárbara d'Oeste/SP" },
    { name: 'FIAÇÃO NOVA AMERICANA LTDA', addr: 'Av. de Cillo, 3200 - Americana/SP' },
  ]);
  const fmtCnpj = (s: string) =>
    `${s.slice(0, 2)}.${s.slice(2, 5)}.${s.slice(5, 8)}/${s.slice(8, 12)}-${s.slice(12)}`;
  const supId = cnpj(`${pad(int(10000000, 49999999), 8)}0001`);
  const custId = cnpj(`${pad(int(50000000, 99999999), 8)}000${int(1, 4)}`);
  const ls = draw(
    [
      'Manutenção corretiva em tear de jato de ar',
      'Revisão geral de máquina circular de malharia',
      'Hora técnica de mecânico especializado|120|220',
      'Alinhamento e balanceamento de cilindros',
      'Calibração de sensores de trama',
      'Deslocamento técnico|80|450',
    ],
    int(1, 4),
    () => between(90, 3800),
    (name) => (name.startsWith('Deslocamento') ? 1 : int(1, 6)),
  );
  const serv = sum(ls);
  const aliq = pick([2, 3, 5]);
  const iss = r2((serv * aliq) / 100);
  const retido = rnd() < 0.5;
  const ir = retido ? r2(serv * 0.015) : 0;
  const pisCofinsCsll = retido ? r2(serv * 0.0465) : 0;
  const liquido = r2(serv - (retido ? iss : 0) - ir - pisCofinsCsll);
  const br = eu;
  const cell = (label: string, value: string) => `<td><div class="lb">${label}</div>${value}</td>`;
  emit(
    'b-br-nfse',
    `<table class="frame"><tr><td style="width:80px;text-align:center">${logo('PM', '#166534', 14)}</td>
  <td style="text-align:center"><b>PREFEITURA MUNICIPAL DE ${city.name}</b><br>SECRETARIA MUNICIPAL DA FAZENDA<br><b style="font-size:12pt">NOTA FISCAL DE SERVIÇOS ELETRÔNICA - NFS-e</b></td>
  <td style="width:30%;padding:0"><table class="nums"><tr>${cell('Número da Nota', `<b style="font-size:12pt">${num}</b>`)}</tr><tr>${cell('Data e Hora de Emissão', `${dmy(d)} ${time()}`)}</tr><tr>${cell('Código de Verificação', `${chars(4, HEX)}-${chars(4, HEX)}`)}</tr></table></td></tr></table>
  <div class="sec">PRESTADOR DE SERVIÇOS</div>
  <div class="blk">CPF/CNPJ: <b>${fmtCnpj(supId)}</b> &nbsp; Inscrição Municipal: ${int(100000, 999999)}<br>Nome/Razão Social: <b>TECNOTÊXTIL MANUTENÇÃO INDUSTRIAL LTDA</b><br>Endereço: ${city.addr} - CEP ${city.cep}<br>Município: ${city.name[0]}${city.name.slice(1).toLowerCase()} &nbsp; UF: ${city.uf} &nbsp; E-mail: contato@tecnotextil.com.br</div>
  <div class="sec">TOMADOR DE SERVIÇOS</div>
  <div class="blk">CPF/CNPJ: <b>${fmtCnpj(custId)}</b> &nbsp; Inscrição Municipal: ${int(100000, 999999)}<br>Nome/Razão Social: <b>${taker.name}</b><br>Endereço: ${taker.addr}</div>
  <div class="sec">DISCRIMINAÇÃO DOS SERVIÇOS</div>
  <table class="items"><tr><th style="text-align:left">Descrição</th><th>Qtde</th><th>Valor Unitário (R$)</th><th>Valor Total (R$)</th></tr>
  ${rows(ls, (l) => `<tr><td style="text-align:left">${l.description}</td><td>${l.quantity}</td><td>${br(l.unitPrice)}</td><td>${br(l.amount)}</td></tr>`)}</table>
  <div class="blk" style="font-size:8pt">Pedido de compra nº ${int(4500000, 4599999)}. Serviços executados nas dependências do tomador.</div>
  <div class="vt">VALOR TOTAL DO SERVIÇO = R$ ${br(serv)}</div>
  <table class="grid"><tr>${cell('INSS (R$)', '0,00')}${cell('IRRF (R$)', br(ir))}${cell('CSLL (R$)', br(retido ? r2(serv * 0.01) : 0))}${cell('COFINS (R$)', br(retido ? r2(serv * 0.03) : 0))}${cell('PIS/PASEP (R$)', br(retido ? r2(pisCofinsCsll - r2(serv * 0.01) - r2(serv * 0.03)) : 0))}</tr></table>
  <div class="blk" style="font-size:8pt">Código do Serviço: 14.01 - Lubrificação, limpeza, revisão, conserto, manutenção e conservação de máquinas, equipamentos e quaisquer objetos</div>
  <table class="grid"><tr>${cell('Valor dos Serviços (R$)', br(serv))}${cell('Deduções (R$)', '0,00')}${cell('Base de Cálculo (R$)', br(serv))}${cell('Alíquota (%)', br(aliq))}${cell('Valor do ISS (R$)', br(iss))}${cell('ISS Retido', retido ? 'Sim' : 'Não')}${cell('Valor Líquido da Nota (R$)', `<b>${br(liquido)}</b>`)}</tr></table>
  <div class="sec">OUTRAS INFORMAÇÕES</div><div class="blk" style="font-size:8pt">Documento emitido por ME ou EPP optante pelo Simples Nacional: Não. Pagamento via PIX ou depósito: Banco do Brasil, Ag. ${int(1000, 9999)}-${int(0, 9)}, C/C ${int(10000, 99999)}-${int(0, 9)}.</div>`,
    {
      // total is the gross service value (Valor dos Serviços), as ../shared/real-invoices/br-nfse writes it
      number: num,
      issueDate: iso(d),
      total: serv,
      currency: 'BRL',
      supplierTaxId: supId,
      customerTaxId: custId,
      lines: ls,
    },
    `body{font-family:'DejaVu Sans',sans-serif;font-size:8.5pt}.frame{width:100%;border:1px solid #000}.frame td{vertical-align:middle;padding:4px}
  .nums{width:100%;height:100%}.nums td{border-left:1px solid #000;border-bottom:1px solid #000;padding:3px 5px}.nums tr:last-child td{border-bottom:none}
  .lb{font-size:6.5pt;color:#333}.sec{background:#dcfce7;border:1px solid #000;border-top:none;text-align:center;font-weight:bold;padding:2px;font-size:8pt}
  .blk{border:1px solid #000;border-top:none;padding:5px;line-height:1.55}.items{width:100%;border:1px solid #000;border-top:none}.items th{font-size:7.5pt;border-bottom:1px solid #000;padding:3px;text-align:right}.items td{padding:3px 5px;text-align:right}
  .vt{border:1px solid #000;border-top:none;text-align:center;font-weight:bold;font-size:11pt;padding:5px}
  .grid{width:100%;border:1px solid #000;border-top:none}.grid td{border-right:1px solid #000;padding:3px 5px;vertical-align:top}.grid td:last-child{border-right:none}`,
  );
}

// 10. Italy, courtesy copy of a FatturaPA: cedente/cessionario boxes, "Fattura n. … del …" on one line
function itFattura(emit: Emit) {
  const d = date();
  const c = pick(['', ':']);
  const piva = retry(() => valid(`IT0${int(100000000, 999999999)}`));
  const custPiva = retry(() => valid(`IT0${int(100000000, 999999999)}`));
  const cust = pick([
    { name: 'Lanificio Val di Bisenzio S.p.A.', addr: 'Via di Cantagallo 112, 59025 Cantagallo (PO)' },
    { name: 'Tessitura Serica Comasca S.r.l.', addr: 'Via Per Cernobbio 21, 22100 Como (CO)' },
    { name: 'Filatura del Biellese S.p.A.', addr: 'Strada Trossi 40, 13871 Verrone (BI)' },
  ]);
  const withCodes = rnd() < 0.5;
  const { ls, codes } = drawCoded(
    [
      'RIC-1021|Pettine per telaio a pinza, 1900 mm',
      'RIC-0877|Cinghia dentata HTD 1440-8M-30',
      'MAN-001|Intervento tecnico di manutenzione straordinaria',
      'RIC-2310|Guidafilo ceramico (conf. 20 pz)',
      'TRS-001|Spese di trasporto|25|160',
      'RIC-0450|Cuscinetto a rulli conici 32210',
      'RIC-3399|Scheda elettronica controllo trama',
    ],
    int(1, 6),
    () => between(18, 2600),
    (name) => (name.startsWith('TRS') || name.startsWith('MAN') ? 1 : int(1, 6)),
  );
  const sub = sum(ls);
  const iva = r2(sub * 0.22);
  const tot = r2(sub + iva);
  const num = `${int(12, 690)}/${d.getUTCFullYear()}`;
  const box = (title: string, name: string, addr: string, id: string, extra: string) =>
    `<td class="party"><div class="pt">${title}</div><b>${name}</b><br>${addr}<br>Partita IVA${c} ${id}<br>Codice Fiscale${c} ${id.slice(2)}<br>${extra}</td>`;
  emit(
    'b-it-fattura',
    `<div class="band">${logo('OMT', '#fff', 13, '#7f1d1d')} &nbsp; <b>Officine Meccaniche Tessili Pratesi S.r.l.</b></div>
  <table style="width:100%;margin-top:12px;border-spacing:10px 0;border-collapse:separate"><tr>${box('Cedente / Prestatore', 'Officine Meccaniche Tessili Pratesi S.r.l.', 'Via Galcianese 66, 59100 Prato (PO)', piva, `REA PO-${int(400000, 599999)} · Capitale sociale € 100.000 i.v.`)}
  ${box('Cessionario / Committente', cust.name, cust.addr, custPiva, `Codice destinatario${c} ${chars(7, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}`)}</tr></table>
  <p class="doc">Tipo documento TD01 &nbsp;·&nbsp; <b>Fattura n. ${num} del ${dmy(d)}</b></p>
  <table class="items"><tr>${withCodes ? '<th>Cod. articolo</th>' : ''}<th style="text-align:left">Descrizione</th><th>Q.tà</th><th>Prezzo unitario</th><th>Importo</th><th>IVA</th></tr>
  ${rows(ls, (l, i) => `<tr>${withCodes ? `<td>${codes[i]}</td>` : ''}<td style="text-align:left">${l.description}</td><td>${eu(l.quantity)}</td><td>${eu(l.unitPrice)}</td><td>${eu(l.amount)}</td><td>22%</td></tr>`)}</table>
  <table class="riep"><tr><th>Aliquota IVA</th><th>Imponibile</th><th>Imposta</th><th>Esigibilità</th></tr><tr><td>22,00%</td><td>${eu(sub)}</td><td>${eu(iva)}</td><td>I - immediata</td></tr></table>
  <table class="tot"><tr><td>Imponibile</td><td>€ ${eu(sub)}</td></tr><tr><td>IVA 22%</td><td>€ ${eu(iva)}</td></tr><tr class="big"><td>Totale documento</td><td>€ ${eu(tot)}</td></tr></table>
  <table class="pay"><tr><th>Modalità pagamento</th><th>IBAN</th><th>Scadenza</th><th>Importo</th></tr><tr><td>MP05 Bonifico</td><td>${iban('IT', `X0${pad(int(3000, 8999), 4)}${pad(int(10000, 99999), 5)}${pad(int(0, 999999999999), 12)}`)}</td><td>${dmy(addDays(d, pick([30, 60, 90])))}</td><td>€ ${eu(tot)}</td></tr></table>
  <p style="font-size:7.5pt;color:#555;margin-top:20px">Copia di cortesia priva di valore fiscale. L'originale è disponibile nell'area riservata del sito dell'Agenzia delle Entrate.</p>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'EUR',
      supplierTaxId: piva,
      customerTaxId: custPiva,
      lines: ls,
    },
    `body{font-family:'Liberation Serif',serif;font-size:10pt}.band{background:#7f1d1d;color:#fff;padding:8px 12px;font-size:14pt}
  .party{border:1px solid #7f1d1d;padding:8px;width:50%;vertical-align:top;line-height:1.45}.pt{font-size:8pt;text-transform:uppercase;color:#7f1d1d;letter-spacing:1px;margin-bottom:3px}
  .doc{font-size:12pt;margin:18px 0 8px;border-bottom:1px solid #7f1d1d;padding-bottom:4px}
  .items{width:100%}.items th{border-bottom:1.5px solid #7f1d1d;padding:4px;text-align:right}.items td{padding:5px 4px;text-align:right;border-bottom:1px dotted #bbb}.items td:first-child,.items th:first-child{text-align:left}
  .riep{width:60%;margin-top:16px;font-size:9pt}.riep th,.riep td{border:1px solid #999;padding:3px;text-align:right}
  .tot{margin:10px 0 0 auto;width:40%}.tot td{padding:3px}.tot td:last-child{text-align:right}.big td{font-weight:bold;font-size:12pt;border-top:2px solid #7f1d1d}
  .pay{width:100%;margin-top:16px;font-size:8.5pt}.pay th{background:#f3e8e8;padding:3px;text-align:left}.pay td{padding:3px;border-bottom:1px solid #ddd}`,
  );
}

// 11. Netherlands, Dutch with English: factuurnummer, vervaldatum, btw and KvK, totals excl./incl. btw
function nlFactuur(emit: Emit) {
  const d = date();
  const due = addDays(d, pick([14, 30]));
  const btw = retry(() => nlVat(int(10000000, 99999999)));
  const custBtw = rnd() < 0.5 ? retry(() => nlVat(int(10000000, 99999999))) : null;
  const cust = pick([
    'Weverij De Hoop B.V.<br>t.a.v. crediteurenadministratie<br>Ringbaan-Oost 240<br>5013 CE Tilburg',
    'Twentsche Kleurderij B.V.<br>Boekelosestraat 12<br>7554 RS Hengelo',
    'Brabantse Tapijtweverij B.V.<br>Industrieweg 9<br>5531 AD Bladel',
  ]);
  const { ls, codes } = drawCoded(
    [
      'SRV-01|Onderhoud luchtweefmachine / Air-jet loom service',
      'SRV-02|Arbeidsuren monteur / Technician hours|65|95',
      'ONS-7781|Hoofdstraalpijp / Main nozzle',
      'ONS-3320|Rietreiniging / Reed cleaning',
      'ONS-0456|Lagerset kettingboom / Warp beam bearing set',
      'VRK-01|Voorrijkosten / Call-out charge|45|95',
      'ONS-9012|Schaftenset / Heald frame set',
    ],
    int(1, 5),
    () => between(20, 1900),
    (name) => (name.startsWith('SRV-02') ? int(2, 16) / 2 : name.startsWith('VRK') ? 1 : int(1, 5)),
  );
  const sub = sum(ls);
  const vat = r2(sub * 0.21);
  const tot = r2(sub + vat);
  const num = pick([
    `INV-${d.getUTCFullYear()}-${pad(int(1, 999), 4)}`,
    `F${String(d.getUTCFullYear()).slice(2)}${pad(int(1, 9999), 4)}`,
  ]);
  const metaLeft = rnd() < 0.5;
  const meta = `<table class="meta"><tr><td>Factuurnummer <i>/ Invoice no.</i></td><td><b>${num}</b></td></tr><tr><td>Factuurdatum <i>/ Invoice date</i></td><td>${dmy(d, '-')}</td></tr><tr><td>Vervaldatum <i>/ Due date</i></td><td>${dmy(due, '-')}</td></tr><tr><td>Klantnummer <i>/ Customer no.</i></td><td>${int(20000, 29999)}</td></tr></table>`;
  const to = `<div class="to">${cust}${custBtw ? `<br>BTW-nummer: ${custBtw}` : ''}</div>`;
  emit(
    'b-nl-factuur',
    `<div style="display:flex;justify-content:space-between;align-items:center">${logo('TTM', '#ea580c', 20)}<div class="r" style="font-size:9pt">Twentse Textielmachines B.V.<br>Hengelosestraat 705<br>7521 PA Enschede<br>+31 53 ${int(400, 499)} ${int(1000, 9999)}</div></div>
  <h1 style="font-size:22pt;margin:28px 0 14px;color:#ea580c">Factuur <span style="color:#999;font-size:14pt">/ Invoice</span></h1>
  <div style="display:flex;justify-content:space-between">${metaLeft ? meta + to : to + meta}</div>
  <table class="items"><tr><th>Code</th><th style="text-align:left">Omschrijving / Description</th><th>Aantal / Qty</th><th>Prijs / Price</th><th>Bedrag / Amount</th></tr>
  ${rows(ls, (l, i) => `<tr><td>${codes[i]}</td><td style="text-align:left">${l.description}</td><td>${eu(l.quantity)}</td><td>€ ${eu(l.unitPrice)}</td><td>€ ${eu(l.amount)}</td></tr>`)}</table>
  <table class="tot"><tr><td>Totaal excl. btw</td><td>€ ${eu(sub)}</td></tr><tr><td>Btw 21%</td><td>€ ${eu(vat)}</td></tr><tr><td>Totaal incl. btw</td><td>€ ${eu(tot)}</td></tr><tr class="big"><td>Te betalen / Amount due</td><td>€ ${eu(tot)}</td></tr></table>
  <p style="margin-top:26px">Gelieve het bedrag vóór ${dmy(due, '-')} over te maken onder vermelding van het factuurnummer.<br><i>Please pay before the due date quoting the invoice number.</i></p>
  <table class="foot"><tr><td>Twentse Textielmachines B.V.<br>KvK ${int(10000000, 99999999)}</td><td>BTW-nummer ${btw}</td><td>IBAN ${iban('NL', `RABO0${int(100000000, 399999999)}`)}<br>BIC RABONL2U</td></tr></table>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'EUR',
      supplierTaxId: btw,
      customerTaxId: custBtw,
      lines: ls,
    },
    `body{font-family:'Liberation Sans',sans-serif;font-size:10pt}.meta td{padding:2px 8px 2px 0}.meta i{color:#888;font-size:8.5pt}.to{line-height:1.45}
  .items{width:100%;margin-top:30px}.items th{font-size:8.5pt;padding:5px;text-align:right;color:#ea580c;border-bottom:2px solid #ea580c}.items td{padding:6px 5px;text-align:right}.items td:first-child,.items th:first-child{text-align:left}
  .items tr:nth-child(even) td{background:#fff4ec}.tot{margin:16px 0 0 auto;width:46%}.tot td{padding:3px 5px}.tot td:last-child{text-align:right}.big td{font-weight:bold;font-size:12pt;border-top:2px solid #ea580c}
  .foot{width:100%;margin-top:60px;font-size:8pt;color:#555;border-top:1px solid #ccc}.foot td{padding-top:4px;vertical-align:top}`,
  );
}

// 12. Two pages: an exporter's commercial invoice whose 30 to 45 item rows run onto page 2 under a repeated header
function cnExport(emit: Emit) {
  const d = date();
  // prefix, kind, HS code, unit price range (USD), usual order quantities, variants
  const families: [string, string, string, number, number, number[], string[]][] = [
    [
      'KN',
      'Knitting needle',
      '8448.51',
      0.18,
      0.9,
      [500, 1000, 2000],
      ['VO 71.52 G05', 'VO 74.41 G01', 'SAN 116.60'],
    ],
    [
      'SK',
      'Sinker',
      '8448.51',
      0.12,
      0.6,
      [500, 1000, 3000],
      ['KM 98.24 E18', 'KM 102.36 E28', 'SS 55.05 E24'],
    ],
    [
      'CM',
      'Cam',
      '8448.59',
      6,
      38,
      [10, 20, 48],
      ['knit cam 32G', 'tuck cam 28G', 'miss cam 24G', 'stitch cam'],
    ],
    ['YF', 'Yarn feeder', '8448.59', 38, 160, [2, 4, 6, 12], ['positive storage', 'elastane', 'tape feeder']],
    ['BT', 'Timing belt', '4010.39', 4.5, 28, [5, 10, 20], ['HTD 8M-1200-30', 'T10-1460-25', 'AT5-600-16']],
    [
      'BR',
      'Bearing',
      '8482.10',
      1.2,
      14,
      [10, 20, 50],
      ['6204-2RS', '6305-ZZ', '7206 angular contact', 'NK 25/20'],
    ],
    [
      'SN',
      'Sensor',
      '9031.80',
      12,
      85,
      [2, 5, 10],
      ['yarn break detector', 'needle detector', 'fabric fault stop'],
    ],
    ['GP', 'Spare gear', '8483.90', 9, 65, [2, 4, 6], ['Z28 module 1.5', 'Z36 module 2', 'Z60 module 2']],
    ['OL', 'Oiler', '8448.59', 15, 120, [1, 2, 4], ['nozzle 4-way', 'mist oiler 8 points']],
    [
      'CY',
      'Cylinder screw',
      '7318.15',
      0.05,
      0.4,
      [200, 500, 1000],
      ['M4x8 hex', 'M5x12 hex', 'M6x16 socket'],
    ],
    [
      'GD',
      'Yarn guide',
      '6909.12',
      0.3,
      3.5,
      [50, 100, 200],
      ['ceramic eyelet 3 mm', 'porcelain pigtail', 'steel bar'],
    ],
    [
      'SP',
      'Spring',
      '7320.20',
      0.08,
      0.9,
      [100, 200, 500],
      ['tension 0.6 mm', 'latch spring', 'compression 12x40'],
    ],
    ['TD', 'Take-down roller', '8448.59', 45, 190, [1, 2], ['rubber covered 600 mm', 'spiked 800 mm']],
    ['FN', 'Lint blower', '8414.59', 28, 140, [1, 2, 3], ['fan motor 60 W', 'rotating arm assembly']],
    ['LP', 'Signal lamp', '8531.20', 6, 22, [4, 6, 10], ['LED 3 colours', 'LED red 24 V']],
    [
      'CB',
      'Control board',
      '8537.10',
      85,
      420,
      [1, 2],
      ['main CPU board', 'needle selector driver', 'power supply 24 V'],
    ],
    ['CL', 'Clutch', '8483.60', 30, 150, [1, 2, 4], ['electromagnetic 24 V', 'overload friction']],
  ];
  const family = (code: string) => families.find((f) => code.startsWith(f[0]))!;
  const catalogue = families.flatMap(([prefix, kind, , lo, hi, , variants]) =>
    variants.map((v, i) => `${prefix}-${pad(i + 1, 2)}${chars(2, '0123456789')}|${kind}, ${v}|${lo}|${hi}`),
  );
  const { ls, codes } = drawCoded(
    catalogue,
    int(30, 45),
    () => 0,
    (name) => pick(family(name)[5]),
  );
  const tot = sum(ls);
  const num = `HD${String(d.getUTCFullYear()).slice(2)}-${pad(int(100, 999), 4)}`;
  const when = `${EN_MONTHS[d.getUTCMonth()]!.slice(0, 3).toUpperCase()}. ${pad(d.getUTCDate())}, ${d.getUTCFullYear()}`;
  const nitC = nit(`${int(800, 899)}.${int(100, 999)}.${int(100, 999)}`);
  const cust = pick([
    'TEJIDOS LA ESTRELLA S.A.S.<br>Calle 100 Sur # 50-25, La Estrella, Antioquia, COLOMBIA',
    'MALLAS Y PUNTOS DE COLOMBIA S.A.S.<br>Carrera 65 # 10-95, Medellín, Antioquia, COLOMBIA',
    'HILANDERÍAS DEL CAUCA S.A.S.<br>Km 3 Vía Timbío, Popayán, Cauca, COLOMBIA',
  ]);
  const broker = pick([
    'AGENCIA DE ADUANAS LOGÍSTICA PACÍFICO S.A.S. NIVEL 1',
    'SIACO AGENCIA DE ADUANAS S.A.S. NIVEL 2',
  ]);
  const pcs = ls.reduce((s, l) => s + l.quantity, 0);
  emit(
    'b-cn-export',
    `<table style="width:100%"><tr><td style="width:80px">${logo('HD', '#991b1b', 18)}</td><td><b style="font-size:13pt">SHAOXING HENGDA TEXTILE MACHINERY PARTS CO., LTD.</b><br>No. 88 Keqiao Industrial Road, Keqiao District, Shaoxing, Zhejiang 312030, China<br>Tel: +86 575 8${int(1000000, 9999999)} &nbsp; E-mail: export@hengdaparts.cn</td></tr></table>
  <h1 style="text-align:center;letter-spacing:4px;margin:14px 0 10px;font-size:17pt">COMMERCIAL INVOICE</h1>
  <table class="hdr"><tr><td style="width:50%"><b>Shipper / Exporter:</b><br>Shaoxing Hengda Textile Machinery Parts Co., Ltd.<br>No. 88 Keqiao Industrial Road, Shaoxing, Zhejiang, China</td><td><b>Invoice No.:</b> ${num}<br><b>Date:</b> ${when}<br><b>Contract No.:</b> HDCO${String(d.getUTCFullYear()).slice(2)}${int(100, 999)}</td></tr>
  <tr><td><b>Buyer / Consignee:</b><br>${cust}<br>NIT: ${nitC}</td><td><b>Notify Party:</b><br>${broker}<br>Buenaventura, Valle del Cauca, COLOMBIA</td></tr>
  <tr><td><b>Port of Loading:</b> Ningbo, China<br><b>Port of Discharge:</b> Buenaventura, Colombia<br><b>Vessel / Voyage:</b> ${pick(['MSC ANNA', 'CMA CGM RIO GRANDE', 'MAERSK KOLKATA'])} / ${int(100, 999)}${pick(['E', 'W', 'S'])}</td>
  <td><b>Trade Terms:</b> FOB Ningbo (Incoterms 2020)<br><b>Payment:</b> T/T 30% deposit, 70% against copy of B/L<br><b>Country of Origin:</b> China &nbsp; <b>Packing:</b> ${int(4, 30)} cartons</td></tr></table>
  <table class="items"><thead><tr><th>No.</th><th>Part No.</th><th style="text-align:left">Description of Goods</th><th>HS Code</th><th>Qty</th><th>Unit</th><th>Unit Price (USD)</th><th>Amount (USD)</th></tr></thead><tbody>
  ${rows(ls, (l, i) => `<tr><td>${i + 1}</td><td class="pn">${codes[i]}</td><td style="text-align:left">${l.description}</td><td>${family(codes[i]!)[2]}</td><td>${l.quantity}</td><td>PCS</td><td>${us(l.unitPrice)}</td><td>${us(l.amount)}</td></tr>`)}
  </tbody></table>
  <table class="tot"><tr><td>TOTAL QUANTITY: ${pcs} PCS</td><td>TOTAL AMOUNT FOB NINGBO: USD ${us(tot)}</td></tr></table>
  <p><b>SAY TOTAL:</b> US DOLLARS ${englishWords(Math.floor(tot))}${cents(tot) === '00' ? '' : ` AND CENTS ${englishWords(Number(cents(tot)))}`} ONLY.</p>
  <table style="width:100%;margin-top:10px"><tr><td style="vertical-align:top;font-size:8.5pt"><b>Beneficiary Bank:</b> Bank of China, Shaoxing Branch<br><b>SWIFT:</b> BKCHCNBJ92A<br><b>Account No.:</b> ${int(300000000, 399999999)}${int(100, 999)}<br><b>Beneficiary:</b> Shaoxing Hengda Textile Machinery Parts Co., Ltd.</td>
  <td style="width:38%;text-align:center;vertical-align:bottom"><div style="color:#b91c1c;border:2px solid #b91c1c;border-radius:50%;width:120px;height:120px;margin:0 auto;display:flex;align-items:center;justify-content:center;font-size:8pt;transform:rotate(-12deg)">HENGDA<br>EXPORT DEPT.</div>Authorized signature</td></tr></table>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'USD',
      supplierTaxId: null,
      customerTaxId: nitC.replace(/\D/g, ''),
      lines: ls,
    },
    `@page{@top-right{content:"Invoice No. ${num}";font:8pt 'Liberation Sans',sans-serif;color:#555}@bottom-center{content:"Page " counter(page) " of " counter(pages);font:8pt 'Liberation Sans',sans-serif}}
  body{font-family:'Liberation Sans',sans-serif;font-size:9.5pt}.hdr{width:100%;border:1px solid #000}.hdr td{border:1px solid #000;padding:5px;vertical-align:top;line-height:1.45}
  .items{width:100%;margin-top:12px}.items thead th{background:#fde2e2;border:1px solid #000;padding:4px;font-size:8pt}.items td{border:1px solid #000;padding:5px;text-align:right}
  .items td:first-child{text-align:center}.items td.pn{font-family:'DejaVu Sans Mono',monospace;font-size:8pt;text-align:left}.items tr{break-inside:avoid}
  .tot{width:100%;border:1px solid #000;border-top:none;font-weight:bold}.tot td{padding:6px}.tot td:last-child{text-align:right}`,
  );
}

export function setB(emit: Emit): void {
  for (const layout of [
    esSaas,
    coFev,
    deMaschinen,
    frFacture,
    ukSpares,
    usInvoice,
    mxCfdi,
    arFacturaB,
    brNfse,
    itFattura,
    nlFactuur,
    cnExport,
  ])
    layout(emit);
}
