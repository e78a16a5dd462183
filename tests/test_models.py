"""The model mirrors HSDS 3.0: same tables, same field names; relationships work."""
from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from pwa_app.db.extensions import db
from pwa_app.hsds.schema import resources
from pwa_app.db.models import HSDS_MODELS, LOCAL_COLUMNS, Service

ROOT = Path(__file__).resolve().parents[1]


def test_every_hsds_table_and_field_has_a_column():
    assert set(HSDS_MODELS) == set(resources())
    for name, resource in resources().items():
        columns = set(HSDS_MODELS[name].__table__.columns.keys())
        assert columns - LOCAL_COLUMNS.get(name, set()) == set(resource.field_names), name


def test_ids_are_uuid_strings(app):
    with app.app_context():
        for sid in db.session.scalars(select(Service.id).limit(20)):
            assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", sid)


def test_service_relationships(app):
    with app.app_context():
        s = next(s for s in db.session.scalars(select(Service).where(Service.status == "active"))
                 if s.service_at_locations and s.phones and s.schedules and s.languages)
        assert s.organization.name
        assert all(sal.location is not None for sal in s.service_at_locations)
        assert all(term.name for term in s.taxonomy_terms) and s.taxonomy_terms
        assert s.assured_date is not None and s.status == "active"
        loc = s.service_at_locations[0].location
        assert loc.addresses or loc.location_type == "virtual"


def test_every_cli_command_is_in_the_readme(app):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    flask_own = {"run", "shell", "routes"}
    ours = set(app.cli.commands) - flask_own
    assert {"init-db", "import-hsds", "translate", "db", "build-snapshots"} <= ours
    for name in ours:
        assert f"flask --app pwa_app {name}" in readme, name
    for sub in app.cli.commands["translate"].commands:
        assert f"translate {sub}" in readme or "translate extract\\|update\\|compile" in readme, sub
