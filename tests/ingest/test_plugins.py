"""Extra readers from the register_readers hook handle extensions no built-in reader claims."""

import types

import signaal
from ingest_texts import NL
from signaal.hookspecs import hookimpl
from signaal.ingest import core
from signaal.ingest.build import Draft
from signaal.plugins import get_plugin_manager


def _eml_reader():
    def read(inp, opts):
        with inp.open() as f:
            body = f.read().decode("utf-8").split("\n\n", 1)[1]
        yield Draft(text=body, record=1, title="mail")

    return types.SimpleNamespace(NAME="eml", EXTENSIONS=(".eml",), read=read)


class _Plugin:
    @hookimpl
    def register_readers(self):
        return [("eml", _eml_reader())]


def test_plugins_reader_for_unknown_extension(tmp_path):
    (tmp_path / "a.eml").write_text("Subject: x\n\n" + NL, encoding="utf-8")
    pm, plugin = get_plugin_manager(), _Plugin()
    pm.register(plugin)
    core.plugin_readers.cache_clear()
    try:
        (a,) = signaal.read(tmp_path / "a.eml")
    finally:
        pm.unregister(plugin)
        core.plugin_readers.cache_clear()
    assert (a.text, a.title, a.provenance.reader) == (NL, "mail", "eml")
