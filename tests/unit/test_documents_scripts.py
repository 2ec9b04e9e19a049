"""Documents for every script and size (DOMAIN.md section 8), read back from the rendered PDFs.

Glyphs: every character is drawn in an embedded font that has its glyph (pdfminer gives each glyph's
font; the font's own cmap says whether it has the glyph), and pypdf extracts the original text.
Sizes: amounts up to 9,999,999,999.99 and quantities up to the column's maximum never make two glyphs
on one baseline overlap (a total running into its label, an amount into the discount column).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTComponent, LTContainer
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont

from xmart.processes.commission import CommissionParams, CommissionReport, CommissionRow, render_commission_pdf
from xmart.processes.documents import (
    CompanyInfo,
    ConfirmationDocument,
    ConfirmationRenderer,
    DocumentLine,
    Party,
    PurchaseOrderDocument,
    PurchaseOrderRenderer,
    SaleOrderRenderer,
)
from xmart.processes.documents.sale_orders_report import render_sale_orders_report
from xmart.processes.sale_order_report import SaleOrderReport, SaleOrderReportParams, SaleOrderReportRow

sys.path.insert(0, str(Path(__file__).parent))
from test_documents import make_lines, make_sale_order  # noqa: E402

FONTS = Path(__file__).parents[2] / "resources" / "fonts"
MAX_MONEY = Decimal("9999999999.99")  # the largest Numeric(12, 2)
MAX_QTY = 2_147_483_647  # the largest INTEGER on PostgreSQL
MISSING = "\ufffd"  # the visible replacement mark of documents/fonts.py
NAMES = {
    "Chinese": ("王小明", "上海蓝天贸易有限公司", "上海市浦东新区世纪大道100号"),
    "Japanese": ("山田太郎", "株式会社サンプル", "東京都千代田区丸の内1-1"),
    "Korean": ("김민준", "주식회사 한빛", "서울특별시 중구 세종대로 110"),
    "Cyrillic": ("Иван Петров", "ООО «Ромашка»", "ул. Тверская, 7, Москва"),
    "Greek": ("Γιώργος Παπαδόπουλος", "Ελληνική Εμπορική Α.Ε.", "Οδός Ερμού 15, Αθήνα"),
    "Latin": ("Zoë Ångström-Łukasiewicz", "Société Générale d’Électricité", "Straße 5, Kraków, İzmir"),
}


def _glyphs(pdf: bytes) -> list[LTChar]:
    """Every glyph pdfminer finds, in page order."""
    found: list[LTChar] = []

    def walk(item: LTComponent) -> None:
        if isinstance(item, LTChar):
            found.append(item)
        elif isinstance(item, LTContainer):
            for child in item:
                walk(child)

    for page in extract_pages(io.BytesIO(pdf)):
        walk(page)
    return found


def _cmaps() -> dict[str, frozenset[int]]:
    """The code points of each bundled font, by the name reportlab embeds it under."""
    return {
        name: frozenset(TTFont(name, str(FONTS / file)).face.charToGlyph)
        for name, file in (
            ("DejaVuSans", "DejaVuSans.ttf"),
            ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
            ("DroidSansFallback", "DroidSansFallbackFull.ttf"),
            ("NanumSquare", "NanumSquareR.ttf"),
        )
    }


CMAPS = _cmaps()


def _font_of(glyph: LTChar) -> str:
    """The bundled font a glyph is drawn in ("AAAAAA+DejaVuSans" -> "DejaVuSans"; reportlab names subsets
    after the font and a subset number)."""
    name = glyph.fontname.split("+")[-1]
    for known in sorted(CMAPS, key=len, reverse=True):
        if name.startswith(known):
            return known
    raise AssertionError(f"glyph {glyph.get_text()!r} drawn in an unknown font {glyph.fontname}")


def assert_every_glyph_printable(pdf: bytes) -> None:
    """Each drawn character is in an embedded font that has its glyph: no empty boxes."""
    glyphs = [g for g in _glyphs(pdf) if g.get_text().strip()]
    assert glyphs
    missing = [(g.get_text(), g.fontname) for g in glyphs if ord(g.get_text()[0]) not in CMAPS[_font_of(g)]]
    assert not missing, f"drawn in a font without the glyph: {missing[:10]}"


def assert_no_overlap(pdf: bytes) -> None:
    """No two glyphs on one baseline overlap, and every glyph is on the page."""
    for page_number, page in enumerate(extract_pages(io.BytesIO(pdf))):
        lines: dict[int, list[LTChar]] = defaultdict(list)
        stack: list[LTComponent] = [page]
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar):
                if item.get_text().strip():
                    lines[round(item.y0 * 2)].append(item)
                    assert 0 <= item.x0 and item.x1 <= page.width, f"page {page_number + 1}: off the page"
            elif isinstance(item, LTContainer):
                stack.extend(item)
        for glyphs in lines.values():
            glyphs.sort(key=lambda g: g.x0)
            for left, right in zip(glyphs, glyphs[1:], strict=False):
                assert left.x1 <= right.x0 + 0.3, (
                    f"page {page_number + 1}: {left.get_text()!r} at {left.x0:.1f}-{left.x1:.1f} overlaps "
                    f"{right.get_text()!r} at {right.x0:.1f}-{right.x1:.1f}: " + "".join(g.get_text() for g in glyphs)
                )


def text_of(pdf: bytes) -> str:
    """All text pypdf extracts, whitespace removed (CJK runs are split into their own text objects)."""
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def party(script: str) -> Party:
    """A customer of `script`: name, company, an address line."""
    name, company, address = NAMES[script]
    return Party(name, company, (address,))


@pytest.mark.parametrize("script", sorted(NAMES))
def test_names_in_every_script_print_and_extract(script: str) -> None:
    name, company, address = NAMES[script]
    lines = (DocumentLine("SKU1", f"{company} — {address}", 2, Decimal("10.00"), Decimal("0"), Decimal("20.00")),)
    document = make_sale_order(lines, bill_to=party(script), ship_to=party(script), store_name=name, note=address)
    pdf = SaleOrderRenderer(CompanyInfo(company, (address,), "555 0100")).render(document)
    assert_every_glyph_printable(pdf)
    text = text_of(pdf)
    for value in (name, company, address):
        assert "".join(value.split()) in text
    assert MISSING not in text


def test_shanghai_customer_prints_in_an_embedded_font_with_the_glyphs() -> None:
    """The issue's example: 王小明 of 上海蓝天贸易有限公司 printed as empty boxes."""
    document = make_sale_order(make_lines(2), bill_to=party("Chinese"))
    pdf = SaleOrderRenderer(CompanyInfo("Xmart")).render(document)
    assert_every_glyph_printable(pdf)
    fonts = {_font_of(g) for g in _glyphs(pdf) if g.get_text() in "王小明上海蓝天贸易有限公司"}
    assert fonts == {"DroidSansFallback"}
    assert b"/FontFile2" in pdf or b"FontFile2" in pdf  # embedded TrueType, not a font the viewer must have
    assert "王小明" in text_of(pdf) and "上海蓝天贸易有限公司" in text_of(pdf)


def test_latin_stays_dejavu_beside_cjk() -> None:
    document = make_sale_order(make_lines(1), bill_to=Party("Anna 王", "ACME 上海", ("1 Main St",)))
    glyphs = _glyphs(SaleOrderRenderer(CompanyInfo("Xmart")).render(document))
    assert {_font_of(g) for g in glyphs if g.get_text() in "AnaACME"} <= {"DejaVuSans", "DejaVuSans-Bold"}


def test_a_character_no_font_has_prints_a_visible_marker_and_warns(caplog: pytest.LogCaptureFixture) -> None:
    document = make_sale_order(make_lines(1), bill_to=Party("สมชาย ใจดี"))  # Thai: no bundled font
    with caplog.at_level(logging.WARNING, logger="xmart.documents"):
        pdf = SaleOrderRenderer(CompanyInfo("Xmart")).render(document)
    assert_every_glyph_printable(pdf)
    assert MISSING in text_of(pdf)
    assert any("U+0E2A" in record.getMessage() for record in caplog.records)
    assert not any("สมชาย" in record.getMessage() for record in caplog.records)  # no customer data in logs


def test_confirmation_custom_fields_and_po_vendor_in_cjk() -> None:
    base = make_sale_order(make_lines(1))
    confirmation = ConfirmationDocument(
        number=1001,
        date=dt.date(2024, 5, 14),
        bill_to=party("Japanese"),
        ship_to=party("Korean"),
        lines=base.lines,
        subtotal=base.subtotal,
        global_discount=base.global_discount,
        global_discount_amount=base.global_discount_amount,
        total=base.total,
        salesman="李雷",
        channel="电话",
        shipping_method="順豊速運",
        custom_fields=(("礼品留言", "生日快乐"),),
    )
    pdf = ConfirmationRenderer(CompanyInfo("Xmart")).render(confirmation)
    assert_every_glyph_printable(pdf)
    for value in ("李雷", "电话", "順豊速運", "礼品留言", "生日快乐", "山田太郎", "김민준"):
        assert value in text_of(pdf)
    po = PurchaseOrderDocument(
        number=6001,
        date=dt.date(2024, 5, 14),
        vendor_code="V9",
        vendor_name="深圳华强电子有限公司",
        ship_to=party("Cyrillic"),
        delivery_date=None,
        cancel_date=None,
        lines=base.lines,
        total=base.total,
    )
    pdf = PurchaseOrderRenderer(CompanyInfo("Xmart")).render(po)
    assert_every_glyph_printable(pdf)
    assert "深圳华强电子有限公司" in text_of(pdf)


# ---- sizes --------------------------------------------------------------------------------------


def big_lines() -> tuple[DocumentLine, ...]:
    """Lines with the largest quantity, price, discount and amount the columns hold, and an ordinary one."""
    return (
        DocumentLine("SKU-MAX-0001", "Largest values", MAX_QTY, MAX_MONEY, Decimal("999.99"), MAX_MONEY),
        DocumentLine("A1", "Blue mug", 1, Decimal("10664041.18"), Decimal("12.5"), Decimal("10664041.18")),
    )


@pytest.mark.parametrize("total", [Decimal("10664041.18"), MAX_MONEY])
def test_big_sale_order_totals_do_not_run_into_their_labels(total: Decimal) -> None:
    """The issue's example: a total of 10,664,041.18 ran into its label; larger ones into the discount column."""
    document = make_sale_order(
        big_lines(), subtotal=total, global_discount_amount=-total, total=total, deposit=-total
    )  # negative amounts print a minus sign too: the widest strings
    pdf = SaleOrderRenderer(CompanyInfo("Xmart")).render(document)
    assert_no_overlap(pdf)
    text = text_of(pdf)
    assert "2,147,483,647" in text and "9,999,999,999.99" in text


def test_big_confirmation_and_purchase_order_fit() -> None:
    base = make_sale_order(big_lines())
    confirmation = ConfirmationDocument(
        number=1001,
        date=dt.date(2024, 5, 14),
        bill_to=party("Chinese"),
        ship_to=party("Chinese"),
        lines=big_lines(),
        subtotal=MAX_MONEY,
        global_discount=Decimal("999.99"),
        global_discount_amount=MAX_MONEY,
        total=MAX_MONEY,
        deposit=-MAX_MONEY,
        shipping_cost=-MAX_MONEY,
        shipping_method="Courier",
    )
    assert_no_overlap(ConfirmationRenderer(CompanyInfo("Xmart")).render(confirmation))
    po = PurchaseOrderDocument(
        number=6001,
        date=dt.date(2024, 5, 14),
        vendor_code="V9",
        vendor_name="Vendor",
        ship_to=base.ship_to,
        delivery_date=None,
        cancel_date=None,
        lines=big_lines(),
        total=-MAX_MONEY,
    )
    assert_no_overlap(PurchaseOrderRenderer(CompanyInfo("Xmart")).render(po))


def test_big_sale_orders_report_and_commission_fit() -> None:
    row = SaleOrderReportRow(
        so_number=999_999_999,
        date=dt.date(2024, 5, 14),
        store="上海店",
        status="partially sold",
        corporate_order=999_999_999,
        line_no=1,
        sku="SKU-MAX-0001",
        description="王小明 Largest values",
        qty=MAX_QTY,
        sold=MAX_QTY,
        not_yet_sold=MAX_QTY,
        price=MAX_MONEY,
        discount=Decimal("999.99"),
        amount_sold=MAX_MONEY,
        amount_not_sold=MAX_MONEY,
    )
    pdf = render_sale_orders_report(SaleOrderReport(SaleOrderReportParams(), (row, row)), CompanyInfo("蓝天"))
    assert_no_overlap(pdf)
    assert_every_glyph_printable(pdf)
    assert "王小明" in text_of(pdf)
    rows = (CommissionRow("Иван Петров 王小明", "JS", Decimal("999.99"), MAX_QTY, MAX_MONEY, MAX_MONEY),) * 2
    params = CommissionParams(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    pdf = render_commission_pdf(CommissionReport(params, rows), CompanyInfo("上海蓝天贸易有限公司"))
    assert_no_overlap(pdf)
    assert_every_glyph_printable(pdf)
    assert "上海蓝天贸易有限公司" in text_of(pdf) and "ИванПетров王小明" in text_of(pdf)
