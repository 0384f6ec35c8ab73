"""`python -m corpus` runs the command-line interface."""

from corpus.cli import main

main()
