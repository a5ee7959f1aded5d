"""rules.yaml -> Policy: the publication's own rules, validated against schemas/rules.schema.json.

`load_policy(path)` reads and validates a rules file (None gives the built-in default, the same
as the shipped rules.yaml). Errors are one line in the user's words, naming the file and the key:
"rules.yaml: publication.commercial: 'yes' is not a boolean", "rules.yaml:4:7: not valid YAML:
...", "rules.yaml: publication.comercial: unknown key (did you mean 'commercial'?)". Paths in the
file (register, remote.cache) are relative to the rules file.

`find_permission(policy, credit, caption)` finds the `permissions:` entry that covers a caption
credit: a glob (`*`, `?`, `[...]`) or plain text matched case- and accent-insensitively against
the caption, its organisations, creators and © holders.
"""

from __future__ import annotations

import difflib
import fnmatch
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

import jsonschema
import yaml

from attrcheck import names
from attrcheck.errors import PolicyError
from attrcheck.model import Credit, Permission, Policy, RemoteConfig

__all__ = ["DEFAULT_MODIFICATIONS", "find_permission", "load_policy", "policy_from_mapping"]

DEFAULT_MODIFICATIONS: Mapping[str, str] = {
    "resize": "allowed",
    "recompress": "allowed",
    "format-change": "allowed",
    "crop": "violation",
    "alteration": "violation",
}
_TYPE_WORDS = {
    "boolean": "a boolean",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "array": "a list",
    "object": "a mapping of keys to values",
    "null": "null",
}
_GLOB_CHARS = frozenset("*?[")


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    text = resources.files("attrcheck.schemas").joinpath("rules.schema.json").read_text("utf-8")
    return cast(dict[str, Any], json.loads(text))


# --------------------------------------------------------------------------- loading


def load_policy(path: str | Path | None) -> Policy:
    """The policy in `path` (None: the built-in default). Raises PolicyError on any problem."""
    if path is None:
        return Policy()
    shown = str(path)
    data = _read_yaml(Path(path), shown)
    return policy_from_mapping(data, shown, base=Path(path).resolve().parent)


def _read_yaml(path: Path, shown: str) -> Mapping[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PolicyError(f"{shown}: no such file (give --rules an existing rules.yaml)") from None
    except UnicodeDecodeError as error:
        raise PolicyError(f"{shown}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise PolicyError(f"{shown}: cannot read: {error.strerror or error}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        problem = error.problem or error.context or "malformed"
        raise PolicyError(f"{shown}{where}: not valid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise PolicyError(f"{shown}: not valid YAML: {error}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PolicyError(f"{shown}: the top level must be a mapping of keys (publication: ...)")
    return data


def policy_from_mapping(
    data: Mapping[str, Any], shown: str = "rules.yaml", base: Path | None = None
) -> Policy:
    """Validate a parsed rules mapping and build the Policy (paths relative to `base`)."""
    data = _unquoted_off(data)
    _validate(data, shown)
    base = base or Path.cwd()
    publication = data.get("publication") or {}
    licences = data.get("licences") or {}
    return Policy(
        commercial=bool(publication.get("commercial", True)),
        medium=publication.get("medium", "web"),
        register=_register_paths(data.get("register"), base),
        allow=tuple(licences.get("allow") or ()),
        deny=tuple(licences.get("deny") or ()),
        permissions=tuple(
            Permission(credit=item["credit"], note=item.get("note"))
            for item in data.get("permissions") or ()
        ),
        modifications={**DEFAULT_MODIFICATIONS, **(data.get("modifications") or {})},
        levels=_levels(data.get("checks") or {}, shown),
        remote=_remote(data.get("remote") or {}, base),
        source=shown,
    )


def _unquoted_off(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Empty sections (`remote:` with every key commented out) are empty; and YAML 1.1 reads an
    unquoted `off` as false, so `AC106: off` and `{level: off}` mean "off"."""
    data = {key: value for key, value in data.items() if value is not None}
    checks = data.get("checks")
    if not isinstance(checks, dict):
        return data
    fixed: dict[Any, Any] = {}
    for key, setting in checks.items():
        if setting is False:
            setting = "off"
        elif isinstance(setting, dict) and setting.get("level") is False:
            setting = {**setting, "level": "off"}
        fixed[key] = setting
    return {**data, "checks": fixed}


def _register_paths(value: str | Sequence[str] | None, base: Path) -> tuple[str, ...]:
    if not value:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    return tuple(str((base / Path(item).expanduser()).resolve()) for item in items)


def _levels(checks: Mapping[str, Any], shown: str) -> dict[str, str]:
    from attrcheck import checks as registry  # late: the checks import this module

    levels: dict[str, str] = {}
    for key, setting in checks.items():
        module = registry.get(str(key))
        if module is None:
            near = registry.nearest(str(key))
            hint = f" (did you mean {near!r}?)" if near else " (see `attrcheck rules`)"
            raise PolicyError(f"{shown}: checks.{key}: unknown check{hint}")
        level = setting["level"] if isinstance(setting, dict) else setting
        levels[str(module.CODE)] = str(level)
    return levels


def _remote(remote: Mapping[str, Any], base: Path) -> RemoteConfig:
    values = dict(remote)
    if values.get("cache"):
        values["cache"] = str((base / Path(str(values["cache"])).expanduser()).resolve())
    for key in ("timeout", "connect_timeout", "expire_days"):
        if key in values:
            values[key] = float(values[key])
    return RemoteConfig(**values)


# --------------------------------------------------------------------------- validation


def _validate(data: Mapping[str, Any], shown: str) -> None:
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(e.absolute_path), e.message))
    if errors:
        raise PolicyError(f"{shown}: {_describe(errors[0])}")


def _where(path: Iterable[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _describe(error: jsonschema.ValidationError) -> str:
    if error.validator == "oneOf" and error.context:
        deeper = [e for e in error.context if len(e.absolute_path) > len(error.absolute_path)]
        deeper = deeper or [e for e in error.context if e.validator not in ("type", "enum")]
        if not deeper:
            return _prefix(error) + f"{_yaml_repr(error.instance)} is not {_alternatives(error)}"
        error = max(deeper, key=lambda e: len(e.absolute_path))
    where = _where(error.absolute_path)
    prefix = f"{where}: " if where else ""
    if error.validator == "additionalProperties":
        return _unknown_keys(error, where)
    return prefix + _problem(error)


def _prefix(error: jsonschema.ValidationError) -> str:
    where = _where(error.absolute_path)
    return f"{where}: " if where else ""


def _alternatives(error: jsonschema.ValidationError) -> str:
    words: list[str] = []
    for branch in cast(list[Mapping[str, Any]], error.validator_value):  # the oneOf branches
        if "type" in branch:
            kinds = branch["type"] if isinstance(branch["type"], list) else [branch["type"]]
            words += [_TYPE_WORDS.get(str(kind), str(kind)) for kind in kinds]
        elif "$ref" in branch:
            words.append("one of " + ", ".join(repr(v) for v in _ref_enum(str(branch["$ref"]))))
    return " or ".join(dict.fromkeys(words)) or "valid here"


def _ref_enum(ref: str) -> list[Any]:
    definition = _schema()["$defs"].get(ref.rsplit("/", 1)[-1], {})
    return list(definition.get("enum", []))


def _unknown_keys(error: jsonschema.ValidationError, where: str) -> str:
    schema = cast(Mapping[str, Any], error.schema)
    allowed = list(cast(Mapping[str, Any], schema.get("properties", {})))
    extras = [key for key in cast(Mapping[str, Any], error.instance) if key not in allowed]
    key = str(extras[0]) if extras else "?"
    near = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f"did you mean {near[0]!r}?" if near else f"expected one of: {', '.join(allowed)}"
    full = f"{where}.{key}" if where else key
    return f"{full}: unknown key ({hint})"


def _problem(error: jsonschema.ValidationError) -> str:
    value = error.instance
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    if error.validator == "type":
        wanted = cast(Any, error.validator_value)
        kinds = [wanted] if isinstance(wanted, str) else list(wanted)
        words = " or ".join(_TYPE_WORDS.get(kind, kind) for kind in kinds)
        return f"{_yaml_repr(value)} is not {words}"
    if error.validator == "enum":
        options = ", ".join(repr(option) for option in cast(list[Any], error.validator_value))
        return f"{shown} is not one of {options}"
    if error.validator == "required":
        return f"missing required key ({error.message.split(' is a required')[0]})"
    if error.validator == "pattern":
        return f"{shown} is not an http(s) URL"
    if error.validator == "minLength":
        return "must not be empty"
    if error.validator in ("minimum", "exclusiveMinimum"):
        bound = error.validator_value
        relation = "greater than" if error.validator == "exclusiveMinimum" else "at least"
        return f"{shown} is too small (must be {relation} {bound})"
    return error.message


def _yaml_repr(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    return repr(value)


# --------------------------------------------------------------------------- permissions


def find_permission(policy: Policy, credit: Credit, caption: str) -> Permission | None:
    """The first `permissions:` entry whose credit pattern covers this caption credit."""
    if not policy.permissions:
        return None
    holders = [s.holder for s in credit.statements if s.holder]
    candidates = [caption, credit.text, *credit.organisations, *credit.creators, *holders]
    targets = [target for target in candidates if target and target.strip()]
    for permission in policy.permissions:
        if any(_covers(permission.credit, target) for target in targets):
            return permission
    return None


def _covers(pattern: str, target: str) -> bool:
    if _GLOB_CHARS & set(pattern):
        return fnmatch.fnmatchcase(target.casefold().strip(), pattern.casefold().strip())
    wanted = names.fold(pattern)
    return bool(wanted) and f" {wanted} " in f" {names.fold(target)} "
