"""Per-document stages: each takes a Document and returns it, with no I/O."""
