"""The command line: reads the OpenAPI document from a running server, harvests real ids,
fuzzes every operation with Hypothesis within a time budget, and prints the failures grouped
by invariant and operation, each with a curl line that repeats it."""

import argparse
import json
import os
import re
import sys
import time
import traceback
import zlib

from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis.errors import Flaky
from hypothesis import strategies as st
from hypothesis import seed as hypothesis_seed

from . import checks
from .cases import Case, Cases
from .client import (ANONYMOUS, DEMO_ACCOUNTS, DEMO_PASSWORD, Client, Request, encode_segment,
                     is_protected_username)
from .spec import Spec
from .values import ABSENT, Generator, Pools, primary_type

SIGN_IN = "POST /api/v1/auth/token"
SIGN_OUT = "DELETE /api/v1/auth/token"
RESUME = "/api/v1/record/inbox/resume"

# Never called: what they do would outlive the run or spoil it for everyone else.
SKIPPED = {
    "POST /api/v1/record/inbox/pause": "pauses the record on every instance (the run resumes it at start and end)",
}
# Called a few times only: heavy, or they throw away state the rest of the run needs.
LIMITED = {
    "POST /api/v1/record/rebuild": 1,
    "POST /api/v1/screening/campaigns/{id}/recount": 3,
    "POST /api/v1/record/inbox/discard-failed": 2,
    "POST /api/v1/record/inbox/retry": 2,
    "POST /api/v1/record/inbox/resume": 2,
    SIGN_OUT: 5,
}


class OutOfTime(BaseException):
    """The operation's share of the time limit is spent (a BaseException: Hypothesis lets it through)."""


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="tools/fuzz-api",
        description="Property-based fuzzing of the Huoxian API from its OpenAPI document (Hypothesis).",
    )
    p.add_argument("--base-url", default=os.environ.get("HUOXIAN_URL", "http://localhost:8080"))
    p.add_argument("--accounts", default=",".join(DEMO_ACCOUNTS),
                   help="comma-separated accounts every case is sent as (default: the demo accounts)")
    p.add_argument("--password", default=os.environ.get("HUOXIAN_PASSWORD", DEMO_PASSWORD),
                   help="their password (env HUOXIAN_PASSWORD); only ever sent for these accounts")
    p.add_argument("--max-examples", type=int, default=30, help="Hypothesis examples per operation (30)")
    p.add_argument("--time-limit", type=duration, default=600, help="total time, e.g. 600, 90s, 10m (10m)")
    p.add_argument("--seed", type=int, default=1, help="Hypothesis seed: the same seed repeats the run (1)")
    p.add_argument("--only", action="append", default=[], metavar="REGEX",
                   help="fuzz only operations whose 'METHOD /path' matches (repeatable)")
    p.add_argument("--skip", action="append", default=[], metavar="REGEX", help="leave these out (repeatable)")
    p.add_argument("--global-status", action="append", type=int, default=[], metavar="STATUS",
                   help="a status any operation may answer without declaring it (repeatable)")
    p.add_argument("--date-range", default="1900:2100", help="plausible years for any date (1900:2100)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per request before 'no answer' (30)")
    p.add_argument("--wait", type=float, default=300.0, help="seconds to wait for the server to be ready (300)")
    p.add_argument("--report", metavar="FILE", help="also write every failure group as JSON")
    p.add_argument("--max-curl", type=int, default=700, help="longest curl line printed (700 characters)")
    p.add_argument("--trace", metavar="FILE", help="log every request and answer (JSON lines)")
    p.add_argument("--every-account", action="store_true",
                   help="send every case as every account (default: each case draws one account)")
    p.add_argument("--by-operation", action="store_true",
                   help="list every operation's own example, even for a defect shared by many")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    args = p.parse_args(argv)
    args.accounts = [a.strip() for a in args.accounts.split(",") if a.strip()]
    low, high = args.date_range.split(":")
    args.date_range = (int(low), int(high))
    args.global_statuses = set(args.global_status)
    return args


def duration(text):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([smh]?)", text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"not a duration: {text}")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]


class Results:
    def __init__(self, base, max_curl):
        self.base = base
        self.max_curl = max_curl
        self.groups = {}
        self.statuses = {}  # operation -> {status: count}
        self.cases = 0
        self.errors = []

    def record(self, op, request, account, response, invalid, what, status_declared_check=True, options=None):
        if options.trace_file:
            options.trace_file.write(json.dumps({
                "operation": op.key, "account": account, "what": what, "invalid": invalid, "status": response.status,
                "curl": request.curl(self.base, account)[:2000],
                "response": response.body[:300].decode("utf-8", "replace")}, ensure_ascii=False) + "\n")
        self.statuses.setdefault(op.key, {})
        self.statuses[op.key][response.status] = self.statuses[op.key].get(response.status, 0) + 1
        failures = checks.check(op, options.spec, response, invalid, what, options, status_declared_check)
        for f in failures:
            key = (f.invariant, f.operation, f.group)
            curl = request.curl(self.base, account)
            g = self.groups.get(key)
            if g is None:
                g = self.groups[key] = {
                    "invariant": f.invariant, "operation": f.operation, "group": f.group, "kind": f.kind,
                    "count": 0, "accounts": set(), "example": None,
                }
            g["count"] += 1
            g["accounts"].add(account)
            if g["example"] is None or len(curl) < len(g["example"]["curl"]):
                g["example"] = {
                    "curl": curl, "account": account, "status": response.status,
                    "media_type": response.media_type, "message": f.message, "invalid": invalid, "what": what,
                    "response": response.body[:400].decode("utf-8", "replace"),
                }
        return failures


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.client = Client(args.base_url, args.accounts, args.password, args.timeout)
        self.results = Results(self.client.base, args.max_curl)
        self.pools = Pools()
        self.skipped = {}
        self.unfinished = []
        self.successes = {}  # operation -> [(valid case, account)] answered 2xx
        self.fuzzed = []

    def log(self, text):
        if not self.args.quiet:
            print(text, file=sys.stderr, flush=True)

    # --- set-up ------------------------------------------------------------------------

    def wait_until_ready(self):
        end = time.monotonic() + self.args.wait
        account = self.args.accounts[0]
        while True:
            try:
                r = self.client.session.post(
                    self.client.base + "/api/v1/auth/token",
                    json={"username": account, "password": self.args.password}, timeout=10,
                )
                if r.status_code == 200:
                    self.client.tokens[account] = r.json()["token"]
                    return
                if r.status_code not in (502, 503, 504):
                    raise SystemExit(f"cannot sign in as {account}: {r.status_code} {r.text[:300]}")
            except Exception as ex:  # not listening yet
                if isinstance(ex, SystemExit):
                    raise
            if time.monotonic() > end:
                raise SystemExit(f"{self.client.base} not ready after {self.args.wait:.0f} s")
            time.sleep(2)

    def load_spec(self):
        # springdoc builds the document on first request: slow on a busy machine
        timeout, self.client.timeout = self.client.timeout, max(self.client.timeout, 180)
        try:
            r = self.client.send(Request("GET", "/v3/api-docs"), self.args.accounts[0])
        finally:
            self.client.timeout = timeout
        if r.status != 200 or "json" not in r.media_type:
            raise SystemExit(f"GET /v3/api-docs answered {r.status} {r.media_type}: {r.body[:200]!r}")
        self.spec = Spec(r.json())
        self.args.spec = self.spec
        self.gen = Generator(self.spec, self.pools, self.args.date_range)

    def resume_record(self):
        """The record must never be left paused (another run or a person may have paused it)."""
        if any(op.path == RESUME for op in self.spec.operations):
            self.client.send(Request("POST", RESUME), self.args.accounts[0])

    def selected(self):
        ops = []
        for op in self.spec.operations:
            if self.args.only and not any(re.search(rx, op.key) for rx in self.args.only):
                continue
            if any(re.search(rx, op.key) for rx in self.args.skip):
                self.skipped[op.key] = "--skip"
                continue
            if op.key in SKIPPED:
                self.skipped[op.key] = SKIPPED[op.key]
                continue
            ops.append(op)
        return ops

    def harvest(self, deadline, selected):
        """Real ids and codes, from the GET operations, as every account: the valid-looking
        cases use them so that requests get past 'not found' into the code behind."""
        for account in self.args.accounts:
            body = self.client.get_json("/api/v1/me", account)
            for scope in (body or {}).get("scopes", []):
                self.pools.add("regions", scope.get("code"))
            self.pools.harvest("me", body)
        for code in list(self.pools.for_name("regions"))[:8]:
            self.pools.harvest("children", self.client.get_json(f"/api/v1/regions/{encode_segment(code)}/children", self.args.accounts[0]))
        gets = [op for op in self.spec.operations if op.method == "GET" and not op.path.endswith(".xlsx")]
        for round_ in range(2):
            for op in gets:
                if time.monotonic() > deadline:
                    return
                has_path = any(p.location == "path" for p in op.params)
                if has_path != (round_ == 1):
                    continue
                cases = Cases(op, self.spec, self.gen)
                case = self.minimal_case(cases, strict=True)
                if case is None:
                    continue
                for account in self.args.accounts:
                    r = self.client.send(cases.request(case), account)
                    if op.key in selected:
                        self.results.record(op, cases.request(case), account, r, None, "valid (harvest)",
                                            options=self.args)
                    self.collect(op, r)

    def collect(self, op, response):
        if 200 <= response.status < 300 and "json" in response.media_type:
            try:
                body = response.json()
            except ValueError:
                return
            segments = [s for s in op.path.split("/") if s and not s.startswith("{")]
            self.pools.harvest(segments[-1] if segments else "", body)

    def minimal_case(self, cases, strict=False):
        """A deterministic valid-looking request: known values for required parameters
        (strict: None when a path parameter has none)."""
        params = {}
        for p in cases.op.params:
            if p.location == "header" or not p.required:
                continue
            known = self.pools.for_name(p.name, cases.resource(p) if p.location == "path" else None)
            kind = primary_type(self.spec.deref(p.schema) or {})
            known = [v for v in known if (kind == "string") == isinstance(v, str)]
            if known:
                params[(p.location, p.name)] = known[0]
            elif p.location == "path" and strict:
                return None
            else:
                params[(p.location, p.name)] = 1 if kind == "integer" else "1"
        body = ABSENT
        if cases.body_kind == "json":
            body = {} if primary_type(self.spec.deref(cases.op.body_schema) or {}) in ("object", None) else []
        elif cases.body_kind == "multipart":
            body = {"file": "a,b\n1,2\n"}
        return Case(params, body, cases.body_kind)

    # --- fuzzing -----------------------------------------------------------------------

    def run(self):
        self.wait_until_ready()
        self.load_spec()
        started = time.monotonic()  # the time limit counts from a ready server
        end = started + self.args.time_limit
        self.resume_record()
        ops = self.selected()
        self.log(f"{len(self.spec.operations)} operations in the document, {len(ops)} to fuzz, "
                 f"seed {self.args.seed}, {self.args.time_limit:.0f} s")
        try:
            self.harvest(started + self.args.time_limit * 0.1, {op.key for op in ops})
            self.log("harvested: " + ", ".join(f"{k}={len(v)}" for k, v in sorted(self.pools.values.items())))
            for i, op in enumerate(ops):
                now = time.monotonic()
                if now >= end or self.client.gone():
                    self.unfinished = [o.key for o in ops[i:]]
                    if self.client.gone():
                        self.results.errors.append((op.key, "the server stopped answering (connection refused)"))
                    break
                budget_end = now + (end - now) / (len(ops) - i)
                before = self.client.requests
                self.fuzzed.append(op.key)
                self.fuzz(op, budget_end)
                self.log(f"[{i + 1}/{len(ops)}] {op.key}: {self.client.requests - before} requests, "
                         f"{len(self.results.groups)} failure groups so far")
        finally:
            self.resume_record()
        self.elapsed = time.monotonic() - started
        return self.results

    def fuzz(self, op, budget_end):
        cases = Cases(op, self.spec, self.gen)
        try:
            self.edge_probes(op, cases)
        except Exception:
            self.results.errors.append((op.key, traceback.format_exc()))
        examples = LIMITED.get(op.key, self.args.max_examples)
        successes = self.successes.setdefault(op.key, [])
        sent = [0]

        def property_for(op_seed, max_examples):
            @hypothesis_seed(op_seed)
            @settings(max_examples=max_examples, database=None, deadline=None,
                      phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck),
                      verbosity=Verbosity.quiet)
            @given(case=cases.strategy(), account=st.sampled_from(self.args.accounts), data=st.data())
            def sends_only_sound_answers(case, account, data):
                if time.monotonic() > budget_end or self.client.gone():
                    raise OutOfTime()
                if successes and data.draw(st.integers(0, 2)) == 0:
                    # break a request the server accepted: the rest of it is known to be good
                    base, account = successes[data.draw(st.integers(0, 49)) % len(successes)]
                    case = data.draw(cases.mutated(base))
                sent[0] += 1
                self.run_case(op, cases, case, self.args.accounts if self.args.every_account else [account])

            return sends_only_sound_answers

        seed = (self.args.seed * 1_000_003 + zlib.crc32(op.key.encode())) % 2**32
        for attempt in range(4):
            try:
                property_for(seed + attempt, examples - sent[0])()
                return
            except OutOfTime:
                return
            except Flaky:
                # cases built on accepted requests depend on the server's answers, which Hypothesis
                # notices when it replays a prefix: go on from another seed
                if time.monotonic() > budget_end or sent[0] >= examples:
                    return
            except Exception:
                self.results.errors.append((op.key, traceback.format_exc()))
                return

    def run_case(self, op, cases, case, accounts):
        self.guard_sign_in(op, case)
        request = cases.request(case)
        invalid = cases.invalidity(case)
        self.results.cases += 1
        for account in accounts:
            token = self.client.sign_in(account) if op.key == SIGN_OUT else None  # revoke a spare one
            response = self.client.send(request, account, token=token)
            what = f"{case.mutation[0]}: {case.mutation[1]}" if case.mutation else "valid-looking"
            self.results.record(op, request, account, response, invalid, what, options=self.args)
            self.collect(op, response)
            successes = self.successes.setdefault(op.key, [])
            if 200 <= response.status < 300 and invalid is None and case.mutation is None and len(successes) < 50:
                successes.append((case, account))

    def guard_sign_in(self, op, case):
        """Wrong passwords are only ever sent for names no account can have ('fuzz-…'):
        five failures would lock a real account for everyone."""
        if op.key != SIGN_IN or not isinstance(case.body, dict):
            return
        username = case.body.get("username", ABSENT)
        if username is ABSENT:
            return
        text = username if isinstance(username, str) else json.dumps(username)
        if username in self.args.accounts and case.body.get("password") == self.args.password:
            return
        if is_protected_username(text, set(self.args.accounts) | set(DEMO_ACCOUNTS)):
            case.body["username"] = "fuzz-user"
        elif isinstance(username, str) and not username.startswith("fuzz-"):
            case.body["username"] = "fuzz-" + username

    def edge_probes(self, op, cases):
        """Fixed probes per operation: no token; unreadable JSON; a wrong media type; a broken
        multipart body; a broken query string. The last three are held to 'no 5xx' and
        'errors are problem details' (their status is the framework's, e.g. 415)."""
        case = self.minimal_case(cases)
        account = self.args.accounts[0]
        self.guard_sign_in(op, case)
        request = cases.request(case)
        if op.key != SIGN_IN:
            response = self.client.send(request, ANONYMOUS)
            self.results.record(op, request, ANONYMOUS, response, None, "probe: no token", options=self.args)
        if cases.body_kind == "json":
            bad = Request(op.method, request.path, request.query, b'{"name":', "application/json")
            self.send_probe(op, bad, account, "body: not JSON", "probe: unreadable JSON", declared=True)
            plain = Request(op.method, request.path, request.query, b"x", "text/plain")
            self.send_probe(op, plain, account, "body: media type text/plain", "probe: text/plain body", declared=False)
        broken = b"--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nno end"
        multipart = Request(op.method, request.path, request.query, broken, "multipart/form-data; boundary=zz")
        self.send_probe(op, multipart, account, "body: malformed multipart" if cases.body_kind != "none" else None,
                        "probe: malformed multipart", declared=False)
        for raw in ("=x", "%zz"):
            q = Request(op.method, request.path, body=request.body, content_type=request.content_type, raw_query=raw)
            self.send_probe(op, q, account, None, f"probe: query string '{raw}'", declared=False)

    def send_probe(self, op, request, account, invalid, what, declared):
        token = self.client.sign_in(account) if op.key == SIGN_OUT else None
        response = self.client.send(request, account, token=token)
        self.results.record(op, request, account, response, invalid, what, status_declared_check=declared,
                            options=self.args)


def summary(fuzzer, out=sys.stdout):
    r = fuzzer.results
    args = fuzzer.args
    print(f"\nFuzzed {len(fuzzer.fuzzed)} operations of {len(fuzzer.spec.operations)} ({fuzzer.client.base}, OpenAPI "
          f"{fuzzer.spec.version}): {r.cases} generated cases, {fuzzer.client.requests} requests in "
          f"{fuzzer.elapsed:.0f} s; seed {args.seed}, up to {args.max_examples} examples per operation, "
          f"as {', '.join(args.accounts)} (+ anonymous probes)", file=out)
    for key, why in sorted(fuzzer.skipped.items()):
        print(f"  skipped {key}: {why}", file=out)
    if fuzzer.unfinished:
        print(f"  time limit reached before {len(fuzzer.unfinished)} operations: "
              f"{', '.join(fuzzer.unfinished[:8])}{' …' if len(fuzzer.unfinished) > 8 else ''}", file=out)
    for key, trace in r.errors:
        print(f"  FUZZER ERROR in {key}:\n{trace}", file=out)
    groups = list(r.groups.values())
    if not groups:
        print("\nNo failures: no 5xx, every status declared, every body as declared, no invalid request accepted.",
              file=out)
        return 0
    print(f"\n{len(groups)} failure groups ({sum(g['count'] for g in groups)} failing responses); the same defect "
          "in several operations is shown once (--report has every operation's own example):", file=out)
    for inv in checks.ORDER:
        these = [g for g in groups if g["invariant"] == inv]
        if not these:
            continue
        print(f"\n== {inv}: {checks.DESCRIPTIONS[inv]} — {len(these)} groups in "
              f"{len({g['operation'] for g in these})} operations, {sum(g['count'] for g in these)} responses", file=out)
        by_kind = {}
        for g in these:
            by_kind.setdefault(g["kind"], []).append(g)
        for kind, gs in sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            gs.sort(key=lambda g: (g["operation"], g["group"]))
            ops = sorted({g["operation"] for g in gs})
            if len(gs) > 3 and not args.by_operation:
                shortest = min(gs, key=lambda g: len(g["example"]["curl"]))
                where = [g["operation"] + ("" if g["group"] == kind else f" ({g['group']})") for g in gs]
                print(f"- [{kind}] {len(gs)} groups in {len(ops)} operations, ×{sum(g['count'] for g in gs)}: "
                      f"{'; '.join(where[:8])}{' …' if len(where) > 8 else ''}", file=out)
                print_example(shortest, args, out, with_operation=True)
            else:
                for g in gs:
                    print(f"- {g['operation']} [{g['group']}] ×{g['count']} as {','.join(sorted(g['accounts']))}",
                          file=out)
                    print_example(g, args, out)
    accounts = sorted({g["example"]["account"] for g in groups} - {ANONYMOUS})
    password = DEMO_PASSWORD if args.password == DEMO_PASSWORD else "$HUOXIAN_PASSWORD"
    print("\nTo repeat an example, first:", file=out)
    for a in accounts:
        print(f"  export TOKEN_{a.upper()}=$(curl -sS -X POST {fuzzer.client.base}/api/v1/auth/token "
              f"-H 'Content-Type: application/json' -d '{{\"username\":\"{a}\",\"password\":\"{password}\"}}' "
              f"| python3 -c 'import json,sys; print(json.load(sys.stdin)[\"token\"])')", file=out)
    return 1


def print_example(g, args, out, with_operation=False):
    ex = g["example"]
    if with_operation:
        print(f"    e.g. {g['operation']} as {ex['account']}", file=out)
    if ex["invalid"]:
        print(f"    invalid: {ex['invalid']}", file=out)
    elif ex["what"] and ex["what"] != "valid-looking":
        print(f"    sent: {ex['what']}", file=out)
    print(f"    got {ex['status']} {ex['media_type']}: {one_line(ex['response'], 160)}", file=out)
    curl = ex["curl"]
    if len(curl) > args.max_curl:
        curl = curl[: args.max_curl] + f"… ({len(ex['curl'])} characters: see --report)"
    print(f"    $ {curl}", file=out)


def one_line(text, limit):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def write_report(fuzzer, path):
    r = fuzzer.results
    data = {
        "base": fuzzer.client.base,
        "seed": fuzzer.args.seed,
        "requests": fuzzer.client.requests,
        "cases": r.cases,
        "seconds": round(fuzzer.elapsed, 1),
        "skipped": fuzzer.skipped,
        "unfinished": fuzzer.unfinished,
        "statuses": {op: {str(k): v for k, v in s.items()} for op, s in sorted(r.statuses.items())},
        "failures": [
            dict(g, accounts=sorted(g["accounts"])) for g in sorted(
                r.groups.values(), key=lambda g: (checks.ORDER.index(g["invariant"]), g["operation"], g["group"]))
        ],
        "errors": [{"operation": k, "trace": t} for k, t in r.errors],
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    args.trace_file = open(args.trace, "w", encoding="utf-8") if args.trace else None
    fuzzer = Fuzzer(args)
    try:
        fuzzer.run()
    except SystemExit as unusable:  # the server or its document cannot be used
        print(f"fuzz-api: {unusable}", file=sys.stderr)
        return 2
    finally:
        if args.trace_file:
            args.trace_file.close()
    if args.report:
        write_report(fuzzer, args.report)
    code = summary(fuzzer)
    if fuzzer.results.errors:
        code = code or 3
    return code
