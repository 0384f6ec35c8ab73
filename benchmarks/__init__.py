"""Throughput benchmark of the corpus builder (issue "Fast at any corpus size"); not part of the package."""
