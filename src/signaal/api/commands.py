"""``signaal serve``: the API and the dashboard in one uvicorn process."""

from __future__ import annotations

from typing import Optional

import click

from ..hookspecs import hookimpl


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: Optional[str] = None,
          read_only: bool = False, log_level: str = "info") -> None:
    """Run the app on ``host:port`` until interrupted."""
    import uvicorn

    from .app import create_app

    overrides = {"read_only": read_only}
    if token:
        overrides["api_token"] = token
    app = create_app(db, overrides)
    # A longer keep-alive than uvicorn's 5 s: busy dashboards reuse connections between pages.
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                timeout_keep_alive=30)


def _command(db_option):
    @click.command("serve")
    @db_option
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Interface to listen on (0.0.0.0 exposes it to the network)")
    @click.option("--port", type=int, default=8000, show_default=True)
    @click.option("--token", envvar="SIGNAAL_API_TOKEN",
                  help="Bearer token that allows POST /api/ingest (env SIGNAAL_API_TOKEN); "
                       "without one the API is read-only")
    @click.option("--read-only", is_flag=True, help="Refuse every write, token or not")
    @click.option("--log-level", default="info", show_default=True,
                  type=click.Choice(["critical", "error", "warning", "info", "debug"]))
    def serve_command(db, host, port, token, read_only, log_level):
        """Serve the HTTP API (/api/, OpenAPI at /openapi.json) and the dashboard (/).

        Reads are open to anyone who can reach the port; writes need the token.
        """
        serve(db, host, port, token, read_only, log_level)

    return serve_command


@hookimpl
def register_commands(cli):
    from ..cli import db_option  # imported here: signaal.cli imports the plugins

    cli.add_command(_command(db_option))
