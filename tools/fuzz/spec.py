"""The OpenAPI document: operations, their parameters, bodies and declared responses, and
JSON Schema validation of values against the document's schemas (OpenAPI 3.0 or 3.1)."""

import copy
import datetime
import re
import uuid

import jsonschema

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


class Param:
    def __init__(self, name, location, required, schema):
        self.name = name
        self.location = location  # path | query | header
        self.required = required
        self.schema = schema or {}

    def __repr__(self):
        return f"{self.location}:{self.name}"


class Operation:
    def __init__(self, method, path, raw, spec):
        self.method = method.upper()
        self.path = path
        self.key = f"{self.method} {path}"
        self.operation_id = raw.get("operationId", self.key)
        self.params = [
            Param(p["name"], p["in"], p.get("required", p["in"] == "path"), p.get("schema"))
            for p in (spec.deref(p) for p in raw.get("parameters", []))
            if p.get("in") in ("path", "query", "header")
        ]
        body = spec.deref(raw.get("requestBody")) if raw.get("requestBody") else None
        self.body_required = bool(body and body.get("required"))
        self.body_media = None
        self.body_schema = None
        if body:
            content = body.get("content", {})
            for media in ("application/json", "multipart/form-data", "*/*"):
                if media in content:
                    self.body_media = media
                    self.body_schema = content[media].get("schema", {})
                    break
            else:
                if content:
                    self.body_media, media_obj = next(iter(content.items()))
                    self.body_schema = media_obj.get("schema", {})
        # status key ("200", "4XX", "default") -> {media type: schema or None}
        self.responses = {}
        for status, resp in raw.get("responses", {}).items():
            resp = spec.deref(resp)
            self.responses[str(status)] = {
                media: obj.get("schema") for media, obj in (resp.get("content") or {}).items()
            }

    def declared(self, status, extra_global=()):
        """The declared response for a status: (key, content) or None."""
        s = str(status)
        if s in self.responses:
            return s, self.responses[s]
        rng = s[0] + "XX"
        if rng in self.responses:
            return rng, self.responses[rng]
        if "default" in self.responses:
            return "default", self.responses["default"]
        if status in extra_global:
            return s, {}
        return None

    def is_json_body(self):
        return self.body_media in ("application/json", "*/*") or (
            self.body_media or ""
        ).endswith("+json")


class Spec:
    def __init__(self, doc):
        self.doc = doc
        self.version = str(doc.get("openapi", "3.0"))
        self.components = normalise(copy.deepcopy(doc.get("components", {})))
        self.operations = []
        for path, item in sorted(doc.get("paths", {}).items()):
            shared = item.get("parameters", [])
            for method in HTTP_METHODS:
                if method in item:
                    raw = dict(item[method])
                    raw["parameters"] = shared + raw.get("parameters", [])
                    self.operations.append(Operation(method, path, raw, self))
        self._validators = {}

    def deref(self, obj, depth=0):
        """Follows a local $ref (#/components/...) to its target."""
        while isinstance(obj, dict) and "$ref" in obj and depth < 20:
            ref = obj["$ref"]
            if not ref.startswith("#/"):
                return {}
            target = self.doc
            for part in ref[2:].split("/"):
                target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
            obj = target
            depth += 1
        return obj

    def errors(self, schema, value):
        """The validation errors of a value against a schema of the document (normalised)."""
        entry = self._validators.get(id(schema))
        if entry is None:
            root = normalise(copy.deepcopy(schema))
            if not isinstance(root, dict):
                root = {}
            root["components"] = self.components
            # the schema is kept with its validator so that its id is not reused
            entry = self._validators[id(schema)] = (
                jsonschema.Draft202012Validator(root, format_checker=FORMATS), schema)
        return sorted(entry[0].iter_errors(value), key=lambda e: list(e.absolute_path))


def normalise(schema):
    """OpenAPI 3.0 idioms to JSON Schema 2020-12: nullable, boolean exclusive bounds."""
    if isinstance(schema, list):
        return [normalise(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: normalise(v) for k, v in schema.items()}
    if out.pop("nullable", False):
        if "type" in out:
            types = out["type"] if isinstance(out["type"], list) else [out["type"]]
            if "null" not in types:
                out["type"] = types + ["null"]
            if "enum" in out and None not in out["enum"]:
                out["enum"] = out["enum"] + [None]
        else:
            out = {"anyOf": [out, {"type": "null"}]}
    for bound, excl in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if out.get(excl) is True and bound in out:
            out[excl] = out.pop(bound)
        elif out.get(excl) is False:
            out.pop(excl)
    out.pop("discriminator", None)
    return out


FORMATS = jsonschema.FormatChecker(formats=())

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$")


@FORMATS.checks("date")
def _is_date(value):
    if not isinstance(value, str):
        return True
    if not _DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@FORMATS.checks("date-time")
def _is_date_time(value):
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return True


@FORMATS.checks("time")
@FORMATS.checks("partial-time")
def _is_time(value):
    if not isinstance(value, str):
        return True
    m = _TIME.match(value)
    if not m:
        return False
    hh, mm = int(value[0:2]), int(value[3:5])
    return hh < 24 and mm < 60


@FORMATS.checks("uuid")
def _is_uuid(value):
    if not isinstance(value, str):
        return True
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return len(value) == 36


@FORMATS.checks("int32")
def _is_int32(value):
    return not isinstance(value, int) or isinstance(value, bool) or -(2**31) <= value < 2**31


@FORMATS.checks("int64")
def _is_int64(value):
    return not isinstance(value, int) or isinstance(value, bool) or -(2**63) <= value < 2**63
