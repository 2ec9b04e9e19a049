"""The base PDF renderer shared by every printed document (modelled on pretix's invoice renderer).

reportlab platypus on A4, geometry in mm, named paragraph styles, first-page and later-page
callbacks. One build lays out any number of documents, each starting on a new page; the canvas
holds pages back until the end so that every page can print "Page N of M" counted within its own
document. Subclasses only say what goes where (parties, facts, totals, notes); the renderer never
computes money, it prints the values it is given.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from xmart.processes.documents.data import CompanyInfo, DocumentLine, Party
from xmart.processes.documents.fonts import (
    FONT,
    FONT_BOLD,
    draw_string,
    is_plain,
    markup,
    register_fonts,
    string_width,
)

INK = colors.HexColor("#1A1F27")
MUTED = colors.HexColor("#5B6573")
ACCENT = colors.HexColor("#1F3A5F")
RULE = colors.HexColor("#C8CDD4")
SHADE = colors.HexColor("#F2F4F7")
HIGHLIGHT = colors.HexColor("#FFF4D6")
HIGHLIGHT_EDGE = colors.HexColor("#E0B44C")


def format_money(value: Decimal) -> str:
    """Money with thousands separators and 2 decimals: 1,234.50."""
    return f"{Decimal(value):,.2f}"


def format_percent(value: Decimal) -> str:
    """A discount percentage without needless zeros: 10, 12.5."""
    text = f"{Decimal(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_qty(value: int) -> str:
    """A quantity with thousands separators."""
    return f"{value:,}"


def format_date(value: dt.date | None) -> str:
    """A date as printed on documents: ISO 8601, unambiguous in every locale."""
    return value.isoformat() if value is not None else ""


@dataclass(frozen=True)
class TotalRow:
    """One row of the totals block; `strong` rows are bold with a rule above."""

    label: str
    amount: Decimal
    strong: bool = False


class PrintableDocument(Protocol):
    """What every document dataclass offers to the base renderer."""

    @property
    def number(self) -> int | str: ...

    @property
    def date(self) -> dt.date: ...

    @property
    def lines(self) -> Sequence[DocumentLine]: ...


D = TypeVar("D", bound=PrintableDocument)

PageDecorator = Callable[[Canvas, int, int, int], None]


class _PagedCanvas(Canvas):
    """A canvas that keeps pages until save() so each page can name its page count within its document."""

    def __init__(self, *args: Any, decorate: PageDecorator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._held: list[dict[str, Any]] = []
        self.xmart_document = 0

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        """Keep the finished page and start a fresh one."""
        self._held.append(dict(self.__dict__))
        # reportlab's private page reset (what Canvas.showPage calls); types-reportlab omits it
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        """Write every held page with its footer, then the PDF."""
        counts = Counter(state["xmart_document"] for state in self._held)
        seen: Counter[int] = Counter()
        for state in self._held:
            self.__dict__.update(state)
            index = state["xmart_document"]
            seen[index] += 1
            self._decorate(self, index, seen[index], counts[index])
            Canvas.showPage(self)
        # Plain Flate page streams: valid PDF, 20% smaller, and skips slow pure-Python ASCII85.
        # rl_config is reportlab's global; the flag only picks an encoding, so a race is harmless.
        previous, rl_config.useA85 = rl_config.useA85, 0
        try:
            Canvas.save(self)
        finally:
            rl_config.useA85 = previous


class _Table(Table):
    """A platypus Table that does not draw empty text cells (about a tenth of all cells here)."""

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:  # noqa: N802
        """Draw a cell unless it is an empty string."""
        if cellval != "":
            # Table._drawCell is private in reportlab and absent from types-reportlab
            super()._drawCell(cellval, cellstyle, pos, size)  # type: ignore[misc]


class _DocumentHeader(Flowable):
    """A document's first-page header; drawing it tells the canvas which document the pages belong to."""

    def __init__(self, index: int, height: float, paint: Callable[[Canvas, float, float], None]) -> None:
        super().__init__()
        self.index = index
        self.height = height
        self.paint = paint

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Full frame width, the company-dependent header height."""
        self.width = available_width
        return available_width, self.height

    def draw(self) -> None:
        """Mark the canvas with this document and paint the header."""
        self.canv.xmart_document = self.index  # type: ignore[attr-defined]
        self.canv.saveState()
        self.paint(self.canv, self.width, self.height)
        self.canv.restoreState()


def _fitted(text: str, font: str, size: float, width: float) -> float:
    """`size`, or smaller so that `text` fits in `width`."""
    actual = string_width(text, font, size)
    return size if actual <= width else size * width / actual


def fit_widths(base: Sequence[float], needed: Sequence[float], flexible: int, minimum: float) -> list[float]:
    """Table column widths (points) that hold each column's widest content (DOMAIN.md section 8).

    `base`: the designed widths; `needed`: the widest content of each column with its padding (the
    flexible column's is ignored: its text wraps). Each other column becomes max(base, needed) and the
    flexible column takes what is left of sum(base), never under `minimum`; when it would be, the
    other columns' growth is scaled down and shrink_to_fit prints their widest cells smaller.
    """
    total = sum(base)
    others = [i for i in range(len(base)) if i != flexible]
    widths = [max(base[i], needed[i]) if i != flexible else 0.0 for i in range(len(base))]
    room = total - minimum - sum(base[i] for i in others)
    growth = sum(widths[i] - base[i] for i in others)
    if growth > room:
        scale = max(room, 0) / growth
        widths = [base[i] + (widths[i] - base[i]) * scale if i != flexible else 0.0 for i in range(len(base))]
    widths[flexible] = total - sum(widths[i] for i in others)
    return widths


def needed_widths(
    data: Sequence[Sequence[Any]], padding: float, font_at: Callable[[int, int], tuple[str, float] | None]
) -> list[float]:
    """Per column, the printed width of its widest plain-string cell plus the left and right `padding`.

    `font_at(row, column)` gives a cell's (font, size), or None to leave it out (a spanned cell);
    Paragraph cells wrap and are left out too.
    """
    widths = [0.0] * max((len(row) for row in data), default=0)
    for r, row in enumerate(data):
        for c, cell in enumerate(row):
            font = font_at(r, c)
            if isinstance(cell, str) and cell and font is not None:
                widths[c] = max(widths[c], string_width(cell, *font))
    return [width + 2 * padding for width in widths]


def shrink_to_fit(
    data: Sequence[Sequence[Any]],
    widths: Sequence[float],
    needed: Sequence[float],
    padding: float,
    font_at: Callable[[int, int], tuple[str, float] | None],
) -> list[tuple[Any, ...]]:
    """FONTSIZE table commands that print each plain-string cell wider than its column small enough to fit.

    Only columns whose `needed` width exceeds their width are scanned; `font_at(row, column)` gives the
    cell's (font, size), or None to skip it (a spanned cell). Returns [] when everything fits.
    """
    commands: list[tuple[Any, ...]] = []
    for c, width in enumerate(widths):
        if needed[c] <= width:
            continue
        for r, row in enumerate(data):
            cell, font = row[c], font_at(r, c)
            if not isinstance(cell, str) or not cell or font is None:
                continue
            actual = string_width(cell, *font)
            if actual > width - 2 * padding:
                commands.append(("FONTSIZE", (c, r), (c, r), font[1] * (width - 2 * padding) / actual))
    return commands


def _styles() -> dict[str, ParagraphStyle]:
    """The named paragraph styles used by every document."""
    register_fonts()
    base = ParagraphStyle("Normal", fontName=FONT, fontSize=9, leading=12, textColor=INK)
    return {
        "Normal": base,
        "Small": ParagraphStyle("Small", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "Company": ParagraphStyle("Company", parent=base, fontName=FONT_BOLD, fontSize=14, leading=17),
        "Title": ParagraphStyle(
            "Title", parent=base, fontName=FONT_BOLD, fontSize=19, leading=23, textColor=ACCENT, alignment=TA_RIGHT
        ),
        "Label": ParagraphStyle("Label", parent=base, fontName=FONT_BOLD, fontSize=7, leading=9, textColor=MUTED),
        "Value": ParagraphStyle("Value", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=12),
        "Strong": ParagraphStyle("Strong", parent=base, fontName=FONT_BOLD),
        "Highlight": ParagraphStyle("Highlight", parent=base, fontName=FONT_BOLD, fontSize=12, leading=15),
        "Cell": ParagraphStyle("Cell", parent=base, fontSize=8.5, leading=10.5, alignment=TA_LEFT),
    }


class DocumentRenderer(Generic[D]):
    """Lays out documents of one type as PDF; subclasses fill in the type-specific blocks."""

    title: ClassVar[str] = "Document"
    number_prefix: ClassVar[str] = ""
    price_label: ClassVar[str] = "Price"
    show_discount: ClassVar[bool] = True

    pagesize = A4
    left_margin = 18 * mm
    right_margin = 18 * mm
    top_margin = 16 * mm
    bottom_margin = 20 * mm
    later_header_height = 12 * mm
    footer_y = 10 * mm
    cell_font_size = 8.5
    cell_padding = 4

    def __init__(self, company: CompanyInfo) -> None:
        register_fonts()
        self.company = company
        self.styles = _styles()
        self.width = self.pagesize[0] - self.left_margin - self.right_margin
        self._logo = self._logo_image()
        self._logo_size = self._logo_dimensions()

    # ---- public API -------------------------------------------------------------------------

    def render(self, document: D) -> bytes:
        """One document as PDF bytes."""
        return self.render_many([document])

    def render_many(self, documents: Sequence[D]) -> bytes:
        """One PDF with every document, each starting on a new page with its own page count."""
        if not documents:
            raise ValueError("nothing to render")
        names = [self.document_name(d) for d in documents]
        buffer = io.BytesIO()
        template = self._template(buffer, names)
        story: list[Flowable] = []
        for index, document in enumerate(documents):
            if index:
                story += [NextPageTemplate("first"), PageBreak()]
            paint = functools.partial(self._paint_header, document=document)
            story += [_DocumentHeader(index, self._header_height(), paint), NextPageTemplate("later")]
            story += self.story(document)
        template.build(story, canvasmaker=functools.partial(_PagedCanvas, decorate=self._decorator(names)))
        return buffer.getvalue()

    def document_name(self, document: D) -> str:
        """The document's printed number with its prefix, e.g. SO-5001; also a good file stem."""
        number = str(document.number)
        prefix = f"{self.number_prefix}-" if self.number_prefix else ""
        return number if number.startswith(prefix) else prefix + number

    # ---- hooks for subclasses --------------------------------------------------------------

    def parties(self, document: D) -> Sequence[tuple[str, Party]]:
        """The address blocks printed side by side, as (label, party)."""
        return ()

    def facts(self, document: D) -> Sequence[tuple[str, str]]:
        """Short (label, value) facts printed in a strip under the addresses."""
        return ()

    def highlights(self, document: D) -> Sequence[tuple[str, str]]:
        """(label, value) pairs printed prominently in a shaded box, e.g. delivery dates."""
        return ()

    def totals(self, document: D) -> Sequence[TotalRow]:
        """The rows of the totals block."""
        return ()

    def notes(self, document: D) -> Sequence[tuple[str, str]]:
        """(label, text) paragraphs printed after the totals."""
        return ()

    # ---- story ---------------------------------------------------------------------------------

    def story(self, document: D) -> list[Flowable]:
        """The flowables of one document, top to bottom."""
        story: list[Flowable] = [Spacer(1, 6 * mm)]
        parties = self.parties(document)
        if parties:
            story += [self._parties(parties), Spacer(1, 4 * mm)]
        highlights = self.highlights(document)
        if highlights:
            story += [self._highlights(highlights), Spacer(1, 4 * mm)]
        facts = self.facts(document)
        if facts:
            story += [self._facts(facts), Spacer(1, 5 * mm)]
        story.append(self._lines_table(document.lines, self.totals(document)))
        for label, text in self.notes(document):
            if text:
                heading = Paragraph(markup(label.upper(), FONT_BOLD), self.styles["Label"])
                body = [Paragraph(markup(line), self.styles["Normal"]) for line in text.splitlines()]
                story += [KeepTogether([Spacer(1, 5 * mm), heading, body[0]]), *body[1:]]
        return story

    def _header_height(self) -> float:
        """Height of the first-page header; it depends on the company only."""
        left: float = 17 + 12 * len(self.company.address_lines) + (10 if self._contact() else 0)
        if self._logo_size:
            left += self._logo_size[1] + 2 * mm
        right = 23 + 2 * mm + 2 * 13
        return max(left, right) + 5 * mm

    def _contact(self) -> str:
        """The company's phone and e-mail on one line."""
        return "  ·  ".join(x for x in (self.company.phone, self.company.email) if x)

    def _logo_image(self) -> ImageReader | None:
        """The logo: the image bytes of the settings, else the file at `logo_path`; None when there is none."""
        if self.company.logo:
            return ImageReader(io.BytesIO(self.company.logo))
        path = self.company.logo_path
        return ImageReader(path) if path and os.path.isfile(path) else None

    def _logo_dimensions(self) -> tuple[float, float] | None:
        """The logo's printed size (scaled to fit 45 x 16 mm, proportions kept), or None without a logo."""
        if self._logo is None:
            return None
        width, height = self._logo.getSize()
        scale = min(45 * mm / width, 16 * mm / height)
        return width * scale, height * scale

    def _paint_header(self, canvas: Canvas, width: float, height: float, document: D) -> None:
        """Company block on the left; title, number and date on the right; a rule below."""
        left_width = width - 92 * mm
        cursor = height
        if self._logo_size and self._logo is not None:
            logo_width, logo_height = self._logo_size
            canvas.drawImage(
                self._logo,
                0,
                cursor - logo_height,
                logo_width,
                logo_height,
                mask="auto",
                preserveAspectRatio=True,
            )
            cursor -= logo_height + 2 * mm
        lines: list[tuple[str, float, float, colors.Color, str]] = [(FONT_BOLD, 14, 17, INK, self.company.name)]
        lines += [(FONT, 9, 12, INK, line) for line in self.company.address_lines]
        if self._contact():
            lines.append((FONT, 7.5, 10, MUTED, self._contact()))
        for font, size, leading, color, text in lines:
            canvas.setFillColor(color)
            draw_string(canvas, 0, cursor - size, text, font, _fitted(text, font, size, left_width))
            cursor -= leading
        canvas.setFont(FONT_BOLD, _fitted(self.title, FONT_BOLD, 19, 92 * mm))
        canvas.setFillColor(ACCENT)
        canvas.drawRightString(width, height - 19, self.title)
        cursor = height - 23 - 2 * mm
        for label, value in (("Number", self.document_name(document)), ("Date", format_date(document.date))):
            canvas.setFont(FONT, 9.5)
            canvas.setFillColor(MUTED)
            canvas.drawRightString(width - 40 * mm, cursor - 9.5, label)
            canvas.setFillColor(INK)
            draw_string(
                canvas, width, cursor - 9.5, value, FONT_BOLD, _fitted(value, FONT_BOLD, 9.5, 37 * mm), right=True
            )
            cursor -= 13
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.5)
        canvas.line(0, 0.75, width, 0.75)

    def _fit(self, text: str, style: str, width: float) -> Any:
        """Plain text (fast) when its own font prints it on one line of `width`, else a wrapping Paragraph
        with fallback fonts for the characters that font lacks."""
        font = self.styles[style]
        if (
            "\n" not in text
            and is_plain(text, font.fontName)
            and pdfmetrics.stringWidth(text, font.fontName, font.fontSize) <= width
        ):
            return text
        return Paragraph(markup(text, font.fontName), font)

    def _block_table(
        self,
        columns: Sequence[Sequence[str]],
        widths: Sequence[float],
        row_styles: Sequence[str],
        extra: Sequence[tuple[Any, ...]] = (),
        padding: float = 7,
    ) -> Table:
        """Columns of plain strings as one table; row r uses style row_styles[r] (the last one for the rest)."""
        rows = max(len(column) for column in columns)
        styles = [self.styles[row_styles[min(r, len(row_styles) - 1)]] for r in range(rows)]
        data: list[list[Any]] = [[""] * len(columns) for _ in range(rows)]
        for c, column in enumerate(columns):
            for r, text in enumerate(column):
                data[r][c] = self._fit(text, styles[r].name, widths[c] - 2 * padding)
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ]
        for r, font in enumerate(styles[: len(row_styles)]):
            last = r if r < len(row_styles) - 1 else -1
            commands += [
                ("FONTNAME", (0, r), (-1, last), font.fontName),
                ("FONTSIZE", (0, r), (-1, last), font.fontSize),
                ("LEADING", (0, r), (-1, last), font.leading),
                ("TEXTCOLOR", (0, r), (-1, last), font.textColor),
            ]
        return _Table(data, colWidths=list(widths), style=TableStyle([*commands, *extra]))

    def _parties(self, parties: Sequence[tuple[str, Party]]) -> Flowable:
        """Address blocks side by side, each in a light box."""
        gap = 6 * mm
        columns: list[list[str]] = []
        widths: list[float] = []
        column_width = (self.width - gap * (len(parties) - 1)) / len(parties)
        extra: list[tuple[Any, ...]] = [("TOPPADDING", (0, 1), (-1, 1), 3)]
        for index, (label, party) in enumerate(parties):
            if index:
                columns.append([])
                widths.append(gap)
            extra.append(("BOX", (len(columns), 0), (len(columns), -1), 0.6, RULE))
            columns.append(
                [label.upper(), party.name, *([party.company] if party.company else []), *party.address_lines]
            )
            widths.append(column_width)
        return self._block_table(columns, widths, ("Label", "Strong", "Normal"), extra)

    def _facts(self, facts: Sequence[tuple[str, str]]) -> Flowable:
        """A shaded strip of small labels over bold values, each column as wide as its value needs."""
        value = self.styles["Value"]
        natural = [string_width(text, value.fontName, value.fontSize) + 16 for _, text in facts]
        spare = self.width - sum(natural)
        if spare >= 0:
            widths = [width + spare / len(facts) for width in natural]
        else:
            widths = [self.width / len(facts)] * len(facts)
        columns = [[label.upper(), text] for label, text in facts]
        return self._block_table(columns, widths, ("Label", "Value"), [("BACKGROUND", (0, 0), (-1, -1), SHADE)])

    def _highlights(self, highlights: Sequence[tuple[str, str]]) -> Flowable:
        """A shaded, edged box with large values that must not be missed."""
        width = self.width / len(highlights)
        columns = [[label.upper(), value] for label, value in highlights]
        extra = [
            ("BACKGROUND", (0, 0), (-1, -1), HIGHLIGHT),
            ("BOX", (0, 0), (-1, -1), 1, HIGHLIGHT_EDGE),
            ("TOPPADDING", (0, 1), (-1, 1), 2),
        ]
        return self._block_table(columns, [width] * len(highlights), ("Label", "Highlight"), extra, padding=8)

    # ---- lines -----------------------------------------------------------------------------

    def _columns(self) -> list[tuple[str, float]]:
        """The (heading, base width) of each lines-table column; _lines_table widens numeric ones to fit."""
        fixed = [("SKU", 27 * mm), ("Qty", 14 * mm), (self.price_label, 24 * mm)]
        if self.show_discount:
            fixed.append(("Disc %", 15 * mm))
        fixed.append(("Amount", 27 * mm))
        description = self.width - sum(width for _, width in fixed)
        return [fixed[0], ("Description", description), *fixed[1:]]

    def _cell(self, text: str, width: float) -> Any:
        """Plain text when DejaVu prints it on one line (fast), else a wrapping Paragraph with fallback fonts."""
        return self._fit(text, "Cell", width - 2 * self.cell_padding)

    def _numbers(self, line: DocumentLine) -> list[str]:
        """The numeric cells of one line: qty, price, discount (when shown) and amount."""
        numbers = [format_qty(line.qty), format_money(line.price)]
        if self.show_discount:
            numbers.append(format_percent(line.discount))
        return [*numbers, format_money(line.amount)]

    def _lines_table(self, lines: Sequence[DocumentLine], totals: Sequence[TotalRow]) -> Flowable:
        """The lines table with the totals as its last rows; the heading row repeats on every page.

        Numeric columns are as wide as their widest value (amounts up to 9,999,999,999.99 and any
        quantity a column holds, DOMAIN.md section 8), taken from the description column; what still
        does not fit prints smaller. The last two lines and the totals never split, so totals never
        stand alone on a page.
        """
        columns = self._columns()
        size, padding = self.cell_font_size, self.cell_padding
        numbers = [self._numbers(line) for line in lines]
        amounts = [(format_money(row.amount), *self._total_font(row)) for row in totals]
        needed = [0.0, 0.0]
        for c, (heading, _) in enumerate(columns[2:]):
            column = [row[c] for row in numbers]
            widest = max(
                string_width(heading, FONT_BOLD, size),
                max((pdfmetrics.stringWidth(text, FONT, size) for text in column), default=0),
            )
            if c == len(columns) - 3:
                widest = max([widest, *(pdfmetrics.stringWidth(t, f, z) for t, f, z in amounts)])
            needed.append(widest + 2 * padding)
        widths = fit_widths([width for _, width in columns], needed, flexible=1, minimum=30 * mm)
        data: list[list[Any]] = [[heading for heading, _ in columns]]
        data += [
            [self._cell(line.sku, widths[0]), self._cell(line.description, widths[1]), *row]
            for line, row in zip(lines, numbers, strict=True)
        ]
        last_line = len(data) - 1
        spanned = [""] * (len(columns) - 3)
        data += [["", self._total_label(row), *spanned, amount[0]] for row, amount in zip(totals, amounts, strict=True)]

        def font_at(r: int, c: int) -> tuple[str, float] | None:
            if r == 0:
                return FONT_BOLD, size
            if r <= last_line:
                return FONT, size
            return amounts[r - last_line - 1][1:] if c == len(columns) - 1 else None

        shrink = shrink_to_fit(data, widths, needed, padding, font_at)
        padding = self.cell_padding
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("FONTSIZE", (0, 0), (-1, -1), self.cell_font_size),
            ("LEADING", (0, 0), (-1, -1), self.cell_font_size + 2),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("NOSPLIT", (0, max(1, last_line - 1)), (-1, -1)),
        ]
        if lines:
            commands += [
                ("ROWBACKGROUNDS", (0, 1), (-1, last_line), [colors.white, SHADE]),
                ("LINEBELOW", (0, last_line), (-1, last_line), 0.8, ACCENT),
            ]
        if totals:
            first = last_line + 1
            commands += [
                ("ALIGN", (1, first), (-2, -1), "RIGHT"),
                ("FONTSIZE", (0, first), (-1, -1), 9),
                ("TEXTCOLOR", (1, first), (-2, -1), MUTED),
                ("TOPPADDING", (0, first), (-1, -1), 2),
                ("BOTTOMPADDING", (0, first), (-1, -1), 3),
                ("TOPPADDING", (0, first), (-1, first), 3 * mm),
            ]
        for index, row in enumerate(totals, start=last_line + 1):
            commands.append(("SPAN", (1, index), (-2, index)))
            if row.strong:
                commands += [
                    ("FONTNAME", (0, index), (-1, index), FONT_BOLD),
                    ("FONTSIZE", (0, index), (-1, index), 10),
                    ("TEXTCOLOR", (1, index), (-2, index), INK),
                    ("LINEABOVE", (2, index), (-1, index), 0.8, ACCENT),
                ]
        return _Table(data, colWidths=widths, repeatRows=1, style=TableStyle([*commands, *shrink]))

    @staticmethod
    def _total_font(row: TotalRow) -> tuple[str, float]:
        """The (font, size) a totals row prints in."""
        return (FONT_BOLD, 10) if row.strong else (FONT, 9)

    def _total_label(self, row: TotalRow) -> Any:
        """A totals label (it may hold data, e.g. a shipping method): plain when DejaVu prints it, else a
        right-aligned Paragraph with fallback fonts."""
        font, size = self._total_font(row)
        if is_plain(row.label, font):
            return row.label
        style = ParagraphStyle(
            "TotalLabel", fontName=font, fontSize=size, leading=size + 2, alignment=TA_RIGHT, textColor=INK
        )
        return Paragraph(markup(row.label, font), style)

    # ---- pages -------------------------------------------------------------------------------

    def _template(self, buffer: io.BytesIO, names: Sequence[str]) -> BaseDocTemplate:
        """A document template with a first-page and a later-page layout."""
        width, height = self.pagesize
        frame_height = height - self.top_margin - self.bottom_margin
        first = Frame(
            self.left_margin,
            self.bottom_margin,
            self.width,
            frame_height,
            id="first",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        later = Frame(
            self.left_margin,
            self.bottom_margin,
            self.width,
            frame_height - self.later_header_height,
            id="later",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        template = BaseDocTemplate(
            buffer,
            pagesize=self.pagesize,
            leftMargin=self.left_margin,
            rightMargin=self.right_margin,
            topMargin=self.top_margin,
            bottomMargin=self.bottom_margin,
            title=f"{self.title} {names[0]}" if len(names) == 1 else f"{self.title}s",
            author=self.company.name,
            creator="xmart",
            invariant=True,
        )
        template.addPageTemplates(
            [
                PageTemplate(id="first", frames=[first], onPage=self._on_first_page),
                PageTemplate(id="later", frames=[later], onPage=functools.partial(self._on_later_page, names=names)),
            ]
        )
        return template

    def _on_first_page(self, canvas: Canvas, template: BaseDocTemplate) -> None:
        """First page of a document: nothing to add; its header flowable paints the full header."""

    def _on_later_page(self, canvas: Canvas, template: BaseDocTemplate, names: Sequence[str]) -> None:
        """Later pages: a compact running header naming the company and the document."""
        width, height = self.pagesize
        top = height - self.top_margin
        name = names[getattr(canvas, "xmart_document", 0)]
        canvas.saveState()
        canvas.setFillColor(INK)
        draw_string(canvas, self.left_margin, top - 5 * mm, self.company.name, FONT_BOLD, 10)
        canvas.setFont(FONT, 9)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(width - self.right_margin, top - 5 * mm, f"{self.title} {name} (continued)")
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(self.left_margin, top - 8 * mm, width - self.right_margin, top - 8 * mm)
        canvas.restoreState()

    def _decorator(self, names: Sequence[str]) -> PageDecorator:
        """The footer drawn on every page once its document's page count is known."""

        def decorate(canvas: Canvas, index: int, page: int, pages: int) -> None:
            width, _ = self.pagesize
            y = self.footer_y
            canvas.saveState()
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(self.left_margin, y + 4 * mm, width - self.right_margin, y + 4 * mm)
            canvas.setFillColor(MUTED)
            draw_string(canvas, self.left_margin, y, f"{self.company.name}  ·  {self.title} {names[index]}", FONT, 7.5)
            canvas.setFont(FONT, 7.5)
            canvas.drawRightString(width - self.right_margin, y, f"Page {page} of {pages}")
            canvas.restoreState()

        return decorate


__all__ = [
    "DocumentRenderer",
    "fit_widths",
    "markup",
    "needed_widths",
    "shrink_to_fit",
    "string_width",
    "TotalRow",
    "format_date",
    "format_money",
    "format_percent",
    "format_qty",
    "register_fonts",
]
