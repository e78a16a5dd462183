"""The Open Referral HSDS 3.0 objects, one table each, with HSDS field names.

Tables and columns follow the HSDS 3.0 tabular datapackage so that import and export are a
straight copy. Columns that are ours and not HSDS (such as a category's URL slug) are listed in
`LOCAL_COLUMNS` and never exported. `Translation` is our documented extension table.

Size: one class per HSDS 3.0 table (21 of them) and our own tables; HSDS names them, and one file
shows the whole schema as the migrations see it.
"""
from __future__ import annotations

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, and_
from sqlalchemy.orm import Mapped, foreign, mapped_column, relationship

from pwa_app.db.extensions import db

ID = String(36)  # HSDS ids are UUID strings


def fk(target: str, **kw) -> Mapped:
    return mapped_column(ID, ForeignKey(f"{target}.id"), index=True, nullable=True, **kw)


def text(**kw) -> Mapped:
    return mapped_column(Text, nullable=True, **kw)


class Organization(db.Model):
    __tablename__ = "organization"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    alternate_name = text()
    description = text()
    email = text()
    website = text()
    tax_status = text()
    tax_id = text()
    year_incorporated = mapped_column(Float)
    legal_status = text()
    logo = text()
    uri = text()
    parent_organization_id = mapped_column(ID)

    services = relationship("Service", back_populates="organization")
    # Its own numbers (not a service's or a location's): what a service with none inherits.
    phones = relationship("Phone", primaryjoin="and_(Organization.id == Phone.organization_id, Phone.service_id.is_(None), "
                          "Phone.location_id.is_(None), Phone.service_at_location_id.is_(None))", order_by="Phone.id",
                          viewonly=True)


class Program(db.Model):
    __tablename__ = "program"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    organization_id = fk("organization")
    name: Mapped[str] = mapped_column(Text)
    alternate_name = text()
    description = text()


class Service(db.Model):
    __tablename__ = "service"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    organization_id = fk("organization")
    program_id = fk("program")
    name: Mapped[str] = mapped_column(Text)
    alternate_name = text()
    description = text()
    url = text()
    email = text()
    status: Mapped[str] = mapped_column(String(32), index=True)
    interpretation_services = text()
    application_process = text()
    fees_description = text()
    wait_time = text()
    fees = text()
    accreditations = text()
    eligibility_description = text()
    minimum_age = mapped_column(Float)
    maximum_age = mapped_column(Float)
    assured_date = mapped_column(Date)
    assurer_email = text()
    licenses = text()
    alert = text()
    last_modified = mapped_column(DateTime)

    organization = relationship("Organization", back_populates="services")
    service_at_locations = relationship("ServiceAtLocation", back_populates="service")
    phones = relationship("Phone", primaryjoin="Service.id == Phone.service_id", order_by="Phone.id")
    schedules = relationship("Schedule", primaryjoin="Service.id == Schedule.service_id")
    languages = relationship("Language", primaryjoin="Service.id == Language.service_id", order_by="Language.name")
    cost_options = relationship("CostOption", order_by="CostOption.id")
    contacts = relationship("Contact", primaryjoin="Service.id == Contact.service_id")
    service_areas = relationship("ServiceArea")
    required_documents = relationship("RequiredDocument")
    attributes = relationship(
        "Attribute",
        primaryjoin=lambda: and_(Service.id == foreign(Attribute.link_id), Attribute.link_entity == "service"),
        viewonly=True,
    )

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @property
    def taxonomy_terms(self) -> list[TaxonomyTerm]:
        return [a.taxonomy_term for a in self.attributes if a.taxonomy_term is not None]


class Location(db.Model):
    __tablename__ = "location"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    location_type: Mapped[str] = mapped_column(String(32))
    url = text()
    organization_id = fk("organization")
    name = text()
    alternate_name = text()
    description = text()
    transportation = text()
    latitude = mapped_column(Float)
    longitude = mapped_column(Float)
    external_identifier = text()
    external_identifier_type = text()

    addresses = relationship("Address", order_by="Address.address_type")
    accessibility = relationship("Accessibility")
    phones = relationship("Phone", primaryjoin="Location.id == Phone.location_id")
    schedules = relationship("Schedule", primaryjoin="Location.id == Schedule.location_id")


class ServiceAtLocation(db.Model):
    __tablename__ = "service_at_location"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    service_id = fk("service")
    location_id = fk("location")
    description = text()

    service = relationship("Service", back_populates="service_at_locations")
    location = relationship("Location")
    schedules = relationship("Schedule", primaryjoin="ServiceAtLocation.id == Schedule.service_at_location_id")
    phones = relationship("Phone", primaryjoin="ServiceAtLocation.id == Phone.service_at_location_id")


class Address(db.Model):
    __tablename__ = "address"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    location_id = fk("location")
    attention = text()
    address_1: Mapped[str] = mapped_column(Text)
    address_2 = text()
    city: Mapped[str] = mapped_column(Text)
    region = text()
    state_province: Mapped[str] = mapped_column(Text)
    postal_code: Mapped[str] = mapped_column(Text)
    country: Mapped[str] = mapped_column(Text)
    address_type: Mapped[str] = mapped_column(String(32))


class Contact(db.Model):
    __tablename__ = "contact"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    organization_id = fk("organization")
    service_id = fk("service")
    service_at_location_id = fk("service_at_location")
    location_id = fk("location")
    name = text()
    title = text()
    department = text()
    email = text()


class Phone(db.Model):
    __tablename__ = "phone"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    location_id = fk("location")
    service_id = fk("service")
    organization_id = fk("organization")
    contact_id = fk("contact")
    service_at_location_id = fk("service_at_location")
    number: Mapped[str] = mapped_column(Text)
    extension = mapped_column(Float)
    type = text()
    description = text()

    languages = relationship("Language", primaryjoin="Phone.id == Language.phone_id")


class Schedule(db.Model):
    __tablename__ = "schedule"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    service_id = fk("service")
    location_id = fk("location")
    service_at_location_id = fk("service_at_location")
    valid_from = mapped_column(Date)
    valid_to = mapped_column(Date)
    dtstart = mapped_column(Date)
    timezone = mapped_column(Float)
    until = mapped_column(Date)
    count = mapped_column(Float)
    wkst = mapped_column(String(2))
    freq = mapped_column(String(16))
    interval = mapped_column(Float)
    byday = text()
    byweekno = text()
    bymonthday = text()
    byyearday = text()
    description = text()
    opens_at = mapped_column(String(16))  # HH:MM[:SS], kept as written (HSDS allows an offset suffix)
    closes_at = mapped_column(String(16))
    schedule_link = text()
    attending_type = text()
    notes = text()


class Funding(db.Model):
    __tablename__ = "funding"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    organization_id = fk("organization")
    service_id = fk("service")
    source = text()


class ServiceArea(db.Model):
    __tablename__ = "service_area"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    service_id = fk("service")
    name = text()
    description = text()
    extent = text()
    extent_type = text()
    uri = text()


class RequiredDocument(db.Model):
    __tablename__ = "required_document"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    service_id = fk("service")
    document = text()
    uri = text()


class Language(db.Model):
    __tablename__ = "language"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    service_id = fk("service")
    location_id = fk("location")
    phone_id = fk("phone")
    name = text()
    code = text()
    note = text()


class Accessibility(db.Model):
    __tablename__ = "accessibility"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    location_id = fk("location")
    description = text()
    details = text()
    url = text()


class Taxonomy(db.Model):
    __tablename__ = "taxonomy"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    uri = text()
    version = text()


class TaxonomyTerm(db.Model):
    __tablename__ = "taxonomy_term"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    code = text()
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    # No database constraint: HSDS declares no foreign key here; the importer checks it and cycles.
    parent_id = mapped_column(ID, index=True)
    taxonomy = text()
    language = text()
    taxonomy_id = fk("taxonomy")
    term_uri = text()
    slug = mapped_column(String(120), unique=True)  # ours: the category's URL

    parent = relationship("TaxonomyTerm", primaryjoin="foreign(TaxonomyTerm.parent_id) == TaxonomyTerm.id", remote_side="TaxonomyTerm.id")


class Attribute(db.Model):
    __tablename__ = "attribute"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    link_id: Mapped[str] = mapped_column(ID)
    taxonomy_term_id = fk("taxonomy_term")
    link_type = text()
    link_entity: Mapped[str] = mapped_column(String(64))
    value = text()

    taxonomy_term = relationship("TaxonomyTerm")

    __table_args__ = (Index("ix_attribute_link", "link_entity", "link_id"),)


class Metadata(db.Model):
    __tablename__ = "metadata"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    resource_id: Mapped[str] = mapped_column(ID)
    resource_type: Mapped[str] = mapped_column(Text)
    last_action_date = mapped_column(Date)
    last_action_type: Mapped[str] = mapped_column(Text)
    field_name: Mapped[str] = mapped_column(Text)
    previous_value: Mapped[str] = mapped_column(Text)
    replacement_value: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(Text)
    # Ours: the moment of a curator's change (HSDS keeps only its date); not exported.
    changed_at = mapped_column(DateTime, nullable=True, index=True)

    __table_args__ = (Index("ix_metadata_resource", "resource_id"),)


class MetaTableDescription(db.Model):
    __tablename__ = "meta_table_description"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name = text()
    language = text()
    character_set = text()


class CostOption(db.Model):
    __tablename__ = "cost_option"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    service_id = fk("service")
    valid_from = mapped_column(Date)
    valid_to = mapped_column(Date)
    option = text()
    currency = text()
    amount = mapped_column(Float)
    amount_description = text()


class OrganizationIdentifier(db.Model):
    __tablename__ = "organization_identifier"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    organization_id = fk("organization")
    identifier_scheme = text()
    identifier_type: Mapped[str] = mapped_column(Text)
    identifier: Mapped[str] = mapped_column(Text)


class Translation(db.Model):
    """Our extension: one field of one record in one language."""

    __tablename__ = "translation"
    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    language: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DirectoryInfo(db.Model):
    """Facts about the loaded directory as a whole (its title, whether it is demo data)."""

    __tablename__ = "directory_info"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# HSDS resource name -> model, in an order where every foreign key points to an earlier table.
HSDS_MODELS = {
    m.__tablename__: m
    for m in (
        Organization, Program, Taxonomy, TaxonomyTerm, Service, Location, ServiceAtLocation,
        Address, Contact, Phone, Schedule, Funding, ServiceArea, RequiredDocument, Language,
        Accessibility, Attribute, Metadata, MetaTableDescription, CostOption, OrganizationIdentifier,
    )
}
LOCAL_COLUMNS = {"taxonomy_term": {"slug"}, "metadata": {"changed_at"}}


class SearchDocument(db.Model):
    """Ours, derived: one service's searchable text, normalised, in every language it has.

    Rebuilt from the tables above after each import; the full-text index of each database
    engine is built on it (see search.py).
    """

    __tablename__ = "search_document"
    rowid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[str] = mapped_column(ID, ForeignKey("service.id"), unique=True)
    name: Mapped[str] = mapped_column(Text)
    categories: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)


class SearchWordChange(db.Model):
    """Ours, derived: how a curator's save changed the count of search documents holding each word.

    Each server's typo vocabulary (search/spelling.py) follows the index by these rows, without
    reading every document again. A full rebuild of the index empties the table and leaves one row
    with no word: every server then reads its vocabulary afresh. Ids are never reused (SQLite's
    AUTOINCREMENT), so a server knows which rows it has not seen yet.
    """

    __tablename__ = "search_word_change"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    word: Mapped[str] = mapped_column(Text)
    documents: Mapped[int] = mapped_column(Integer)


class Report(db.Model):
    """Ours: someone's "this is wrong" about a service, kept for curators."""

    __tablename__ = "report"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    # No foreign key: a report outlives a re-import that drops or renumbers its service.
    service_id: Mapped[str] = mapped_column(ID, index=True)
    kind: Mapped[str] = mapped_column(String(32))
    details: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(16))
    created_at = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default="new")
    # Issue 19: triage by curators. The contact is erased after the retention period (contact_erased_at).
    resolution_note: Mapped[str] = mapped_column(Text, default="")
    handled_by: Mapped[str] = mapped_column(Text, default="")
    updated_at = mapped_column(DateTime, nullable=True)
    contact_erased_at = mapped_column(DateTime, nullable=True)


class OfflineRecord(db.Model):
    """Ours, derived (issue 4): what each offline-snapshot record last looked like, and since when.

    `key` is "service:<id>" or "meta" (categories and directory facts). A record that leaves the
    directory, or stops being listed, keeps its row with `present` False: that is how the changes
    feed tells phones to delete it. `regions` holds the region ids it belongs to, space-separated
    ("" for a service offered everywhere, such as a phone line).
    """

    __tablename__ = "offline_record"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, index=True)
    present: Mapped[bool] = mapped_column(db.Boolean, default=True)
    regions: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the language-neutral record (meta: per language)
    # The body this version replaced, where the record stayed listed in the same regions: a phone
    # holding `previous_version` is sent only the fields that changed.
    previous_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    previous_body: Mapped[str | None] = mapped_column(Text, nullable=True)


class RateLimitHit(db.Model):
    """Ours (issue 7): one recent request, under a salted hash of its client that changes every hour.

    Rows older than the limiter's window are deleted at the next check, so no trace of a client
    outlives the window; the table lets several stateless app servers share one count.
    """

    __tablename__ = "rate_limit_hit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bucket: Mapped[str] = mapped_column(String(64), index=True)
    at = mapped_column(DateTime, index=True)


class Curator(db.Model):
    """Ours (issue 19): a person who keeps the directory true. `role` is "curator" or "admin".

    `session_epoch` is part of every session's id: disabling an account or resetting its password
    raises it, which ends every session the account had open, on every app server.
    """

    __tablename__ = "curator"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(db.Boolean, default=True)
    session_epoch: Mapped[int] = mapped_column(Integer, default=1)
    created_at = mapped_column(DateTime)
    last_login_at = mapped_column(DateTime, nullable=True)


class PendingImport(db.Model):
    """Ours (issue 19): a file an admin uploaded, between its dry run and the confirmation.

    Kept in the database, not on one server's disk, so that any app server can apply it; deleted
    once applied, and after a day otherwise.
    """

    __tablename__ = "pending_import"
    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    filename: Mapped[str] = mapped_column(Text)
    data = mapped_column(db.LargeBinary)
    merge: Mapped[bool] = mapped_column(db.Boolean, default=False)
    lenient: Mapped[bool] = mapped_column(db.Boolean, default=False)
    created_by: Mapped[str] = mapped_column(Text)
    created_at = mapped_column(DateTime)
