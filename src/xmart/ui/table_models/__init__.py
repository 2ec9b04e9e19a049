"""Qt table models over plain rows: the read models in `xmart.processes.views` query, these only display.

A list screen's model keeps frozen row dataclasses; big lists fetch a page at a time, sorted and
filtered in SQL by the read model.
"""
