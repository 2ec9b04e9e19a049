"""Status transitions, declared once per document type."""

import pytest

from xmart.models.status import (
    CSO_TRANSITIONS,
    SO_TRANSITIONS,
    CsoStatus,
    SoStatus,
    TransitionError,
    check_transition,
)
from xmart.processes.cso_status import derived_status


def test_every_status_has_a_transition_entry():
    assert set(CSO_TRANSITIONS) == set(CsoStatus)
    assert set(SO_TRANSITIONS) == set(SoStatus)


def test_cancelled_is_final():
    with pytest.raises(TransitionError):
        check_transition(CSO_TRANSITIONS, "cancelled", "open", "corporate sale order")
    with pytest.raises(TransitionError):
        check_transition(SO_TRANSITIONS, "sold", "open", "sale order")


def test_allowed_transition_passes():
    check_transition(CSO_TRANSITIONS, "open", "partially assigned", "corporate sale order")
    check_transition(SO_TRANSITIONS, "open", "open", "sale order")


@pytest.mark.parametrize(
    ("ordered", "assigned", "sold", "status"),
    [
        (5, 0, 0, CsoStatus.OPEN),
        (5, 2, 0, CsoStatus.PARTIALLY_ASSIGNED),
        (5, 2, 2, CsoStatus.PARTIALLY_ASSIGNED),  # sales never change a CSO with unassigned units
        (5, 5, 4, CsoStatus.ASSIGNED),
        (5, 5, 5, CsoStatus.COMPLETED),
    ],
)
def test_derived_status(ordered, assigned, sold, status):
    assert derived_status(ordered, assigned, sold) == status
