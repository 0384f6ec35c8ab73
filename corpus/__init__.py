"""thinktank-corpus: think-tank publications turned into a typed, validated, documented corpus.

`corpus.load(build, table)`, `corpus.validate(build)` and `corpus.features(table)` are the reader's API
(`corpus.api`), imported on first use so `import corpus` stays light.
"""

__version__ = "0.1.0"

__all__ = ["features", "load", "load_arrow", "validate"]


def __getattr__(name: str):
    if name == "validate":  # the module corpus.validate is itself callable: validate(build) -> failures
        import corpus.validate

        return corpus.validate
    if name in __all__:
        from corpus import api

        return getattr(api, name)
    raise AttributeError(f"module 'corpus' has no attribute {name!r}")
