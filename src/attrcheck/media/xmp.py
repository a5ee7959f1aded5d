"""XMP packets: parse with defusedxml (entity declarations and external references refused),
turn the RDF into plain values and keep the rights-relevant properties.

RDF forms handled: simple elements and attribute shorthand on rdf:Description, rdf:resource,
rdf:Seq / rdf:Bag / rdf:Alt lists (Alt as {language: text}), structures written with
rdf:parseType="Resource", a nested rdf:Description or attributes, several rdf:Description
blocks. Properties are named with the usual prefix for their namespace URI ("dc:creator"), not
with whatever prefix the file chose.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_PACKET = 16 * 1024 * 1024
MAX_DEPTH = 24
MAX_ITEMS = 2000

NAMESPACES: dict[str, str] = {
    RDF: "rdf",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://creativecommons.org/ns#": "cc",
    "http://web.resource.org/cc/": "cc",
    "http://ns.useplus.org/ldf/xmp/1.0/": "plus",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#": "stEvt",
    "http://ns.adobe.com/xap/1.0/sType/ResourceRef#": "stRef",
    "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
    "http://purl.org/dc/terms/": "dcterms",
    "http://ns.adobe.com/xmp/note/": "xmpNote",
    "http://ns.adobe.com/pdf/1.3/": "pdf",
    "http://ns.adobe.com/xap/1.0/": "xmp",
}
# Top-level properties kept in the container section: whole namespaces, plus a few named ones.
KEPT_NAMESPACES = frozenset(
    {"dc", "xmpRights", "cc", "plus", "Iptc4xmpCore", "Iptc4xmpExt", "dcterms", "xmpNote"}
)
KEPT_PROPERTIES = frozenset(
    {
        "photoshop:Credit", "photoshop:Source", "photoshop:Instructions",
        "photoshop:AuthorsPosition", "photoshop:Headline",
        "xmpMM:History", "xmpMM:DerivedFrom", "xmpMM:DocumentID", "xmpMM:InstanceID",
        "xmpMM:OriginalDocumentID",
        "crs:HasCrop", "crs:CropTop", "crs:CropLeft", "crs:CropBottom", "crs:CropRight",
        "crs:CropAngle", "pdf:Author", "xmp:CreatorTool",
    }
)  # fmt: skip
RDF_SYNTAX_ATTRIBUTES = frozenset({"about", "ID", "nodeID", "parseType", "resource", "datatype"})


class XmpError(ValueError):
    """An XMP packet could not be parsed; the message says why."""


def qualified_name(tag: str) -> str:
    """'{http://purl.org/dc/elements/1.1/}creator' -> 'dc:creator' (unknown URIs keep the URI)."""
    if not tag.startswith("{"):
        return tag
    uri, _, local = tag[1:].partition("}")
    prefix = NAMESPACES.get(uri)
    return f"{prefix}:{local}" if prefix else f"{{{uri}}}{local}"


def packet_text(packet: bytes) -> str:
    """The XML of a packet as text: from its first '<' to its last '>', without padding.

    XMP may be UTF-8, UTF-16 or UTF-32 (either byte order); the encoding is told by where the
    NUL bytes around the first '<' are, as the XMP specification describes.
    """
    text = packet.decode(_packet_encoding(packet), "replace").lstrip("\ufeff")
    start = text.find("<")
    end = text.rfind(">")
    if start < 0 or end < start:
        raise XmpError("no XML in the XMP packet")
    return text[start : end + 1]


def _packet_encoding(packet: bytes) -> str:
    index = packet.find(b"<")
    if index < 0:
        return "utf-8"
    if packet[index : index + 4] == b"<\x00\x00\x00":
        return "utf-32-le"
    if index >= 3 and packet[index - 3 : index] == b"\x00\x00\x00":
        return "utf-32-be"
    if index >= 1 and packet[index - 1 : index] == b"\x00":
        return "utf-16-be"
    if packet[index + 1 : index + 2] == b"\x00":
        return "utf-16-le"
    return "utf-8"


def parse_packet(packet: bytes) -> dict[str, Any]:
    """All top-level properties of an XMP packet as {qualified name: value}.

    Raises XmpError when the packet is not well-formed XML or declares entities (defusedxml).
    """
    if len(packet) > MAX_PACKET:
        raise XmpError(f"XMP packet of {len(packet)} bytes is larger than {MAX_PACKET}")
    try:
        root = DET.fromstring(packet_text(packet), forbid_dtd=True)
    except DefusedXmlException as exc:
        raise XmpError(f"XMP refused: {type(exc).__name__} (entities/DTD are not allowed)") from exc
    except ET.ParseError as exc:
        raise XmpError(f"XMP is not well-formed XML ({exc})") from exc
    rdf_root = root if root.tag == f"{{{RDF}}}RDF" else next(root.iter(f"{{{RDF}}}RDF"), None)
    if rdf_root is None:
        raise XmpError("XMP packet has no rdf:RDF element")
    properties: dict[str, Any] = {}
    for description in rdf_root:
        if description.tag == f"{{{RDF}}}Description":
            _merge(properties, _description_properties(description, 0))
    return properties


def _merge(into: dict[str, Any], more: dict[str, Any]) -> None:
    for key, value in more.items():
        into.setdefault(key, value)


def _description_properties(element: ET.Element, depth: int) -> dict[str, Any]:
    """Properties of an rdf:Description (or a parseType=Resource element): attributes + children."""
    props: dict[str, Any] = {}
    for name, value in element.attrib.items():
        if _is_property_attribute(name):
            props[qualified_name(name)] = value.strip()
    for child in list(element)[:MAX_ITEMS]:
        props.setdefault(qualified_name(child.tag), node_value(child, depth + 1))
    return props


def _is_property_attribute(name: str) -> bool:
    if name == XML_LANG:
        return False
    if name.startswith(f"{{{RDF}}}"):
        return name[len(RDF) + 2 :] not in RDF_SYNTAX_ATTRIBUTES
    return True


def node_value(element: ET.Element, depth: int) -> Any:
    """The value of a property element: str, list, {lang: text} for rdf:Alt, or a dict struct."""
    if depth > MAX_DEPTH:
        return None
    resource = element.get(f"{{{RDF}}}resource")
    if resource is not None:
        return resource.strip()
    if element.get(f"{{{RDF}}}parseType") == "Resource":
        return _struct_value(element, depth)
    children = list(element)
    if children:
        return _container_value(children[0], element, depth)
    if any(_is_property_attribute(name) for name in element.attrib):
        return _struct_value(element, depth)
    return (element.text or "").strip()


def _container_value(child: ET.Element, element: ET.Element, depth: int) -> Any:
    if child.tag == f"{{{RDF}}}Alt":
        return _alt_value(child, depth)
    if child.tag in (f"{{{RDF}}}Seq", f"{{{RDF}}}Bag"):
        return [node_value(li, depth + 1) for li in list(child)[:MAX_ITEMS]]
    if child.tag == f"{{{RDF}}}Description":
        return _struct_value(child, depth)
    return _struct_value(element, depth)  # struct written as plain child elements


def _struct_value(element: ET.Element, depth: int) -> Any:
    """A struct as a dict; a qualified value (rdf:value plus qualifiers) as its rdf:value."""
    props = _description_properties(element, depth)
    return props.get("rdf:value", props)


def _alt_value(alt: ET.Element, depth: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for li in list(alt)[:MAX_ITEMS]:
        out.setdefault(li.get(XML_LANG, "x-default"), node_value(li, depth + 1))
    return out


def kept_properties(properties: dict[str, Any]) -> dict[str, Any]:
    """The subset of a packet's properties shown in the xmp/sidecar container section."""
    return {
        key: value
        for key, value in properties.items()
        if key in KEPT_PROPERTIES or key.partition(":")[0] in KEPT_NAMESPACES
    }


# --------------------------------------------------------------------------- value helpers


def texts(value: Any) -> list[str]:
    """Every text in a value: a string, the items of a list, or an Alt's default (first) text."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [text for item in value for text in texts(item)]
    if isinstance(value, dict):
        return texts(default_text(value))
    return []


def default_text(value: Any) -> str | None:
    """x-default (else the first) text of an rdf:Alt; the text itself for a plain value."""
    if isinstance(value, dict):
        if "x-default" in value:
            return default_text(value["x-default"])
        for item in value.values():
            if isinstance(item, str):
                return item
        return None
    if isinstance(value, list):
        return next((text for item in value for text in texts(item)), None)
    if isinstance(value, str):
        return value.strip() or None
    return None


def structs(value: Any) -> list[dict[str, Any]]:
    """A struct or a list of structs as a list of dicts."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, dict)]
    return []


# --------------------------------------------------------------------------- rights values

SIMPLE_RIGHTS_FIELDS = (
    "dc:creator", "dc:rights", "dc:title", "dc:description", "photoshop:Credit",
    "photoshop:Source", "photoshop:Instructions", "xmpRights:UsageTerms",
    "xmpRights:WebStatement", "xmpRights:Marked", "xmpRights:Owner", "cc:license",
    "cc:attributionName", "cc:attributionURL", "cc:morePermissions", "cc:useGuidelines",
    "Iptc4xmpExt:DigitalSourceType",
)  # fmt: skip
STRUCT_RIGHTS_FIELDS = (
    ("plus:Licensor", ("plus:LicensorName", "plus:LicensorURL")),
    ("plus:CopyrightOwner", ("plus:CopyrightOwnerName",)),
    ("plus:ImageCreator", ("plus:ImageCreatorName",)),
    ("Iptc4xmpCore:CreatorContactInfo", ("Iptc4xmpCore:CiUrlWork", "Iptc4xmpCore:CiEmailWork")),
)


def rights_values(properties: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, text) for every rights value in a packet's properties, in a stable order."""
    out: list[tuple[str, str]] = []
    for name in SIMPLE_RIGHTS_FIELDS:
        value = properties.get(name)
        items = [default_text(value)] if isinstance(value, dict) else texts(value)
        out.extend((name, text) for text in items if text)
    for struct_name, members in STRUCT_RIGHTS_FIELDS:
        for struct in structs(properties.get(struct_name)):
            for member in members:
                out.extend((member, text) for text in texts(struct.get(member)))
    return out


def history_events(properties: dict[str, Any]) -> list[dict[str, str]]:
    """xmpMM:History as [{"action", "parameters", "changed", "softwareAgent", "when"}]."""
    events: list[dict[str, str]] = []
    for struct in structs(properties.get("xmpMM:History")):
        event = {
            key.partition(":")[2]: text
            for key, value in struct.items()
            for text in [default_text(value)]
            if key.startswith("stEvt:") and text
        }
        if event.get("action"):
            events.append(event)
    return events


def crop_settings(properties: dict[str, Any]) -> dict[str, Any] | None:
    """The Camera Raw crop, when the packet records one: HasCrop True, or a non-trivial box."""
    has_crop = default_text(properties.get("crs:HasCrop"))
    box = {}
    for edge in ("CropLeft", "CropTop", "CropRight", "CropBottom", "CropAngle"):
        try:
            box[edge] = float(default_text(properties.get(f"crs:{edge}")) or "nan")
        except ValueError:
            continue
    box = {k: v for k, v in box.items() if v == v}  # drop NaN
    if has_crop is not None:
        cropped = has_crop.strip().lower() == "true"
    else:
        full = {"CropLeft": 0.0, "CropTop": 0.0, "CropRight": 1.0, "CropBottom": 1.0}
        cropped = bool(box) and any(box.get(k, v) != v for k, v in full.items())
    return {"HasCrop": True, **box} if cropped else None
