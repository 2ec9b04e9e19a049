"""`customers.shipping_or_billing`: no shipping address means ship to the billing address (DOMAIN.md 2, 7)."""

from hypothesis import given
from hypothesis import strategies as st

from xmart.models.base import ADDRESS_FIELDS, Address
from xmart.processes.customers import shipping_or_billing

addresses = st.builds(Address, **{name: st.text(max_size=5) for name in ADDRESS_FIELDS})


@given(addresses, addresses)
def test_shipping_wins_unless_empty_and_the_result_is_a_copy(billing, shipping):
    result = shipping_or_billing(billing, shipping)
    assert result == (billing if shipping.is_empty() else shipping)
    assert result is not billing and result is not shipping


def test_empty_shipping_falls_back_to_billing():
    billing = Address(line1="1 Main St", city="Albany")
    assert shipping_or_billing(billing, Address()) == billing
