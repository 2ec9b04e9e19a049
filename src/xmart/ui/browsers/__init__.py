"""Document browsers: one widget class, one DocumentSource per document type."""
