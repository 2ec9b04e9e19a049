"""Dialogs: each asks for a process's parameters and returns a frozen dataclass, or None."""
