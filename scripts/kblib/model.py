"""Typed view of errors.yaml. Generators take these objects, never raw dicts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

SDK_ORDER = ["python", "typescript", "go", "java", "ruby", "csharp", "php"]
KIND_TITLES = {
    "status": "HTTP status",
    "error_type": "API error type",
    "error_code": "API error code",
    "signature": "Error signature",
    "client": "Client-side error",
}


KIND_PLURALS = {"status": "HTTP statuses", "error_type": "API error types", "error_code": "API error codes", "signature": "Error signatures", "client": "Client-side errors"}


def class_name_tail(name: str | None) -> str:
    """`anthropic.RateLimitError`, `Anthropic::Errors::RateLimitError`, `Anthropic\\...\\RateLimitException` -> the last part."""
    return re.split(r"[.:\\]+", name or "")[-1]


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Surface:
    id: str
    title: str
    group: str  # provider | feature | sdk
    description: str
    markers: tuple[str, ...] = ()
    exceptions: dict[str, int] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    identifiers: tuple[str, ...] = ()  # name this product itself (bedrock), unlike markers of shared libraries (botocore)
    anthropic: bool = False  # Anthropic's own surface: its identifiers show a paste is about Claude


@dataclass(frozen=True)
class OtherProvider:
    """Another AI provider, recognised so the paste search can say the paste is not a Claude error."""
    id: str
    title: str
    markers: tuple[str, ...]
    sources: tuple[Source, ...]
    note: str = ""


@dataclass(frozen=True)
class Sdk:
    id: str
    name: str
    package: str
    version_checked: str
    verified_by: str  # run | source
    classes: dict[str, str]
    prints: str
    body_style: str
    accessors: dict[str, str]
    catch_order: tuple[str, ...]
    retries: dict
    notes: str
    sources: tuple[Source, ...]
    descriptions: dict[str, str] = field(default_factory=dict)
    status_names: dict[str, str] = field(default_factory=dict)
    checked_on: str = ""

    def class_for_status(self, status: int | None) -> str | None:
        """The class this SDK raises for an HTTP status, following its own fallbacks."""
        if status is None:
            return None
        if str(status) in self.classes:
            return self.classes[str(status)]
        if status >= 500 and "5xx" in self.classes:
            return self.classes["5xx"]
        return self.classes.get("other")


@dataclass(frozen=True)
class Response:
    status: int | None
    headers: dict[str, str]
    body: object
    mode: str = "http"


@dataclass(frozen=True)
class SdkOverride:
    exception: str
    prints: str = ""


@dataclass
class Entry:
    id: str
    title: str
    summary: str
    kind: str
    status: int | None
    error_type: str | None
    error_code: str | None
    retryable: bool
    surfaces: list[str]
    patterns: list[str]
    causes: list[str]
    fixes: list[str]
    sources: list[Source]
    verified: str
    retry_note: str = ""
    mistake: str = ""
    message: str = ""
    examples: dict[str, str] = field(default_factory=dict)
    sdk: dict[str, SdkOverride] = field(default_factory=dict)
    response: Response | None = None
    notes: str = ""
    related: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    shared_text: bool = False  # the text comes from TLS, proxies, the network or cloud credentials, not from Claude
    line: int = 0  # where the entry starts in errors.yaml, for messages

    @property
    def url(self) -> str:
        """Site-relative URL; stable forever."""
        return f"errors/{self.id}/"

    @property
    def kind_title(self) -> str:
        return KIND_TITLES[self.kind]


@dataclass
class Registry:
    surfaces: dict[str, Surface]
    sdks: dict[str, Sdk]
    entries: list[Entry]
    path: str = "errors.yaml"
    other_providers: dict[str, OtherProvider] = field(default_factory=dict)
    digest: str = ""  # of errors.yaml's text: names the data version in reports and in the CLI

    @property
    def data_version(self) -> str:
        return self.digest[:12]

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.entries}

    def entry(self, entry_id: str) -> Entry:
        return self.by_id[entry_id]

    def sdks_in_order(self) -> list[Sdk]:
        return [self.sdks[s] for s in SDK_ORDER if s in self.sdks]

    def exception_for(self, entry: Entry, sdk_id: str) -> str | None:
        """The exception an SDK raises for this entry: an explicit override, else its class for the status."""
        if sdk_id in entry.sdk:
            return entry.sdk[sdk_id].exception
        sdk = self.sdks.get(sdk_id)
        if sdk is None or entry.kind == "client" or entry.status is None:
            return None
        if not any(s in entry.surfaces for s in ("api", *SDK_ORDER)) and sdk_id not in entry.surfaces:
            return None  # provider-native errors (e.g. botocore) are not raised by the Anthropic SDKs
        return sdk.class_for_status(entry.status)
