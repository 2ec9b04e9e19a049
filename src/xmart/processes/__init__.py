"""Qt-free services: one module per use case, taking plain values and a unit of work."""
