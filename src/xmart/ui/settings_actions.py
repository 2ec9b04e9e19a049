"""Settings › Company…: read the company settings, ask the dialog, save through the settings service."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from xmart.errors import XmartError
from xmart.processes.settings import CompanySettings, load_company, save_company
from xmart.processes.unit_of_work import UnitOfWork
from xmart.ui.context import AppContext
from xmart.ui.dialogs.company_settings_dialog import CompanySettingsDialog
from xmart.ui.errors import show_error


def edit_company(ctx: AppContext, window: QMainWindow, first_run: bool = False) -> CompanySettings | None:
    """Settings › Company…: the saved settings, or None when cancelled or refused (the reason is shown).
    `first_run`: the first run's step (its title, Skip instead of Cancel)."""
    with UnitOfWork(ctx.engine) as uow:
        current = load_company(uow.session)
    params = CompanySettingsDialog.ask(window, current, first_run=first_run)
    if params is None:
        return None
    try:
        with UnitOfWork(ctx.engine) as uow:
            save_company(uow, params)
    except XmartError as exc:
        show_error(window, exc)
        return None
    window.statusBar().showMessage("Company settings saved: new documents print with them.", 5000)
    return params
