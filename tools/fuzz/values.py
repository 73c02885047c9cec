"""Hypothesis strategies for values from a schema: valid-looking ones (from the schema, real
ids and codes harvested from the server, check-digit-correct ID numbers) and the invalid
mutations of a valid value (each labelled with what it breaks)."""

import datetime
import re

from hypothesis import strategies as st

# Characters of valid-looking text: Latin, digits, common Chinese, a little punctuation.
TEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.张王李赵刘陈杨黄火线区街道社区村委会党支部楼单元号"
HUGE_TEXT = "火" * 100_000
INT64_MAX = 2**63 - 1


def camel_to_kebab(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


class Pools:
    """Values seen in the server's responses, by the name a client would send them as."""

    LIMIT = 300
    REGION_NAMES = {"region", "regioncode", "parentcode", "rootregion", "gridcode", "villagecode", "regions"}

    def __init__(self):
        self.values = {}

    def add(self, key, value):
        if isinstance(value, bool) or value is None or not isinstance(value, (int, str)):
            return
        if isinstance(value, str) and (not value or len(value) > 40):
            return
        bucket = self.values.setdefault(key, set())
        if len(bucket) < self.LIMIT:
            bucket.add(value)

    def harvest(self, resource, body):
        """Walks a JSON response: ids under the resource's name, *Id fields under theirs."""
        if isinstance(body, list):
            for item in body[:100]:
                self.harvest(resource, item)
        elif isinstance(body, dict):
            if "items" in body and isinstance(body["items"], list):
                self.harvest(resource, body["items"])
            for key, value in body.items():
                if key == "id":
                    self.add(resource, value)
                elif key == "code":
                    self.add(resource + ".code", value)
                    if resource in ("regions", "children"):
                        self.add("regions", value)
                elif key.endswith("Id"):
                    self.add(key, value)
                elif key.endswith("Ids") and isinstance(value, list):
                    for v in value[:20]:
                        self.add(key[:-1], v)
                elif key.lower() in self.REGION_NAMES or key.endswith("Code"):
                    self.add(key, value)
                    if key.lower() in self.REGION_NAMES:
                        self.add("regions", value)
                elif isinstance(value, (dict, list)):
                    self.harvest(key, value)

    def for_name(self, name, resource=None):
        """The known values a parameter or field of this name may take, sorted (repeatable)."""
        keys = []
        if name in ("id", "code") and resource:
            keys.append(resource if name == "id" else resource + ".code")
            if name == "code" and resource == "regions":
                keys.append("regions")
        else:
            keys.append(name)
            lower = name.lower()
            if lower in self.REGION_NAMES or lower.endswith("regioncode"):
                keys.append("regions")
            stem = name[:-2] if name.endswith("Id") else name[:-3] if name.endswith("Ids") else name
            if stem != name or lower in ("campaign",):
                plural = camel_to_kebab(stem)
                keys += [plural + "s", plural + "es", stem + "s"]
                if stem in ("helper", "responsible", "leader", "owner", "witness", "member", "cadre", "dispatcher"):
                    keys.append("persons")
        found = set()
        for key in keys:
            found |= self.values.get(key, set())
        return sorted(found, key=lambda v: (str(type(v)), v))


class Generator:
    """Builds valid-looking values for schemas of one document."""

    def __init__(self, spec, pools, date_range=(1900, 2100)):
        self.spec = spec
        self.pools = pools
        self.date_range = date_range

    # --- valid-looking values -------------------------------------------------------

    def valid(self, schema, name="", resource=None, depth=0):
        schema = self.spec.deref(schema) or {}
        if depth > 6:
            return st.none()
        if "allOf" in schema:
            return self.valid(merge_all_of(self.spec, schema), name, resource, depth)
        for key in ("oneOf", "anyOf"):
            if key in schema:
                options = [self.valid(s, name, resource, depth + 1) for s in schema[key]]
                return st.one_of(*options) if options else st.none()
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            return st.sampled_from(values) if values else st.none()
        if "const" in schema:
            return st.just(schema["const"])
        kind = primary_type(schema)
        known = self.pools.for_name(name, resource) if name and kind in ("string", "integer", None) else []
        known = [v for v in known if kind is None or (kind == "string") == isinstance(v, str)]
        base = self._valid_of_type(kind, schema, name, resource, depth)
        if known:
            return st.one_of(st.sampled_from(known), st.sampled_from(known), base)
        return base

    def _valid_of_type(self, kind, schema, name, resource, depth):
        if kind == "string":
            return self._string(schema, name)
        if kind == "integer":
            return self._integer(schema, name)
        if kind == "number":
            low = schema.get("minimum", 35.0 if "temperature" in name.lower() else -1000.0)
            high = schema.get("maximum", 42.0 if "temperature" in name.lower() else 1000.0)
            return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False).map(
                lambda f: round(f, 1)
            )
        if kind == "boolean":
            return st.booleans()
        if kind == "array":
            items = schema.get("items", {})
            low = schema.get("minItems", 0)
            high = min(schema.get("maxItems", low + 3), low + 3)
            stem = name[:-1] if name.endswith("s") else name
            return st.lists(self.valid(items, stem, None, depth + 1), min_size=low, max_size=high)
        if kind == "object" or "properties" in schema:
            return self._object(schema, depth)
        return st.one_of(st.text(TEXT, max_size=8), st.integers(0, 100), st.booleans())

    def _string(self, schema, name):
        fmt = schema.get("format", "")
        lower = name.lower()
        if fmt == "date":
            return st.dates(datetime.date(2019, 6, 1), datetime.date(2021, 6, 30)).map(str)
        if fmt == "date-time":
            return st.datetimes(datetime.datetime(2020, 1, 1), datetime.datetime(2020, 12, 31)).map(
                lambda d: d.replace(microsecond=0).isoformat() + "+08:00"
            )
        if fmt in ("time", "partial-time") or lower.endswith("time") and "date" not in lower and fmt != "date-time":
            return st.times().map(lambda t: t.strftime("%H:%M"))
        if fmt == "uuid" or lower.endswith("uuid") or lower == "visitid":
            return st.uuids().map(str)
        if fmt == "binary":
            return st.binary(max_size=64).map(lambda b: b.decode("latin-1"))
        if lower in ("idnumber", "id_number"):
            return id_numbers(self.pools.for_name("regions"))
        if lower in ("phone", "mobile"):
            return st.integers(13000000000, 19999999999).map(str)
        if lower == "password":
            return st.sampled_from(["Huoxian@2020", "wrong-Password1", ""])
        if "pattern" in schema:
            try:
                return st.from_regex(schema["pattern"], fullmatch=True).filter(
                    lambda s: len(s) <= schema.get("maxLength", 10**6)
                )
            except Exception:  # a Java-only regex construct: fall back to text
                pass
        low = schema.get("minLength", 1)
        high = max(low, min(schema.get("maxLength", 20), 24))
        return st.text(TEXT, min_size=low, max_size=high)

    def _integer(self, schema, name):
        lower = name.lower()
        is_id = lower.endswith("id") or lower.endswith("ids")
        default_low, default_high = (0, 3) if lower == "page" else (1, 100) if lower == "size" else (1, 10**6) if is_id else (0, 30)
        low = schema.get("minimum", default_low)
        high = schema.get("maximum", max(low, default_high) if "maximum" not in schema else None)
        if "exclusiveMinimum" in schema and isinstance(schema["exclusiveMinimum"], (int, float)):
            low = int(schema["exclusiveMinimum"]) + 1
        if "exclusiveMaximum" in schema and isinstance(schema["exclusiveMaximum"], (int, float)):
            high = int(schema["exclusiveMaximum"]) - 1
        high = min(high, max(low, low + 10**6))
        return st.integers(min_value=int(low), max_value=int(high))

    def _object(self, schema, depth):
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        fields = {}
        for prop, sub in props.items():
            value = self.valid(sub, prop, None, depth + 1)
            if prop in required:
                fields[prop] = value.map(lambda v: (True, v))
            else:  # optional: present most of the time
                fields[prop] = st.tuples(st.sampled_from([True] * 7 + [False]), value)
        return st.fixed_dictionaries(fields).map(lambda d: {k: v for k, (keep, v) in d.items() if keep})

    # --- invalid values ---------------------------------------------------------------

    def mutations(self, schema, value, required=False, nullable=None):
        """(label, new value, by_rule) triples that break a valid value for this schema.

        by_rule is None when the schema itself forbids the new value; otherwise it names the
        project rule it breaks (a NUL byte, a lone surrogate, an implausible date).
        Values marked ABSENT stand for removing the field; PROBE ones are hostile but valid
        by the schema (only the 5xx, status and response checks apply)."""
        schema = self.spec.deref(schema) or {}
        if "allOf" in schema:
            schema = merge_all_of(self.spec, schema)
        kind = primary_type(schema)
        out = []
        types = schema_types(schema)
        if "null" not in types and not any("null" in schema_types(self.spec.deref(s)) for s in schema.get("anyOf", []) + schema.get("oneOf", [])):
            out.append(("null", None, None))
        if required:
            out.append(("missing-required", ABSENT, None))
        if kind == "string" or "enum" in schema and all(isinstance(v, str) for v in schema["enum"] if v is not None):
            out += [("wrong-type:boolean", False, None), ("wrong-type:number", 12, None), ("wrong-type:object", {"a": 1}, None)]
            out += [("nul-byte", "a\u0000b", "NUL byte"), ("lone-surrogate", "a\ud800b", "lone surrogate")]
            out += [("huge-text", HUGE_TEXT, PROBE)]
            if "maxLength" in schema:
                out.append(("over-maxLength", "x" * (schema["maxLength"] + 1), None))
            if schema.get("minLength", 0) > 0:
                out.append(("under-minLength", "", None))
            if "enum" in schema:
                out += [("not-in-enum", "NOT_A_VALUE", None), ("enum-ordinal", 1, None)]
            fmt = schema.get("format")
            if fmt == "date":
                out += [("bad-date", "2020-02-30", None), ("bad-date", "2020-13-01", None), ("bad-date", "0", None)]
                out += [("implausible-date", "0662-02-08", "date outside %d-%d" % self.date_range)]
                out += [("implausible-date", "9999-12-31", "date outside %d-%d" % self.date_range)]
                out += [("number-as-date", 0, None)]
            elif fmt == "date-time":
                out += [("bad-date-time", "2020-01-01T25:00:00+08:00", None), ("bad-date-time", "yesterday", None)]
                out += [("implausible-date", "0662-02-08T10:00:00+08:00", "date outside %d-%d" % self.date_range)]
                out += [("number-as-date", 0, None)]
            elif fmt == "uuid":
                out.append(("bad-uuid", "not-a-uuid", None))
            elif "pattern" in schema:
                out.append(("pattern-mismatch", "\u0000~", None))
            elif schema.get("format") in ("time", "partial-time"):
                out.append(("bad-time", "25:61", None))
        elif kind == "integer":
            out += [("wrong-type:string", "abc", None), ("wrong-type:numeric-string", "12", None)]
            out += [("fraction", 10.9, None), ("wrong-type:boolean", True, None)]
            out += [("huge-number", 10**20, None if schema.get("format") in ("int64", "int32") else PROBE)]
            if schema.get("format") == "int32":
                out.append(("over-int32", 2**31, None))
            if "minimum" in schema:
                out.append(("below-minimum", int(schema["minimum"]) - 1, None))
            else:
                out.append(("negative", -1, PROBE))
            if "maximum" in schema:
                out.append(("above-maximum", int(schema["maximum"]) + 1, None))
            out.append(("unknown-id", INT64_MAX, PROBE))
        elif kind == "number":
            out += [("wrong-type:string", "36.5", None), ("wrong-type:boolean", True, None)]
            out += [("huge-number", 1e30, PROBE if "maximum" not in schema else None)]
            out.append(("huge-number", -1e30, PROBE if "minimum" not in schema else None))
            if "minimum" in schema:
                out.append(("below-minimum", schema["minimum"] - 1, None))
            if "maximum" in schema:
                out.append(("above-maximum", schema["maximum"] + 1, None))
        elif kind == "boolean":
            out += [("wrong-type:string", "true", None), ("wrong-type:number", 1, None)]
        elif kind == "array":
            out += [("wrong-type:object", {"a": 1}, None), ("wrong-type:string", "x", None)]
            if "maxItems" in schema:
                out.append(("over-maxItems", (value if isinstance(value, list) and value else [None]) * (schema["maxItems"] + 1), None))
            if schema.get("minItems", 0) > 0:
                out.append(("under-minItems", [], None))
            out.append(("array-of-null", [None], None))
        elif kind == "object" or "properties" in schema:
            out += [("wrong-type:array", [], None), ("wrong-type:string", "x", None)]
            if schema.get("additionalProperties") is False:
                out.append(("extra-property", dict(value or {}, fuzzExtra=1), None))
        return out


class _Marker:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


ABSENT = _Marker("ABSENT")
PROBE = "probe"


def schema_types(schema):
    t = (schema or {}).get("type")
    if t is None:
        return []
    return t if isinstance(t, list) else [t]


def primary_type(schema):
    types = [t for t in schema_types(schema) if t != "null"]
    if types:
        return types[0]
    if "properties" in (schema or {}):
        return "object"
    if "items" in (schema or {}):
        return "array"
    return None


def merge_all_of(spec, schema):
    merged = {k: v for k, v in schema.items() if k != "allOf"}
    for part in schema["allOf"]:
        part = spec.deref(part)
        if "allOf" in part:
            part = merge_all_of(spec, part)
        for key, value in part.items():
            if key == "properties":
                merged.setdefault("properties", {}).update(value)
            elif key == "required":
                merged["required"] = sorted(set(merged.get("required", [])) | set(value))
            else:
                merged.setdefault(key, value)
    return merged


_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CHECK = "10X98765432"


def id_number_of(region, birth, seq):
    body = f"{region[:6]:0<6}{birth:%Y%m%d}{seq:03d}"
    total = sum(int(d) * w for d, w in zip(body, _WEIGHTS))
    return body + _CHECK[total % 11]


def id_numbers(region_codes):
    """Resident ID numbers (GB 11643) with a correct check digit, in the city's regions."""
    codes = [c for c in region_codes if isinstance(c, str) and c.isdigit() and len(c) >= 6] or ["130902"]
    return st.builds(
        id_number_of,
        st.sampled_from(sorted(codes)),
        st.dates(datetime.date(1940, 1, 1), datetime.date(2015, 12, 31)),
        st.integers(0, 999),
    )
