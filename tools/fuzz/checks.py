"""The invariants every response is checked against. Each failure has a class (the
invariant), the operation and a group key: one group per distinct defect, not per request."""

import json
import re

SERVER_ERROR = "5xx"
NO_ANSWER = "no-answer"
UNDECLARED_STATUS = "undeclared-status"
SCHEMA_MISMATCH = "schema-mismatch"
NOT_PROBLEM = "error-not-problem-json"
ACCEPTED_INVALID = "accepted-invalid"
LEAK = "leaks-internals"

ORDER = [SERVER_ERROR, NO_ANSWER, ACCEPTED_INVALID, UNDECLARED_STATUS, SCHEMA_MISMATCH, NOT_PROBLEM, LEAK]

DESCRIPTIONS = {
    SERVER_ERROR: "(a) the server answered 5xx",
    NO_ANSWER: "(a) no answer: timeout or connection closed",
    ACCEPTED_INVALID: "(d) a request invalid by construction was answered 2xx",
    UNDECLARED_STATUS: "(b) the status is not declared for the operation",
    SCHEMA_MISMATCH: "(c) the body or media type does not match the declared response",
    NOT_PROBLEM: "(c) an error without an application/problem+json body (type, title, status)",
    LEAK: "(e) an error message names a class, package, file path or SQL",
}

# Linear patterns only (no unbounded repetition before a literal): bodies may echo 100,000
# characters of generated text, and the text searched is cut to LEAK_SCAN characters anyway.
LEAK_SCAN = 8000
LEAK_PATTERNS = [
    (re.compile(r"\bcn\.huoxian\.[\w.]{1,120}"), "class name"),
    (re.compile(r"\b(java|javax|jakarta)\.[a-z]{1,20}\.[\w.]{1,120}"), "class name"),
    (re.compile(r"\borg\.(springframework|h2|jooq|postgresql|apache|hibernate|dhatim)\b"), "library package"),
    (re.compile(r"\bcom\.fasterxml\b|\btools\.jackson\b"), "library package"),
    (re.compile(r"\b[A-Z][A-Za-z0-9]{0,60}(Exception|Error)\b"), "exception name"),
    (re.compile(r"(/tmp/|/var/|/home/|/root/|[A-Z]:\\\\|\.java:\d)"), "file path"),
    (re.compile(r"\b(SQLSTATE|SQL|jdbc:|insert into|constraint \"?[a-z_]{1,60})\b|\bselect [^\n]{1,200}? from\b", re.I), "SQL"),
]


class Failure:
    """group: one defect in one operation; kind: the same defect across operations."""

    def __init__(self, invariant, operation, group, message, kind=None):
        self.invariant = invariant
        self.operation = operation
        self.group = group
        self.message = message
        self.kind = kind or group


def check(op, spec, response, invalid, what, options, status_declared_check=True):
    """The failures of one response. invalid: None or a short description of what makes the
    request invalid (by the schema or a project rule)."""
    out = []
    status = response.status
    key = op.key
    if status <= 0:
        what = "timeout" if status == 0 else "connection closed"
        out.append(Failure(NO_ANSWER, key, what, what))
        return out
    if status >= 500:
        sent = re.sub(r"^[^:]*(body|query|path)[^:]*: ", "", what) if what else "?"
        out.append(Failure(SERVER_ERROR, key, f"{status} to {sent}", f"answered {status} to {what}: {problem_summary(response)}"))
    if invalid and 200 <= status < 300:
        out.append(Failure(ACCEPTED_INVALID, key, invalid_signature(invalid), f"answered {status} to: {invalid}"))
    declared = op.declared(status, options.global_statuses)
    if declared is None and status_declared_check:
        out.append(
            Failure(UNDECLARED_STATUS, key, str(status), f"{status} is not among {sorted(op.responses)}")
        )
    if status >= 400:
        out += check_problem(key, response)
    if declared is not None and status_declared_check:
        out += check_body(op, spec, response, declared)
    return out


def invalid_signature(invalid):
    """What kind of invalid data was accepted, without the values (one group per kind)."""
    where, _, why = invalid.partition(": ")
    why = re.sub(r"^None is not of type.*", "null", why)
    why = re.sub(r"^.* is not of type ", "wrong type, expected ", why)
    why = re.sub(r"^.* is not one of .*", "not in enum", why)
    why = re.sub(r"^.* is not a '([\w-]+)'", r"bad \1", why)
    why = re.sub(r"^.* is too long", "over maxLength", why)
    why = re.sub(r"^.* is (less|greater) than .*", r"out of range", why)
    why = re.sub(r"^.* is a required property", "missing required", why)
    why = re.sub(r"^Additional properties are not allowed.*", "extra property", why)
    return f"{where}: {why}"


def problem_summary(response):
    try:
        body = response.json()
        text = str(body.get("detail") or body.get("title") or body.get("error") or "")
    except Exception:
        text = response.body[:80].decode("utf-8", "replace")
    text = re.sub(r"\d+", "N", text)
    return text[:90]


def check_problem(key, response):
    out = []
    if response.media_type != "application/problem+json":
        out.append(
            Failure(NOT_PROBLEM, key, f"{response.status} {response.media_type or 'no media type'}",
                    f"media type {response.media_type!r}")
        )
    body = None
    try:
        body = response.json()
    except Exception:
        pass
    if response.media_type == "application/problem+json":
        if not isinstance(body, dict):
            out.append(Failure(NOT_PROBLEM, key, f"{response.status} unparseable", "body is not a JSON object"))
        else:
            missing = [m for m in ("type", "title", "status") if m not in body]
            if missing:
                out.append(Failure(NOT_PROBLEM, key, f"{response.status} missing {missing}", f"missing {missing}"))
            elif body.get("status") != response.status:
                out.append(Failure(NOT_PROBLEM, key, "status member differs", f"status member {body.get('status')}"))
    text = texts(body) if body is not None else response.body[:LEAK_SCAN].decode("utf-8", "replace")
    text = text[:LEAK_SCAN]
    for pattern, what in LEAK_PATTERNS:
        m = pattern.search(text)
        if m:
            out.append(Failure(LEAK, key, what, f"{what} in message: {m.group(0)[:80]}"))
            break
    return out


def texts(body):
    """The human-readable members of a problem (title, detail, reasons), joined."""
    if not isinstance(body, dict):
        return json.dumps(body, ensure_ascii=False)[:4000]
    parts = [str(body.get(k, "")) for k in ("title", "detail", "message", "error", "exception", "trace")]
    for err in body.get("errors") or []:
        if isinstance(err, dict):
            parts.append(str(err.get("reason", "")))
            parts.append(str(err.get("message", "")))
    return "\n".join(parts)


def check_body(op, spec, response, declared):
    status_key, content = declared
    out = []
    if not content or not response.body:
        return out
    media = response.media_type
    schema = None
    if media in content:
        schema = content[media]
    elif "*/*" in content:
        schema = content["*/*"]
    else:
        wild = [m for m in content if m.endswith("/*") and media.startswith(m[:-1])]
        if wild:
            schema = content[wild[0]]
        else:
            out.append(
                Failure(SCHEMA_MISMATCH, op.key, f"{response.status} media {media} not in {sorted(content)}",
                        f"media type {media!r}, declared {sorted(content)}")
            )
            return out
    if schema is None or "json" not in media:
        return out
    try:
        body = response.json()
    except Exception:
        out.append(Failure(SCHEMA_MISMATCH, op.key, f"{response.status} unparseable JSON", "unparseable JSON"))
        return out
    errors = spec.errors(schema, body)
    if errors:
        for first in errors[:3]:
            where = "/".join("*" if isinstance(p, int) else str(p) for p in first.absolute_path) or "(root)"
            kind = (f"{response.status} null in a field not declared nullable"
                    if first.instance is None and first.validator == "type" else f"{response.status} {first.validator}")
            group = f"{response.status} {where}: {'null' if first.instance is None else first.validator}"
            if any(f.group == group for f in out):
                continue
            out.append(Failure(SCHEMA_MISMATCH, op.key, group, f"{where}: {first.message[:200]}", kind))
    return out
