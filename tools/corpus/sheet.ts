import { type PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { PrintStyle } from './style.ts';

export interface TextOptions {
  size?: number;
  bold?: boolean;
  align?: 'left' | 'right' | 'center';
  /** Grey level 0 (black) .. 1 (white). */
  grey?: number;
}

/** An area something was drawn on, in top-down page units. */
export interface InkBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface BoxOptions {
  border?: number;
  fill?: number;
}

const FAMILIES = {
  helvetica: [StandardFonts.Helvetica, StandardFonts.HelveticaBold],
  times: [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold],
  courier: [StandardFonts.Courier, StandardFonts.CourierBold],
} as const;

/**
 * A thin drawing surface over pdf-lib with y measured from the top of the page (as layouts think) and
 * page breaks handled by the caller through `newPage`.
 */
export class Sheet {
  readonly pages: PDFPage[] = [];
  /** What each page has drawn on it, so that late additions (the QR code) can find empty paper. */
  readonly ink: InkBox[][] = [];
  y = 0;

  private constructor(
    readonly doc: PDFDocument,
    readonly width: number,
    readonly height: number,
    readonly margin: number,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    readonly size: number,
  ) {}

  static async create(
    doc: PDFDocument,
    style: PrintStyle,
    page: { width: number; height: number; margin: number; font?: PrintStyle['font'] },
  ): Promise<Sheet> {
    const [regularName, boldName] = FAMILIES[page.font ?? style.font];
    const regular = await doc.embedFont(regularName);
    const bold = await doc.embedFont(boldName);
    const sheet = new Sheet(doc, page.width, page.height, page.margin, regular, bold, style.baseSize);
    sheet.newPage();
    return sheet;
  }

  get page(): PDFPage {
    return this.pages[this.pages.length - 1] as PDFPage;
  }

  get bottom(): number {
    return this.height - this.margin;
  }

  get contentWidth(): number {
    return this.width - 2 * this.margin;
  }

  newPage(): void {
    this.pages.push(this.doc.addPage([this.width, this.height]));
    this.ink.push([]);
    this.y = this.margin;
  }

  font(bold = false): PDFFont {
    return bold ? this.bold : this.regular;
  }

  textWidth(text: string, size = this.size, bold = false): number {
    return this.font(bold).widthOfTextAtSize(text, size);
  }

  /** The largest size up to `size` at which `text` fits in `width`. */
  fit(text: string, width: number, size = this.size, bold = false): number {
    return Math.min(size, (0.97 * size * width) / Math.max(1, this.textWidth(text, size, bold)));
  }

  /** Draws one line of text whose top is at `top`; `x` is the left, right or centre edge per `align`. */
  text(text: string, x: number, top: number, options: TextOptions = {}, page = this.page): void {
    const size = options.size ?? this.size;
    const bold = options.bold ?? false;
    const width = this.textWidth(text, size, bold);
    const left = options.align === 'right' ? x - width : options.align === 'center' ? x - width / 2 : x;
    const grey = options.grey ?? 0;
    page.drawText(text, {
      x: left,
      y: this.height - top - size * 0.8,
      size,
      font: this.font(bold),
      color: rgb(grey, grey, grey),
    });
    this.mark(page, left, top, left + width, top + size);
  }

  private mark(page: PDFPage, left: number, top: number, right: number, bottom: number): void {
    this.ink[this.pages.indexOf(page)]?.push({ left, top, right, bottom });
  }

  /** Splits text into lines no wider than `width`, breaking at spaces (or inside over-long words). */
  wrap(text: string, width: number, size = this.size, bold = false): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (this.textWidth(candidate, size, bold) <= width) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = word;
      while (this.textWidth(current, size, bold) > width && current.length > 1) {
        let cut = current.length - 1;
        while (cut > 1 && this.textWidth(current.slice(0, cut), size, bold) > width) cut--;
        lines.push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
    if (current) lines.push(current);
    return lines.length ? lines : [''];
  }

  /** Draws wrapped text and returns the height used. */
  paragraph(text: string, x: number, top: number, width: number, options: TextOptions = {}): number {
    const size = options.size ?? this.size;
    const lines = this.wrap(text, width, size, options.bold);
    lines.forEach((line, i) => {
      this.text(line, x, top + i * size * 1.25, options);
    });
    return lines.length * size * 1.25;
  }

  box(
    x: number,
    top: number,
    width: number,
    height: number,
    options: BoxOptions = {},
    page = this.page,
  ): void {
    const fill = options.fill;
    page.drawRectangle({
      x,
      y: this.height - top - height,
      width,
      height,
      borderWidth: options.border ?? 0.6,
      borderColor: (options.border ?? 0.6) > 0 ? rgb(0, 0, 0) : undefined,
      color: fill === undefined ? undefined : rgb(fill, fill, fill),
    });
    this.mark(page, x, top, x + width, top + height);
  }

  hline(x1: number, x2: number, top: number, thickness = 0.6, page = this.page): void {
    this.mark(page, Math.min(x1, x2), top - thickness / 2, Math.max(x1, x2), top + thickness / 2);
    page.drawLine({
      start: { x: x1, y: this.height - top },
      end: { x: x2, y: this.height - top },
      thickness,
      color: rgb(0, 0, 0),
    });
  }

  vline(x: number, top: number, bottom: number, thickness = 0.6, page = this.page): void {
    this.mark(page, x - thickness / 2, Math.min(top, bottom), x + thickness / 2, Math.max(top, bottom));
    page.drawLine({
      start: { x, y: this.height - top },
      end: { x, y: this.height - bottom },
      thickness,
      color: rgb(0, 0, 0),
    });
  }
}
