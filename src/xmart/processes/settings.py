"""Office settings stored in the database (company header and logo, receiving location).

The company block of Settings › Company is checked here (`check_company`) before it is stored: a
name, at most four address lines, a phone, an e-mail of the usual shape and an optional logo (a
real PNG or JPEG image of at most 1 MB, kept base64-encoded in the `company.logo` setting), none of
them holding card data (DOMAIN.md section 3).
"""

from __future__ import annotations

import base64
import binascii
import io
import re
from dataclasses import dataclass

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from xmart.errors import InputError
from xmart.models import Setting
from xmart.models.db import UnitOfWork
from xmart.processes.security import audit
from xmart.processes.security.permissions import require, require_signed_in

DEFAULTS = {
    "company.name": "xmart Retail",
    "company.address": "",
    "company.phone": "",
    "company.email": "",
    "company.logo": "",
    "receiving_location": "MAIN",
}


def get_setting(session: Session, key: str) -> str:
    """A setting's value, or its default."""
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return DEFAULTS.get(key, "") if value is None else value


def set_setting(session: Session, key: str, value: str) -> bool:
    """Store a setting (in the caller's transaction); True when its stored value changed."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
        return True
    changed = row.value != value
    row.value = value
    return changed


def audit_settings(uow: UnitOfWork, what: str, changed: list[str]) -> None:
    """Audit a save of Settings › `what` (`settings.<what>`), naming the settings changed, never their values.

    DOMAIN.md section 9: settings changes are audited; secrets (the SMTP password) never appear.
    """
    audit.record(uow, f"settings.{what}", entity="settings", entity_id=what, detail=_changed_text(changed))


def _changed_text(changed: list[str]) -> str:
    return "changed: " + ", ".join(changed) if changed else "saved without changes"


# ---- the company printed in document headers --------------------------------------------------

COMPANY_KEYS = ("company.name", "company.address", "company.phone", "company.email")
LOGO_KEY = "company.logo"
MAX_NAME = 100
MAX_ADDRESS_LINES = 4
MAX_ADDRESS_LINE = 80
MAX_PHONE = 40
MAX_EMAIL = 254  # RFC 5321's longest path
MAX_LOGO_BYTES = 1_000_000
LOGO_FORMATS = {"PNG": "PNG", "JPEG": "JPEG"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


@dataclass(frozen=True)
class CompanySettings:
    """Settings › Company: the header of every document (address: one line per printed line)."""

    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    logo: bytes | None = None

    @property
    def address_lines(self) -> tuple[str, ...]:
        """The address's non-empty lines, stripped."""
        return tuple(line.strip() for line in self.address.splitlines() if line.strip())


def check_logo(data: bytes) -> str:
    """The format ("PNG" or "JPEG") of a logo image; InputError when it is too big or not such an image."""
    if len(data) > MAX_LOGO_BYTES:
        raise InputError(f"Logo: the file has {len(data) / 1e6:.1f} MB; choose an image of at most 1 MB.")
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            image.verify()  # reads the whole file: a truncated or damaged image is refused here
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise InputError("Logo: the file is not a PNG or JPEG image that can be read.") from error
    if kind not in LOGO_FORMATS:
        raise InputError(f"Logo: a {kind or 'file of this kind'} cannot be used; choose a PNG or JPEG image.")
    return kind


def check_company(company: CompanySettings) -> None:
    """Check every field (DOMAIN.md section 8, document headers); InputError naming the first bad field.

    No field may hold card data (a CardDataError, DOMAIN.md section 3): the header is printed on every
    document and e-mail.
    """
    from xmart.processes.cards import check_free_texts  # here: printing commands load no card code

    check_free_texts(
        {"Name:": company.name, "Address:": company.address, "Phone:": company.phone, "E-mail:": company.email}
    )
    name = company.name.strip()
    if not name:
        raise InputError("Name: the company name printed on every document is required.")
    if len(name) > MAX_NAME:
        raise InputError(f"Name: at most {MAX_NAME} characters ({len(name)} typed).")
    lines = company.address_lines
    if len(lines) > MAX_ADDRESS_LINES:
        raise InputError(f"Address: at most {MAX_ADDRESS_LINES} lines ({len(lines)} typed).")
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_ADDRESS_LINE:
            raise InputError(f"Address: line {number} has {len(line)} characters; at most {MAX_ADDRESS_LINE}.")
    if len(company.phone.strip()) > MAX_PHONE:
        raise InputError(f"Phone: at most {MAX_PHONE} characters.")
    email = company.email.strip()
    if email and (len(email) > MAX_EMAIL or not _EMAIL.match(email)):
        raise InputError("E-mail: an address such as office@example.com, or nothing.")
    if company.logo is not None:
        check_logo(company.logo)


def load_company(session: Session) -> CompanySettings:
    """The company settings as stored (defaults where nothing is stored; no logo when the stored one is unreadable).

    Needs a signed-in user once the database has users (SignInRequired, DOMAIN.md section 9).
    """
    require_signed_in(session)
    encoded = get_setting(session, LOGO_KEY)
    logo: bytes | None = None
    if encoded:
        try:
            logo = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            logo = None
    return CompanySettings(
        name=get_setting(session, "company.name"),
        address=get_setting(session, "company.address"),
        phone=get_setting(session, "company.phone"),
        email=get_setting(session, "company.email"),
        logo=logo,
    )


def save_company(uow: UnitOfWork, company: CompanySettings) -> None:
    """Check and store the company settings (the logo base64-encoded in `company.logo`, "" for none); commit.

    Raises InputError (nothing written) when a field is bad; see `check_company`; SignInRequired /
    PermissionDenied without `settings` (DOMAIN.md section 9). Audited (`settings.company`).
    """
    check_company(company)
    require(uow, "settings")
    session = uow.session
    values = (company.name.strip(), "\n".join(company.address_lines), company.phone.strip(), company.email.strip())
    logo = base64.b64encode(company.logo).decode("ascii") if company.logo else ""
    pairs = (*zip(COMPANY_KEYS, values, strict=True), (LOGO_KEY, logo))
    changed = [key for key, value in pairs if set_setting(session, key, value)]
    audit_settings(uow, "company", changed)
    uow.commit()
