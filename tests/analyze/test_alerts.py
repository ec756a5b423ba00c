"""Alerts: YAML rules, firing on the right day, incremental evaluation, webhook and command hooks."""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from analyze_data import Builder, crisis_store
from signaal.analyze.alerts import evaluate, stored_alerts
from signaal.analyze.hooks import deliver
from signaal.analyze.rules import load_rules, parse_rules
from signaal.errors import ConfigError


def test_alerts_default_rules_fire_on_the_right_days(tmp_path):
    with crisis_store(tmp_path / "s.db") as store:
        fired = evaluate(store, load_rules())
    assert [(a.date, a.rule) for a in fired] == [
        ("2022-02-16", "assault-expected"),   # USA (NOS) + GBR (NRC): 2 independent sources
        ("2022-02-16", "rusgov-denial"),      # the Kremlin denies attack plans
        ("2022-02-18", "quantity-moved"),     # USA 150,000 -> 190,000 (+27%); 130k -> 150k is +15%
        ("2022-02-24", "rus-ukr-escalation"),  # the invasion: change point up
    ]
    denial = fired[1]
    assert denial.evidence == ("Het Kremlin ontkent aanvalsplannen.",)


def test_alerts_are_incremental(tmp_path):
    rules = load_rules()
    with crisis_store(tmp_path / "s.db") as store:
        assert len(evaluate(store, rules)) == 4
        assert evaluate(store, rules) == []  # nothing new: nothing fires twice
        b = Builder()
        b.article("mar01", "2022-03-01", "NOS", ["Peskov ontkent dat Rusland burgers aanvalt."],
                  [("claim", 0, {"source": "Dmitry Peskov", "actor": "RUS", "code": "RUSGOV",
                                 "polarity": "denied"})])
        b.write(store)
        [new] = evaluate(store, rules)
        assert (new.date, new.rule) == ("2022-03-01", "rusgov-denial")
        assert len(stored_alerts(store)) == 5


@pytest.mark.parametrize("text,message", [
    ("rules: [{name: a, kind: claims}]", "'kind' must be one of"),
    ("rules: [{kind: claim}]", "needs a name"),
    ("rules: [{name: a, kind: claim, where: {speaker: X}}]", "unknown field"),
    ("rules: [{name: a, kind: event, minimum: 2}]", "unknown key"),
    ("rules: [{name: a, kind: changepoint, dyad: RUS}]", "dyad: [SOURCE, TARGET]"),
    ("rules: [{name: a, kind: claim}, {name: a, kind: event}]", "unique"),
    ("rules: {name: a}", "'rules' list"),
    ("rules: [", "not valid YAML"),
])
def test_alerts_rule_errors_name_the_problem(text, message):
    with pytest.raises(ConfigError, match="x.yaml") as e:
        parse_rules(text, "x.yaml")
    assert message in str(e.value)


def test_alerts_where_accepts_lists(tmp_path):
    rules = parse_rules("rules: [{name: any-denial, kind: claim, "
                        "where: {polarity: [denied, hoped], source_actor: [RUS, NATO]}}]")
    with crisis_store(tmp_path / "s.db") as store:
        fired = evaluate(store, rules)
    assert sorted(a.data["source_actor"] for a in fired) == ["NATO", "RUS"]


class _Hook(BaseHTTPRequestHandler):
    received: list = []
    status = 200

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(json.loads(body))
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def hook_server():
    handler = type("Hook", (_Hook,), {"received": [], "status": 200})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{server.server_address[1]}/alerts"
    server.shutdown()
    server.server_close()


def test_alerts_webhook_receives_new_alerts_and_retries_after_failure(tmp_path, hook_server):
    handler, url = hook_server
    handler.status = 500
    rules = load_rules()
    rules = type(rules)(rules.rules, webhook=url)
    with crisis_store(tmp_path / "s.db") as store:
        evaluate(store, rules)
        assert deliver(store, webhook=url) == {}  # the server failed: alerts stay pending
        handler.status = 200
        assert deliver(store, webhook=url) == {"webhook": 4}
        assert deliver(store, webhook=url) == {}  # nothing pending any more
    assert len(handler.received) == 2
    assert [a["rule"] for a in handler.received[-1]["alerts"]] == [
        "assault-expected", "rusgov-denial", "quantity-moved", "rus-ukr-escalation"]


def test_alerts_command_hook_gets_json_lines(tmp_path):
    out = tmp_path / "got.jsonl"
    command = f"{sys.executable} -c \"import sys; open(sys.argv[1], 'w').write(sys.stdin.read())\" {out}"
    rules = load_rules()
    rules = type(rules)(rules.rules, command=command)
    with crisis_store(tmp_path / "s.db") as store:
        evaluate(store, rules)
        assert deliver(store, command=command) == {"command": 4}
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["date"] for x in lines] == ["2022-02-16", "2022-02-16", "2022-02-18", "2022-02-24"]
