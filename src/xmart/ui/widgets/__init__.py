"""Reusable widgets: the CSO range box, the store selector and field error labels."""
