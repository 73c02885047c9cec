"""Checks of the fuzzer itself, without a server: cd tools && python3 -m unittest fuzz.test_fuzz"""

import unittest

from .cases import Case, Cases
from .client import is_protected_username
from .run import Fuzzer, parse_args
from .spec import Spec
from .values import ABSENT, Generator, Pools, id_number_of

DOC = {
    "openapi": "3.1.0",
    "paths": {
        "/api/v1/auth/token": {"post": {
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "$ref": "#/components/schemas/Login"}}}},
            "responses": {"200": {"content": {"application/json": {"schema": {"type": "object"}}}}},
        }},
        "/api/v1/things/{id}": {"put": {
            "parameters": [{"name": "id", "in": "path", "required": True,
                            "schema": {"type": "integer", "format": "int64"}},
                           {"name": "size", "in": "query", "schema": {"type": "integer", "maximum": 100}}],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
            "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                          "4XX": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}},
        }},
    },
    "components": {"schemas": {
        "Login": {"type": "object", "properties": {"username": {"type": "string"}, "password": {"type": "string"}}},
        "Thing": {"type": "object", "required": ["name"], "additionalProperties": False, "properties": {
            "name": {"type": "string", "maxLength": 5},
            "note": {"type": ["string", "null"]},
            "on": {"type": "string", "format": "date"},
            "kind": {"type": "string", "enum": ["A", "B"]},
        }},
    }},
}


class FuzzerTest(unittest.TestCase):
    def setUp(self):
        self.spec = Spec(DOC)
        self.op = {o.key: o for o in self.spec.operations}
        self.cases = Cases(self.op["PUT /api/v1/things/{id}"], self.spec, Generator(self.spec, Pools()))

    def test_a_demo_account_is_recognised_in_any_disguise(self):
        protected = {"admin", "xinhua", "grid01", "zzb"}
        for name in ["admin", " Admin", "ADMIN\u0000", "ａｄｍｉｎ", "a-d-m-i-n", "xinhua ", "zzb\ud800"]:
            self.assertTrue(is_protected_username(name, protected), name)
        self.assertFalse(is_protected_username("fuzz-someone", protected))

    def test_a_wrong_password_is_never_sent_for_a_real_account(self):
        fuzzer = Fuzzer(parse_args(["--base-url", "http://localhost:1"]))
        sign_in = self.op["POST /api/v1/auth/token"]
        for body in [{"username": "admin", "password": "x"}, {"username": "Admin", "password": "Huoxian@2020"},
                     {"username": "admin", "password": None}, {"username": ["admin"], "password": "x"}]:
            case = Case({}, dict(body), "json")
            fuzzer.guard_sign_in(sign_in, case)
            self.assertTrue(case.body["username"] == "fuzz-user", case.body)
        right = Case({}, {"username": "admin", "password": "Huoxian@2020"}, "json")
        fuzzer.guard_sign_in(sign_in, right)
        self.assertEqual("admin", right.body["username"])
        other = Case({}, {"username": "bob", "password": "x"}, "json")
        fuzzer.guard_sign_in(sign_in, other)
        self.assertEqual("fuzz-bob", other.body["username"])

    def test_invalidity_comes_from_the_document(self):
        valid = Case({("path", "id"): 7}, {"name": "abc", "note": None, "on": "2020-02-01"}, "json")
        self.assertIsNone(self.cases.invalidity(valid))
        for body, expected in [({"name": False}, "body.name"), ({"name": "abcdef"}, "body.name"),
                               ({"note": "x"}, "body: 'name' is a required"), ({"name": "a", "x": 1}, "Additional"),
                               ({"name": "a", "on": "2020-02-30"}, "body.on"), ({"name": "a", "kind": 1}, "body.kind")]:
            reason = self.cases.invalidity(Case({("path", "id"): 7}, body, "json"))
            self.assertIn(expected, reason or "", body)
        self.assertIn("path id", self.cases.invalidity(Case({("path", "id"): "abc"}, {"name": "a"}, "json")))
        self.assertIn("query size", self.cases.invalidity(Case({("path", "id"): 1, ("query", "size"): "101"}, {"name": "a"}, "json")))
        self.assertIsNone(self.cases.invalidity(Case({("path", "id"): 1, ("query", "size"): ""}, {"name": "a"}, "json")))

    def test_project_rules_make_schema_valid_values_invalid(self):
        case = self.cases.apply(Case({("path", "id"): 1}, {"name": "a"}, "json"), ("body", "name"), "nul-byte",
                                "a\u0000b", "NUL byte")
        self.assertIn("NUL byte", self.cases.invalidity(case))

    def test_requests_carry_surrogates_as_escapes(self):
        case = Case({("path", "id"): 1, ("query", "size"): "a\ud800"}, {"name": "\ud800"}, "json")
        request = self.cases.request(case)
        self.assertEqual(b'{"name":"\\ud800"}', request.body)
        self.assertIn("size=a%ED%A0%80", request.url("http://h"))
        self.assertEqual(ABSENT, ABSENT)

    def test_id_numbers_have_a_correct_check_digit(self):
        import datetime
        self.assertEqual("11010519491231002X", id_number_of("110105", datetime.date(1949, 12, 31), 2))


if __name__ == "__main__":
    unittest.main()
