"""HTTP to the server: tokens for the accounts (signed in again when one stops working),
requests built from a case, and the curl line that repeats one."""

import json
import shlex
import time
import unicodedata
from urllib.parse import quote

import requests

DEMO_ACCOUNTS = ("admin", "xinhua", "grid01", "zzb")
DEMO_PASSWORD = "Huoxian@2020"
ANONYMOUS = "anonymous"


class Response:
    def __init__(self, status, headers, body, elapsed):
        self.status = status
        self.headers = headers
        self.body = body  # bytes
        self.elapsed = elapsed

    @property
    def media_type(self):
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class Request:
    """One request as sent: method, path with parameters filled in, query, headers, body."""

    def __init__(self, method, path, query=(), body=None, content_type=None, raw_query=None):
        self.method = method
        self.path = path  # already percent-encoded
        self.query = list(query)  # (name, str value)
        self.raw_query = raw_query  # sent as is instead of query when not None
        self.body = body  # bytes or None
        self.content_type = content_type

    def url(self, base):
        if self.raw_query is not None:
            qs = self.raw_query
        else:
            # UTF-8, percent-encoded; a lone surrogate travels as its three bytes
            qs = "&".join(f"{quote(n, safe='')}={encode_segment(v)}" for n, v in self.query)
        return base + self.path + ("?" + qs if qs else "")

    def curl(self, base, account):
        parts = ["curl", "-sS", "-i", "-X", self.method, shlex.quote(self.url(base))]
        if account != ANONYMOUS:
            parts += ["-H", '"Authorization: Bearer $TOKEN_%s"' % account.upper()]
        if self.content_type:
            parts += ["-H", shlex.quote("Content-Type: " + self.content_type)]
        if self.body is not None:
            parts += ["--data-binary", shell_bytes(self.body)]
        return " ".join(parts)


def shell_bytes(data):
    try:
        text = data.decode("utf-8")
        if text.isprintable() or all(c.isprintable() or c in "\r\n" for c in text):
            return shlex.quote(text) if "\r" not in text else ansi_c(data)
    except UnicodeDecodeError:
        pass
    return ansi_c(data)


def ansi_c(data):
    out = []
    for b in data:
        ch = chr(b)
        if 32 <= b < 127 and ch not in "'\\":
            out.append(ch)
        else:
            out.append("\\x%02x" % b)
    return "$'" + "".join(out) + "'"


def encode_json(value):
    """JSON text as bytes; lone surrogates travel as \\ud800 escapes (ensure_ascii)."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def encode_segment(value):
    text = value if isinstance(value, str) else json.dumps(value)
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def token_curl(base, account):
    return (
        f"export TOKEN_{account.upper()}=$(curl -sS -X POST {shlex.quote(base + '/api/v1/auth/token')} "
        f"-H 'Content-Type: application/json' "
        f"-d '{{\"username\":\"{account}\",\"password\":\"'\"$HUOXIAN_PASSWORD\"'\"}}' "
        "| python3 -c 'import json,sys; print(json.load(sys.stdin)[\"token\"])')"
    )


def is_protected_username(value, protected):
    """True when a username could reach a real account: never send a wrong password for it."""
    if not isinstance(value, str):
        return False
    folded = unicodedata.normalize("NFKC", value).casefold()
    squeezed = "".join(c for c in folded if c.isalnum())
    return any(name in folded or name in squeezed for name in protected)


class Client:
    def __init__(self, base, accounts, password, timeout=30.0):
        self.base = base.rstrip("/")
        self.accounts = list(accounts)
        self.password = password
        self.timeout = timeout
        self.session = requests.Session()
        self.tokens = {}
        self.requests = 0
        self.sign_ins = 0
        self.refused_in_a_row = 0  # connection refused: the server is gone, stop instead of fuzzing nothing

    def gone(self):
        return self.refused_in_a_row >= 10

    def sign_in(self, account):
        """A fresh token for a demo account (correct password only: a wrong one counts
        towards the account's lock)."""
        r = self.session.post(
            self.base + "/api/v1/auth/token",
            json={"username": account, "password": self.password},
            timeout=self.timeout,
        )
        self.sign_ins += 1
        if r.status_code != 200:
            raise SystemExit(f"cannot sign in as {account}: {r.status_code} {r.text[:300]}")
        return r.json()["token"]

    def token(self, account):
        if account == ANONYMOUS:
            return None
        if account not in self.tokens:
            self.tokens[account] = self.sign_in(account)
        return self.tokens[account]

    def send(self, request, account, token=None, retry=True):
        """Sends a request as an account; a 401 to a token that worked re-signs in once
        (another operation, e.g. DELETE /auth/token, may have ended it)."""
        headers = {"Accept": "application/json, application/problem+json, */*"}
        tok = token if token is not None else self.token(account)
        if tok:
            headers["Authorization"] = "Bearer " + tok
        if request.content_type:
            headers["Content-Type"] = request.content_type
        started = time.monotonic()
        try:
            r = self.session.request(
                request.method,
                request.url(self.base),
                data=request.body,
                headers=headers,
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.exceptions.Timeout:
            self.requests += 1
            return Response(0, {}, b"", time.monotonic() - started)
        except requests.exceptions.ConnectionError as ex:
            self.requests += 1
            self.refused_in_a_row += 1
            self.session = requests.Session()
            return Response(-1, {}, str(ex).encode(), time.monotonic() - started)
        self.requests += 1
        self.refused_in_a_row = 0
        response = Response(r.status_code, r.headers, r.content, time.monotonic() - started)
        if response.status == 401 and retry and token is None and account != ANONYMOUS and self.token_dead(account):
            self.tokens.pop(account, None)
            return self.send(request, account, retry=False)
        return response

    def token_dead(self, account):
        """Whether the cached token no longer works (then the 401 was not the request's)."""
        tok = self.tokens.get(account)
        if not tok:
            return True
        r = self.session.get(
            self.base + "/api/v1/me", headers={"Authorization": "Bearer " + tok}, timeout=self.timeout
        )
        self.requests += 1
        return r.status_code == 401

    def get_json(self, path, account):
        r = self.send(Request("GET", path), account)
        if r.status == 200 and "json" in r.media_type:
            try:
                return r.json()
            except ValueError:
                return None
        return None
