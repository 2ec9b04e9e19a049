"""Settings › Company through the settings service: checked, stored (logo included) and printed in
every document header, on SQLite and PostgreSQL (DOMAIN.md section 8)."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.support.db import load
from tests.support.documents import B200_ITEM, example
from tests.support.scenarios import run_assign
from xmart.errors import InputError
from xmart.models.db import UnitOfWork
from xmart.processes.document_printing import render_pdf
from xmart.processes.settings import CompanySettings, load_company, save_company


def logo_png(width: int = 300, height: int = 100) -> bytes:
    """A real PNG: an orange band on white."""
    image = Image.new("RGB", (width, height), "white")
    image.paste((230, 120, 20), (0, height // 3, width, 2 * height // 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


COMPANY = CompanySettings(
    name="Harbour Home & Garden Ltd.",
    address="120 Harbour Road\nSpringfield, IL 62704",
    phone="555 0100",
    email="office@harbour.example",
    logo=logo_png(),
)


def _save(engine, company: CompanySettings) -> None:
    with UnitOfWork(engine) as uow:
        save_company(uow, company)


def _load(engine) -> CompanySettings:
    with UnitOfWork(engine) as uow:
        return load_company(uow.session)


def test_the_company_is_stored_with_its_logo_and_read_back(engine):
    assert _load(engine) == CompanySettings(name="xmart Retail")  # the defaults before anything is saved
    _save(engine, COMPANY)
    stored = _load(engine)
    assert stored.logo == COMPANY.logo
    assert stored.address_lines == ("120 Harbour Road", "Springfield, IL 62704")
    assert (stored.name, stored.phone, stored.email) == (COMPANY.name, COMPANY.phone, COMPANY.email)
    _save(engine, CompanySettings(name="Harbour", logo=None))
    assert _load(engine) == CompanySettings(name="Harbour")  # the logo removed


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"name": "  "}, "Name: the company name"),
        ({"name": "N" * 101}, "Name: at most 100"),
        ({"email": "office at harbour"}, "E-mail: an address such as"),
        ({"email": "office@harbour"}, "E-mail: an address such as"),
        ({"phone": "5" * 41}, "Phone: at most 40"),
        ({"address": "1\n2\n3\n4\n5"}, "Address: at most 4 lines"),
        ({"address": "x" * 81}, "Address: line 1 has 81"),
        ({"logo": b"GIF89a not an image"}, "Logo: the file is not a PNG or JPEG"),
        ({"logo": logo_png()[:200]}, "Logo: the file is not a PNG or JPEG"),  # truncated
        ({"logo": b"\x89PNG" + b"\0" * 1_000_001}, "Logo: the file has 1.0 MB"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(engine, change, reason):
    _save(engine, COMPANY)
    with pytest.raises(InputError, match=reason.replace(".", r"\.")):
        _save(engine, CompanySettings(**{**COMPANY.__dict__, **change}))
    assert _load(engine) == COMPANY


def test_a_gif_is_refused_by_name(engine):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10), "red").save(buffer, "GIF")
    with pytest.raises(InputError, match="a GIF cannot be used; choose a PNG or JPEG"):
        _save(engine, CompanySettings(name="X", logo=buffer.getvalue()))


def test_a_jpeg_logo_is_taken(engine):
    buffer = io.BytesIO()
    Image.new("RGB", (200, 80), "navy").save(buffer, "JPEG")
    _save(engine, CompanySettings(name="X", logo=buffer.getvalue()))
    assert _load(engine).logo == buffer.getvalue()


def test_every_document_prints_the_company_header_and_logo(engine):
    load(engine, B200_ITEM)
    load(engine, example())
    run_assign(engine)
    _save(engine, COMPANY)
    for kind, number in (("so", 5001), ("po", 6900), ("cso", 1001)):
        page = PdfReader(io.BytesIO(render_pdf(engine, kind, number))).pages[0]
        text = page.extract_text()
        assert "xmart Retail" not in text
        for expected in ("Harbour Home & Garden Ltd.", "120 Harbour Road", "Springfield, IL 62704", "555 0100"):
            assert expected in text, (kind, expected)
        assert "office@harbour.example" in text
        images = list(page.images)
        assert len(images) == 1, kind
        assert images[0].image.size == (300, 100)  # the logo itself, scaled when drawn
