/**
 * Set c: twelve more invoice layouts, written without looking at the extractor (see generate.ts), each a function
 * drawing its own numbers, dates, lines and small layout choices from kit's seeded generator. They differ in
 * structure from sets a and b: a receipt on its own narrow page, a marketplace invoice priced with VAT included,
 * a number found only in the title, a Swiss QR-bill, a Colombian cuenta de cobro, a sidebar layout with a deposit
 * subtracted, the total before the details, items with sub-lines and discounts, a pre-printed nota de venta, a
 * Chilean SII box, a Portuguese fatura with ATCUD, and number, dates and totals laid out in horizontal strips.
 */

import {
  addDays,
  between,
  chars,
  DE_MONTHS,
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
  type Line,
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
import { beVat, chUid, frVat, iban, luhn, nit, nlVat, ptNif, rut, valid } from './tax-ids.ts';
import { spanishWords } from './words.ts';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '0123456789';
const cents = (x: number) => pad(Math.round((x * 100) % 100));
/** A strip of random bars that looks like a PDF417 stamp (Chile's timbre electrónico). */
function pdf417(w = 260, h = 70): string {
  let x = 0;
  let bars = '';
  while (x < w) {
    const bw = int(1, 4);
    if (rnd() < 0.55) {
      let y = 0;
      while (y < h) {
        const bh = int(3, 9);
        if (rnd() < 0.7) bars += `<rect x="${x}" y="${y}" width="${bw}" height="${Math.min(bh, h - y)}"/>`;
        y += bh;
      }
    }
    x += bw;
  }
  return `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" shape-rendering="crispEdges">${bars}</svg>`;
}

const ES_MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
const FR_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
/** "3 de marzo de 2026" */
const esLong = (d: Date) => `${d.getUTCDate()} de ${ES_MONTHS[d.getUTCMonth()]} de ${d.getUTCFullYear()}`;
/** "1er mars 2026", "4 mars 2026" */
const frLong = (d: Date) =>
  `${d.getUTCDate() === 1 ? '1er' : d.getUTCDate()} ${FR_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
/** "March 3rd, 2026" */
function enOrdinal(d: Date): string {
  const n = d.getUTCDate();
  const suffix =
    n % 10 === 1 && n !== 11
      ? 'st'
      : n % 10 === 2 && n !== 12
        ? 'nd'
        : n % 10 === 3 && n !== 13
          ? 'rd'
          : 'th';
  return `${EN_MONTHS[d.getUTCMonth()]} ${n}${suffix}, ${d.getUTCFullYear()}`;
}
/** Swiss francs: 1'234.50 */
const chf = (x: number) => us(x).replace(/,/g, "'");
/** Whole pesos with dots: 1.234.567 */
const dots = (x: number) => x.toLocaleString('de-DE', { maximumFractionDigits: 0 });
/** "$ 1.234.567" spaced as es-CO prints it, whole pesos. */
const cop = (x: number) => `$ ${dots(x)}`;

// 1. Spain, hardware-store "factura simplificada" on its own 80 mm roll page
function esTicket(emit: Emit) {
  const d = date();
  const shop = pick([
    {
      trade: 'FERRETERÍA EGARA',
      name: 'Suministros Industriales Egara, S.L.',
      addr: 'Ctra. de Rubí, 88<br>08225 TERRASSA',
      prov: '08',
      tel: `93 78${int(0, 9)} ${int(10, 99)} ${int(10, 99)}`,
    },
    {
      trade: 'FERRETERIA EL TELAR',
      name: 'Comercial Ferretera del Serpis, S.L.',
      addr: 'C/ Sant Domènec, 21<br>03801 ALCOI (Alacant)',
      prov: '03',
      tel: `96 55${int(0, 9)} ${int(10, 99)} ${int(10, 99)}`,
    },
    {
      trade: 'FERRETERÍA SUMITEX',
      name: 'Sumitex Béjar, S.L.',
      addr: 'Av. de la Estación, 7<br>37700 BÉJAR (Salamanca)',
      prov: '37',
      tel: `923 40${int(0, 9)} ${int(100, 999)}`,
    },
  ]);
  const nif = retry(() => valid(`B${shop.prov}${int(10000, 99999)}`, 'nif'));
  // prices with IVA included, as a shop's shelf prices are; metres go by the half metre
  const catalogue: [string, string, number, number, () => number][] = [
    ['TORN. DIN933 M8X30 ZINC', 'u', 0.12, 0.38, () => int(2, 10) * 5],
    ['TUERCA DIN934 M8 ZINC', 'u', 0.04, 0.12, () => int(2, 10) * 5],
    ['CABLE H07V-K 2,5MM AZUL', 'm', 0.45, 0.95, () => int(3, 40) / 2],
    ['CORREA TRAPEZ. A-42', 'u', 5.9, 13.5, () => int(1, 3)],
    ['SPRAY LUBRICANTE 400ML', 'u', 4.5, 9.95, () => int(1, 4)],
    ['GUANTE NITRILO T9 PAR', 'u', 1.8, 3.95, () => int(1, 6)],
    ['CINTA AISLANTE 19MM NEG', 'u', 0.9, 2.2, () => int(1, 5)],
    ['BROCA HSS 6,5MM', 'u', 1.9, 4.5, () => int(1, 4)],
    ['RODAMIENTO 6204-2RS', 'u', 3.5, 9.8, () => int(1, 4)],
    ['BRIDA NYLON 4,8X200 100U', 'u', 2.95, 6.9, () => int(1, 3)],
    ['SILICONA NEUTRA TRANSP.', 'u', 3.9, 7.95, () => int(1, 3)],
    ['TUBO CORRUGADO 20MM', 'm', 0.35, 0.9, () => int(4, 50) / 2],
    ['ACEITE MAQ. COSER 1L', 'u', 6.5, 12.9, () => int(1, 2)],
  ];
  const used = new Set<number>();
  const ls: Line[] = [];
  const units: string[] = [];
  const refs: string[] = [];
  const n = int(1, 6);
  while (ls.length < n) {
    const k = int(0, catalogue.length - 1);
    if (used.has(k)) continue;
    used.add(k);
    const [name, unit, lo, hi, q] = catalogue[k]!;
    const quantity = q();
    const unitPrice = between(lo, hi);
    ls.push({ description: name, quantity, unitPrice, amount: r2(quantity * unitPrice) });
    units.push(unit);
    refs.push(String(int(100000, 999999)));
  }
  const tot = sum(ls);
  const base = r2(tot / 1.21);
  const iva = r2(tot - base);
  const y = d.getUTCFullYear();
  const till = int(1, 3);
  const num = pick([
    `T-${y}/${pad(int(1, 20000), 6)}`,
    `FS${till}-${String(y).slice(2)}-${pad(int(1, 9999), 5)}`,
  ]);
  const hm = `${pad(int(8, 19))}:${pad(int(0, 59))}`;
  const qtyText = (l: Line, i: number) => (units[i] === 'm' ? `${eu(l.quantity)} m` : String(l.quantity));
  const cols = rnd() < 0.6;
  const items = cols
    ? `<table class="it"><tr><th>UDS</th><th style="text-align:left">DESCRIPCIÓN</th><th>PVP</th><th>IMPORTE</th></tr>${rows(ls, (l, i) => `<tr><td>${qtyText(l, i)}</td><td style="text-align:left">${l.description}</td><td>${eu(l.unitPrice)}</td><td>${eu(l.amount)}</td></tr>`)}</table>`
    : `<table class="it">${rows(ls, (l, i) => `<tr><td colspan="2" style="text-align:left">${refs[i]} ${l.description}</td></tr><tr><td style="text-align:left;padding-left:12px">${qtyText(l, i)} x ${eu(l.unitPrice)}</td><td>${eu(l.amount)}</td></tr>`)}</table>`;
  const cash = rnd() < 0.5;
  const step = pick([5, 10, 20]);
  const given = Math.ceil(tot / step) * step;
  const paid = cash
    ? `<tr><td>EFECTIVO</td><td>${eu(given)}</td></tr><tr><td>CAMBIO</td><td>${eu(r2(given - tot))}</td></tr>`
    : `<tr><td>TARJETA ${pick(['VISA', 'MASTERCARD'])}</td><td>${eu(tot)}</td></tr><tr><td colspan="2" style="text-align:left">**** **** **** ${int(1000, 9999)} AUT. ${int(100000, 999999)}</td></tr>`;
  const dash = '-'.repeat(38);
  const mono = pick(["'DejaVu Sans Mono'", "'Liberation Mono'"]);
  emit(
    'c-es-ticket',
    `<div class="c"><b class="trade">${shop.trade}</b><br>${shop.name}<br>NIF ${nif}<br>${shop.addr}<br>Tel. ${shop.tel}</div>
  <div class="rule">${dash}</div>
  <div class="c"><b>FACTURA SIMPLIFICADA</b>${rnd() < 0.5 ? ` Nº ${num}` : `<br>Nº ${num}`}</div>
  <div>${dmy(d)} ${hm} &nbsp; CAJA ${till} &nbsp; ${pick(['MARTA', 'JORDI', 'PACO', 'LUCÍA'])}</div>
  <div class="rule">${dash}</div>
  ${items}
  <div class="rule">${dash}</div>
  <table class="t"><tr class="big"><td>TOTAL (IVA incl.)</td><td>${eu(tot)} €</td></tr>${paid}</table>
  <div class="rule">${dash}</div>
  <div>Base ${eu(base)} &nbsp;IVA 21% ${eu(iva)}</div>
  <div>Nº artículos: ${ls.length}</div>
  <div class="rule">${dash}</div>
  <div class="c">GRACIAS POR SU VISITA<br>Cambios y devoluciones en 15 días<br>presentando este ticket</div>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'EUR',
      supplierTaxId: nif,
      customerTaxId: null,
      lines: ls,
    },
    `@page{size:80mm ${115 + ls.length * (cols ? 6 : 8)}mm;margin:5mm 4mm}
  body{font-family:${mono},monospace;font-size:8pt;line-height:1.35;color:#111}.c{text-align:center}.trade{font-size:11pt}
  .rule{overflow:hidden;white-space:nowrap;margin:2px 0}.it,.t{width:100%}.it td,.it th{text-align:right;vertical-align:top;padding:1px 0 1px 3px;font-weight:normal}
  .it td:first-child,.it th:first-child{padding-left:0}.t td{padding:1px 0}.t td:last-child{text-align:right}.big td{font-weight:bold;font-size:10pt}`,
  );
}

// 2. Germany, marketplace seller's invoice (Amazon-like), German/English labels, prices with VAT included
function deMarketplace(emit: Emit) {
  const d = date();
  const ordered = addDays(d, -int(0, 3));
  const both = rnd() < 0.65;
  const L = (de: string, en: string) => (both ? `${de} / ${en}` : en);
  const when = pick([
    (x: Date) => dmy(x, '.'),
    (x: Date) => `${pad(x.getUTCDate())} ${EN_MONTHS[x.getUTCMonth()]} ${x.getUTCFullYear()}`,
    (x: Date) => `${x.getUTCDate()}. ${DE_MONTHS[x.getUTCMonth()]} ${x.getUTCFullYear()}`,
  ]);
  const seller = pick([
    { name: 'Nadelwelt Textiltechnik GmbH', addr: 'Industriestraße 14, 72458 Albstadt, DE' },
    { name: 'Nähmaschinen-Center Krefeld e.K.', addr: 'Uerdinger Straße 301, 47800 Krefeld, DE' },
    { name: 'Ruhr Industriebedarf GmbH', addr: 'Emscherstraße 52, 45891 Gelsenkirchen, DE' },
  ]);
  const vat = retry(() => valid(`DE${int(11000000, 99999999)}`));
  const cust = pick([
    { name: 'Strickerei Albtal GmbH &amp; Co. KG', street: 'Talstraße 8', city: '72461 Albstadt' },
    { name: 'Textilveredlung Münchberg GmbH', street: 'Kulmbacher Straße 61', city: '95213 Münchberg' },
    { name: 'Bandweberei Barmen e.K.', street: 'Wittensteinstraße 120', city: '42285 Wuppertal' },
  ]);
  const custVat = rnd() < 0.5 ? retry(() => valid(`DE${int(11000000, 99999999)}`)) : null;
  const { ls, codes } = drawCoded(
    [
      'B0C4K2Q7LM|Groz-Beckert Nähmaschinennadeln 134 Nm 90, 100 Stück|9|26',
      'B09X8T5PQR|Nähmaschinenöl 1 Liter, säurefrei, für Industrienähmaschinen|8|19',
      'B07ZQ3M1KD|Schneiderschere 25 cm Edelstahl, Rechtshänder|17|49',
      'B0B6H2Y9WF|Polyester Nähgarn 5000 m, 10er Set, schwarz|19|44',
      'B08N4V7CJX|Servomotor 550 W für Industrienähmaschine, 220 V|109|229',
      'B0D1R5T8EN|LED Maschinenleuchte magnetisch, 30 LEDs|12|34',
      'B07K9M2ZSA|Digitaler Messschieber 150 mm, IP54|16|59',
      'B0CJ7W3QHT|Fadenabsauger Spulenhalter 4-fach|24|79',
    ],
    int(1, 5),
    () => 0,
    () => pick([1, 1, 1, 2, 3, 5]),
  );
  // shop prices: whole euros and .99, .95, .49 or .90
  for (const l of ls) {
    l.unitPrice = r2(Math.floor(l.unitPrice) + pick([0.99, 0.95, 0.49, 0.9]));
    l.amount = r2(l.quantity * l.unitPrice);
  }
  const items = sum(ls);
  const ship = rnd() < 0.4 ? pick([3.99, 4.99, 5.95, 6.9]) : 0;
  const tot = r2(items + ship);
  const net = r2(tot / 1.19);
  const tax = r2(tot - net);
  const y = d.getUTCFullYear();
  const num = pick([
    `DE${chars(4, DIGITS)}${chars(4, UPPER)}`,
    `INV-DE-${int(100000000, 999999999)}-${y}-${int(1000, 9999)}`,
  ]);
  const order = `${pick(['302', '303', '028', '305'])}-${int(1000000, 9999999)}-${int(1000000, 9999999)}`;
  const addr = `${cust.name}<br>${cust.street}<br>${cust.city}<br>DE`;
  emit(
    'c-de-marketplace',
    `<table style="width:100%"><tr><td style="vertical-align:top"><div class="ttl">${L('Rechnung', 'Invoice')}</div>
  <div class="paid">${L('Bezahlt', 'Paid')}</div></td>
  <td style="width:48%;vertical-align:top"><table class="meta"><tr><td>${L('Rechnungsdatum/Lieferdatum', 'Invoice date/Delivery date')}</td><td>${when(d)}</td></tr><tr><td>${L('Rechnungsnummer', 'Invoice #')}</td><td>${num}</td></tr><tr class="pay"><td>${L('Zahlbetrag', 'Total payable')}</td><td>${eu(tot)} €</td></tr></table></td></tr></table>
  <table class="addr"><tr><td><div class="h">${L('Rechnungsadresse', 'Billing address')}</div>${addr}${custVat ? `<br>${L('USt-IdNr.', 'VAT #')} ${custVat}` : ''}</td>
  <td><div class="h">${L('Lieferadresse', 'Delivery address')}</div>${cust.name}<br>${pick(['Wareneingang', 'Lager 2', 'z. Hd. Einkauf'])}<br>${cust.street}<br>${cust.city}<br>DE</td>
  <td><div class="h">${L('Verkauft von', 'Sold by')}</div>${seller.name}<br>${seller.addr}<br><br><b>${L('USt-IdNr.', 'VAT #')} ${vat}</b></td></tr></table>
  <div class="sec">${L('Bestellinformationen', 'Order information')}</div>
  <div class="ord">${L('Bestelldatum', 'Order date')} ${when(ordered)}<br>${L('Bestellnummer', 'Order #')} ${order}</div>
  <div class="sec">${L('Rechnungsdetails', 'Invoice details')}</div>
  <table class="items"><tr><th style="text-align:left">${L('Beschreibung', 'Description')}</th><th>${L('Menge', 'Qty')}</th><th>${L('Stückpreis', 'Unit price')}<br>(${L('ohne USt.', 'excl. VAT')})</th><th>${L('USt. %', 'VAT rate')}</th><th>${L('Stückpreis', 'Unit price')}<br>(${L('inkl. USt.', 'incl. VAT')})</th><th>${L('Zwischensumme', 'Item subtotal')}<br>(${L('inkl. USt.', 'incl. VAT')})</th></tr>
  ${rows(ls, (l, i) => `<tr><td style="text-align:left">${l.description}<div class="asin">ASIN: ${codes[i]}</div></td><td>${l.quantity}</td><td>${eu(r2(l.unitPrice / 1.19))} €</td><td>19%</td><td>${eu(l.unitPrice)} €</td><td>${eu(l.amount)} €</td></tr>`)}
  <tr class="sh"><td style="text-align:left">${L('Versandkosten', 'Shipping charges')}</td><td></td><td>${eu(r2(ship / 1.19))} €</td><td>19%</td><td>${eu(ship)} €</td><td>${eu(ship)} €</td></tr>
  <tr class="tp"><td colspan="5" style="text-align:right">${L('Gesamtpreis', 'Total payable')}</td><td>${eu(tot)} €</td></tr></table>
  <table class="vat"><tr><th>${L('USt. %', 'VAT rate')}</th><th>${L('Zwischensumme (ohne USt.)', 'Item subtotal (excl. VAT)')}</th><th>${L('USt.', 'VAT')}</th></tr><tr><td>19%</td><td>${eu(net)} €</td><td>${eu(tax)} €</td></tr><tr class="b"><td>${L('Gesamt', 'Total')}</td><td>${eu(net)} €</td><td>${eu(tax)} €</td></tr></table>
  <p class="small">${L('Zahlung bereits erhalten', 'Payment already received')}: ${pick(['Visa **** ', 'Mastercard **** ', 'SEPA-Lastschrift / direct debit **** '])}${int(1000, 9999)}.<br>${both ? 'Diese Rechnung wurde im Auftrag des Verkäufers über den Steuerberechnungsservice des Marktplatzes erstellt. / ' : ''}This invoice was issued on behalf of the seller by the marketplace's VAT calculation service.</p>`,
    {
      // lines are priced as the page prices them, VAT included: unitPrice is "Unit price (incl. VAT)" and amount
      // "Item subtotal (incl. VAT)", so that quantity × unitPrice = amount; shipping is no line.
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'EUR',
      supplierTaxId: vat,
      customerTaxId: custVat,
      lines: ls,
    },
    `body{font-family:'Liberation Sans',sans-serif;font-size:8.5pt;color:#111}.ttl{font-size:22pt;font-weight:bold}
  .paid{display:inline-block;margin-top:6px;border:1.5px solid #067d62;color:#067d62;font-weight:bold;padding:2px 10px;border-radius:3px}
  .meta{width:100%;border:1px solid #999}.meta td{padding:3px 6px;border-bottom:1px solid #ddd}.meta td:last-child{text-align:right;font-weight:bold;white-space:nowrap}.pay td{font-size:11pt;background:#f3f3f3}
  .addr{width:100%;margin-top:14px}.addr td{vertical-align:top;width:33%;padding-right:10px;line-height:1.4}.h{font-weight:bold;margin-bottom:3px}
  .sec{margin-top:14px;font-weight:bold;font-size:10pt;border-bottom:2px solid #111;padding-bottom:2px}.ord{padding:4px 0;line-height:1.5}
  .items{width:100%;margin-top:4px}.items th{text-align:right;font-size:7.5pt;background:#eee;padding:4px;vertical-align:bottom}.items td{text-align:right;padding:5px 4px;border-bottom:1px solid #ddd;vertical-align:top}
  .asin{color:#666;font-size:7.5pt}.sh td{color:#444}.tp td{font-weight:bold;font-size:10pt;border-bottom:none}
  .vat{margin:12px 0 0 auto;width:55%}.vat th{font-size:7.5pt;background:#eee;padding:3px;text-align:right}.vat td{padding:3px;text-align:right;border-bottom:1px solid #ddd}.vat .b td{font-weight:bold}
  .small{font-size:7.5pt;color:#444;margin-top:30px;line-height:1.5}`,
  );
}

// 3. The number only in the title ("FACTURA 2026-00123" / "INVOICE INV-00042"), the date in words by the place
function titleNumber(emit: Emit) {
  const d = date();
  const nitC = nit(`${int(800, 899)}.${int(100, 999)}.${int(100, 999)}`);
  const cust = pick([
    { name: 'TEXTILES DEL RISARALDA S.A.S.', city: 'Dosquebradas, Risaralda' },
    { name: 'CONFECCIONES BAHÍA S.A.S.', city: 'Itagüí, Antioquia' },
    { name: 'HILANDERÍA SAN ANTONIO S.A.', city: 'Bogotá D.C.' },
    { name: 'LAVANDERÍA INDUSTRIAL DENIM EXPRESS S.A.S.', city: 'Medellín, Antioquia' },
  ]);
  const centred = rnd() < 0.5;
  if (rnd() < 0.5) {
    // Spanish, Colombian supplier with IVA
    const nitE = nit(`901.${int(100, 999)}.${int(100, 999)}`);
    const place = pick(['Bogotá', 'Bogotá D.C.', 'Medellín', 'Cali']);
    const ls = draw(
      [
        'Mantenimiento correctivo de caldera pirotubular 60 BHP',
        'Cambio de empaques y válvulas de vapor',
        'Suministro e instalación de trampa de vapor 1/2"',
        'Calibración de manómetros y termostatos',
        'Limpieza química de intercambiador de calor',
        'Visita técnica de diagnóstico',
        'Reparación de bomba de condensados',
      ],
      int(1, 6),
      () => int(35, 2400) * 1000,
      () => pick([1, 1, 1, 2, 3, 4]),
    );
    const sub = sum(ls);
    const iva = r2(sub * 0.19);
    const tot = r2(sub + iva);
    const num = `${d.getUTCFullYear()}-${pad(int(1, 999), 5)}`;
    emit(
      'c-title-number',
      `<table style="width:100%"><tr><td style="vertical-align:top">${logo('SET', '#0f766e', 16)}</td><td class="r" style="font-size:8.5pt;line-height:1.45"><b style="font-size:12pt">SOLUCIONES ELECTROMECÁNICAS TEXTILES S.A.S.</b><br>NIT ${nitE} · Responsable de IVA<br>Calle 13 # 68-45, Zona Industrial Montevideo, Bogotá D.C.<br>PBX (601) ${int(200, 799)} ${int(1000, 9999)} · servicios@setextiles.com.co</td></tr></table>
  <p style="margin-top:28px">${place}, ${esLong(d)}</p>
  <p style="line-height:1.45">Señores<br><b>${cust.name}</b><br>NIT ${nitC}<br>${cust.city}</p>
  <h1 class="big" style="text-align:${centred ? 'center' : 'left'}">FACTURA ${num}</h1>
  <p>Por los siguientes trabajos realizados en su planta según orden de servicio OS-${int(1000, 9999)}:</p>
  <table class="items"><tr><th>Cant.</th><th style="text-align:left">Descripción</th><th>Valor unitario</th><th>Valor total</th></tr>
  ${rows(ls, (l) => `<tr><td>${l.quantity}</td><td style="text-align:left">${l.description}</td><td>${cop(l.unitPrice)}</td><td>${cop(l.amount)}</td></tr>`)}</table>
  <table class="tot"><tr><td>Subtotal</td><td>${cop(sub)}</td></tr><tr><td>IVA 19 %</td><td>${cop(iva)}</td></tr><tr class="b"><td>TOTAL A PAGAR</td><td>${cop(tot)}</td></tr></table>
  <p><b>Son:</b> ${spanishWords(Math.round(tot))} PESOS M/CTE.</p>
  <p style="font-size:8.5pt">Favor consignar en la cuenta corriente Davivienda No. ${int(4000, 4999)}${int(10000000, 99999999)} a nombre de Soluciones Electromecánicas Textiles S.A.S. Plazo: ${pick([30, 45, 60])} días.</p>
  <table style="width:100%;margin-top:60px"><tr><td class="sig">Firma autorizada</td><td style="width:12%"></td><td class="sig">Recibido (nombre, firma y sello)</td></tr></table>`,
      {
        number: num,
        issueDate: iso(d),
        total: tot,
        currency: 'COP',
        supplierTaxId: nitE.replace(/\D/g, ''),
        customerTaxId: nitC.replace(/\D/g, ''),
        lines: ls,
      },
      `body{font-family:'DejaVu Serif',serif;font-size:10pt}.r{text-align:right}.big{font-size:24pt;letter-spacing:2px;margin:26px 0 14px;color:#0f766e}
  .items{width:100%}.items th{border-bottom:2px solid #0f766e;padding:5px;text-align:right;font-size:9pt}.items td{padding:6px 5px;text-align:right;border-bottom:1px solid #ddd}.items td:first-child,.items th:first-child{text-align:center}
  .tot{margin:12px 0 0 auto;width:45%}.tot td{padding:3px 5px}.tot td:last-child{text-align:right}.tot .b td{font-weight:bold;border-top:2px solid #0f766e;font-size:11pt}
  .sig{border-top:1px solid #000;text-align:center;padding-top:4px;width:44%;font-size:9pt}`,
    );
    return;
  }
  // English, a US consultancy billing a Colombian mill for services (no US sales tax on an export of services)
  const ein = rnd() < 0.5 ? `${int(20, 88)}-${int(1000000, 9999999)}` : null;
  const ls = draw(
    [
      'Dye house process audit (on-site days)|1400|2200',
      'Steam and condensate system review (days)|1100|1900',
      'Remote engineering support (hours)|95|180',
      'Report: energy savings plan for stenter frames|2500|6000',
      'Operator training workshop (days)|900|1600',
      'Travel expenses, Charlotte – Medellín, as incurred|600|2400',
    ],
    int(1, 4),
    () => 0,
    (name) =>
      name.includes('hours')
        ? int(4, 40)
        : name.startsWith('Report') || name.startsWith('Travel')
          ? 1
          : int(1, 5),
  );
  const tot = sum(ls);
  const num = `INV-${pad(int(1, 420), 5)}`;
  emit(
    'c-title-number',
    `<div style="display:flex;justify-content:space-between;align-items:flex-start"><div><b style="font-size:15pt">Hartwell &amp; Pike</b><br><span class="muted">Textile Process Engineering LLC</span></div><div class="r" style="font-size:9pt;line-height:1.45">1520 South Blvd, Suite 300<br>Charlotte, NC 28203, USA<br>+1 704 ${int(200, 999)} ${int(1000, 9999)}${ein ? `<br>EIN ${ein}` : ''}</div></div>
  <h1 class="big" style="text-align:${centred ? 'center' : 'left'}">INVOICE ${num}</h1>
  <p class="r">${enOrdinal(d)}</p>
  <p style="line-height:1.45"><span class="muted">Billed to</span><br><b>${cust.name}</b><br>NIT ${nitC}<br>${cust.city}, Colombia<br>Attn: ${pick(['Plant Manager', 'Accounts Payable', 'Ing. Carolina Mejía'])}</p>
  <table class="items"><tr><th style="text-align:left">Description</th><th>Qty</th><th>Rate</th><th>Amount</th></tr>
  ${rows(ls, (l) => `<tr><td style="text-align:left">${l.description}</td><td>${l.quantity}</td><td>$${us(l.unitPrice)}</td><td>$${us(l.amount)}</td></tr>`)}</table>
  <table class="tot"><tr class="b"><td>Total due (USD)</td><td>$${us(tot)}</td></tr></table>
  <p style="font-size:9pt;margin-top:30px">Export of services: no U.S. sales tax applies.<br>Payment within ${pick([15, 30])} days by wire transfer to Bank of America, N.A., ABA 026009593, SWIFT BOFAUS3N, account ${int(100000000, 999999999)}${int(100, 999)}.<br>Please reference the invoice number on your payment.</p>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'USD',
      supplierTaxId: ein ? ein.replace(/\D/g, '') : null,
      customerTaxId: nitC.replace(/\D/g, ''),
      lines: ls,
    },
    `body{font-family:'Liberation Serif',serif;font-size:10.5pt}.r{text-align:right}.big{font-family:'Liberation Sans',sans-serif;font-size:26pt;font-weight:normal;letter-spacing:1px;margin:36px 0 4px;border-bottom:3px solid #111;padding-bottom:6px}
  .items{width:100%;margin-top:18px}.items th{font-family:'Liberation Sans',sans-serif;font-size:8.5pt;text-transform:uppercase;color:#555;border-bottom:1px solid #111;padding:5px;text-align:right}.items td{padding:7px 5px;text-align:right;border-bottom:1px solid #ddd}
  .tot{margin:10px 0 0 auto;width:45%}.tot td{padding:5px}.tot td:last-child{text-align:right}.tot .b td{font-weight:bold;font-size:13pt;border-top:3px solid #111}`,
  );
}

/** The mod-10 recursive check digit of Swiss payment references. */
function mod10r(digits: string): string {
  const t = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5];
  let carry = 0;
  for (const c of digits) carry = t[(carry + Number(c)) % 10]!;
  return `${digits}${(10 - carry) % 10}`;
}

// 4. Switzerland, German or French: CHF with apostrophes, MWST/TVA 8.1 %, UID, and a QR-bill payment part
function chRechnung(emit: Emit) {
  const d = date();
  const de = rnd() < 0.6;
  const T = (g: string, f: string) => (de ? g : f);
  const sup = de
    ? pick([
        {
          name: 'Rüti Webmaschinen-Service AG',
          street: 'Werkstrasse 12',
          city: '8630 Rüti ZH',
          place: 'Rüti',
        },
        {
          name: 'Toggenburger Textiltechnik GmbH',
          street: 'Bahnhofstrasse 41',
          city: '9630 Wattwil',
          place: 'Wattwil',
        },
      ])
    : pick([
        {
          name: 'Atelier Mécanique Textile SA',
          street: "Rue de l'Industrie 8",
          city: '2300 La Chaux-de-Fonds',
          place: 'La Chaux-de-Fonds',
        },
        {
          name: 'Techni-Fil Romandie Sàrl',
          street: 'Chemin des Fabriques 3',
          city: '1860 Aigle',
          place: 'Aigle',
        },
      ]);
  const cust = de
    ? pick([
        { name: 'Weberei Appenzell AG', street: 'Gewerbestrasse 4', city: '9050 Appenzell' },
        { name: 'Zwirnerei Uzwil AG', street: 'Fabrikstrasse 19', city: '9240 Uzwil' },
        { name: 'Bandfabrik Murgenthal AG', street: 'Hauptstrasse 77', city: '4853 Murgenthal' },
      ])
    : pick([
        { name: 'Tissage du Jura SA', street: 'Rue du Midi 22', city: '2800 Delémont' },
        { name: 'Filature de Fleurier SA', street: 'Rue de la Gare 5', city: '2114 Fleurier' },
        { name: 'Broderies du Léman Sàrl', street: 'Avenue de Morges 140', city: '1004 Lausanne' },
      ]);
  const uid = retry(() => chUid(String(int(10000000, 99999999))));
  const custUid = rnd() < 0.4 ? retry(() => chUid(String(int(10000000, 99999999)))) : null;
  const suffix = T('MWST', 'TVA');
  const { ls, codes } = drawCoded(
    de
      ? [
          'S-100|Servicetechniker, Arbeitsstunde|115|165',
          'R-200|Reisezeit und Fahrspesen pauschal|90|260',
          '4411.203|Kettfadenwächter-Lamellen, 1000 Stk.|180|420',
          '5520.017|Greiferband links, komplett|240|690',
          '3310.442|Zahnriemen HTD 1200-8M-30|45|160',
          '7705.100|Frequenzumrichter 4 kW, revidiert|900|2400',
          '2208.051|Webblatt 1900 mm, 120 Rohr/dm|650|1900',
        ]
      : [
          'S-100|Technicien de service, heure|115|165',
          'R-200|Déplacement forfaitaire|90|260',
          '4411.203|Lamelles casse-chaîne, 1000 pces|180|420',
          '5520.017|Ruban de pince gauche, complet|240|690',
          '3310.442|Courroie crantée HTD 1200-8M-30|45|160',
          '7705.100|Variateur de fréquence 4 kW, révisé|900|2400',
          '2208.051|Peigne 1900 mm, 120 dents/dm|650|1900',
        ],
    int(1, 6),
    () => between(18, 2400),
    (name) => (name.startsWith('S-') ? int(2, 16) / 2 : name.startsWith('R-') ? 1 : int(1, 6)),
  );
  const sub = sum(ls);
  const vat = r2(sub * 0.081);
  const tot = r2(sub + vat);
  const y = d.getUTCFullYear();
  const num = pick([
    `${y}-${pad(int(1, 2400), 4)}`,
    `${T('RE', 'F')}-${String(y).slice(2)}-${pad(int(1, 999), 4)}`,
    String(int(30000, 39999)),
  ]);
  // a QR-IBAN (institution id 30000–31999), as a payment part with a QR reference needs
  const account = iban('CH', `${int(30000, 31999)}${pad(int(0, 999999999999), 12)}`);
  const longDate = rnd() < 0.5;
  const dateText = longDate
    ? de
      ? `${sup.place}, ${d.getUTCDate()}. ${DE_MONTHS[d.getUTCMonth()]} ${y}`
      : `${sup.place}, le ${frLong(d)}`
    : null;
  const unit = (c: string, q: number) =>
    c.startsWith('S-')
      ? `${q.toFixed(2)} h`
      : c.startsWith('R-')
        ? T('pauschal', 'forfait')
        : `${q} ${T('Stk.', 'pce')}`;
  // the QR-bill's own amount format: a space between thousands, a point before the cents
  const amountQr = us(tot).replace(/,/g, ' ');
  const cross = `<rect x="10.6" y="10.6" width="3.8" height="3.8" fill="#000"/><rect x="10.9" y="10.9" width="3.2" height="3.2" fill="#fff"/><rect x="11.2" y="11.2" width="2.6" height="2.6" fill="#000"/><rect x="12.25" y="11.55" width="0.5" height="1.9" fill="#fff"/><rect x="11.55" y="12.25" width="1.9" height="0.5" fill="#fff"/>`;
  const payee = `${account}<br>${sup.name}<br>${sup.street}<br>${sup.city}`;
  const payer = `${cust.name}<br>${cust.street}<br>${cust.city}`;
  emit(
    'c-ch-rechnung',
    `<div class="page"><table style="width:100%"><tr><td style="vertical-align:top">${logo(
      sup.name
        .split(' ')
        .map((w) => w[0])
        .join('')
        .slice(0, 3)
        .toUpperCase(),
      '#c8102e',
      16,
    )}</td><td class="r" style="font-size:8.5pt;line-height:1.45"><b style="font-size:11pt">${sup.name}</b><br>${sup.street}<br>${sup.city}<br>${uid} ${suffix}</td></tr></table>
  <div style="display:flex;justify-content:space-between;margin-top:26px"><div style="line-height:1.45;margin-left:4mm">${cust.name}<br>${T('Buchhaltung', 'Comptabilité')}<br>${cust.street}<br>${cust.city}${custUid ? `<br><span style="font-size:8.5pt">UID ${custUid}</span>` : ''}</div>
  <table class="info">${longDate ? '' : `<tr><td>${T('Datum', 'Date')}</td><td>${dmy(d, '.')}</td></tr>`}<tr><td>${T('Kunden-Nr.', 'N° client')}</td><td>${int(1000, 9999)}</td></tr><tr><td>${T('Ihre Bestellung', 'Votre commande')}</td><td>${pick(['telefonisch', 'E-Mail', `${int(4500000, 4599999)}`])}</td></tr><tr><td>${T('Zahlbar bis', 'Échéance')}</td><td>${dmy(addDays(d, 30), '.')}</td></tr></table></div>
  ${dateText ? `<p style="margin-top:22px">${dateText}</p>` : ''}
  <h2 style="margin:${dateText ? 8 : 26}px 0 8px">${T('Rechnung Nr.', 'Facture n°')} ${num}</h2>
  <table class="items"><tr><th style="text-align:left">${T('Art.-Nr.', 'Article')}</th><th style="text-align:left">${T('Bezeichnung', 'Désignation')}</th><th>${T('Menge', 'Quantité')}</th><th>${T('Preis CHF', 'Prix CHF')}</th><th>${T('Betrag CHF', 'Montant CHF')}</th></tr>
  ${rows(ls, (l, i) => `<tr><td style="text-align:left">${codes[i]}</td><td style="text-align:left">${l.description}</td><td>${unit(codes[i]!, l.quantity)}</td><td>${chf(l.unitPrice)}</td><td>${chf(l.amount)}</td></tr>`)}</table>
  <table class="tot"><tr><td>${T('Total exkl. MWST', 'Total hors TVA')}</td><td>CHF ${chf(sub)}</td></tr><tr><td>${T('MWST', 'TVA')} 8.1 %</td><td>CHF ${chf(vat)}</td></tr><tr class="b"><td>Total CHF</td><td>CHF ${chf(tot)}</td></tr></table>
  <p style="font-size:9pt">${T('Zahlbar innert 30 Tagen netto. Besten Dank für Ihren Auftrag.', 'Payable dans les 30 jours net. Nous vous remercions de votre confiance.')}</p></div>
  <div class="qrbill"><div class="scis">✂</div><div class="rcpt"><div class="qh">${T('Empfangsschein', 'Récépissé')}</div><div class="ql">${T('Konto / Zahlbar an', 'Compte / Payable à')}</div>${payee}<div class="ql">${T('Zahlbar durch', 'Payable par')}</div>${payer}
  <div class="amt"><div><div class="ql">${T('Währung', 'Monnaie')}</div>CHF</div><div><div class="ql">${T('Betrag', 'Montant')}</div>${amountQr}</div></div><div class="acc">${T('Annahmestelle', 'Point de dépôt')}</div></div>
  <div class="pay"><div class="qh">${T('Zahlteil', 'Section paiement')}</div><div style="display:flex"><div style="width:51mm"><div style="margin:4mm 0">${qr(1.65 * 3.78, 25, cross)}</div><div class="amt"><div><div class="ql">${T('Währung', 'Monnaie')}</div>CHF</div><div><div class="ql">${T('Betrag', 'Montant')}</div>${amountQr}</div></div></div>
  <div style="flex:1"><div class="ql">${T('Konto / Zahlbar an', 'Compte / Payable à')}</div>${payee}<div class="ql">${T('Referenz', 'Référence')}</div>${mod10r(`${pad(int(0, 999999), 6)}${pad(int(0, 99999999999), 11)}${pad(int(0, 999999999), 9)}`).replace(/^(\d{2})(\d{5})(\d{5})(\d{5})(\d{5})(\d{5})$/, '$1 $2 $3 $4 $5 $6')}<div class="ql">${T('Zusätzliche Informationen', 'Informations supplémentaires')}</div>${T('Rechnung', 'Facture')} ${num}<div class="ql">${T('Zahlbar durch', 'Payable par')}</div>${payer}</div></div></div></div>`,
    {
      // the UID without its register suffix (MWST/TVA), compact: CHE123456789
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'CHF',
      supplierTaxId: uid.replace(/[^A-Z0-9]/g, ''),
      customerTaxId: custUid ? custUid.replace(/[^A-Z0-9]/g, '') : null,
      lines: ls,
    },
    `@page{size:A4;margin:0}body{font-family:'Liberation Sans',sans-serif;font-size:9.5pt;margin:0}
  .page{padding:14mm 16mm 0 20mm}.r{text-align:right}.info td{padding:1px 6px;font-size:9pt}.info td:first-child{color:#555}
  .items{width:100%}.items th{border-bottom:1.5px solid #000;padding:4px;text-align:right;font-size:8.5pt}.items td{padding:4px;text-align:right;border-bottom:1px solid #e5e5e5}
  .tot{margin:8px 0 6px auto;width:44%}.tot td{padding:2px 4px}.tot td:last-child{text-align:right}.tot .b td{font-weight:bold;border-top:1.5px solid #000;border-bottom:3px double #000;font-size:11pt}
  .qrbill{position:absolute;top:192mm;left:0;width:210mm;height:104mm;box-sizing:border-box;border-top:1px dashed #000;display:flex;font-size:8pt;line-height:1.3}
  .scis{position:absolute;top:-3.2mm;left:10mm;font-size:9pt}.qh{font-weight:bold;font-size:11pt;margin-bottom:3mm}.ql{font-weight:bold;font-size:6pt;margin-top:2.5mm}
  .rcpt{width:52mm;padding:5mm;border-right:1px dashed #000;position:relative}.pay{flex:1;padding:5mm}.amt{display:flex;gap:8mm;margin-top:3mm}.acc{position:absolute;right:5mm;bottom:18mm;font-weight:bold;font-size:6pt}`,
  );
}

// 5. Colombia, "cuenta de cobro" of a natural person not responsible for IVA
function coCuentaCobro(emit: Emit) {
  const d = date();
  const person = pick([
    { name: 'JUAN CARLOS RESTREPO GÓMEZ', cc: int(70000000, 71999999), from: 'Medellín' },
    { name: 'LUZ ADRIANA OSORIO MARÍN', cc: int(43000000, 43999999), from: 'Itagüí' },
    { name: 'HERNÁN DARÍO CASTAÑO RÍOS', cc: int(1036000000, 1036999999), from: 'Bello' },
    { name: 'JOSÉ ALIRIO PINEDA SUÁREZ', cc: int(79000000, 80999999), from: 'Bogotá' },
  ]);
  const ccText = dots(person.cc);
  const withNit = rnd() < 0.4;
  const nitPerson = nit(ccText);
  const cust = pick([
    { name: 'TEXTILES EL CEDRO S.A.S.', city: 'Medellín' },
    { name: 'CONFECCIONES MONTEBELLO S.A.S.', city: 'Sabaneta' },
    { name: 'TEJIDOS DE PUNTO LA SABANA S.A.', city: 'Bogotá D.C.' },
    { name: 'INDUSTRIAS TEXTILES DEL SUR S.A.S.', city: 'Cali' },
  ]);
  const nitC = nit(`${pick(['890', '800', '811', '900'])}.${int(100, 999)}.${int(100, 999)}`);
  const ls = draw(
    [
      'mantenimiento preventivo a máquina fileteadora|120|260',
      'mantenimiento preventivo a máquina plana de una aguja|90|180',
      'reparación de motor de máquina recubridora|180|420',
      'cambio de rodamientos en motor de bordadora|140|380',
      'ajuste y sincronización de máquina collarín|110|240',
      'instalación eléctrica de tablero para módulo de confección|650|1800',
      'visita técnica de diagnóstico|60|120',
    ],
    int(1, 4),
    () => 0,
    (name) => (name.startsWith('instalación') || name.startsWith('visita') ? 1 : int(1, 12)),
  );
  for (const l of ls) {
    l.description = cap(l.description);
    l.unitPrice = Math.round(l.unitPrice) * 1000;
    l.amount = l.quantity * l.unitPrice;
  }
  const tot = sum(ls);
  const num = pad(int(1, 180), 3);
  const dateLine = rnd() < 0.5 ? `${pick([cust.city, person.from])}, ${esLong(d)}` : `Fecha: ${dmy(d)}`;
  const detail = rows(
    ls,
    (l) =>
      `<li>${l.quantity === 1 ? l.description : `${l.quantity} × ${l.description[0]!.toLowerCase()}${l.description.slice(1)}`}, ${l.quantity === 1 ? '' : `a ${cop(l.unitPrice)} c/u, `}${cop(l.amount)}</li>`,
  );
  emit(
    'c-co-cuenta-cobro',
    `<p style="text-align:${pick(['right', 'left'])}">${dateLine}</p>
  <h1 class="ttl">CUENTA DE COBRO No. ${num}</h1>
  <div class="c"><b>${cust.name}</b><br>NIT. ${nitC}<br>${cust.city}</div>
  <div class="c" style="margin-top:26px"><b>DEBE A:</b></div>
  <div class="c" style="margin-top:10px"><b>${person.name}</b><br>${withNit ? `C.C./NIT ${nitPerson}` : `C.C. ${ccText} de ${person.from}`}</div>
  <p style="margin-top:26px"><b>LA SUMA DE:</b> ${spanishWords(tot)} PESOS M/CTE (${cop(tot)})</p>
  <p><b>POR CONCEPTO DE:</b> servicios técnicos de mantenimiento y reparación de maquinaria de confección prestados en las instalaciones de ${cust.name} durante ${pick(['la semana', 'la quincena', 'el mes'])} del ${dmy(addDays(d, -int(5, 20)))}, así:</p>
  <ul>${detail}</ul>
  <p style="font-size:9.5pt">Declaro que no soy responsable del impuesto sobre las ventas (IVA) y que no estoy obligado a expedir factura de venta (art. 1.6.1.4.3 del Decreto 1625 de 2016). ${pick(['No tengo trabajadores a cargo.', 'Adjunto planilla de aportes a seguridad social.'])}</p>
  <p style="font-size:9.5pt">Favor consignar en la cuenta de ahorros ${pick(['Bancolombia', 'Davivienda', 'Banco de Bogotá'])} No. ${int(100, 999)}-${int(100000, 999999)}-${int(10, 99)} a nombre de ${person.name}.</p>
  <p style="margin-top:30px">Atentamente,</p>
  <div class="sig">${person.name}<br>C.C. ${ccText} de ${person.from}<br>Cel. 3${int(0, 2)}${int(0, 9)} ${int(100, 999)} ${int(1000, 9999)}</div>`,
    {
      // supplierTaxId: the NIT with its check digit where printed ("C.C./NIT 71.654.321-5"), else the cédula
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'COP',
      supplierTaxId: (withNit ? nitPerson : ccText).replace(/\D/g, ''),
      customerTaxId: nitC.replace(/\D/g, ''),
      lines: ls,
    },
    `body{font-family:'Liberation Serif',serif;font-size:11.5pt;line-height:1.5}@page{margin:25mm 25mm}.ttl{text-align:center;font-size:15pt;margin:36px 0 30px}
  .c{text-align:center}ul{margin:6px 0 14px}li{margin:2px 0}.sig{margin-top:70px;border-top:1px solid #000;width:75mm;padding-top:4px;line-height:1.4}`,
  );
}

// 6. France, artisan: company block in a coloured sidebar, deposit deducted ("Acompte versé", "Reste à payer")
function frArtisan(emit: Emit) {
  const d = date();
  const accent = pick(['#1f4e79', '#7a2e1f', '#2f5d3a', '#4b3b73']);
  const sup = pick([
    {
      name: 'Moreau Électricité Industrielle',
      who: 'Électricien – automatismes',
      addr: '14 rue des Tanneurs<br>42300 Roanne',
      place: 'Roanne',
      rm: 'RM 42',
    },
    {
      name: 'Chaudronnerie Lefèvre',
      who: 'Chaudronnerie – tuyauterie vapeur',
      addr: '3 impasse du Moulin<br>59200 Tourcoing',
      place: 'Tourcoing',
      rm: 'RM 59',
    },
    {
      name: 'Atelier Gauthier Mécanique',
      who: 'Mécanique industrielle',
      addr: 'ZA des Varennes<br>71100 Chalon-sur-Saône',
      place: 'Chalon-sur-Saône',
      rm: 'RM 71',
    },
  ]);
  const cust = pick([
    { name: 'Tissage de Panissières SAS', addr: '12 route de Feurs<br>42360 Panissières' },
    { name: 'Filature du Hainaut SA', addr: '45 rue de la Filature<br>59150 Wattrelos' },
    { name: 'Teinturerie Bourguignonne SARL', addr: '8 quai Gambetta<br>71100 Chalon-sur-Saône' },
  ]);
  const siren = luhn(String(int(30000000, 89999999)));
  const siret = luhn(`${siren}000${int(1, 9)}`);
  const vat = frVat(siren);
  const custVat = rnd() < 0.4 ? frVat(luhn(String(int(30000000, 89999999)))) : null;
  const { ls, codes } = drawCoded(
    [
      'h|Main-d’œuvre qualifiée|42|68',
      'h|Main-d’œuvre compagnon|36|52',
      'ml|Chemin de câbles galvanisé 200 mm|18|42',
      'u|Coffret électrique IP65 équipé|380|1250',
      'u|Moteur asynchrone 5,5 kW IE3|420|980',
      'ml|Tuyauterie acier DN50 soudée|65|140',
      'u|Vanne vapeur DN40 avec purgeur|260|740',
      'forfait|Déplacement et mise en sécurité du chantier|60|240',
      'u|Luminaire LED étanche 1500 mm|48|120',
    ],
    int(1, 6),
    () => 0,
    (name) =>
      name.includes('|Main')
        ? int(4, 40)
        : name.includes('|Déplacement')
          ? 1
          : name.includes('galvanisé') || name.includes('DN50')
            ? int(5, 60)
            : int(1, 8),
  );
  const sub = sum(ls);
  const tva = r2(sub * 0.2);
  const tot = r2(sub + tva);
  const y = d.getUTCFullYear();
  const seq = int(20, 240);
  const num = pick([`FA-${y}-${pad(seq, 3)}`, `F${y}${pad(d.getUTCMonth() + 1)}-${pad(seq, 3)}`]);
  const deposit = Math.max(100, Math.round((tot * pick([0.3, 0.4])) / 10) * 10);
  const depositDate = addDays(d, -int(15, 60));
  const depositNum = num.replace(/\d{3}$/, pad(seq - int(3, 19), 3));
  const rest = r2(tot - deposit);
  const initials = sup.name
    .split(' ')
    .filter((w) => /^[A-ZÉ]/.test(w))
    .map((w) => w[0])
    .join('')
    .slice(0, 2);
  emit(
    'c-fr-artisan',
    `<div class="wrap"><div class="side"><div class="mono">${initials}</div><b style="font-size:12.5pt">${sup.name}</b><br><i>${sup.who}</i><br><br>${sup.addr}<br>Tél. 0${int(3, 4)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}<br>contact@${sup.name
      .split(' ')[0]!
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')}-${sup.place
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .slice(0, 8)}.fr
  <div class="sep"></div>SIRET ${siret.replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, '$1 $2 $3 $4')}<br>${sup.rm} ${siren.replace(/(\d{3})(?=\d)/g, '$1 ')}<br>APE 4321A<br>TVA intracom.<br>${vat}
  <div class="sep"></div>Assurance décennale<br>${pick(['MAAF Pro', 'SMABTP', 'AXA Entreprises'])} n° ${int(1000000, 9999999)}
  <div class="sep"></div>IBAN<br>${iban('FR', `${int(10000, 30000)}${pad(int(0, 99999), 5)}${pad(int(0, 99999999999), 11)}${pad(int(1, 97))}`)}</div>
  <div class="main"><div class="top"><div class="ttl">Facture</div><div class="r">${sup.place}, le ${frLong(d)}</div></div>
  <div class="num">Facture N° ${num}</div>
  <div class="client"><div class="lb">Client</div><b>${cust.name}</b><br>${cust.addr}${custVat ? `<br>TVA : ${custVat}` : ''}</div>
  <p><b>Objet :</b> ${pick(['intervention sur ligne de production suite au devis', 'travaux de remise en état selon devis', 'fourniture et pose selon devis'])} n° D-${y}-${pad(int(1, 150), 3)} accepté le ${dmy(addDays(depositDate, -int(1, 10)))}</p>
  <table class="items"><tr><th style="text-align:left">Désignation</th><th>Qté</th><th>Unité</th><th>P.U. HT</th><th>Total HT</th></tr>
  ${rows(ls, (l, i) => `<tr><td style="text-align:left">${l.description}</td><td>${l.quantity}</td><td>${codes[i]}</td><td>${fr(l.unitPrice)} €</td><td>${fr(l.amount)} €</td></tr>`)}</table>
  <table class="tot"><tr><td>Total HT</td><td>${fr(sub)} €</td></tr><tr><td>TVA 20 %</td><td>${fr(tva)} €</td></tr><tr class="b"><td>Total TTC</td><td>${fr(tot)} €</td></tr>
  <tr><td>Acompte versé le ${dmy(depositDate)}<br><span class="small">(facture d'acompte ${depositNum})</span></td><td>− ${fr(deposit)} €</td></tr><tr class="rest"><td>Reste à payer</td><td>${fr(rest)} €</td></tr></table>
  <p class="small" style="margin-top:22px">Paiement à réception de facture, par virement ou chèque. Pas d'escompte pour paiement anticipé. En cas de retard, pénalités au taux de 3 fois le taux d'intérêt légal et indemnité forfaitaire de 40 € pour frais de recouvrement (art. L441-10 du Code de commerce).</p></div></div>`,
    {
      // total: the invoice's TTC total; the deposit already paid is subtracted only in "Reste à payer"
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'EUR',
      supplierTaxId: vat,
      customerTaxId: custVat,
      lines: ls,
    },
    `@page{size:A4;margin:0}body{margin:0;font-family:'DejaVu Sans Condensed','DejaVu Sans',sans-serif;font-size:9.5pt}
  .wrap{display:flex;height:296mm;overflow:hidden}.side{width:58mm;background:${accent};color:#fff;padding:16mm 7mm;font-size:8.5pt;line-height:1.5;box-sizing:border-box}
  .mono{width:22mm;height:22mm;border-radius:50%;border:2px solid #fff;font-size:20pt;font-weight:bold;display:flex;align-items:center;justify-content:center;margin-bottom:8mm}
  .sep{border-top:1px solid rgba(255,255,255,.5);margin:5mm 0}.main{flex:1;padding:16mm 14mm 10mm 12mm}
  .top{display:flex;justify-content:space-between;align-items:baseline}.ttl{font-size:26pt;color:${accent};font-weight:bold;text-transform:uppercase;letter-spacing:2px}.r{text-align:right}
  .num{font-size:12pt;font-weight:bold;margin-top:4px}.client{margin:18px 0 0 45%;border-left:3px solid ${accent};padding:4px 10px;line-height:1.45}.lb{font-size:7.5pt;color:#777;text-transform:uppercase}
  .items{width:100%;margin-top:14px}.items th{background:${accent};color:#fff;padding:5px;font-weight:normal;text-align:right}.items td{padding:6px 5px;text-align:right;border-bottom:1px solid #ddd}
  .tot{margin:14px 0 0 auto;width:62%}.tot td{padding:4px 6px}.tot td:last-child{text-align:right;white-space:nowrap}.tot .b td{font-weight:bold;border-top:1.5px solid ${accent}}
  .rest td{font-weight:bold;font-size:12pt;background:${accent};color:#fff}.small{font-size:7.5pt;color:#555}`,
  );
}

// 7. Italy: the amount due in a box at the top (summary first), then the items, then the VAT summary
function itSummaryFirst(emit: Emit) {
  const d = date();
  const accent = pick(['#14532d', '#1e3a8a', '#7c2d12']);
  const sup = pick([
    {
      name: 'Manutenzioni Tessili Biellesi S.r.l.',
      addr: 'Via Cesare Battisti 18',
      city: '13900 Biella (BI)',
      tel: '015',
    },
    {
      name: 'Elettromeccanica Pratese S.n.c.',
      addr: 'Via del Purgatorio 54',
      city: '59100 Prato (PO)',
      tel: '0574',
    },
    { name: 'Officina Lariana Telai S.r.l.', addr: 'Via Stazzi 9', city: '22100 Como (CO)', tel: '031' },
  ]);
  const cust = pick([
    { name: 'Lanificio Alta Valle Strona S.p.A.', addr: 'Via Roma 31, 13825 Valle Mosso (BI)' },
    { name: 'Tintoria Comense S.r.l.', addr: 'Via Asiago 12, 22100 Como (CO)' },
    { name: 'Tessitura di Vaiano S.r.l.', addr: 'Via Val di Bisenzio 200, 59021 Vaiano (PO)' },
  ]);
  const piva = retry(() => valid(`IT0${int(100000000, 999999999)}`));
  const custPiva = retry(() => valid(`IT0${int(100000000, 999999999)}`));
  const withIt = rnd() < 0.5;
  const pv = (id: string) => (withIt ? id : id.slice(2));
  const ls = draw(
    [
      'Intervento tecnico presso vs. stabilimento (ore)|38|62',
      'Sostituzione cuscinetti albero principale telaio|280|900',
      'Revisione riduttore orditoio|450|1600',
      'Motoriduttore 1,5 kW completo|380|950',
      'Encoder incrementale 1024 impulsi|160|420',
      'Cinghia dentata HTD 1760-8M-30|40|140',
      'Diritto di chiamata|40|90',
      'Olio idraulico ISO VG 46 (fusto 20 l)|70|140',
    ],
    int(1, 6),
    () => between(22, 1900),
    (name) => (name.includes('(ore)') ? int(2, 24) : name.startsWith('Diritto') ? 1 : int(1, 4)),
  );
  const sub = sum(ls);
  const iva = r2(sub * 0.22);
  const tot = r2(sub + iva);
  const y = d.getUTCFullYear();
  const num = pick([`${int(1, 480)}/${y}`, `${y}/${pad(int(1, 480), 4)}`, `${int(1, 480)}/A`]);
  const due = addDays(d, pick([30, 60, 90]));
  const title = pick(['FATTURA', 'FATTURA – RICEVUTA FISCALE', 'Fattura immediata']);
  emit(
    'c-it-summary-first',
    `<div class="head"><div><b style="font-size:14pt;color:${accent}">${sup.name}</b><br>${sup.addr}<br>${sup.city}<br>C.F. e P.IVA ${pv(piva)}<br>Tel. ${sup.tel} ${int(100000, 999999)}</div>
  <div class="sum"><div class="lb">Totale da pagare</div><div class="amt">€ ${eu(tot)}</div><table><tr><td>${title} n.</td><td><b>${num}</b></td></tr><tr><td>Data</td><td>${dmy(d)}</td></tr><tr><td>Scadenza</td><td>${dmy(due)}</td></tr><tr><td>Pagamento</td><td>${pick(['Bonifico bancario', 'Ri.Ba. 60 gg d.f.', 'Bonifico 30 gg f.m.'])}</td></tr></table></div></div>
  <div class="cust"><span class="lb">Spett.le</span><br><b>${cust.name}</b><br>${cust.addr}<br>P.IVA ${pv(custPiva)}</div>
  <h3>Dettaglio</h3>
  <table class="items"><tr><th style="text-align:left">Descrizione</th><th>Q.tà</th><th>Prezzo</th><th>IVA</th><th>Importo</th></tr>
  ${rows(ls, (l) => `<tr><td style="text-align:left">${l.description}</td><td>${eu(l.quantity)}</td><td>${eu(l.unitPrice)}</td><td>22</td><td>${eu(l.amount)}</td></tr>`)}</table>
  <h3>Riepilogo IVA</h3>
  <table class="riep"><tr><th>Aliquota</th><th>Natura</th><th>Imponibile</th><th>Imposta</th></tr><tr><td>22%</td><td>–</td><td>${eu(sub)}</td><td>${eu(iva)}</td></tr><tr class="b"><td colspan="2">Totale documento</td><td>${eu(sub)}</td><td>${eu(iva)}</td></tr></table>
  <p style="margin-top:18px;font-size:9pt">Coordinate bancarie: ${pick(['Banca Sella', 'Intesa Sanpaolo', 'BPER Banca'])} – IBAN ${iban('IT', `X0${pad(int(3000, 8999), 4)}${pad(int(10000, 99999), 5)}${pad(int(0, 999999999999), 12)}`)}</p>
  <p style="font-size:7.5pt;color:#666">Copia analogica della fattura elettronica trasmessa al Sistema di Interscambio (art. 21 DPR 633/72). Contributo CONAI assolto ove dovuto.</p>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'EUR',
      supplierTaxId: pv(piva),
      customerTaxId: pv(custPiva),
      lines: ls,
    },
    `body{font-family:'Liberation Sans',sans-serif;font-size:9.5pt}.head{display:flex;justify-content:space-between;align-items:flex-start;line-height:1.45}
  .sum{width:74mm;border:2px solid ${accent};border-radius:6px;padding:8px 10px}.sum .lb{color:${accent}}.amt{font-size:20pt;font-weight:bold;text-align:right;margin:2px 0 6px;color:${accent}}
  .sum table{width:100%;font-size:9pt}.sum td{padding:1px 0}.sum td:last-child{text-align:right}.lb{font-size:7.5pt;text-transform:uppercase;letter-spacing:1px}
  .cust{margin-top:18px;line-height:1.45}h3{color:${accent};font-size:10pt;margin:20px 0 4px;text-transform:uppercase;letter-spacing:1px}
  .items{width:100%}.items th{background:#f1f1f1;padding:4px;text-align:right;font-size:8.5pt}.items td{padding:5px 4px;text-align:right;border-bottom:1px solid #e3e3e3}
  .riep{width:70%}.riep th{background:#f1f1f1;padding:3px 6px;text-align:right;font-size:8.5pt}.riep td{padding:3px 6px;text-align:right;border-bottom:1px solid #e3e3e3}.riep .b td{font-weight:bold}`,
  );
}

// 8. English, items with an indented detail sub-line, a discount column, shipping & handling, "Total USD"
function enSublines(emit: Emit) {
  const d = date();
  const y = d.getUTCFullYear();
  const export_ = rnd() < 0.55;
  const nitC = nit(`${int(800, 899)}.${int(100, 999)}.${int(100, 999)}`);
  const cust = export_
    ? pick([
        'Fábrica de Hilazas del Valle S.A.S.<br>Cra. 35 # 10-120, Acopi Yumbo<br>Valle del Cauca, Colombia',
        'Textiles La Ceja S.A.S.<br>Km 2 Vía La Ceja – Rionegro<br>Antioquia, Colombia',
        'Tejidos Técnicos Andinos S.A.<br>Calle 17 # 69-70<br>Bogotá D.C., Colombia',
      ])
    : pick([
        'Catawba Hosiery Mills, Inc.<br>1840 9th Ave Dr NE<br>Hickory, NC 28601',
        'Dalton Yarn &amp; Twine Co.<br>300 Mill St<br>Dalton, GA 30720',
      ]);
  const taxRate = export_ ? 0 : pick([6.75, 7, 7.25]);
  const ein = rnd() < 0.5 ? `${int(20, 88)}-${int(1000000, 9999999)}` : null;
  const short = (x: Date) =>
    `${EN_MONTHS[x.getUTCMonth()]!.slice(0, 3)} ${x.getUTCDate()}, ${x.getUTCFullYear()}`;
  const sn = (p: string) => `${p}-${y % 100}${chars(5, DIGITS)}`;
  const from = addDays(d, int(0, 5));
  const period = `${short(from)} – ${short(addDays(from, 364))}`;
  const catalogue: [string, () => string, number, number, () => number][] = [
    ['Weft detector board WD-400', () => `S/N ${sn('WD4')}`, 280, 640, () => int(1, 4)],
    [
      'Servo drive 2.2 kW, factory refurbished',
      () => `S/N ${sn('SD22')} · 12-month warranty`,
      900,
      1900,
      () => int(1, 2),
    ],
    [
      'Loom monitoring software, annual licence',
      () => `Service period: ${period}`,
      1200,
      4800,
      () => int(1, 3),
    ],
    [
      'Field service, on-site commissioning (hours)',
      () =>
        `Technician: ${pick(['R. Álvarez', 'T. Nguyen', 'M. Brooks'])} · ${short(addDays(d, -int(3, 9)))}`,
      95,
      145,
      () => int(6, 32),
    ],
    [
      'Electronic dobby controller card',
      () => `S/N ${sn('EDC')} · replaces unit returned under RMA ${int(4000, 4999)}`,
      450,
      1100,
      () => int(1, 3),
    ],
    [
      'Operator training course (per seat)',
      () => `Course dates: ${short(addDays(d, int(7, 20)))}`,
      180,
      420,
      () => int(2, 8),
    ],
    [
      'Yarn tension sensor TS-12',
      () => `Lot ${chars(2, UPPER)}${chars(4, DIGITS)} · calibration certificate included`,
      65,
      190,
      () => int(2, 10),
    ],
  ];
  const n = int(1, 5);
  const used = new Set<number>();
  const ls: Line[] = [];
  const details: string[] = [];
  const discounts: number[] = [];
  const pcts: number[] = [];
  while (ls.length < n) {
    const k = int(0, catalogue.length - 1);
    if (used.has(k)) continue;
    used.add(k);
    const [name, detail, lo, hi, q] = catalogue[k]!;
    const quantity = q();
    const unitPrice = between(lo, hi);
    const pct = pick([0, 0, 5, 10, 15]);
    const disc = r2((quantity * unitPrice * pct) / 100);
    ls.push({ description: name, quantity, unitPrice, amount: r2(quantity * unitPrice - disc) });
    details.push(detail());
    discounts.push(disc);
    pcts.push(pct);
  }
  const sub = sum(ls);
  const ship = between(25, 190);
  const tax = r2(((sub + ship) * taxRate) / 100);
  const tot = r2(sub + ship + tax);
  const num = pick([`INV-${y}-${pad(int(1, 999), 4)}`, String(int(20000, 29999))]);
  const when = pick([
    (x: Date) => `${EN_MONTHS[x.getUTCMonth()]!.slice(0, 3)} ${x.getUTCDate()}, ${x.getUTCFullYear()}`,
    (x: Date) => `${pad(x.getUTCMonth() + 1)}/${pad(x.getUTCDate())}/${x.getUTCFullYear()}`,
    (x: Date) => `${x.getUTCDate()} ${EN_MONTHS[x.getUTCMonth()]} ${x.getUTCFullYear()}`,
  ]);
  const accent = pick(['#334155', '#155e75', '#3f3f46']);
  emit(
    'c-en-sublines',
    `<div style="display:flex;justify-content:space-between"><div>${logo('KLE', accent, 15)}<div style="margin-top:6px;line-height:1.4"><b>Keystone Loom Electronics, Inc.</b><br>220 Industrial Drive<br>Reading, PA 19605, USA<br>billing@keystoneloom.com${ein ? `<br>Federal EIN ${ein}` : ''}</div></div>
  <div style="text-align:right"><div class="ttl">Invoice</div><table class="meta" style="margin-left:auto"><tr><td>Invoice no.</td><td><b>${num}</b></td></tr><tr><td>Invoice date</td><td>${when(d)}</td></tr><tr><td>Customer PO</td><td>${pick(['OC', 'PO'])}-${int(10000, 99999)}</td></tr><tr><td>Terms</td><td>${export_ ? 'Wire in advance' : 'Net 30'}</td></tr></table></div></div>
  <table style="width:100%;margin-top:18px"><tr><td class="addr"><div class="h">Bill to</div>${cust}${export_ ? `<br>NIT ${nitC}` : ''}</td><td class="addr"><div class="h">Ship via</div>${export_ ? `${pick(['DHL Express', 'FedEx International Priority'])}<br>Incoterms: ${pick(['DAP Bogotá', 'CPT Medellín', 'FCA Reading'])}` : pick(['UPS Ground', 'FedEx Ground'])}</td></tr></table>
  <table class="items"><tr><th style="text-align:left">Item / description</th><th>Qty</th><th>Unit price</th><th>Discount</th><th>Amount</th></tr>
  ${rows(ls, (l, i) => `<tr class="main"><td style="text-align:left"><b>${l.description}</b></td><td>${l.quantity}</td><td>${us(l.unitPrice)}</td><td>${discounts[i] ? `(${us(discounts[i]!)})` : '—'}</td><td>${us(l.amount)}</td></tr><tr class="sub"><td colspan="5" style="text-align:left">${details[i]}${pcts[i] ? ` · ${pcts[i]}% distributor discount` : ''}</td></tr>`)}</table>
  <table class="tot"><tr><td>Subtotal</td><td>${us(sub)}</td></tr><tr><td>Shipping &amp; handling</td><td>${us(ship)}</td></tr><tr><td>${export_ ? 'Sales tax (export, exempt)' : `Sales tax (${taxRate}%)`}</td><td>${us(tax)}</td></tr><tr class="b"><td>Total USD</td><td>$${us(tot)}</td></tr></table>
  <p class="small">Amounts in U.S. dollars. Discounts shown per line are already deducted from the line amount. Warranty terms at keystoneloom.com/warranty. Remit to: PNC Bank, ABA 043000096, account ${int(1000000000, 9999999999)}.</p>`,
    {
      // a line's amount is after its own discount: quantity × unitPrice − the Discount column
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'USD',
      supplierTaxId: ein ? ein.replace(/\D/g, '') : null,
      customerTaxId: export_ ? nitC.replace(/\D/g, '') : null,
      lines: ls,
    },
    `body{font-family:'Liberation Sans',sans-serif;font-size:9.5pt}.ttl{font-size:24pt;color:${accent};font-weight:bold;margin-bottom:4px}.meta td{padding:1px 0 1px 14px}.meta td:first-child{color:#666}
  .addr{vertical-align:top;width:50%;line-height:1.4}.h{font-size:7.5pt;text-transform:uppercase;letter-spacing:1px;color:#666;margin-bottom:2px}
  .items{width:100%;margin-top:18px}.items th{border-bottom:2px solid ${accent};padding:5px;text-align:right;font-size:8.5pt}.items td{padding:5px 5px 1px;text-align:right}
  .items tr.sub td{padding:0 5px 6px 22px;color:#555;font-size:8.5pt;border-bottom:1px solid #ddd}
  .tot{margin:12px 0 0 auto;width:42%}.tot td{padding:3px 5px}.tot td:last-child{text-align:right}.tot .b td{font-weight:bold;font-size:12pt;border-top:2px solid ${accent}}.small{font-size:7.5pt;color:#666;margin-top:30px}`,
  );
}

// 9. Mexico, a small supplier's pre-printed "nota de venta / factura" (no CFDI layout), RFC of both parties
function mxNota(emit: Emit) {
  const d = date();
  const months = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
  const yymmdd = () => `${pad(int(60, 95))}${pad(int(1, 12))}${pad(int(1, 28))}`;
  const alnum = '123456789ABCDEFGHJKLMNPRSTUVWXYZ';
  const owner = pick([
    { name: 'José Luis Hernández Ramírez', l: 'HERJ', trade: 'REFACCIONES TEXTILES HERNÁNDEZ' },
    {
      name: 'María Guadalupe Sánchez Ortiz',
      l: 'SAOG',
      trade: 'SERVICIO TÉCNICO EN MÁQUINAS DE COSER "LUPITA"',
    },
    { name: 'Arturo Flores Mendoza', l: 'FOMA', trade: 'TALLER ELECTROMECÁNICO FLORES' },
  ]);
  const rfcE = retry(() => valid(`${owner.l}${yymmdd()}${chars(2, alnum)}`, 'rfc', '', '0123456789A'));
  const cust = pick([
    {
      name: 'Confecciones del Valle de Tehuacán, S.A. de C.V.',
      l: 'CVT',
      addr: 'Av. Reforma Sur 1500, Tehuacán, Pue.',
    },
    {
      name: 'Tejidos San Martín, S.A. de C.V.',
      l: 'TSM',
      addr: 'Carr. Federal México-Puebla km 92, San Martín Texmelucan, Pue.',
    },
    {
      name: 'Maquiladora Textil de Tlaxcala, S. de R.L. de C.V.',
      l: 'MTT',
      addr: 'Parque Industrial Xicohténcatl, Tlaxcala, Tlax.',
    },
  ]);
  const rfcR = retry(() =>
    valid(
      `${cust.l}${pad(int(0, 25))}${pad(int(1, 12))}${pad(int(1, 28))}${chars(2, alnum)}`,
      'rfc',
      '',
      '0123456789A',
    ),
  );
  const ls = draw(
    [
      'Reparación de motor de máquina overlock|450|1800',
      'Lanzadera para máquina recta Juki|180|650',
      'Mantenimiento general máquina collarín|600|1500',
      'Banda de motor 3L-300|80|190',
      'Cambio de clutch motor industrial|800|2400',
      'Juego de garfios y agujas para cerradora|350|1200',
      'Servicio a domicilio (zona industrial)|250|600',
    ],
    int(1, 6),
    () => between(350, 4800),
    (name) => (name.startsWith('Servicio') ? 1 : int(1, 8)),
  );
  const sub = sum(ls);
  const iva = r2(sub * 0.16);
  const tot = r2(sub + iva);
  const num = String(int(800, 2400));
  const fecha =
    rnd() < 0.6
      ? `${d.getUTCDate()}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}`
      : `${pad(d.getUTCDate())}-${months[d.getUTCMonth()]!.toUpperCase()}-${d.getUTCFullYear()}`;
  const empty = Math.max(0, 9 - ls.length);
  const ink = pick(['#1d4ed8', '#111827']);
  emit(
    'c-mx-nota',
    `<table style="width:100%"><tr><td style="vertical-align:top;line-height:1.35"><div class="trade">${owner.trade}</div>${owner.name}<br>R.F.C. ${rfcE} · Régimen Simplificado de Confianza<br>Calle 2 Sur No. ${int(100, 999)}, Col. Centro, Puebla, Pue. C.P. 72000<br>Tel. 222 ${int(200, 899)} ${int(1000, 9999)} · WhatsApp 222 ${int(100, 999)} ${int(1000, 9999)}</td>
  <td style="width:34%;vertical-align:top"><div class="box"><div class="kind">NOTA DE VENTA / FACTURA</div><div class="folio">No. <span>${num}</span></div></div><div class="fecha">Fecha: <span class="hand">${fecha}</span></div></td></tr></table>
  <table class="cli"><tr><td>Cliente:</td><td class="hand" colspan="3">${cust.name}</td></tr><tr><td>R.F.C.:</td><td class="hand">${rfcR}</td><td>Tel.:</td><td class="hand">${int(222, 248)} ${int(100, 999)} ${int(1000, 9999)}</td></tr><tr><td>Dirección:</td><td class="hand" colspan="3">${cust.addr}</td></tr></table>
  <table class="items"><tr><th style="width:12%">CANT.</th><th>DESCRIPCIÓN</th><th style="width:18%">P. UNITARIO</th><th style="width:18%">IMPORTE</th></tr>
  ${rows(ls, (l) => `<tr class="hand"><td class="c">${l.quantity}</td><td>${l.description}</td><td class="r">$ ${us(l.unitPrice)}</td><td class="r">$ ${us(l.amount)}</td></tr>`)}${'<tr><td>&nbsp;</td><td></td><td></td><td></td></tr>'.repeat(empty)}
  <tr><td colspan="2" rowspan="3" class="letra">CANTIDAD CON LETRA:<br><span class="hand">(${spanishWords(Math.floor(tot))} PESOS ${cents(tot)}/100 M.N.)</span></td><td class="lbl">SUBTOTAL $</td><td class="r hand">${us(sub)}</td></tr>
  <tr><td class="lbl">I.V.A. 16 % $</td><td class="r hand">${us(iva)}</td></tr><tr><td class="lbl"><b>TOTAL $</b></td><td class="r hand"><b>${us(tot)} M.N.</b></td></tr></table>
  <p class="pagare">Debo y pagaré incondicionalmente a la orden de ${owner.name} en Puebla, Pue. la cantidad anotada en este documento. Este pagaré causará intereses moratorios al ${int(2, 5)}% mensual. No se aceptan devoluciones en partes eléctricas.</p>
  <table style="width:100%;margin-top:40px"><tr><td class="sig">Recibí de conformidad (nombre y firma)</td><td style="width:20%"></td><td class="sig">${owner.name}</td></tr></table>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'MXN',
      supplierTaxId: rfcE,
      customerTaxId: rfcR,
      lines: ls,
    },
    `body{font-family:'DejaVu Sans Condensed','DejaVu Sans',sans-serif;font-size:9pt;color:#8b1e1e}.trade{font-size:13pt;font-weight:bold;letter-spacing:1px}
  .box{border:2px solid #8b1e1e;border-radius:8px;text-align:center;padding:6px}.kind{font-weight:bold;font-size:9.5pt}.folio{font-size:13pt;margin-top:4px}.folio span{color:#dc2626;font-weight:bold;font-size:16pt;font-family:'DejaVu Sans Mono',monospace}
  .fecha{margin-top:8px;border:1px solid #8b1e1e;border-radius:4px;padding:4px 6px}.hand{color:${ink};font-family:'DejaVu Sans Mono',monospace;font-size:9pt}
  .cli{width:100%;margin-top:12px;border:1px solid #8b1e1e}.cli td{padding:4px 6px;border-bottom:1px solid #e8c7c7}.cli td:first-child{width:12%;font-weight:bold}
  .items{width:100%;margin-top:10px;border:1.5px solid #8b1e1e}.items th{background:#8b1e1e;color:#fff;padding:4px;font-size:8.5pt}.items td{border-left:1px solid #8b1e1e;border-right:1px solid #8b1e1e;border-bottom:1px solid #f0d6d6;padding:4px 6px}
  .c{text-align:center}.r{text-align:right}.letra{vertical-align:top;border-top:1.5px solid #8b1e1e;font-size:8pt}.lbl{text-align:right;border-top:1px solid #8b1e1e;font-size:8.5pt}
  .pagare{font-size:7pt;margin-top:14px;border:1px dashed #8b1e1e;padding:5px}.sig{border-top:1px solid #8b1e1e;text-align:center;padding-top:3px;width:40%;font-size:8pt}`,
  );
}

// 10. Chile, "factura electrónica" with the SII's red box, amounts in whole pesos, and the timbre electrónico
function clFactura(emit: Emit) {
  const d = date();
  const months = ES_MONTHS.map(cap);
  const supRut = rut(int(76000000, 77999999));
  const custRut = rut(pick([int(96500000, 96999999), int(76000000, 79999999)]));
  const fmtRut = (r: string) => {
    const [body, dv] = r.split('-');
    return `${dots(Number(body))}-${dv}`;
  };
  const office = pick(['SANTIAGO CENTRO', 'SANTIAGO ORIENTE', 'SANTIAGO SUR', 'CONCEPCIÓN']);
  const cust = pick([
    {
      name: 'TEXTIL SAN MIGUEL S.A.',
      giro: 'FABRICACIÓN DE TEJIDOS DE PUNTO',
      addr: 'AV. EL LLANO SUBERCASEAUX 3850',
      comuna: 'SAN MIGUEL',
    },
    {
      name: 'HILANDERÍA MAIPÚ LIMITADA',
      giro: 'HILATURA DE FIBRAS TEXTILES',
      addr: 'CAMINO A MELIPILLA 10200',
      comuna: 'MAIPÚ',
    },
    {
      name: 'TEJIDOS LA FLORIDA SPA',
      giro: 'FABRICACIÓN DE OTROS PRODUCTOS TEXTILES',
      addr: 'AV. VICUÑA MACKENNA 7110',
      comuna: 'LA FLORIDA',
    },
  ]);
  const { ls, codes } = drawCoded(
    [
      'MT-010|MANTENCIÓN PREVENTIVA TELAR CIRCULAR',
      'MT-020|MANTENCIÓN CORRECTIVA REMALLADORA',
      'RP-1104|RODAMIENTO 6305 2RS',
      'RP-2231|CORREA DENTADA HTD 8M 1200',
      'RP-3307|AGUJAS TEJIDO PUNTO (CAJA 100)',
      'SV-001|HORA TÉCNICO ESPECIALISTA',
      'SV-002|TRASLADO TÉCNICO REGIÓN METROPOLITANA',
    ],
    int(1, 6),
    () => 0,
    (name) => (name.startsWith('MT') || name.startsWith('SV-002') ? 1 : int(1, 10)),
  );
  for (const [i, l] of ls.entries()) {
    const c = codes[i]!;
    l.unitPrice = c.startsWith('MT')
      ? int(90, 850) * 1000
      : c.startsWith('SV')
        ? int(18, 65) * 1000
        : int(2500, 95000);
    l.amount = l.quantity * l.unitPrice;
  }
  const neto = sum(ls);
  const iva = Math.round(neto * 0.19);
  const tot = neto + iva;
  const num = String(int(1200, 9800));
  const emision = `${d.getUTCDate()} de ${months[d.getUTCMonth()]} del ${d.getUTCFullYear()}`;
  const acuse = rnd() < 0.5;
  emit(
    'c-cl-factura',
    `<table style="width:100%"><tr><td style="vertical-align:top;line-height:1.4"><b style="font-size:13pt">SERVICIOS TÉCNICOS TEXTILES ${pick(['SPA', 'LIMITADA'])}</b><br>Giro: MANTENCIÓN Y REPARACIÓN DE MAQUINARIA PARA LA INDUSTRIA TEXTIL<br>${pick(['AV. MATTA 1250', 'SAN DIEGO 2045', 'AV. RECOLETA 3380'])}, SANTIAGO<br>Teléfono: +56 2 2${int(100, 999)} ${int(1000, 9999)} · ventas@sttextil.cl</td>
  <td style="width:37%;vertical-align:top"><div class="sii"><div>R.U.T.: ${fmtRut(supRut)}</div><div>FACTURA ELECTRÓNICA</div><div>N° ${num}</div></div><div class="office">S.I.I. - ${office}</div></td></tr></table>
  <table class="rec"><tr><td>Fecha Emisión</td><td>: ${emision}</td><td>Condición de Pago</td><td>: ${pick(['CONTADO', 'CRÉDITO 30 DÍAS', 'CRÉDITO 60 DÍAS'])}</td></tr>
  <tr><td>Señor(es)</td><td colspan="3">: ${cust.name}</td></tr><tr><td>R.U.T.</td><td>: ${fmtRut(custRut)}</td><td>Comuna</td><td>: ${cust.comuna}</td></tr>
  <tr><td>Giro</td><td>: ${cust.giro}</td><td>Ciudad</td><td>: SANTIAGO</td></tr><tr><td>Dirección</td><td colspan="3">: ${cust.addr}</td></tr></table>
  <table class="items"><tr><th>Código</th><th style="text-align:left">Descripción</th><th>Cantidad</th><th>Precio</th><th>%Dcto</th><th>Valor</th></tr>
  ${rows(ls, (l, i) => `<tr><td>${codes[i]}</td><td style="text-align:left">${l.description}</td><td>${l.quantity}</td><td>${dots(l.unitPrice)}</td><td>0</td><td>${dots(l.amount)}</td></tr>`)}</table>
  <table style="width:100%;margin-top:10px"><tr><td style="vertical-align:top;font-size:8pt">Referencias:<br>- Orden de Compra N° ${int(4500, 9999)} del ${dmy(addDays(d, -int(3, 25)), '-')}${rnd() < 0.5 ? `<br>- Guía de Despacho N° ${int(100, 999)} del ${dmy(addDays(d, -int(0, 2)), '-')}` : ''}</td>
  <td style="width:42%"><table class="tot"><tr><td>MONTO NETO</td><td>$ ${dots(neto)}</td></tr><tr><td>I.V.A. 19%</td><td>$ ${dots(iva)}</td></tr><tr><td>IMPUESTO ADICIONAL</td><td>$ 0</td></tr><tr class="b"><td>TOTAL</td><td>$ ${dots(tot)}</td></tr></table></td></tr></table>
  <table style="width:100%;margin-top:16px"><tr><td style="width:50%;text-align:center;vertical-align:top">${pdf417()}<div class="stamp">Timbre Electrónico SII<br>Res. ${pick([80, 99])} de ${pick([2014, 2005])} - Verifique documento: www.sii.cl</div></td>
  <td style="vertical-align:top">${acuse ? `<div class="acuse"><b>ACUSE DE RECIBO</b><br>Nombre: ____________________________<br>R.U.T.: ______________ Fecha: __________<br>Recinto: ____________ Firma: __________<br><span style="font-size:6.5pt">El acuse de recibo que se declara en este acto, de acuerdo a lo dispuesto en la letra b) del Art. 4°, y la letra c) del Art. 5° de la Ley 19.983, acredita que la entrega de mercaderías o servicio(s) prestado(s) ha(n) sido recibido(s).</span></div><div class="ced">CEDIBLE</div>` : ''}</td></tr></table>`,
    {
      // RUTs compact with their check character: 76123456K
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'CLP',
      supplierTaxId: supRut.replace('-', ''),
      customerTaxId: custRut.replace('-', ''),
      lines: ls,
    },
    `body{font-family:'Liberation Sans',sans-serif;font-size:8.5pt}.sii{border:3px solid #e10600;color:#e10600;text-align:center;font-weight:bold;font-size:12pt;line-height:1.7;padding:8px 4px}
  .office{color:#e10600;text-align:center;font-weight:bold;margin-top:4px}.rec{width:100%;margin-top:14px;border:1px solid #000}.rec td{padding:2px 6px}.rec td:nth-child(odd){font-weight:bold;white-space:nowrap;width:14%}
  .items{width:100%;margin-top:10px;border:1px solid #000}.items th{border-bottom:1px solid #000;padding:4px;text-align:right;background:#eee}.items td{padding:4px;text-align:right}.items td:first-child,.items th:first-child{text-align:left}
  .tot{width:100%;border:1px solid #000}.tot td{padding:3px 6px}.tot td:last-child{text-align:right}.tot .b td{font-weight:bold;font-size:11pt;border-top:1px solid #000}
  .stamp{font-size:7pt;text-align:center;margin-top:2px}.acuse{border:1px solid #000;padding:5px;font-size:7.5pt;line-height:1.7}.ced{text-align:right;font-weight:bold;font-size:11pt;margin-top:4px}`,
  );
}

// 11. Portugal, "Fatura FT A/1234" with ATCUD, document header block, VAT summary and QR placeholder
function ptFatura(emit: Emit) {
  const d = date();
  const nif = ptNif(`5${int(0, 1)}${pad(int(0, 999999), 6)}`);
  const custNif = ptNif(`5${int(0, 1)}${pad(int(0, 999999), 6)}`);
  const sup = pick([
    {
      name: 'Manutex – Manutenção Industrial Têxtil, Lda.',
      addr: 'Rua da Indústria, 215',
      city: '4835-044 Guimarães',
    },
    {
      name: 'Tecnofio – Equipamentos Têxteis, Lda.',
      addr: 'Av. Eng. Pinheiro Braga, 90',
      city: '4760-105 Vila Nova de Famalicão',
    },
  ]);
  const cust = pick([
    { name: 'Fiação e Tecidos do Ave, S.A.', addr: 'Lugar da Ponte, 12', city: '4765-001 Riba de Ave' },
    {
      name: 'Malhas Covilhã, Lda.',
      addr: 'Parque Industrial do Tortosendo, Lote 8',
      city: '6200-823 Covilhã',
    },
    { name: 'Tinturaria Barcelense, S.A.', addr: 'Rua do Rio, 48', city: '4750-280 Barcelos' },
  ]);
  const { ls, codes } = drawCoded(
    [
      'SRV001|Assistência técnica – mão de obra (hora)|28|45',
      'SRV002|Deslocação|25|90',
      'PEC1040|Rolamento SKF 6206-2RS1|14|42',
      'PEC2213|Correia dentada HTD 1400-8M-30|28|95',
      'PEC3130|Sensor indutivo M18 PNP|35|120',
      'PEC4002|Pente para tear 190 cm|380|950',
      'PEC5108|Variador de frequência 3 kW|340|880',
    ],
    int(1, 6),
    () => between(12, 1400),
    (name) => (name.startsWith('SRV001') ? int(2, 16) : name.startsWith('SRV002') ? 1 : int(1, 6)),
  );
  const sub = sum(ls);
  const iva = r2(sub * 0.23);
  const tot = r2(sub + iva);
  const y = d.getUTCFullYear();
  const seq = int(100, 4800);
  const series = pick(['A', String(y), `FT${String(y).slice(2)}`]);
  const num = `FT ${series}/${seq}`;
  const atcud = `${chars(8, 'BCDFGHJKLMNPQRSTVWXYZ23456789')}-${seq}`;
  const when = pick([iso, (x: Date) => dmy(x, '-'), (x: Date) => dmy(x)]);
  const hash = chars(4, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
  emit(
    'c-pt-fatura',
    `<table style="width:100%"><tr><td style="vertical-align:top;line-height:1.45">${logo(sup.name.slice(0, 1) + sup.name.split(' ')[2]!.slice(0, 1), '#0b5394', 15)}<br><b style="font-size:11pt">${sup.name}</b><br>${sup.addr}<br>${sup.city}<br>NIF: ${nif} · Capital social 50.000,00 €<br>C.R.C. ${pick(['Guimarães', 'Braga', 'V. N. Famalicão'])}</td>
  <td style="width:46%;vertical-align:top"><div class="doc"><div class="dt">Fatura</div><div class="dn">${num}</div><div class="orig">Original</div></div>
  <table class="hdr"><tr><td>Data de emissão</td><td>${when(d)}</td></tr><tr><td>Data de vencimento</td><td>${when(addDays(d, pick([30, 60])))}</td></tr><tr><td>ATCUD</td><td>${atcud}</td></tr><tr><td>V/ Ref.ª</td><td>${pick(['Encomenda', 'Req.'])} ${int(1000, 9999)}</td></tr></table></td></tr></table>
  <div class="cli"><div class="lb">Exmo.(s) Sr.(s)</div><b>${cust.name}</b><br>${cust.addr}<br>${cust.city}<br>Contribuinte n.º ${custNif}</div>
  <table class="items"><tr><th style="text-align:left">Artigo</th><th style="text-align:left">Descrição</th><th>Qtd.</th><th>Un.</th><th>Preço Unit.</th><th>Desc. %</th><th>IVA %</th><th>Total</th></tr>
  ${rows(ls, (l, i) => `<tr><td style="text-align:left">${codes[i]}</td><td style="text-align:left">${l.description}</td><td>${eu(l.quantity)}</td><td>${codes[i]!.startsWith('SRV001') ? 'H' : 'UN'}</td><td>${eu(l.unitPrice)}</td><td>0,00</td><td>23</td><td>${eu(l.amount)}</td></tr>`)}</table>
  <table style="width:100%;margin-top:14px"><tr><td style="vertical-align:top"><table class="vs"><tr><th>Taxa</th><th>Incidência</th><th>Valor IVA</th><th>Motivo isenção</th></tr><tr><td>IVA 23%</td><td>${eu(sub)}</td><td>${eu(iva)}</td><td></td></tr></table></td>
  <td style="width:40%"><table class="tot"><tr><td>Total Ilíquido</td><td>${eu(sub)} €</td></tr><tr><td>Total Descontos</td><td>0,00 €</td></tr><tr><td>Total IVA</td><td>${eu(iva)} €</td></tr><tr class="b"><td>Total (EUR)</td><td>${eu(tot)} €</td></tr></table></td></tr></table>
  <table style="width:100%;margin-top:26px"><tr><td style="width:90px">${qr(3.2)}</td><td class="small">${hash}-Processado por programa certificado n.º ${int(1000, 2999)}/AT<br>Os bens/serviços foram colocados à disposição do adquirente na data do documento.<br>IBAN ${iban('PT', `0035${pad(int(0, 9999), 4)}${pad(int(0, 99999999999), 11)}${pad(int(0, 99), 2)}`)}</td></tr></table>`,
    {
      // number: the document's full identifier as printed, type code included ("FT A/1234": type FT, series A,
      // sequence 1234), which the ATCUD's "-1234" repeats; NIFs are the printed nine digits, no PT prefix.
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'EUR',
      supplierTaxId: nif,
      customerTaxId: custNif,
      lines: ls,
    },
    `body{font-family:'DejaVu Sans',sans-serif;font-size:8.5pt}.doc{border:1px solid #0b5394;padding:6px 10px;display:flex;align-items:baseline;gap:12px}.dt{font-size:15pt;color:#0b5394;font-weight:bold}.dn{font-size:12pt;font-weight:bold}.orig{margin-left:auto;font-size:7.5pt;color:#666}
  .hdr{width:100%;border:1px solid #0b5394;border-top:none}.hdr td{padding:2px 8px}.hdr td:first-child{color:#0b5394}
  .cli{margin:18px 0 0 52%;line-height:1.45}.lb{font-size:7.5pt;color:#666}
  .items{width:100%;margin-top:16px}.items th{background:#0b5394;color:#fff;padding:4px;text-align:right;font-weight:normal}.items td{padding:4px;text-align:right;border-bottom:1px solid #dbe5f1}
  .vs{width:100%;font-size:8pt}.vs th{border-bottom:1px solid #0b5394;padding:2px 4px;text-align:right}.vs td{padding:2px 4px;text-align:right}
  .tot{width:100%}.tot td{padding:3px 6px}.tot td:last-child{text-align:right}.tot .b td{font-weight:bold;font-size:11pt;border-top:2px solid #0b5394}.small{font-size:7pt;color:#555;vertical-align:top;line-height:1.5}`,
  );
}

/** A Belgian account number (BBAN): bank and account, ten digits, and their two check digits (mod 97, 0 → 97). */
function beBban(): string {
  const ten = `${int(100, 999)}${pad(int(0, 9999999), 7)}`;
  return `${ten}${pad(Number(BigInt(ten) % 97n) || 97)}`;
}
/** A Belgian structured payment reference +++123/4567/89012+++ (last two digits: first ten mod 97, 0 → 97). */
function ogm(): string {
  const ten = pad(int(0, 9999999999), 10);
  const c = Number(BigInt(ten) % 97n) || 97;
  const s = `${ten}${pad(c)}`;
  return `+++${s.slice(0, 3)}/${s.slice(3, 7)}/${s.slice(7)}+++`;
}

// 12. Belgium or the Netherlands: number and dates in a horizontal strip, totals in another strip under the items
function nlStrips(emit: Emit) {
  const d = date();
  const be = rnd() < 0.55;
  const due = addDays(d, pick([14, 30, 45]));
  const vat = be ? beVat(`0${int(4000000, 8999999)}`) : retry(() => nlVat(int(10000000, 99999999)));
  const fmtVat = (v: string) => (be ? `BE ${v.slice(2, 6)}.${v.slice(6, 9)}.${v.slice(9)}` : v);
  const custVat =
    rnd() < 0.6
      ? be
        ? beVat(`0${int(4000000, 8999999)}`)
        : retry(() => nlVat(int(10000000, 99999999)))
      : null;
  const sup = be
    ? {
        name: 'Leiedal Weeftechniek BV',
        addr: 'Kortrijksesteenweg 214, 8530 Harelbeke',
        reg: `RPR Gent, afdeling Kortrijk`,
      }
    : {
        name: 'Twentse Weefmachine Techniek B.V.',
        addr: 'Getfertsingel 51, 7512 BG Enschede',
        reg: `KvK ${int(10000000, 99999999)}`,
      };
  const cust = be
    ? pick([
        { name: 'Tapijtweverij Zwevegem NV', addr: 'Industrielaan 22<br>8550 Zwevegem' },
        { name: 'Ververij Schelde NV', addr: 'Nijverheidskaai 5<br>9000 Gent' },
        { name: 'Weverij Lys Textiles BV', addr: 'Gentseweg 410<br>8793 Waregem' },
      ])
    : pick([
        { name: 'Textielfabriek Oldenzaal B.V.', addr: 'Hengelosestraat 120<br>7571 EK Oldenzaal' },
        { name: 'Brabantse Breierij B.V.', addr: 'Ringweg 14<br>5051 AB Goirle' },
      ]);
  const { ls, codes } = drawCoded(
    [
      'ARB-01|Arbeidsuren technieker|62|88',
      'VPL-01|Verplaatsingskosten|35|95',
      'ONS-4410|Lamellen kettingwachter (1000 st.)|180|420',
      'ONS-2207|Grijperband links compleet|240|690',
      'ONS-3318|Tandriem HTD 1200-8M-30|45|160',
      'ONS-7705|Frequentieregelaar 4 kW|900|2400',
      'ONS-1902|Weefriet 190 cm|650|1900',
      'ONH-001|Onderhoudscontract weefzaal, kwartaal|1200|3800',
    ],
    int(1, 6),
    () => between(24, 2100),
    (name) =>
      name.startsWith('ARB') ? int(2, 20) : name.startsWith('VPL') || name.startsWith('ONH') ? 1 : int(1, 6),
  );
  const sub = sum(ls);
  const btw = r2(sub * 0.21);
  const tot = r2(sub + btw);
  const y = d.getUTCFullYear();
  const num = be
    ? pick([`${y}/${pad(int(1, 2400), 4)}`, `VF${String(y).slice(2)}-${pad(int(1, 2400), 5)}`])
    : `${y}${pad(int(1, 2400), 4)}`;
  const sep = be ? '/' : '-';
  const accent = pick(['#0e7490', '#a16207', '#4338ca']);
  const ref = be ? ogm() : `${int(1000, 9999)} ${int(1000, 9999)} ${int(1000, 9999)} ${int(1000, 9999)}`;
  const klant = `${pick(['K', 'C', ''])}${int(1000, 9999)}`;
  emit(
    'c-nl-strips',
    `<div style="display:flex;justify-content:space-between;align-items:flex-start"><div><div class="ttl">FACTUUR</div>${logo(be ? 'LW' : 'TWT', accent, 13)}</div><div class="r" style="line-height:1.45"><b>${sup.name}</b><br>${sup.addr}<br>BTW ${fmtVat(vat)}<br>${sup.reg}</div></div>
  <div class="cust"><b>${cust.name}</b><br>${cust.addr}${custVat ? `<br>BTW ${fmtVat(custVat)}` : ''}</div>
  <table class="strip"><tr><th>Factuurnummer</th><th>Factuurdatum</th><th>Vervaldatum</th><th>Klantnummer</th></tr><tr><td>${num}</td><td>${dmy(d, sep)}</td><td>${dmy(due, sep)}</td><td>${klant}</td></tr></table>
  <table class="items"><tr><th style="text-align:left">Artikel</th><th style="text-align:left">Omschrijving</th><th>Aantal</th><th>Eenheidsprijs</th><th>BTW</th><th>Bedrag</th></tr>
  ${rows(ls, (l, i) => `<tr><td style="text-align:left">${codes[i]}</td><td style="text-align:left">${l.description}</td><td>${eu(l.quantity)}</td><td>${eu(l.unitPrice)}</td><td>21%</td><td>${eu(l.amount)}</td></tr>`)}</table>
  <table class="strip tots"><tr><th>Subtotaal</th><th>BTW 21%</th><th>Totaal</th></tr><tr><td>€ ${eu(sub)}</td><td>€ ${eu(btw)}</td><td class="b">€ ${eu(tot)}</td></tr></table>
  <p style="margin-top:22px;line-height:1.5">Gelieve te betalen vóór ${dmy(due, sep)} op rekening ${iban(be ? 'BE' : 'NL', be ? beBban() : `RABO0${int(100000000, 399999999)}`)} met vermelding van ${be ? 'de gestructureerde mededeling' : 'betalingskenmerk'} <b>${ref}</b>.</p>
  <p class="small">${be ? 'Op al onze facturen zijn onze algemene voorwaarden van toepassing. Bij laattijdige betaling is van rechtswege een nalatigheidsintrest verschuldigd.' : 'Op al onze leveringen zijn de Metaalunievoorwaarden van toepassing.'}</p>`,
    {
      number: num,
      issueDate: iso(d),
      total: tot,
      currency: 'EUR',
      supplierTaxId: vat,
      customerTaxId: custVat,
      lines: ls,
    },
    `body{font-family:'Liberation Sans',sans-serif;font-size:9.5pt}.ttl{font-size:24pt;font-weight:bold;color:${accent};letter-spacing:3px;margin-bottom:8px}.r{text-align:right}
  .cust{margin:24px 0 0 55%;line-height:1.45;border-left:3px solid ${accent};padding-left:8px}
  .strip{width:100%;margin-top:22px;border:1px solid ${accent}}.strip th{background:${accent};color:#fff;font-weight:normal;padding:4px 8px;text-align:left;font-size:8.5pt;border-right:1px solid #fff}.strip td{padding:6px 8px;border-right:1px solid ${accent};font-size:10.5pt}
  .items{width:100%;margin-top:18px}.items th{border-bottom:2px solid ${accent};padding:5px;text-align:right;font-size:8.5pt}.items td{padding:5px;text-align:right;border-bottom:1px solid #e5e5e5}
  .tots th,.tots td{text-align:right;width:33%}.tots .b{font-weight:bold;font-size:12pt}.small{font-size:7.5pt;color:#666;margin-top:30px}`,
  );
}

export function setC(emit: Emit): void {
  for (const layout of [
    esTicket,
    deMarketplace,
    titleNumber,
    chRechnung,
    coCuentaCobro,
    frArtisan,
    itSummaryFirst,
    enSublines,
    mxNota,
    clFactura,
    ptFatura,
    nlStrips,
  ])
    layout(emit);
}
