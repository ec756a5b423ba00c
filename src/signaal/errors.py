"""Typed errors, translated to messages at the edge (CLI, API).

Hierarchy::

    SignaalError
    ├── InputError            bad input: a file, record or URL that cannot be read
    ├── LanguageNotSupported  no lexicon/model for that ISO 639-1 code
    ├── StoreError            the store cannot be opened, migrated or written
    ├── ModelNotFound         a trained pipeline is missing; says how to train it
    └── ConfigError           a setting, rule file or option has a bad value
"""


class SignaalError(Exception):
    """Base of every error Signaal raises on purpose."""


class InputError(SignaalError):
    """An input file, record or URL could not be read."""


class LanguageNotSupported(SignaalError):
    """No lexicon or model exists for that language; never falls back to English."""

    def __init__(self, lang: str | None):
        super().__init__(f"language {lang!r} is not supported (have: nl, en)")
        self.lang = lang


class StoreError(SignaalError):
    """The store could not be opened, migrated or written."""


class ModelNotFound(SignaalError):
    """A trained pipeline is missing."""


class ConfigError(SignaalError):
    """A setting, rule file or option has a bad value."""
