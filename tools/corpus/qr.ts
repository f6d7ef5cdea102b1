import type { Printer } from './printer.ts';
import { drawQrImage, drawQrVector, qrSymbol } from './qr-draw.ts';
import { clockTime, dianQrPayload, type QrPayloadKind, qrFacts } from './qr-payload.ts';
import { contentBottom, nearestFreeSquare, type Point } from './qr-place.ts';
import type { Random } from './random.ts';
import type { Sheet } from './sheet.ts';

/** The QR code an invoice prints: its payload and where it went (top-down page units, quiet zone included). */
export interface PrintedQr {
  kind: QrPayloadKind;
  payload: string;
  drawing: 'vector' | 'image';
  page: number;
  left: number;
  top: number;
  side: number;
}

const POINTS_PER_CM = 72 / 2.54;
/** Clear paper kept between the quiet zone and any other ink. */
const GAP = 3;
/** Running footers (page numbers) sit this close to the bottom margin. */
const FOOTER = 24;

type Anchor = 'foot' | 'top-right' | 'bottom-corner';

/**
 * Prints the DIAN QR code on an invoice with a CUFE, most of the time, where it overlaps nothing. Every
 * choice comes from `rng` (its own stream), so the rest of the invoice does not change with it.
 */
export async function printQrCode(sheet: Sheet, printer: Printer, rng: Random): Promise<PrintedQr | null> {
  const { data, style } = printer;
  if (!data.cufe || !rng.chance(0.85)) return null;
  const kind: QrPayloadKind = rng.chance(0.2) ? 'url' : 'full';
  const drawing = rng.chance(0.5) ? 'vector' : 'image';
  // jsQR on a 200 dpi scan misjudges the module count of the dense full payload (81 modules) below ~4 cm;
  // the URL alone (53 modules) reads from 2.6 cm.
  const side = (kind === 'url' ? rng.float(2.6, 3.6) : rng.float(4.2, 5.0)) * POINTS_PER_CM;
  const pixelsPerModule = rng.int(3, 8);
  const anchors = rng.weighted<Anchor[]>([
    [['foot', 'bottom-corner', 'top-right'], 55],
    [['top-right', 'foot', 'bottom-corner'], 25],
    [['bottom-corner', 'foot', 'top-right'], 20],
  ]);
  const rightSide = rng.chance(0.7);
  const time = clockTime(style.issueTime) ?? drawnTime(rng);
  const payload = dianQrPayload(qrFacts({ ...data, cufe: data.cufe }, time), kind);

  const spot = isRoll(sheet) ? underRoll(sheet, side, rng) : onSheet(sheet, side, anchors, rightSide);
  if (!spot) return null;
  const page = sheet.pages[spot.page];
  if (!page) return null;
  const square = { x: spot.x, y: sheet.height - spot.y - side, side };
  if (drawing === 'vector') drawQrVector(page, qrSymbol(payload), square);
  else await drawQrImage(sheet.doc, page, payload, square, pixelsPerModule);
  return { kind, payload, drawing, page: spot.page, left: spot.x, top: spot.y, side };
}

function drawnTime(rng: Random): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(rng.int(7, 18))}:${two(rng.int(0, 59))}:${two(rng.int(0, 59))}`;
}

/** A receipt drawn on a long roll and cut below its content (the ticket layout). */
function isRoll(sheet: Sheet): boolean {
  return sheet.pages.length === 1 && sheet.page.getMediaBox().height < sheet.height - 1;
}

/** Receipt printers print the code after the last line; the cut moves down to make room. */
function underRoll(sheet: Sheet, side: number, rng: Random): (Point & { page: number }) | null {
  const ink = sheet.ink[0] ?? [];
  const top = contentBottom(ink, Number.POSITIVE_INFINITY, 0) + GAP + rng.float(2, 8);
  const x = (sheet.width - side) / 2;
  const used = Math.ceil(top + side + sheet.margin);
  sheet.page.setMediaBox(0, sheet.height - used, sheet.width, used);
  return { page: 0, x, y: top };
}

function onSheet(
  sheet: Sheet,
  side: number,
  anchors: Anchor[],
  rightSide: boolean,
): (Point & { page: number }) | null {
  const m = sheet.margin;
  const area = { left: m, top: m, right: sheet.width - m, bottom: sheet.height - m };
  const edge = rightSide ? area.right - side : area.left;
  for (const anchor of anchors) {
    const page = anchor === 'top-right' ? 0 : sheet.pages.length - 1;
    const ink = sheet.ink[page] ?? [];
    const wanted =
      anchor === 'top-right'
        ? { x: area.right - side, y: area.top }
        : anchor === 'foot'
          ? { x: edge, y: contentBottom(ink, area.bottom, FOOTER) + GAP }
          : { x: edge, y: area.bottom - side };
    const spot = nearestFreeSquare(ink, area, side, GAP, wanted);
    if (spot) return { page, ...spot };
  }
  return null;
}
