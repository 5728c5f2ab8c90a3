"""Typed exceptions. Each message names the value at fault and what to do next."""


class OnrecordError(Exception):
    """Base of every error onrecord raises on purpose."""


class ConfigError(OnrecordError):
    """A setting is unknown or malformed."""


class InputError(OnrecordError):
    """The paths given do not name any readable input."""


class StoreError(OnrecordError):
    """The store cannot be opened, or is not an onrecord store."""


class DocumentError(OnrecordError):
    """One document could not be processed; ``reason`` is its stable snake_case code."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
