"""Modules compiled from src/xmart/forms/*.ui by scripts/compile_forms.sh. Do not edit."""
