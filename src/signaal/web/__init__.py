"""The dashboard: Jinja2 templates (``templates/``), static assets (``static/``), page views,
server-rendered SVG charts and evidence highlighting. Served by ``signaal.api.create_app``."""
