"""Readers: one per input format, each turning a file's bytes into a `LayoutDocument` (see `model`)."""
