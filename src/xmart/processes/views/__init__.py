"""Read models: what the client lists and shows, as frozen dataclasses of plain values.

Each function takes an open unit of work (`xmart.processes.unit_of_work.UnitOfWork`) and plain
parameters, runs its queries, and returns rows that hold no ORM object (cosmicpython's `views.py`).
Nothing here writes. `document_lists` pages the browsers in SQL, `document_details` reads one
document for the document view, `lookups` answers the small questions menus ask.
"""
