"""Reading the YAML files a user curates (manifest, entity catalog) without trusting them.

PyYAML's `safe_load` still expands anchors and aliases (a few hundred bytes can stand for billions of
nodes, the "billion laughs"), keeps the last of two duplicated keys without a word, and turns an
unquoted `2018-02-30` into a `ValueError` from `datetime`. Our files need none of that, so this loader
refuses aliases and duplicate keys and leaves dates as strings for the pydantic models to check.
"""

from __future__ import annotations

from pathlib import Path

import yaml

MAX_YAML_BYTES = 10 * 1024 * 1024


class YamlInputError(ValueError):
    """The file is not YAML we accept; the message is one line (with the line number where known)."""


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without aliases, duplicate keys or implicit timestamps."""

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlInputError(f"line {event.start_mark.line + 1}: YAML aliases (*{event.anchor}) are not allowed")
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):  # noqa: ANN001, ANN201
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                continue  # PyYAML reports unhashable keys itself
            if key in seen:
                raise YamlInputError(f"line {key_node.start_mark.line + 1}: key {key!r} repeats the key of line {seen[key]}")
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


# dates stay strings: the models validate them (and report an impossible date as such)
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml_text(text: str) -> object:
    """Parse YAML text strictly; raises YamlInputError with a one-line reason."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except YamlInputError:
        raise
    except yaml.YAMLError as err:
        raise YamlInputError(" ".join(str(err).split())) from err


def load_yaml_file(path: Path) -> object:
    """Read and parse a curated YAML file (UTF-8, at most MAX_YAML_BYTES)."""
    size = path.stat().st_size
    if size > MAX_YAML_BYTES:
        raise YamlInputError(f"file is {size:,} bytes; a curated YAML file is at most {MAX_YAML_BYTES:,}")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise YamlInputError(f"not valid UTF-8 (byte offset {err.start})") from err
    return load_yaml_text(text)
