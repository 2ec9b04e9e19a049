"""Domain errors: messages a clerk understands. The CLI maps them to exit status 2."""


class XmartError(Exception):
    """A domain error whose message a clerk understands."""

    exit_status = 2
    """What the command line exits with (INTERFACE.md: 2 for bad input, 1 for anything else)."""


class InputError(XmartError):
    """Bad input (arguments, dialog fields, an import document): nothing was written."""


class ImportDocumentError(InputError):
    """An import document was refused; names the record by section, index and field."""

    def __init__(self, section: str, index: int | None, field: str | None, message: str):
        where = section
        if index is not None:
            where += f"[{index}]"
        if field:
            where += f".{field}"
        super().__init__(f"{where}: {message}")
        self.section, self.index, self.field, self.reason = section, index, field, message


class CardDataError(InputError):
    """Card data that xmart refuses (invalid number, security code present)."""


class NotFoundError(InputError):
    """A record named by the user does not exist."""


class ProcessBusyError(XmartError):
    """Another run of a process holds the lock."""

    exit_status = 1


class Cancelled(XmartError):
    """The user cancelled a running process; its transaction was rolled back, nothing was written."""

    exit_status = 1


class AccessError(XmartError):
    """A missing sign-in or a permission the user lacks (DOMAIN.md section 9): the command line exits 3."""

    exit_status = 3


class SignInRequired(AccessError):
    """Nobody is signed in (or the sign-in failed) where the database has users."""


class PermissionDenied(AccessError):
    """The signed-in user lacks the permission an action needs; nothing was written."""
