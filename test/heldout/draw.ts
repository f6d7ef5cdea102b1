import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/** Top-left coordinates over pdf-lib's bottom-left page space, with left/right/centre alignment and wrapping. */
export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export type Align = 'left' | 'right' | 'center';

export class Canvas {
  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
  ) {}

  get width(): number {
    return this.page.getWidth();
  }

  text(
    value: string,
    x: number,
    top: number,
    options: { size?: number; bold?: boolean; align?: Align } = {},
  ) {
    const size = options.size ?? 8;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const width = font.widthOfTextAtSize(value, size);
    const left = options.align === 'right' ? x - width : options.align === 'center' ? x - width / 2 : x;
    this.page.drawText(value, {
      x: left,
      y: this.page.getHeight() - top - size,
      size,
      font,
      color: rgb(0.1, 0.1, 0.1),
    });
  }

  /** Draws wrapped text and returns how many lines it took. */
  paragraph(
    value: string,
    x: number,
    top: number,
    width: number,
    options: { size?: number; bold?: boolean } = {},
  ) {
    const size = options.size ?? 8;
    const lines = this.wrap(value, width, size, options.bold);
    lines.forEach((l, i) => {
      this.text(l, x, top + i * (size + 2), options);
    });
    return lines.length;
  }

  wrap(value: string, width: number, size = 8, bold = false): string[] {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    const lines: string[] = [];
    let current = '';
    for (const word of value.split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    if (current) lines.push(current);
    return lines;
  }

  line(x1: number, top1: number, x2: number, top2: number, thickness = 0.6) {
    const h = this.page.getHeight();
    this.page.drawLine({
      start: { x: x1, y: h - top1 },
      end: { x: x2, y: h - top2 },
      thickness,
      color: rgb(0.3, 0.3, 0.3),
    });
  }

  box(x: number, top: number, width: number, height: number, fill?: number) {
    this.page.drawRectangle({
      x,
      y: this.page.getHeight() - top - height,
      width,
      height,
      borderWidth: 0.7,
      borderColor: rgb(0.3, 0.3, 0.3),
      ...(fill === undefined ? {} : { color: rgb(fill, fill, fill) }),
    });
  }
}
