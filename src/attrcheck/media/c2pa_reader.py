"""C2PA manifests through c2pa-python's `c2pa.Reader`, offline: remote manifests and OCSP are
never fetched. Produces a C2paSummary: presence, active manifest, signer, validation state and
errors, actions (with digitalSourceType), ingredients, CreativeWork authors and CAWG identities.

Trust-list results ("signingCredential.untrusted") are not integrity failures; they are reported
as warnings so that a well-formed manifest signed with an unknown certificate stays "valid".
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from attrcheck.model import C2paSummary

MIME_TYPES = {
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "TIFF": "image/tiff",
    "AVIF": "image/avif",
    "HEIF": "image/heif",
    "GIF": "image/gif",
    "DNG": "image/dng",
}
OFFLINE_SETTINGS = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False}}
UNTRUSTED_SUFFIX = ".untrusted"


@lru_cache(maxsize=1)
def _offline_context() -> Any:
    import c2pa

    return c2pa.Context(c2pa.Settings.from_dict(OFFLINE_SETTINGS))


def read_c2pa(data: bytes, image_format: str | None, warnings: list[str]) -> C2paSummary | None:
    """The C2PA summary of an asset held in memory; None when it carries no manifest."""
    mime = MIME_TYPES.get(image_format or "")
    if mime is None:
        return None
    try:
        import c2pa

        with c2pa.Reader(mime, io.BytesIO(data), context=_offline_context()) as reader:
            store = json.loads(reader.json())
    except Exception as exc:  # the native SDK raises many private error types
        return _from_error(exc, warnings)
    return summarise_store(store, warnings)


def _from_error(exc: Exception, warnings: list[str]) -> C2paSummary | None:
    message = str(exc)
    if "ManifestNotFound" in type(exc).__name__ or "ManifestNotFound" in message:
        return None
    if "remote manifest" in message.lower():
        url = message.rsplit(" ", 1)[-1]
        return C2paSummary(
            present=False, error=f"manifest referenced at {url}, not embedded (not fetched)"
        )
    warnings.append(f"C2PA: {message}")
    return C2paSummary(present=True, validation_state="invalid", error=message)


def remote_reference(url: str) -> C2paSummary:
    """A manifest named only by URL (XMP dcterms:provenance): present elsewhere, not read."""
    return C2paSummary(
        present=False, error=f"manifest referenced at {url}, not embedded (not fetched)"
    )


def summarise_store(store: Mapping[str, Any], warnings: list[str]) -> C2paSummary:
    """Turn a c2pa manifest-store JSON document into a C2paSummary."""
    active_label = store.get("active_manifest")
    manifests = store.get("manifests") or {}
    active: Mapping[str, Any] = manifests.get(active_label) or {}
    errors, untrusted = _validation_codes(store)
    warnings.extend(f"C2PA: {code}" for code in untrusted)
    assertions = [a for a in active.get("assertions") or [] if isinstance(a, Mapping)]
    return C2paSummary(
        present=True,
        active_manifest=active_label,
        signer=_signer(active),
        validation_state=str(store.get("validation_state") or "unknown").lower(),
        validation_errors=tuple(errors),
        actions=tuple(_actions(assertions)),
        ingredients=tuple(_ingredients(active)),
        creators=tuple(_creators(assertions)),
        licence_url=_licence_url(assertions),
    )


def _validation_codes(store: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    untrusted: list[str] = []
    for status in store.get("validation_status") or []:
        code = str(status.get("code", "")) if isinstance(status, Mapping) else str(status)
        if code.endswith(UNTRUSTED_SUFFIX):
            untrusted.append(code)
        elif code:
            errors.append(code)
    return errors, untrusted


def _signer(manifest: Mapping[str, Any]) -> str | None:
    info = manifest.get("signature_info") or {}
    parts = [info.get("common_name"), info.get("issuer")]
    names = [str(p) for p in parts if p]
    if not names:
        return None
    return names[0] if len(names) == 1 or names[0] == names[1] else f"{names[0]} ({names[1]})"


def _actions(assertions: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    out: list[Mapping[str, Any]] = []
    for assertion in assertions:
        if not str(assertion.get("label", "")).startswith("c2pa.actions"):
            continue
        for action in (assertion.get("data") or {}).get("actions") or []:
            if isinstance(action, Mapping) and action.get("action"):
                entry: dict[str, Any] = {"action": str(action["action"])}
                source_type = action.get("digitalSourceType")
                if source_type:
                    entry["digitalSourceType"] = str(source_type).strip()
                if action.get("softwareAgent"):
                    entry["softwareAgent"] = _agent_name(action["softwareAgent"])
                out.append(entry)
    return out


def _agent_name(agent: Any) -> str:
    return str(agent.get("name", agent)) if isinstance(agent, Mapping) else str(agent)


def _ingredients(manifest: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    out: list[Mapping[str, Any]] = []
    for ingredient in manifest.get("ingredients") or []:
        if isinstance(ingredient, Mapping):
            keys = (
                "title",
                "format",
                "relationship",
                "document_id",
                "instance_id",
                "active_manifest",
            )
            out.append({k: ingredient[k] for k in keys if ingredient.get(k)})
    return out


def _creators(assertions: list[Mapping[str, Any]]) -> list[str]:
    """Names from schema.org CreativeWork authors and CAWG identity assertions."""
    names: list[str] = []
    for assertion in assertions:
        label = str(assertion.get("label", ""))
        data = assertion.get("data") or {}
        if label.startswith("stds.schema-org.CreativeWork"):
            names.extend(_person_names(data.get("author")))
        elif label.startswith("cawg.identity"):
            names.extend(_cawg_names(data))
        elif label.startswith("cawg.metadata"):
            names.extend(_person_names(data.get("dc:creator") or data.get("author")))
    return list(dict.fromkeys(n for n in names if n))


def _person_names(authors: Any) -> list[str]:
    if isinstance(authors, (str, Mapping)):
        authors = [authors]
    if not isinstance(authors, list):
        return []
    names = []
    for author in authors:
        if isinstance(author, str):
            names.append(author.strip())
        elif isinstance(author, Mapping) and author.get("name"):
            names.append(str(author["name"]).strip())
    return names


def _cawg_names(data: Mapping[str, Any]) -> list[str]:
    """Verified identities of an identity-claims-aggregation credential (name or username)."""
    names: list[str] = []
    for key in ("verifiedIdentities", "verified_identities"):
        for identity in data.get(key) or []:
            if isinstance(identity, Mapping):
                name = identity.get("name") or identity.get("username")
                if name:
                    names.append(str(name))
    subject = data.get("credentialSubject") or data.get("credential_subject")
    if isinstance(subject, Mapping):
        names.extend(_cawg_names(subject))
    signer_payload = data.get("signer_payload") or {}
    signature = data.get("signature_info") or {}
    if signer_payload.get("sig_type") == "cawg.x509.cose" and signature.get("common_name"):
        names.append(str(signature["common_name"]))  # the X.509 subject is the named actor
    return names


def _licence_url(assertions: list[Mapping[str, Any]]) -> str | None:
    for assertion in assertions:
        data = assertion.get("data")
        if isinstance(data, Mapping):
            for key in ("license", "licence", "xmpRights:WebStatement", "cc:license"):
                value = data.get(key)
                if isinstance(value, str) and value.startswith(("http://", "https://")):
                    return value
    return None
