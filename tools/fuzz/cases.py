"""Test cases for one operation: a Hypothesis strategy that draws valid-looking requests and
requests made invalid at one site (a parameter or a field of the body), the request a case
becomes, and what (if anything) makes it invalid, decided by validating it against the
document rather than trusted from the generator."""

import copy
import json
import re

from hypothesis import strategies as st

from .client import Request, encode_json, encode_segment
from .values import ABSENT, HUGE_TEXT, INT64_MAX, PROBE, merge_all_of, primary_type

BOUNDARY = "fuzzBoundary7MA4YWxkTrZu0gW"
MULTIPART = "multipart/form-data; boundary=" + BOUNDARY
CSV_SAMPLES = [
    "householdId,visitedAt,outcome\n1,2020-02-01 10:00,NOBODY_HOME\n",
    "户编号,走访时间,走访结果\n1,2020-02-01 10:00,无人在家\n",
    "a,b\n\u0000,\ud800\n",
    "",
]


class Case:
    def __init__(self, params, body, body_kind, mutation=None):
        self.params = params  # {(location, name): value or ABSENT}
        self.body = body  # JSON value, ABSENT, or bytes for raw bodies
        self.body_kind = body_kind  # none | json | multipart | raw
        self.mutation = mutation  # (site, label, by_rule) or None
        self.content_type = None  # overrides the operation's media type (raw bodies)

    def __repr__(self):
        return f"Case({self.params}, {str(self.body)[:200]}, {self.mutation})"


class Cases:
    def __init__(self, op, spec, generator):
        self.op = op
        self.spec = spec
        self.gen = generator
        self.body_kind = (
            "none" if op.body_schema is None
            else "multipart" if (op.body_media or "").startswith("multipart/")
            else "json"
        )

    def resource(self, param):
        """The collection a path parameter names: the segment before it (/persons/{id})."""
        segments = self.op.path.split("/")
        token = "{" + param.name + "}"
        if token in segments:
            i = segments.index(token)
            if i > 0 and not segments[i - 1].startswith("{"):
                return segments[i - 1]
        return None

    # --- strategies -------------------------------------------------------------------

    def strategy(self):
        return st.one_of(self.valid(), self.invalid())

    def valid(self):
        @st.composite
        def draw_valid(draw):
            params = {}
            for p in self.op.params:
                if p.location == "header":
                    continue
                include = p.required or draw(st.sampled_from([True, False, False]))
                if include:
                    params[(p.location, p.name)] = draw(
                        self.gen.valid(p.schema, p.name, self.resource(p) if p.location == "path" else None)
                    )
            body = ABSENT
            if self.body_kind == "json":
                body = draw(self.gen.valid(self.op.body_schema))
            elif self.body_kind == "multipart":
                body = {"file": draw(st.sampled_from(CSV_SAMPLES[:2]))}
            return Case(params, body, self.body_kind)

        return draw_valid()

    def invalid(self):
        return self.valid().flatmap(self.mutated)

    def mutated(self, case):
        """A case made invalid (or hostile) at one site, drawn from the case's sites."""

        @st.composite
        def draw_invalid(draw):
            sites = self.sites(case)
            if not sites:
                return case
            site, schema, value, required = draw(st.sampled_from(sites))
            mutations = self.mutations_at(site, schema, value, required)
            if not mutations:
                return case
            label, new_value, by_rule = draw(st.sampled_from(mutations))
            return self.apply(case, site, label, new_value, by_rule)

        return draw_invalid()

    def sites(self, case):
        """(site, schema, current value, required) for each parameter and body field."""
        out = []
        for p in self.op.params:
            if p.location == "header":
                continue
            out.append(((p.location, p.name), p.schema, case.params.get((p.location, p.name), ABSENT), p.required))
        if self.body_kind == "json":
            out.append((("body",), self.op.body_schema, case.body, self.op.body_required))
            self._body_sites(self.op.body_schema, case.body, ("body",), out, 0)
        elif self.body_kind == "multipart":
            out.append((("body",), self.op.body_schema, case.body, self.op.body_required))
        return out

    def _body_sites(self, schema, value, path, out, depth):
        schema = self.spec.deref(schema) or {}
        if depth > 3:
            return
        if "allOf" in schema:
            schema = merge_all_of(self.spec, schema)
        kind = primary_type(schema)
        if (kind == "object" or "properties" in schema) and isinstance(value, dict):
            required = set(schema.get("required", []))
            for prop, sub in schema.get("properties", {}).items():
                current = value.get(prop, ABSENT)
                out.append((path + (prop,), sub, current, prop in required))
                if current is not ABSENT:
                    self._body_sites(sub, current, path + (prop,), out, depth + 1)
        elif kind == "array" and isinstance(value, list) and value:
            out.append((path + (0,), schema.get("items", {}), value[0], True))
            self._body_sites(schema.get("items", {}), value[0], path + (0,), out, depth + 1)

    def mutations_at(self, site, schema, value, required):
        if site[0] in ("path", "query"):
            return param_mutations(self.spec.deref(schema) or {}, required, site[0], self.gen.date_range)
        if site == ("body",) and self.body_kind == "multipart":
            return [
                ("no-file-part", {}, None if required else PROBE),
                ("empty-file", {"file": ""}, PROBE),
                ("hostile-file", {"file": CSV_SAMPLES[2]}, PROBE),
                ("binary-file", {"file": "PK\u0003\u0004\u00ff\u00fe garbage"}, PROBE),
            ]
        out = self.gen.mutations(schema, value, required=required and site != ("body",))
        if site == ("body",):
            out = [m for m in out if m[0] != "null"]
            out += [
                ("malformed-json", b'{"a":', None),
                ("json-null", None, None if self.op.body_required else PROBE),
                ("empty-body", ABSENT, None if self.op.body_required else PROBE),
            ]
        return out

    def apply(self, case, site, label, new_value, by_rule):
        case = copy.deepcopy(case)
        where = site_name(site)
        if site[0] in ("path", "query"):
            if new_value is ABSENT:
                case.params.pop(site, None)
            else:
                case.params[site] = new_value
        elif site == ("body",):
            if isinstance(new_value, bytes):
                case.body = new_value
                case.body_kind = "raw"
            else:
                case.body = new_value
        else:
            parent = case.body
            for step in site[1:-1]:
                parent = parent[step]
            if new_value is ABSENT:
                parent.pop(site[-1], None)
            else:
                parent[site[-1]] = new_value
        case.mutation = (where, label, by_rule)
        return case

    # --- requests ---------------------------------------------------------------------

    def request(self, case):
        path = self.op.path
        query = []
        for (location, name), value in case.params.items():
            if value is ABSENT:
                continue
            if location == "path":
                path = path.replace("{" + name + "}", encode_segment(as_text(value)))
            elif location == "query":
                query.append((name, as_text(value)))
        path = re.sub(r"\{[^}]+\}", "1", path)
        body, content_type = None, None
        if case.body_kind == "json" and case.body is not ABSENT:
            body, content_type = encode_json(case.body), "application/json"
        elif case.body_kind == "json" and self.op.body_schema is not None:
            content_type = "application/json"
        elif case.body_kind == "raw":
            body, content_type = case.body, "application/json"
        elif case.body_kind == "multipart" and case.body is not ABSENT:
            body, content_type = multipart(case.body), MULTIPART
        if case.content_type:
            content_type = case.content_type
        return Request(self.op.method, path, query, body, content_type)

    def invalidity(self, case):
        """Why the case's request is invalid: a schema violation (then no 2xx is allowed),
        a project rule it breaks, or None (valid, or hostile but valid: a probe)."""
        for p in self.op.params:
            site = (p.location, p.name)
            schema = self.spec.deref(p.schema) or {}
            if p.location == "query" and case.params.get(site) == "" and is_typed(schema):
                # '?size=' is the form encoding of no value: absent, not a wrong type
                if p.required:
                    return f"{site_name(site)}: required parameter empty"
                continue
            if site not in case.params:
                if p.required:
                    return f"{site_name(site)}: required parameter missing"
                continue
            value = typed(case.params[site], schema)
            errors = self.spec.errors(p.schema, value)
            if errors:
                return f"{site_name(site)}: {short(errors[0].message)}"
        if case.body_kind == "raw":
            return "body: not JSON"
        if case.body_kind == "json":
            if case.body is ABSENT:
                if self.op.body_required:
                    return "body: required body missing"
            else:
                errors = self.spec.errors(self.op.body_schema, case.body)
                if errors:
                    e = errors[0]
                    where = ".".join(str(x) for x in e.absolute_path)
                    return f"body{'.' + where if where else ''}: {short(e.message)}"
        if case.mutation and case.mutation[2] not in (None, PROBE):
            where, label, rule = case.mutation
            return f"{where}: {rule} ({label})"
        return None


def site_name(site):
    if site[0] in ("path", "query"):
        return f"{site[0]} {site[1]}"
    return ".".join(str(s) if not isinstance(s, int) else "[0]" for s in site)


def short(message):
    message = message.replace(HUGE_TEXT, "火" * 3 + "…")
    return message if len(message) <= 120 else message[:117] + "..."


def as_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False)


def is_typed(schema):
    """A parameter whose text must read as a number, boolean, date, enum value…"""
    return primary_type(schema) != "string" or "format" in schema or "enum" in schema


def typed(value, schema):
    """A parameter's text as the type its schema declares, when it reads as that type."""
    if value is ABSENT or not isinstance(value, str):
        return value
    kind = primary_type(schema)
    if kind == "integer" and re.fullmatch(r"[+-]?\d+", value):
        return int(value)
    if kind == "number" and re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", value):
        return float(value)
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    return value


def param_mutations(schema, required, location, date_range):
    """Text a parameter may be sent as that breaks its schema (or probes the server)."""
    kind = primary_type(schema)
    out = []
    if required and location == "query":
        out.append(("missing-required", ABSENT, None))
    if kind == "integer":
        out += [("not-a-number", "abc", None), ("fraction", "10.9", None), ("exponent", "1e3", None)]
        fmt = schema.get("format")
        out.append(("huge-number", "99999999999999999999", None if fmt in ("int32", "int64") else PROBE))
        if fmt == "int32":
            out.append(("over-int32", str(2**31), None))
        out += [("negative", "-1", PROBE), ("zero", "0", PROBE), ("large", "100000000", PROBE)]
        out += [("unknown-id", str(INT64_MAX), PROBE)]
        if "minimum" in schema:
            out.append(("below-minimum", str(int(schema["minimum"]) - 1), None))
        if "maximum" in schema:
            out.append(("above-maximum", str(int(schema["maximum"]) + 1), None))
    elif kind == "number":
        out += [("not-a-number", "abc", None), ("nan", "NaN", None), ("huge-number", "1e308", PROBE)]
    elif kind == "boolean":
        out.append(("not-a-boolean", "maybe", None))  # not "1" or "on": Spring reads them as booleans
    else:
        out += [("nul-byte", "a\u0000b", "NUL byte"), ("lone-surrogate", "a\ud800b", "lone surrogate")]
        out += [("long-text", "火" * 2000, PROBE if "maxLength" not in schema else None)]
        out += [("sql-ish", "' OR 1=1--", PROBE), ("slash", "a/b", PROBE), ("dot-dot", "..", PROBE)]
        if "enum" in schema:
            out += [("not-in-enum", "NOT_A_VALUE", None), ("enum-ordinal", "1", None)]
        if schema.get("format") == "date":
            out += [("bad-date", "2020-02-30", None), ("bad-date", "20200101", None)]
            out.append(("implausible-date", "0662-02-08", "date outside %d-%d" % date_range))
    if location == "query":
        out.append(("empty", "", PROBE))
    return out


def multipart(fields):
    parts = []
    for name, content in fields.items():
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        parts.append(
            (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"fuzz.csv\"\r\n"
             "Content-Type: text/csv\r\n\r\n").encode() + data + b"\r\n"
        )
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()
