"""Alert outputs beyond the CLI and the store: a webhook (JSON POST) and a command hook.

Each new alert is stored with the outputs still owed (``pending``); ``deliver`` sends what is
pending and clears it only on success, so an alert whose webhook was down is sent on the next
run instead of being lost.
"""

from __future__ import annotations

import json
import logging
import shlex
import subprocess
from typing import TYPE_CHECKING, Optional

from .alerts import NS_ALERTS, Alert

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)
TIMEOUT = 10.0


def post_webhook(url: str, alerts: list[Alert], client=None) -> bool:
    """POST ``{"alerts": [...]}`` to ``url``; True on a 2xx answer."""
    import httpx

    try:
        if client is not None:
            resp = client.post(url, json={"alerts": [a.to_dict() for a in alerts]})
        else:
            resp = httpx.post(url, json={"alerts": [a.to_dict() for a in alerts]}, timeout=TIMEOUT)
    except httpx.HTTPError as e:
        log.warning("webhook %s: %s; %d alerts stay pending", url, e, len(alerts))
        return False
    if not resp.is_success:
        log.warning("webhook %s answered %s; %d alerts stay pending", url, resp.status_code,
                    len(alerts))
    return resp.is_success


def run_command(command: str, alerts: list[Alert]) -> bool:
    """Run ``command`` with one JSON alert per line on stdin; True when it exits 0."""
    lines = "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in alerts)
    try:
        done = subprocess.run(shlex.split(command), input=lines, text=True, capture_output=True,
                              timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        log.warning("alert command %r failed: %s; %d alerts stay pending", command, e, len(alerts))
        return False
    if done.returncode != 0:
        log.warning("alert command %r exited %d: %s", command, done.returncode,
                    done.stderr.strip()[:200])
    return done.returncode == 0


def deliver(store: "Store", webhook: Optional[str] = None, command: Optional[str] = None) -> dict:
    """Send every stored alert still pending for the webhook/command; returns counts sent."""
    state = store.get_state(NS_ALERTS)
    sent = {}
    for target, send in (("webhook", webhook and (lambda al: post_webhook(webhook, al))),
                         ("command", command and (lambda al: run_command(command, al)))):
        todo = {i: d for i, d in state.items() if target in (d.get("pending") or [])}
        if not send or not todo:
            continue
        alerts = sorted((Alert.from_dict(d) for d in todo.values()), key=lambda a: (a.date, a.rule, a.id))
        if send(alerts):
            for d in todo.values():
                d["pending"] = [t for t in d["pending"] if t != target]
            store.put_state(NS_ALERTS, todo)
            sent[target] = len(alerts)
    return sent
