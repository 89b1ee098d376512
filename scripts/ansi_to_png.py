#!/usr/bin/python3
"""Render a terminal screen captured with `tmux capture-pane -e -p` (text with SGR colour
escapes) to a PNG, one monospace cell per column, wide (CJK) characters two cells.

Usage: ansi_to_png.py SCREEN.ansi OUT.png COLUMNS ROWS
Needs Pillow, a CJK font and a Latin monospace font (Debian: python3-pil
fonts-wqy-microhei fonts-dejavu-core). Wide characters use the CJK font at two cells, the
rest DejaVu Sans Mono at one, so columns line up as in a terminal.
"""
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
CELL = 9  # pixels per column; a wide character takes two
FG, BG = (220, 220, 220), (24, 26, 30)
# xterm's 16 colours, softened a little for a dark background.
PALETTE = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16),
    (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67),
    (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]


def xterm256(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    g = 8 + (n - 232) * 10
    return (g, g, g)


def cells(n):
    return 2 if unicodedata.east_asian_width(n) in "WF" else 1


class Pen:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = self.bg = None
        self.bold = self.dim = self.reverse = self.underline = False

    def apply(self, params):
        codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = PALETTE[c - 30]
            elif 90 <= c <= 97:
                self.fg = PALETTE[c - 90 + 8]
            elif 40 <= c <= 47:
                self.bg = PALETTE[c - 40]
            elif 100 <= c <= 107:
                self.bg = PALETTE[c - 100 + 8]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                colour = xterm256(codes[i + 2])
                self.fg, self.bg = (colour, self.bg) if c == 38 else (self.fg, colour)
                i += 2
            elif c in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                colour = tuple(codes[i + 2 : i + 5])
                self.fg, self.bg = (colour, self.bg) if c == 38 else (self.fg, colour)
                i += 4
            i += 1

    def colours(self):
        fg, bg = self.fg or FG, self.bg or BG
        if self.bold and self.fg is None:
            fg = (255, 255, 255)
        if self.dim:
            fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
        return (bg, fg) if self.reverse else (fg, bg)


def main():
    src, out, cols, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    cjk = ImageFont.truetype(CJK_FONT, 2 * CELL)
    # DejaVu Sans Mono advances 0.602 em: pick the size whose advance is one cell.
    latin = ImageFont.truetype(LATIN_FONT, round(CELL / 0.602))
    cw, ch = CELL, 2 * CELL + 4
    pad = 12
    img = Image.new("RGB", (cols * cw + 2 * pad, rows * ch + 2 * pad), BG)
    draw = ImageDraw.Draw(img)
    text = open(src, encoding="utf-8").read()
    pen = Pen()
    for y, line in enumerate(text.split("\n")[:rows]):
        x = 0
        for token in re.split(r"(\x1b\[[0-9;]*m)", line):
            if token.startswith("\x1b["):
                pen.apply(token[2:-1])
                continue
            for c in token:
                w = cells(c)
                fg, bg = pen.colours()
                left, top = pad + x * cw, pad + y * ch
                draw.rectangle([left, top, left + w * cw - 1, top + ch - 1], fill=bg)
                if c != " ":
                    font = cjk if w == 2 or ord(c) > 0x2E7F else latin
                    draw.text((left, top + 1), c, font=font, fill=fg)
                if pen.underline:
                    draw.line([left, top + ch - 3, left + w * cw - 1, top + ch - 3], fill=fg)
                x += w
        # capture-pane drops trailing blanks; a reversed or coloured bar (the title bar)
        # runs on to the edge in the terminal, so fill the rest of the row with its colour.
        fg, bg = pen.colours()
        if bg != BG:
            top = pad + y * ch
            draw.rectangle([pad + x * cw, top, pad + cols * cw - 1, top + ch - 1], fill=bg)
    # A terminal has few colours: a palette image is a fraction of the size.
    img.convert("P", palette=Image.ADAPTIVE, colors=128).save(out, optimize=True)


if __name__ == "__main__":
    main()
