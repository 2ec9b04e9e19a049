"""Helpers shared by tests: small import documents and ways to run the command line."""
