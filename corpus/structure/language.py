"""Language identification for one document's text, as a BCP-47 primary language subtag.

Uses py3langid's bundled model (nothing is downloaded). The candidate set is restricted to the languages
think-tank material realistically comes in, which makes short texts far less error-prone than the full
97-language model; text the model cannot decide on returns "und" (BCP-47 "undetermined").
"""

from __future__ import annotations

import functools
import unicodedata

UNDETERMINED = "und"

# Languages the corpus can plausibly contain. py3langid labels are ISO 639-1 codes, which are valid
# BCP-47 primary subtags as they stand.
CANDIDATE_LANGUAGES: tuple[str, ...] = (
    "ar", "de", "en", "es", "fa", "fr", "hi", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "uk",
    "vi", "zh",
)  # fmt: skip

MIN_LETTERS = 3  # fewer letters than this: nothing to decide on
MIN_CONFIDENCE = 0.5  # normalised probability below which the answer is "und"
MAX_CHARS = 20_000  # the model converges long before this; keeps very long documents cheap


@functools.lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid has no public type for it
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATE_LANGUAGES))
    return identifier


def _letter_count(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch).startswith("L"))


def detect_language(text: str) -> str:
    """BCP-47 language tag of `text` ("en", "fr", "zh", ...), or "und" when empty or undecidable.

    Deterministic: the same text always gives the same tag (the model is a fixed naive Bayes table).
    """
    if not text or _letter_count(text) < MIN_LETTERS:
        return UNDETERMINED
    sample = text[:MAX_CHARS]
    label, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return UNDETERMINED
    return str(label)
