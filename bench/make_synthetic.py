"""Write a realistic synthetic HSDS 3.0 datapackage of N services, for import benchmarks.

Run: .venv/bin/python -m bench.make_synthetic OUT [--services 60000] [--seed 1]
Deterministic for a given N and seed. Every record is drawn from the demo region's shapes: its
service names, descriptions, hours, cities, streets, coordinates (jittered around real demo
locations), languages and categories. Phone numbers stay in the fictional 555-0100..0199 range.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import uuid
from pathlib import Path

from pwa_app.cli.database import DEMO_PACKAGE
from pwa_app.hsds.schema import package_descriptor, resources

NAMESPACE = uuid.UUID("0c2f6f0e-8c84-4f0c-9a4e-4b2a3c1d5e77")
SERVICES_PER_ORGANIZATION = 3
SERVICES_PER_LOCATION = 2


def _read(name: str) -> list[dict[str, str]]:
    with (DEMO_PACKAGE / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _uid(kind: str, n: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{n}"))


class Writer:
    """One CSV writer per HSDS table, with the official header."""

    def __init__(self, out: Path):
        self.out = out
        self.files, self.writers = {}, {}
        for name, resource in resources().items():
            f = (out / resource.path).open("w", encoding="utf-8", newline="")
            self.files[name] = f
            self.writers[name] = csv.DictWriter(f, resource.field_names, lineterminator="\n")
            self.writers[name].writeheader()

    def row(self, table: str, **values) -> None:
        self.writers[table].writerow(values)

    def close(self) -> None:
        for f in self.files.values():
            f.close()


def make(out: Path, services: int = 60_000, seed: int = 1) -> dict[str, int]:
    """Write the package into `out` (replaced); return the number of rows per table."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    demo_services = _read("services.csv")
    demo_orgs = _read("organizations.csv")
    places = [(float(r["latitude"]), float(r["longitude"])) for r in _read("locations.csv") if r["latitude"]]
    addresses = _read("addresses.csv")
    schedules = [r for r in _read("schedules.csv") if r["freq"]]
    languages = {(r["name"], r["code"]) for r in _read("languages.csv") if r["code"]}
    terms = [r for r in _read("attributes.csv") if r["link_entity"] == "service"]
    writer = Writer(out)
    for name in ("taxonomies.csv", "taxonomy_terms.csv"):  # the real Open Eligibility terms
        shutil.copy(DEMO_PACKAGE / name, out / name)
    counts = {"service": services}
    organizations = (services + SERVICES_PER_ORGANIZATION - 1) // SERVICES_PER_ORGANIZATION
    for n in range(organizations):
        model = rng.choice(demo_orgs)
        writer.row("organization", id=_uid("organization", n), name=f"{model['name']} #{n}",
                   description=model["description"], email=model["email"], website=model["website"],
                   year_incorporated=rng.randint(1950, 2020), legal_status=model["legal_status"])
        writer.row("phone", id=_uid("org-phone", n), organization_id=_uid("organization", n),
                   number=f"613-555-01{rng.randint(0, 99):02d}", type="voice", description="Main line")
    locations = (services + SERVICES_PER_LOCATION - 1) // SERVICES_PER_LOCATION
    for n in range(locations):
        lat, lon = rng.choice(places)
        address = rng.choice(addresses)
        org = _uid("organization", (n * SERVICES_PER_LOCATION) // SERVICES_PER_ORGANIZATION)
        writer.row("location", id=_uid("location", n), location_type="physical", organization_id=org,
                   name=f"{address['city']} site {n}", latitude=round(lat + rng.uniform(-0.05, 0.05), 5),
                   longitude=round(lon + rng.uniform(-0.05, 0.05), 5))
        writer.row("address", id=_uid("address", n), location_id=_uid("location", n),
                   address_1=f"{rng.randint(1, 2999)} {address['address_1'].split(' ', 1)[-1]}", city=address["city"],
                   state_province=address["state_province"], postal_code=address["postal_code"],
                   country=address["country"], address_type="physical")
    counts.update(organization=organizations, location=locations, address=locations)
    rows = {"phone": organizations, "schedule": 0, "language": 0, "attribute": 0, "service_at_location": 0}
    for n in range(services):
        model = rng.choice(demo_services)
        service_id = _uid("service", n)
        writer.row("service", id=service_id, organization_id=_uid("organization", n // SERVICES_PER_ORGANIZATION),
                   name=f"{model['name']} {n}", description=model["description"], status=model["status"],
                   application_process=model["application_process"], fees_description=model["fees_description"],
                   eligibility_description=model["eligibility_description"], assured_date=model["assured_date"],
                   last_modified="2025-06-01T12:00:00Z")
        writer.row("service_at_location", id=_uid("sal", n), service_id=service_id,
                   location_id=_uid("location", n // SERVICES_PER_LOCATION))
        writer.row("phone", id=_uid("phone", n), service_id=service_id, number=f"613-555-01{rng.randint(0, 99):02d}",
                   extension=rng.choice(["", "", "", str(rng.randint(100, 999))]), type="voice")
        for k, hours in enumerate(rng.sample(schedules, rng.randint(1, 3))):
            writer.row("schedule", id=_uid("schedule", n * 3 + k), service_id=service_id, freq="WEEKLY",
                       byday=hours["byday"], opens_at=hours["opens_at"], closes_at=hours["closes_at"],
                       description=hours["description"])
            rows["schedule"] += 1
        for k, (name, code) in enumerate(rng.sample(sorted(languages), 2)):
            writer.row("language", id=_uid("language", n * 2 + k), service_id=service_id, name=name, code=code)
            rows["language"] += 1
        for k, link in enumerate(rng.sample(terms, 2)):
            writer.row("attribute", id=_uid("attribute", n * 2 + k), link_id=service_id, link_entity="service",
                       link_type="service_category", taxonomy_term_id=link["taxonomy_term_id"])
            rows["attribute"] += 1
        rows["service_at_location"] += 1
        rows["phone"] += 1
    writer.close()
    counts.update(rows)
    official = json.loads((DEMO_PACKAGE.parent / "hsds" / "schema" / "datapackage.json").read_text(encoding="utf-8"))
    descriptor = {**package_descriptor(), "name": "passerelle-synthetic", "title": f"Synthetic directory ({services:,} services)",
                  "resources": official["resources"]}
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--services", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = make(args.out, args.services, args.seed)
    print(", ".join(f"{n:,} {name}" for name, n in counts.items()))


if __name__ == "__main__":
    main()
