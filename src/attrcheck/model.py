"""The data that flows through the pipeline: frozen dataclasses, no behaviour, no imports of ours.

articles -> Figure; credits -> Credit; licences -> Licence / LicenceMatch; media -> ImageEvidence,
ModificationVerdict; provenance -> SourceRecord; resolve -> ResolvedLicence; all -> FigureCase;
checks -> Finding. Every stage builds these and nothing else crosses a stage boundary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
LEVEL_RANK: Mapping[str, int] = {"info": 1, "warning": 2, "error": 3}

EvidenceSource = Literal[
    "caption", "exif", "iptc", "xmp", "sidecar", "c2pa", "register", "original", "remote"
]
EVIDENCE_SOURCES: tuple[str, ...] = (
    "caption", "exif", "iptc", "xmp", "sidecar", "c2pa", "register", "original", "remote",
)  # fmt: skip
# (the DESIGN.md contract: the policy is a reason for a finding, not evidence about the image)


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True)
class CaptionPart:
    """One piece of a figure's caption as written in the article source.

    `start`/`end` are character offsets into the article text (str indices) of exactly the
    caption text (not the surrounding markup), so --fix can replace it in place. `kind` says
    where it came from: "title" (Markdown image title), "paragraph" (caption paragraph after a
    Markdown image), "figcaption", "hugo-caption", "hugo-attr", "front-matter", "sibling"
    (HTML element whose class mentions caption/credit), "data-credit", "alt-credit".
    `editable` is true when the part is a plain caption that --fix may rewrite.
    """

    kind: str
    text: str
    start: int
    end: int
    line: int
    column: int
    editable: bool = True


@dataclass(frozen=True)
class Suppression:
    """`<!-- attrcheck: disable-next=AC201,AC104 reason="..." -->` found at `line`."""

    codes: tuple[str, ...]
    reason: str | None
    line: int
    column: int


@dataclass(frozen=True)
class Figure:
    """One image in an article, with its caption as written (Markdown/HTML kept)."""

    id: str  # "<article path as given>#<n>", n from 1 in document order
    article: str  # the article path as displayed (relative to the working directory when possible)
    index: int  # n
    src: str  # as written in the article
    alt: str
    caption: str  # all caption parts joined by "\n", raw
    line: int  # 1-based line of the image
    column: int  # 1-based column of the image
    caption_line: int | None = None
    caption_column: int | None = None
    kind: str = (
        "markdown-image"  # markdown-image | html-img | html-figure | hugo-figure | front-matter
    )
    caption_parts: tuple[CaptionPart, ...] = ()
    link: str | None = None  # href of a link wrapping the image, if any
    credit_link: str | None = None  # Hugo attrlink, or similar explicit credit URL
    suppression: Suppression | None = None  # the disable-next comment right before the figure


@dataclass(frozen=True)
class Article:
    path: str  # display path
    file: str  # filesystem path (absolute)
    format: Literal["markdown", "html"]
    figures: tuple[Figure, ...]
    suppressions: tuple[Suppression, ...] = ()


@dataclass(frozen=True)
class ImageRef:
    """Where a figure's image lives: a local file, a remote URL, or nothing usable."""

    kind: Literal["local", "remote", "data", "missing"]
    path: str | None = None  # absolute filesystem path for local
    url: str | None = None  # http(s) URL for remote
    reason: str | None = None


# --------------------------------------------------------------------------- licences


@dataclass(frozen=True)
class AttributionRequirements:
    """What a licence (version/port) requires of a reuser's credit (see licences/README.md)."""

    creator: bool = True
    title: bool = False  # "title if supplied" (CC 1.0-3.0)
    licence_uri: bool = True
    source_uri: bool = False  # "URI of the work if supplied" (CC 2.0+)
    modification_notice: Literal["always", "adaptations", "none"] = "adaptations"
    attribution_parties: bool = False  # 2.5+: "other parties designated for attribution"
    cure_period_days: int | None = None  # 30 in 4.0
    technical_changes_allowed: bool = True  # format shifting allowed without being a derivative
    statement: str | None = None  # e.g. the OGL attribution statement template
    clause: str | None = None  # citation of the licence clause


@dataclass(frozen=True)
class Licence:
    id: str
    family: str
    name: str  # English title
    version: str | None = None
    jurisdiction: str | None = None
    url: str | None = None  # canonical deed URL (https, trailing slash)
    legal_code_url: str | None = None
    short_name: str | None = None  # e.g. "CC BY-NC-ND 2.0"
    kind: str = "cc"  # cc | public-domain | platform | government | free | proprietary
    requires_attribution: bool = True
    noncommercial: bool = False
    no_derivatives: bool = False
    share_alike: bool = False
    retired: bool = False
    retired_on: str | None = None
    replaced_by: str | None = None
    attribution: AttributionRequirements = field(default_factory=AttributionRequirements)
    share_alike_compatible: tuple[str, ...] = ()  # licence ids (or globs) an adaptation may use


@dataclass(frozen=True)
class LicenceMatch:
    """One licence reference found in a text by the recogniser."""

    text: str  # the matched text
    span: tuple[int, int]  # character offsets in the searched text
    id: str | None  # null when not pinned to one tool (unversioned, invalid)
    family: str | None
    version: str | None = None
    jurisdiction: str | None = None
    valid: bool = True
    reason: str | None = None  # why invalid / why not pinned
    url: str | None = None  # the URL when the reference was a URL


# --------------------------------------------------------------------------- credits


@dataclass(frozen=True)
class CreditLink:
    text: str
    url: str
    role: Literal["licence", "creator", "source", "platform", "other"]


@dataclass(frozen=True)
class CreditLicence:
    id: str | None
    family: str | None
    version: str | None
    jurisdiction: str | None
    valid: bool
    linked: bool
    url: str | None
    span: tuple[int, int]
    text: str = ""
    reason: str | None = None


@dataclass(frozen=True)
class Statement:
    # public-domain | all-rights-reserved | copyright | courtesy | handout | permission | via
    kind: str
    text: str
    year: str | None = None
    holder: str | None = None


@dataclass(frozen=True)
class Credit:
    text: str  # the caption as plain text (markup removed)
    creators: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    licences: tuple[CreditLicence, ...] = ()
    links: tuple[CreditLink, ...] = ()
    title: str | None = None
    change_note: str | None = None
    statements: tuple[Statement, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


# --------------------------------------------------------------------------- media


@dataclass(frozen=True)
class EvidenceValue:
    """One rights value read from an image, tagged with its container and field."""

    source: str  # exif | iptc | xmp | sidecar | c2pa
    field: str  # e.g. "Artist", "By-line", "dc:creator", "cc:license"
    value: str


@dataclass(frozen=True)
class RightsSummary:
    creators: tuple[str, ...] = ()
    copyright: str | None = None
    credit: str | None = None
    title: str | None = None
    source: str | None = None
    licence_url: str | None = None
    web_statement: str | None = None
    usage_terms: str | None = None
    licensor: str | None = None
    digital_source_type: str | None = None
    conflicts: tuple[
        str, ...
    ] = ()  # human-readable: "creator: EXIF Artist 'A' differs from XMP dc:creator 'B'"
    sources: Mapping[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # summary key -> containers

    @property
    def has_rights(self) -> bool:
        return bool(
            self.creators or self.copyright or self.credit or self.licence_url
            or self.web_statement or self.usage_terms or self.licensor
        )  # fmt: skip


@dataclass(frozen=True)
class C2paSummary:
    present: bool
    active_manifest: str | None = None
    signer: str | None = None
    validation_state: str | None = None  # "valid" | "invalid" | "trusted" | ...
    validation_errors: tuple[str, ...] = ()
    actions: tuple[
        Mapping[str, Any], ...
    ] = ()  # {"action": "c2pa.cropped", "digitalSourceType": ...}
    ingredients: tuple[Mapping[str, Any], ...] = ()
    creators: tuple[str, ...] = ()  # CreativeWork author / CAWG identity names
    licence_url: str | None = None
    error: str | None = None

    @property
    def signed_and_valid(self) -> bool:
        return (
            self.present
            and self.validation_state in ("valid", "trusted")
            and not self.validation_errors
        )


@dataclass(frozen=True)
class ImageEvidence:
    path: str
    format: str | None = None  # "JPEG", "PNG", ...
    width: int | None = None
    height: int | None = None
    sha256: str | None = None
    size_bytes: int | None = None
    decodable: bool = True  # Pillow can open and identify it
    error: str | None = None  # why it cannot be decoded (AC902)
    warnings: tuple[str, ...] = ()  # malformed parts that were skipped
    values: tuple[EvidenceValue, ...] = ()
    containers: Mapping[str, Mapping[str, Any]] = field(
        default_factory=dict
    )  # exif/iptc/xmp/sidecar
    rights: RightsSummary = field(default_factory=RightsSummary)
    c2pa: C2paSummary | None = None
    orientation: int | None = None  # EXIF orientation (1-8)
    crop_recorded: bool = False  # crs:HasCrop or similar embedded evidence of a crop
    history: tuple[str, ...] = ()  # xmpMM:History actions / C2PA actions (types)


ModificationKind = Literal[
    "identical", "resized", "recompressed", "format-change", "cropped", "altered"
]


@dataclass(frozen=True)
class ModificationVerdict:
    kind: ModificationKind
    evidence: str  # "original" | "c2pa" | "xmp" | "remote"
    score: float = 1.0  # confidence 0..1
    crop: tuple[int, int, int, int] | None = None  # left, top, right, bottom in the original
    alterations: tuple[str, ...] = ()  # overlay, colour-change, grayscale, mirror, retouch
    detail: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_adaptation(self) -> bool:
        return self.kind in ("cropped", "altered")


# --------------------------------------------------------------------------- provenance


@dataclass(frozen=True)
class SourceRecord:
    """What the register or a remote source (Commons, Flickr, Openverse) says about an asset."""

    origin: Literal["register", "remote"]
    match: str | None = None  # register key, or the URL looked up
    creator: str | None = None
    title: str | None = None
    source: str | None = None  # URL of the work
    licence: str | None = None  # as written ("CC BY-NC-ND 2.0" or a URL)
    licence_url: str | None = None
    original: str | None = None  # absolute path of the original file
    original_missing: bool = False
    permission: str | None = None
    service: str | None = None  # commons | flickr | openverse (remote only)
    attribution_required: bool | None = None
    note: str | None = None  # e.g. why a lookup was skipped
    location: str | None = None  # "media-register.yaml: assets[3]"


# --------------------------------------------------------------------------- policy


@dataclass(frozen=True)
class Permission:
    credit: str  # glob or plain text matched case-insensitively against the caption credit
    note: str | None = None


@dataclass(frozen=True)
class RemoteConfig:
    commons_api: str = "https://commons.wikimedia.org/w/api.php"
    flickr_api: str = "https://api.flickr.com/services/rest/"
    openverse_api: str = "https://api.openverse.org/v1/"
    allow_private_hosts: bool = False
    cache: str | None = None
    timeout: float = 20.0
    connect_timeout: float = 5.0
    max_bytes: int = 26_214_400
    expire_days: float = 7.0


@dataclass(frozen=True)
class Policy:
    commercial: bool = True
    medium: Literal["web", "print"] = "web"
    register: tuple[str, ...] = ()  # absolute paths
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    permissions: tuple[Permission, ...] = ()
    modifications: Mapping[str, str] = field(
        default_factory=lambda: {
            "resize": "allowed",
            "recompress": "allowed",
            "format-change": "allowed",
            "crop": "violation",
            "alteration": "violation",
        }
    )
    levels: Mapping[str, str] = field(default_factory=dict)  # code -> error|warning|info|off
    remote: RemoteConfig = field(default_factory=RemoteConfig)
    source: str | None = None  # path of the rules file, None for the built-in default


# --------------------------------------------------------------------------- resolve


@dataclass(frozen=True)
class EvidenceItem:
    """One piece of evidence behind a conclusion: which source said what."""

    source: str  # one of EVIDENCE_SOURCES
    value: str
    field: str | None = None


@dataclass(frozen=True)
class ResolvedLicence:
    licence: Licence | None
    evidence: tuple[EvidenceItem, ...] = ()  # the sources that named the resolved licence
    candidates: tuple[
        tuple[str, Licence], ...
    ] = ()  # (source, licence) for every source that named one
    conflicts: tuple[tuple[str, str, str, str], ...] = ()  # (source_a, id_a, source_b, id_b)
    unresolved_mentions: tuple[LicenceMatch, ...] = ()  # invalid / unversioned references


@dataclass(frozen=True)
class FigureCase:
    """Everything known about one figure. Checks are pure functions of this."""

    figure: Figure
    credit: Credit
    policy: Policy
    image_ref: ImageRef
    image: ImageEvidence | None = None  # the published file
    image_missing: bool = False
    original: ImageEvidence | None = None
    register: SourceRecord | None = None
    remote: SourceRecord | None = None
    remote_error: str | None = None
    resolved: ResolvedLicence = field(default_factory=lambda: ResolvedLicence(licence=None))
    modification: ModificationVerdict | None = None
    permission: Permission | None = None  # the policy permission that covers the credit


# --------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    level: Level
    message: str
    line: int
    column: int = 1
    evidence: tuple[str, ...] = ()  # evidence source names the finding rests on
    figure_id: str | None = None
    fix: str | None = None  # what to do, one sentence


@dataclass(frozen=True)
class SuggestedAttribution:
    text: str
    markdown: str
    html: str


@dataclass(frozen=True)
class FigureResult:
    case: FigureCase
    findings: tuple[Finding, ...]
    suggestion: SuggestedAttribution | None
    suppressed: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class ArticleResult:
    article: Article
    figures: tuple[FigureResult, ...]
    findings: tuple[Finding, ...] = ()  # article-level findings (e.g. suppression without reason)


@dataclass(frozen=True)
class RunResult:
    articles: tuple[ArticleResult, ...]
    policy: Policy
    errors: tuple[str, ...] = ()  # problems that did not stop the run (shown as warnings)
