"""Customer search folds case and accents the same on SQLite and PostgreSQL (issue 12, section 3):
typed in the Customer Manager, created there, imported, or stored before the search key existed."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.support.db import load
from tests.support.documents import B200_ITEM, example
from xmart.errors import InputError
from xmart.models.db import UnitOfWork, make_engine
from xmart.models.migrate import upgrade
from xmart.models.search_key import fold
from xmart.processes.customers import CustomerParams, create_customer, search_customers


def _search(engine, query):
    with UnitOfWork(engine) as uow:
        return [r.name for r in search_customers(uow.session, query)]


def test_fold_ignores_case_accents_and_compatibility_forms():
    assert fold("Émile  ZOLA") == fold("emile zola") == "emile zola"
    assert fold("Straße") == fold("STRASSE")
    assert fold("ﬁle Ⅻ") == "file xii"
    assert fold("İstanbul") == "istanbul"
    assert fold("Ångström Ñandú Çağ") == "angstrom nandu cag"


@pytest.mark.parametrize("query", ["émile", "EMILE", "Émile", "emile zo", "ÉMILE ZOLA", "zola"])
def test_search_finds_a_customer_created_in_the_customer_manager(engine, query):
    with UnitOfWork(engine) as uow:
        create_customer(uow, CustomerParams(name="Émile Zola", company="Les Éditions Ça"))
        create_customer(uow, CustomerParams(name="Other Person"))
    assert _search(engine, query) == ["Émile Zola"]
    assert _search(engine, "editions ca") == ["Émile Zola"]


def test_search_finds_imported_customers_and_follows_their_updates(engine):
    load(engine, B200_ITEM)
    doc = example()
    doc["customers"][0]["name"] = "Chloé Ångström"
    load(engine, doc)
    assert _search(engine, "chloe angstrom") == ["Chloé Ångström"]
    again = example()
    again["customers"][0]["name"] = "Zoë Müller"
    load(engine, {"customers": again["customers"]})
    assert _search(engine, "chloe") == []
    assert _search(engine, "ZOE MULLER") == ["Zoë Müller"]


def test_a_search_text_of_50000_characters_is_refused_plainly(engine):
    with UnitOfWork(engine) as uow, pytest.raises(InputError, match="Search: at most 200 characters"):
        search_customers(uow.session, "é" * 50_000)
    assert _search(engine, "x" * 200) == []


def test_the_migration_fills_the_search_key_of_existing_customers(empty_db_url):
    engine = make_engine(empty_db_url)
    upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO customers (number, name, company, email, phone, notes) VALUES ('C9', :n, '', '', '', '')"
            ),
            {"n": "Émile Zola"},
        )
    upgrade(engine)
    assert _search(engine, "emile") == ["Émile Zola"]
    engine.dispose()
