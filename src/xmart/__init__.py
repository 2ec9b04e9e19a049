"""xmart: the main-office client for multi-store retailers."""

__version__ = "0.1.0"
