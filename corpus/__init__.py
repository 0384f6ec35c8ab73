"""thinktank-corpus: think-tank publications turned into a typed, validated, documented corpus."""

__version__ = "0.1.0"
