"""Fonts for every script on printed documents (DOMAIN.md section 8): bundled fonts and per-character fallback.

Every text that comes from data (names, addresses, descriptions, notes, custom fields, the company
header) is split into runs by the first bundled font that has each character's glyph:

1. DejaVu Sans (regular or bold): Latin with diacritics, Greek, Cyrillic, Armenian, Georgian, Hebrew
   and Arabic letters, symbols;
2. Droid Sans Fallback (Apache-2.0): Chinese (simplified and traditional), Japanese kana and kanji;
3. NanumSquare (OFL-1.1): Korean Hangul.

All three are TrueType files in resources/fonts (the package xmart.resources; licences beside them) and are embedded as
subsets, so every viewer and printer shows the same glyphs and text extraction gives the original
characters back. Latin text therefore stays DejaVu, and a Chinese name inside a Latin address prints
its ideographs in Droid Sans Fallback.

Not covered (chosen and documented): scripts none of the three fonts has (Thai, Devanagari and other
Indic scripts, emoji ...). Such a character never prints as an empty box or disappears: it prints as
the visible replacement mark U+FFFD (a black diamond with a question mark) and a warning naming only
its code point (never the text around it, which may be customer data) goes to the `xmart.documents`
log. Hebrew and Arabic print with DejaVu's glyphs in the order they are stored, one character after
the other: reportlab has no right-to-left reordering or Arabic joining without optional native
packages, so Arabic letters print in their isolated forms.
"""

from __future__ import annotations

import functools
import importlib.resources
import logging
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
# (font name, file): tried in this order after the text's own DejaVu font; neither has a bold face.
FALLBACK_FONTS = (("DroidSansFallback", "DroidSansFallbackFull.ttf"), ("NanumSquare", "NanumSquareR.ttf"))
MISSING = "\ufffd"

log = logging.getLogger("xmart.documents")


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register the bundled fonts with reportlab once; return the (regular, bold) DejaVu names.

    The fallback fonts are registered as their own families (bold = regular) so that a `<font face>`
    run inside a bold paragraph stays in the fallback font.
    """
    fonts = importlib.resources.files("xmart.resources")
    files = ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf"), *FALLBACK_FONTS)
    for name, file in files:
        with importlib.resources.as_file(fonts.joinpath(f"fonts/{file}")) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    for name, _ in FALLBACK_FONTS:
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return FONT, FONT_BOLD


@functools.cache
def _cmap(font: str) -> frozenset[int]:
    """The code points a registered TrueType font has glyphs for."""
    register_fonts()
    face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]  # TTFont's face; untyped in stubs
    return frozenset(face.charToGlyph)


def _font_for(char: str, font: str) -> str | None:
    """The first font of `font` and the fallbacks that has `char`, or None."""
    code = ord(char)
    if code in _cmap(font):
        return font
    for name, _ in FALLBACK_FONTS:
        if code in _cmap(name):
            return name
    return None


@functools.lru_cache(maxsize=8192)
def font_runs(text: str, font: str = FONT) -> tuple[tuple[str, str], ...]:
    """`text` split into (font name, text) runs, each character in the first font that has its glyph.

    `font` is the text's own font (FONT or FONT_BOLD), tried first; then FALLBACK_FONTS. White space
    stays in the run it is in. A character no bundled font has becomes MISSING in `font`, and a
    warning naming its code point (only) is logged. No DOMAIN rule beyond section 8; raises nothing.
    """
    if text.isascii():
        return ((font, text),) if text else ()
    runs: list[tuple[str, list[str]]] = []
    for char in text:
        if runs and char.isspace() and ord(char) in _cmap(runs[-1][0]):
            runs[-1][1].append(char)
            continue
        name = _font_for(char, font)
        if name is None:
            log.warning("no bundled font has U+%04X; printed as U+FFFD", ord(char))
            name, char = font, MISSING
        if runs and runs[-1][0] == name:
            runs[-1][1].append(char)
        else:
            runs.append((name, [char]))
    return tuple((name, "".join(chars)) for name, chars in runs)


def is_plain(text: str, font: str = FONT) -> bool:
    """True when `font` alone prints every character of `text` (a plain table cell string will do)."""
    return text.isascii() or all(ord(char) in _cmap(font) for char in text)


def markup(text: str, font: str = FONT) -> str:
    """`text` as reportlab Paragraph markup: escaped, lines joined by <br/>, fallback runs in <font face>.

    `font` is the paragraph style's font (FONT or FONT_BOLD); runs in it need no tag. Empty text
    gives a non-breaking space so that the paragraph keeps its height.
    """
    lines = []
    for line in text.splitlines() or [""]:
        parts = []
        for name, run in font_runs(line, font):
            parts.append(escape(run) if name == font else f'<font face="{name}">{escape(run)}</font>')
        lines.append("".join(parts))
    joined = "<br/>".join(lines)
    return joined if joined.strip() else "&nbsp;"


def string_width(text: str, font: str, size: float) -> float:
    """Printed width of one line of `text` in points at `size`, with fallback fonts where they print."""
    return sum(pdfmetrics.stringWidth(run, name, size) for name, run in font_runs(text, font))


def draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, *, right: bool = False) -> None:
    """Draw one line of `text` with fallback fonts; `x` is the left edge, or the right edge when `right`."""
    runs = font_runs(text, font)
    if right:
        x -= sum(pdfmetrics.stringWidth(run, name, size) for name, run in runs)
    for name, run in runs:
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, name, size)


__all__ = [
    "FALLBACK_FONTS",
    "FONT",
    "FONT_BOLD",
    "MISSING",
    "draw_string",
    "font_runs",
    "is_plain",
    "markup",
    "register_fonts",
    "string_width",
]
