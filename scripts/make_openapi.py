#!/usr/bin/env python3
"""Write the OpenAPI document of Passerelle's HSDS API, self-contained, into the package.

    .venv/bin/python scripts/make_openapi.py           # (re)write pwa_app/hsds/schema/openapi.json
    .venv/bin/python scripts/make_openapi.py --check   # exit 1 if the shipped file is out of date

It starts from Open Referral's HSDS 3.0 API template (../shared/data/hsds-schema/openapi.json,
CC BY-SA 4.0) and its object schemas, which it copies under `components/schemas` with every
`$ref` made local: the template points at raw.githubusercontent.com, and nothing here may load
anything from another host. The app only ever reads the written file.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "hsds-schema"
TARGET = ROOT / "pwa_app" / "hsds" / "schema" / "openapi.json"

OBJECTS = (
    "accessibility", "address", "attribute", "contact", "cost_option", "funding", "language", "location",
    "meta_table_description", "metadata", "organization", "organization_identifier", "phone", "program",
    "required_document", "schedule", "service", "service_area", "service_at_location", "taxonomy",
    "taxonomy_term",
)
LISTS = ("service_list", "service_at_location_list", "organization_list")  # HSDS's compiled list items
# Datapackage and documentation keys that mean nothing to JSON Schema; dropped to keep the file small.
DROP = {"name", "path", "datapackage_metadata", "constraints", "core", "tabular_required", "example",
        "datapackage_type", "title"}
MAX_PER_PAGE, MAX_PAGE = 500, 1_000_000  # keep in step with pwa_app/views/api.py


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def clean(node):
    """Drop datapackage keys and point `x.json` references at our components."""
    if isinstance(node, list):
        return [clean(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "$ref":
            out[key] = ref(Path(value).stem)["$ref"]
        elif key == "properties":
            out[key] = {name: clean(schema) for name, schema in value.items()}  # property names stay
        elif key not in DROP:
            out[key] = clean(value)
    return out


def param(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


BOOLEAN = {"type": "boolean"}
UUID = {"type": "string", "format": "uuid"}
PARAMETERS = {
    "search": param("search", "Full-text search, as on the site: every word must match (prefixes and "
                    "accents are forgiven); ranked best first. Only active and temporarily closed "
                    "services are found by a search. Only the first 200 characters are read.", {"type": "string"}),
    "page": param("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}),
    "per_page": param("per_page", "Results per page.",
                      {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": 50}),
    "format": param("format", "`ndjson` answers application/x-ndjson, one object per line; without "
                    "`page` or `per_page` it streams every result.", {"type": "string", "enum": ["json", "ndjson"]}),
    "minimal": param("minimal", "Each service with only id, name, status and last_modified.", BOOLEAN),
    "full": param("full", "Fully nested objects.", BOOLEAN),
    "full_service": param("full_service", "Nest fully nested services in the organization.", BOOLEAN),
    "modified_after": param("modified_after", "Services whose last_modified is on or after this date "
                            "or date-time (ISO 8601; UTC when no offset is given).",
                            {"type": "string", "format": "date-time"}),
    "taxonomy_term_id": param("taxonomy_term_id", "Services with this taxonomy term or one of its "
                              "descendants.", UUID),
    "taxonomy_id": param("taxonomy_id", "Services with any term of this taxonomy.", UUID),
    "organization_id": param("organization_id", "Services of this organization.", UUID),
    "postcode": param("postcode", "Locations with an address in this postal code (case and spaces ignored).",
                      {"type": "string"}),
    "lat": param("lat", "Latitude of a point: results are sorted by distance from it (needs `long`); "
                 "locations without coordinates are left out.", {"type": "number", "minimum": -90, "maximum": 90}),
    "long": param("long", "Longitude of the point (needs `lat`).", {"type": "number", "minimum": -180, "maximum": 180}),
    "proximity": param("proximity", "Radius in metres around `lat`/`long`.",
                       {"type": "number", "minimum": 0, "maximum": 20_000_000}),
    "top_only": param("top_only", "Only terms with no parent.", BOOLEAN),
    "parent_id": param("parent_id", "Only the children of this term.", UUID),
    "taxonomy_term_taxonomy_id": param("taxonomy_id", "Only the terms of this taxonomy.", UUID),
}


def uses(*names: str) -> list[dict]:
    return [{"$ref": f"#/components/parameters/{n}"} for n in names]


def json_response(description: str, schema: dict, ndjson: bool = False) -> dict:
    content = {"application/json": {"schema": schema}}
    if ndjson:
        content["application/x-ndjson"] = {"schema": {"type": "string"}}
    return {"description": description, "content": content}


def page_of(items: dict) -> dict:
    return {"allOf": [ref("Page"), {"type": "object", "required": ["contents"],
                                     "properties": {"contents": {"type": "array", "items": items}}}]}


ERRORS = {
    "400": {"$ref": "#/components/responses/BadRequest"},
}
NOT_FOUND = {"404": {"$ref": "#/components/responses/NotFound"}}


def item(path_name: str, description: str, schema: dict, params: tuple[str, ...] = ()) -> dict:
    return {"get": {
        "operationId": f"get_{path_name}",
        "summary": description,
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}, *uses(*params)],
        "responses": {"200": json_response(description, schema), **ERRORS, **NOT_FOUND},
    }}


def listing(path_name: str, description: str, items: dict, params: tuple[str, ...]) -> dict:
    return {"get": {
        "operationId": f"list_{path_name}",
        "summary": description,
        "parameters": uses(*params),
        "responses": {"200": json_response(description, page_of(items), ndjson=True), **ERRORS},
    }}


def build() -> dict:
    template = json.loads((SOURCE / "openapi.json").read_text(encoding="utf-8"))
    schemas = {name: clean(json.loads((SOURCE / f"{name}.json").read_text(encoding="utf-8"))) for name in OBJECTS}
    for name in LISTS:
        schemas[name] = clean(json.loads((SOURCE / "compiled" / f"{name}.json").read_text(encoding="utf-8")))
    schemas["Page"] = {**template["components"]["schemas"]["Page"],
                       "required": ["total_items", "total_pages", "page_number", "size", "first_page",
                                    "last_page", "empty"]}
    schemas["Error"] = {"type": "object", "required": ["status", "title"], "properties": {
        "status": {"type": "integer"}, "title": {"type": "string"}, "detail": {"type": "string"}}}
    service_filters = ("search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after")
    paging = ("page", "per_page", "format")
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": template["jsonSchemaDialect"],
        "info": {
            "title": "Passerelle HSDS API",
            "version": "3.0",
            "summary": "Read-only Open Referral HSDS 3.0 API of a Passerelle community services directory.",
            "description": (
                "Every service is listed whatever its status (active, inactive, defunct, temporarily "
                "closed): this API is for exchanging data, so a closure is information to pass on. "
                "Lists are HSDS Page objects; all parameters combine as AND. Responses allow any "
                "origin (CORS) and set no cookies. Based on Open Referral's HSDS 3.0 OpenAPI template "
                "and schemas (CC BY-SA 4.0)."
            ),
            "license": {"name": "MIT (code); HSDS schemas CC BY-SA 4.0",
                        "identifier": "MIT"},
        },
        "servers": [{"url": "/api"}],
        "paths": {
            "/": {"get": {
                "operationId": "get_api_information",
                "summary": "HSDS version, profile and where this document is.",
                "responses": {"200": template["paths"]["/"]["get"]["responses"]["200"]},
            }},
            "/services": listing("services", "Services.", {"allOf": [ref("service_list"), ref("service")]},
                                 (*service_filters, "minimal", "full", *paging)),
            "/services/{id}": item("service", "A fully nested service.", ref("service")),
            "/organizations": listing("organizations", "Organizations.",
                                      {"allOf": [ref("organization_list"), ref("organization")]},
                                      ("search", "full", "full_service", *paging)),
            "/organizations/{id}": item("organization", "A fully nested organization with its services.",
                                        ref("organization"), ("full_service",)),
            "/service_at_locations": listing(
                "service_at_locations", "Services at their locations, nearest first when `lat` and `long` are given.",
                {"allOf": [ref("service_at_location_list"), ref("service_at_location")]},
                (*service_filters, "full", "postcode", "lat", "long", "proximity", *paging)),
            "/service_at_locations/{id}": item("service_at_location", "A fully nested service at a location.",
                                               ref("service_at_location")),
            "/taxonomies": listing("taxonomies", "Taxonomies.", ref("taxonomy"), ("search", *paging)),
            "/taxonomies/{id}": item("taxonomy", "A taxonomy.", ref("taxonomy")),
            "/taxonomy_terms": listing("taxonomy_terms", "Taxonomy terms.", ref("taxonomy_term"),
                                       ("search", "taxonomy_term_taxonomy_id", "top_only", "parent_id", *paging)),
            "/taxonomy_terms/{id}": item("taxonomy_term", "A taxonomy term.", ref("taxonomy_term")),
        },
        "components": {
            "schemas": schemas,
            "parameters": PARAMETERS,
            "responses": {
                "BadRequest": json_response("A parameter is malformed or out of range.", ref("Error")),
                "NotFound": json_response("No record has this id.", ref("Error")),
            },
        },
    }


def render() -> str:
    return json.dumps(build(), indent=1, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped document is out of date")
    args = parser.parse_args()
    text = render()
    if args.check:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is out of date: run scripts/make_openapi.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
