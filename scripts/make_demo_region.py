#!/usr/bin/env python3
"""Generate Passerelle's shipped demo region as an HSDS 3.0 tabular datapackage.

    python3 scripts/make_demo_region.py            # (re)write pwa_app/demo_data/
    python3 scripts/make_demo_region.py --check    # re-read the CSVs and validate them
    python3 scripts/make_demo_region.py --out DIR  # write somewhere else

Everything in the demo region is FICTIONAL: the towns, organizations, people,
addresses, postal codes and web/e-mail domains are invented.  Phone numbers
only use the fictional 555-01xx block (613-555-0100..0199, 819-555-0100..0199).

The script is deterministic (standard library only, ``random.Random(2026)``,
ids from ``uuid.uuid5`` over stable names), so reruns give byte-identical files.

Layout of this file:
  1. constants (towns, streets, languages, French names of the Open
     Eligibility terms, reusable eligibility/fee/application/hour patterns)
  2. the data tables: ORGS (organizations with their services), SITES
     (shared locations) and OTHER_LANGS (extra translations)
  3. small functions that expand the tables into HSDS rows
  4. writer (CSV + datapackage.json) and the --check validator

Conventions (also recorded in datapackage.json under "passerelle"):
  * schedules: freq WEEKLY, byday like ``MO,TU,WE,TH,FR``, opens_at/closes_at HH:MM
    (local time, America/Toronto).  closes_at earlier than opens_at means the
    period ends the next day (overnight).  opens_at == closes_at == ``00:00``
    means open 24 hours; with all seven days in byday that is 24/7.
    Two rows with the same byday describe two ranges on the same day.
  * services with no schedule rows have no fixed hours (by appointment, or
    hours unknown); their description says so.
  * attributes: link_entity ``service``, link_type ``service_category``.
  * phones: type ``voice``, ``text`` (SMS), ``fax``, ``textphone`` (TTY).
  * translations.csv (extension): entity = HSDS resource name (``service``,
    ``organization``...), id, field, language (BCP 47), value.
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import re
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OFFICIAL_DATAPACKAGE = os.path.join(ROOT, "pwa_app", "hsds", "schema", "datapackage.json")
OUT_DIR = os.path.join(ROOT, "pwa_app", "demo_data")
OE_CSV_CANDIDATES = [
    os.path.join(ROOT, "data", "taxonomy", "open-eligibility", "taxonomy.csv"),
    os.path.join(ROOT, "..", "shared", "data", "taxonomy", "open-eligibility", "taxonomy.csv"),  # beside the repo
]

NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://passerelle.example.org/demo-region/lac-riviere")
RNG_SEED = 2026
TODAY = dt.date(2026, 11, 28)  # reference date used to make some records stale

REGION_NAME = "Lac-Rivière demo region"
REGION_NAME_FR = "Région de démonstration Lac-Rivière"

# Counts the checker asserts.
MIN_SERVICES = 160
MIN_ORGS = 85
MIN_PER_TOP_CATEGORY = 8
N_INACTIVE = 4
N_DEFUNCT = 1


def uid(*parts):
    """Stable uuid5 from a readable name such as ('service', 'foodbank/hamper')."""
    return str(uuid.uuid5(NS, "/".join(str(p) for p in parts)))


# ---------------------------------------------------------------------------
# 1. Constants
# ---------------------------------------------------------------------------

# key: (name, province, latitude, longitude, forward sortation area, area code)
TOWNS = {
    "bel": ("Bellerive", "ON", 45.418, -75.585, "K4R", "613"),
    "pl": ("Port-Lavande", "ON", 45.472, -75.352, "K0A", "613"),
    "mf": ("Millbrook Falls", "ON", 45.291, -75.874, "K0G", "613"),
    "ch": ("Cedar Hollow", "ON", 45.332, -75.468, "K0C", "613"),
    "kb": ("Kestrel Bay", "ON", 45.392, -75.962, "K0A", "613"),
    "sa": ("Saint-Aubin-des-Pins", "QC", 45.608, -75.921, "J0X", "819"),
    "rc": ("Rivière-Claire", "QC", 45.566, -75.418, "J0V", "819"),
    "vh": ("Val-des-Hérons", "QC", 45.627, -75.662, "J8M", "819"),
}

STREETS = {
    "bel": ["King Street", "Montréal Road", "Main Street", "Victoria Street", "Riverside Drive",
            "Church Street", "Maple Avenue", "Station Road", "Elgin Street", "Queen Street"],
    "pl": ["Lakeshore Drive", "Harbour Street", "Lavender Lane", "Mill Road", "Front Street"],
    "mf": ["Falls Road", "Main Street", "Orchard Lane", "Bridge Street", "Concession 4"],
    "ch": ["Cedar Street", "Hollow Road", "Pine Crescent", "County Road 12"],
    "kb": ["Bay Road", "Kestrel Street", "Wharf Lane", "Hillcrest Avenue"],
    "sa": ["rue Principale", "rue de l'Église", "chemin des Pins", "rue Saint-Jacques", "avenue du Parc"],
    "rc": ["rue Notre-Dame", "boulevard de la Rivière", "rue des Érables", "rue Champlain", "chemin du Quai"],
    "vh": ["rue des Hérons", "chemin du Lac", "rue Dollard", "montée Laurin"],
}

LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic", "pa": "Punjabi",
    "cmn": "Mandarin", "yue": "Cantonese", "tl": "Tagalog", "uk": "Ukrainian",
    "so": "Somali", "ti": "Tigrinya", "fa": "Farsi (Persian)", "ur": "Urdu",
    "vi": "Vietnamese", "iu": "Inuktitut", "ase": "American Sign Language (ASL)",
    "fcs": "Quebec Sign Language (LSQ)", "hi": "Hindi", "pt": "Portuguese", "ru": "Russian",
    "sw": "Swahili", "ps": "Pashto", "ht": "Haitian Creole", "it": "Italian",
}

LANGUAGE_NAMES_FR = {
    "en": "anglais", "fr": "français", "es": "espagnol", "ar": "arabe", "pa": "pendjabi",
    "cmn": "mandarin", "yue": "cantonais", "tl": "tagalog", "uk": "ukrainien",
    "so": "somali", "ti": "tigrigna", "fa": "persan (farsi)", "ur": "ourdou",
    "vi": "vietnamien", "iu": "inuktitut", "ase": "langue des signes américaine (ASL)",
    "fcs": "langue des signes québécoise (LSQ)", "hi": "hindi", "pt": "portugais", "ru": "russe",
    "sw": "swahili", "ps": "pachto", "ht": "créole haïtien", "it": "italien",
}

# French names of the 183 distinct English Open Eligibility term names.
OE_FR = {
    "Emergency": "Urgence",
    "Disaster Response": "Intervention en cas de sinistre",
    "Emergency Cash": "Aide financière d'urgence",
    "Help Pay for Food": "Aide pour payer la nourriture",
    "Help Pay for Healthcare": "Aide pour payer les soins de santé",
    "Help Pay for Housing": "Aide pour payer le logement",
    "Help Pay for Gas": "Aide pour payer l'essence",
    "Help Pay for School": "Aide pour payer les études",
    "Help Pay for Utilities": "Aide pour payer l'électricité et le chauffage",
    "Emergency Food": "Dépannage alimentaire",
    "Emergency Shelter": "Hébergement d'urgence",
    "Help Find Missing Persons": "Recherche de personnes disparues",
    "Immediate Safety": "Sécurité immédiate",
    "Help Escape Violence": "Aide pour fuir la violence",
    "Safe Housing": "Hébergement sécuritaire",
    "Psychiatric Emergency Services": "Urgence psychiatrique",
    "Food": "Alimentation",
    "Community Gardens": "Jardins communautaires",
    "Food Delivery": "Livraison de nourriture",
    "Food Pantry": "Banque alimentaire",
    "Free Meals": "Repas gratuits",
    "Food Benefits": "Prestations alimentaires",
    "Nutrition": "Nutrition",
    "Housing": "Logement",
    "Help Find Housing": "Aide à la recherche de logement",
    "Home & Renters Insurance": "Assurance habitation et assurance locataire",
    "Housing Vouchers": "Supplément au loyer",
    "Maintenance & Repairs": "Entretien et réparations",
    "Housing Advice": "Conseils en logement",
    "Foreclosure Counseling": "Conseils en cas de reprise de finance",
    "Homebuyer Education": "Formation pour l'achat d'une maison",
    "Residential Housing": "Logement résidentiel",
    "Long-Term Housing": "Logement à long terme",
    "Assisted Living": "Résidence avec services",
    "Independent Living": "Vie autonome",
    "Nursing Home": "Foyer de soins de longue durée",
    "Public Housing": "Logement social",
    "Short-Term Housing": "Logement temporaire",
    "Sober Living": "Hébergement en sobriété",
    "Goods": "Biens matériels",
    "Baby Supplies": "Articles pour bébé",
    "Baby Clothes": "Vêtements pour bébé",
    "Diapers & Formula": "Couches et préparation pour nourrissons",
    "Clothing": "Vêtements",
    "Clothes for School": "Vêtements pour l'école",
    "Clothes for Work": "Vêtements de travail",
    "Clothing Vouchers": "Bons d'achat de vêtements",
    "Home Goods": "Articles ménagers",
    "Blankets & Fans": "Couvertures et ventilateurs",
    "Books": "Livres",
    "Furniture": "Meubles",
    "Personal Care Items": "Articles d'hygiène personnelle",
    "Supplies for Work": "Fournitures de travail",
    "Medical Supplies": "Fournitures médicales",
    "Assistive Technology": "Technologies d'assistance",
    "Toys & Gifts": "Jouets et cadeaux",
    "Transit": "Transport",
    "Help Pay for Transit": "Aide pour payer le transport en commun",
    "Bus Passes": "Laissez-passer d'autobus",
    "Transportation": "Services de transport",
    "Transportation for Healthcare": "Transport pour rendez-vous médicaux",
    "Transportation for School": "Transport scolaire",
    "Health": "Santé",
    "Addiction & Recovery": "Dépendances et rétablissement",
    "12-Step": "Programmes en 12 étapes",
    "Detox": "Désintoxication",
    "Outpatient Treatment": "Traitement en consultation externe",
    "Residential Treatment": "Traitement avec hébergement",
    "Dental Care": "Soins dentaires",
    "End-of-Life Care": "Soins de fin de vie",
    "Bereavement": "Deuil",
    "Burial & Funeral Help": "Aide aux frais funéraires",
    "Hospice": "Maison de soins palliatifs",
    "Pain Management": "Gestion de la douleur",
    "Health Education": "Éducation à la santé",
    "Daily Life Skills": "Habiletés de la vie quotidienne",
    "Disease Management": "Gestion des maladies chroniques",
    "Family Planning": "Planification familiale",
    "Parenting Education": "Compétences parentales",
    "Sex Education": "Éducation sexuelle",
    "Understand Disability": "Comprendre le handicap",
    "Understand Mental Health": "Comprendre la santé mentale",
    "Disability Benefits": "Prestations d'invalidité",
    "Discounted Healthcare": "Soins de santé à prix réduit",
    "Health Insurance": "Assurance maladie",
    "Prescription Assistance": "Aide pour les médicaments d'ordonnance",
    "Medical Care": "Soins médicaux",
    "Alternative Medicine": "Médecines douces",
    "Birth Control": "Contraception",
    "Checkup & Test": "Examens et tests",
    "Disability Screening": "Évaluation des incapacités",
    "Disease Screening": "Dépistage des maladies",
    "Hearing Tests": "Examens de l'audition",
    "Mental Health Evaluation": "Évaluation en santé mentale",
    "Pregnancy Tests": "Tests de grossesse",
    "Vision Tests": "Examens de la vue",
    "Maternity Care": "Soins de maternité",
    "Personal Hygiene": "Hygiène personnelle",
    "Prevent & Treat": "Prévention et traitement",
    "Counseling": "Counseling",
    "HIV Treatment": "Traitement du VIH",
    "Physical Therapy": "Physiothérapie",
    "Specialized Therapy": "Thérapies spécialisées",
    "Vaccinations": "Vaccination",
    "In-Home Support": "Soutien à domicile",
    "Primary Care": "Soins de première ligne",
    "Money": "Argent",
    "Financial Assistance": "Aide financière",
    "Help Pay for Childcare": "Aide pour payer la garde d'enfants",
    "Financial Aid & Loans": "Bourses et prêts d'études",
    "Help Pay for Work Expenses": "Aide pour les dépenses liées au travail",
    "Government Benefits": "Prestations gouvernementales",
    "Retirement Benefits": "Prestations de retraite",
    "Understand Government Programs": "Comprendre les programmes gouvernementaux",
    "Unemployment Benefits": "Prestations d'assurance-emploi",
    "Financial Education": "Éducation financière",
    "Credit Counseling": "Conseils en matière de crédit",
    "Savings Program": "Programme d'épargne",
    "Insurance": "Assurances",
    "Tax Preparation": "Préparation des déclarations de revenus",
    "Care": "Soins et soutien",
    "Adoption & Foster Care": "Adoption et familles d'accueil",
    "Adoption & Foster Placement": "Placement en adoption ou en famille d'accueil",
    "Adoption & Foster Parenting": "Parents adoptifs et familles d'accueil",
    "Adoption Planning": "Planification de l'adoption",
    "Post-Adoption Support": "Soutien après l'adoption",
    "Animal Welfare": "Bien-être animal",
    "Daytime Care": "Services de jour",
    "Adult Daycare": "Centre de jour pour adultes",
    "Afterschool Care": "Garde après l'école",
    "Childcare": "Garde d'enfants",
    "Help Find Childcare": "Aide pour trouver un service de garde",
    "Day Camp": "Camp de jour",
    "Preschool": "Prématernelle",
    "Recreation": "Loisirs",
    "Relief for Caregivers": "Répit pour les proches aidants",
    "Navigating the System": "Orientation dans les services",
    "Help Fill out Forms": "Aide pour remplir des formulaires",
    "Help Find School": "Aide pour trouver une école",
    "Help Find Work": "Aide à la recherche d'emploi",
    "Residential Care": "Hébergement avec soins",
    "Overnight Camp": "Camp de vacances",
    "Support Network": "Réseau de soutien",
    "Help Hotlines": "Lignes d'écoute et d'aide",
    "Home Visiting": "Visites à domicile",
    "Mentoring": "Mentorat",
    "One-on-One Support": "Soutien individuel",
    "Peer Support": "Soutien par les pairs",
    "Spiritual Support": "Soutien spirituel",
    "Support Groups": "Groupes d'entraide",
    "Virtual Support": "Soutien virtuel",
    "Education": "Éducation",
    "More Education": "Formation continue",
    "Alternative Education": "Éducation alternative",
    "Disaster Preparedness & Response": "Préparation et intervention en cas de sinistre",
    "English as a Second Language (ESL)": "Anglais langue seconde (ALS)",
    "Foreign Languages": "Langues étrangères",
    "GED/High-School Equivalency": "Équivalence d'études secondaires",
    "Nutrition Education": "Éducation en nutrition",
    "Supported Employment": "Emploi avec soutien",
    "Special Education": "Éducation spécialisée",
    "Tutoring": "Tutorat",
    "Screening & Exams": "Tests et examens",
    "Citizenship & Immigration": "Citoyenneté et immigration",
    "Skills & Training": "Compétences et formation",
    "Basic Literacy": "Alphabétisation",
    "Computer Class": "Cours d'informatique",
    "Interview Training": "Préparation aux entrevues",
    "Resume Development": "Rédaction de CV",
    "Skills Assessment": "Évaluation des compétences",
    "Specialized Training": "Formation spécialisée",
    "Work": "Emploi",
    "Job Placement": "Placement en emploi",
    "Workplace Rights": "Droits au travail",
    "Legal": "Services juridiques",
    "Advocacy & Legal Aid": "Défense des droits et aide juridique",
    "Discrimination & Civil Rights": "Discrimination et droits de la personne",
    "Guardianship": "Tutelle",
    "Identification Recovery": "Remplacement de pièces d'identité",
    "Mediation": "Médiation",
    "Notary": "Services de notaire",
    "Representation": "Représentation juridique",
    "Translation & Interpretation": "Traduction et interprétation",
}

TOP_CATEGORIES = ["Emergency", "Food", "Housing", "Goods", "Transit", "Health", "Money",
                  "Care", "Education", "Work", "Legal"]

# Reusable text patterns: key -> (English, French)
ELIG = {
    "all": ("Open to anyone in the region; no referral is needed.",
            "Ouvert à toute personne de la région; aucune recommandation n'est nécessaire."),
    "low": ("Individuals and families with low income who live in the region.",
            "Personnes et familles à faible revenu qui habitent la région."),
    "seniors": ("Adults aged 65 and over, and their caregivers.",
                "Personnes de 65 ans et plus et leurs proches aidants."),
    "seniors55": ("Adults aged 55 and over.", "Personnes de 55 ans et plus."),
    "newcomers": ("Permanent residents, protected persons, refugee claimants and other newcomers to Canada.",
                  "Résidents permanents, personnes protégées, demandeurs d'asile et autres personnes nouvellement arrivées au Canada."),
    "families": ("Parents and caregivers of children under 18.",
                 "Parents et personnes responsables d'enfants de moins de 18 ans."),
    "women": ("Women and gender-diverse people, with or without children.",
              "Femmes et personnes de diverses identités de genre, avec ou sans enfants."),
    "adults": ("Adults aged 18 and over.", "Adultes de 18 ans et plus."),
    "job": ("Unemployed or underemployed adults who are legally entitled to work in Canada.",
            "Adultes sans emploi ou sous-employés qui ont le droit de travailler au Canada."),
    "crisis": ("Anyone in distress, of any age. You do not need to be in crisis to reach out.",
               "Toute personne en détresse, peu importe son âge. Pas besoin d'être en crise pour demander de l'aide."),
    "homeless": ("Adults experiencing homelessness or at risk of losing their housing.",
                 "Adultes en situation d'itinérance ou à risque de perdre leur logement."),
    "disability": ("People living with a physical, intellectual or sensory disability.",
                   "Personnes vivant avec une incapacité physique, intellectuelle ou sensorielle."),
    "tenants": ("Tenants living in the region, including people in rooming houses and co-ops.",
                "Locataires de la région, y compris les personnes qui vivent en maison de chambres ou en coopérative."),
    "residents": ("Residents of the region with a valid health card, or without one.",
                  "Résidents de la région, avec ou sans carte santé valide."),
}

FEES = {
    "free": ("Free.", "Gratuit."),
    "donation": ("Free; donations are welcome but never expected.",
                 "Gratuit; les dons sont les bienvenus, mais jamais exigés."),
    "sliding": ("Sliding-scale fee based on household income; no one is refused for inability to pay.",
                "Tarif établi selon le revenu du ménage; personne n'est refusé faute de moyens."),
    "healthcard": ("Free with a valid provincial health card; people without coverage are also seen at no cost.",
                   "Gratuit avec une carte santé provinciale valide; les personnes sans couverture sont aussi reçues gratuitement."),
}

APPLY = {
    "walkin": ("Walk in during opening hours; no appointment is needed.",
               "Présentez-vous pendant les heures d'ouverture; aucun rendez-vous n'est nécessaire."),
    "call": ("Call to book an appointment.", "Téléphonez pour prendre rendez-vous."),
    "intake": ("Call the intake line. A worker does a short assessment by phone and books a first meeting.",
               "Appelez la ligne d'accueil. Un intervenant fait une courte évaluation au téléphone et fixe une première rencontre."),
    "referral": ("By referral from a doctor, nurse or social worker. People may also refer themselves by phone.",
                 "Sur recommandation d'un médecin, d'une infirmière ou d'un travailleur social. Il est aussi possible de s'inscrire soi-même par téléphone."),
    "online": ("Apply online or pick up a paper form at the front desk.",
               "Faites une demande en ligne ou procurez-vous un formulaire papier à l'accueil."),
    "anytime": ("Call or text at any time; no registration is needed.",
                "Appelez ou textez en tout temps; aucune inscription n'est nécessaire."),
    "register": ("Register by phone or in person before the session starts; spaces are limited.",
                 "Inscrivez-vous par téléphone ou en personne avant le début de la session; les places sont limitées."),
    "door": ("Come to the door or call ahead; staff check for available beds every evening.",
             "Présentez-vous à la porte ou appelez avant de venir; l'équipe vérifie les lits disponibles chaque soir."),
    "form": ("Fill out the application form with a staff member; bring the documents listed below.",
             "Remplissez le formulaire de demande avec un membre du personnel; apportez les documents indiqués ci-dessous."),
}

DAYS_WK = "MO,TU,WE,TH,FR"
DAYS_ALL = "MO,TU,WE,TH,FR,SA,SU"

# Hour patterns: key -> list of (byday, opens_at, closes_at)
HOURS = {
    "wk9_17": [(DAYS_WK, "09:00", "17:00")],
    "wk830_1630": [(DAYS_WK, "08:30", "16:30")],
    "wk10_16": [(DAYS_WK, "10:00", "16:00")],
    "wk8_20": [("MO,TU,WE,TH", "08:00", "20:00"), ("FR", "08:00", "16:00")],
    "split": [(DAYS_WK, "09:00", "12:00"), (DAYS_WK, "13:00", "16:30")],
    "split_tt": [("TU,TH", "09:30", "12:00"), ("TU,TH", "13:00", "15:30")],
    "evening": [("TU,TH", "18:00", "21:00")],
    "evening_mw": [("MO,WE", "18:30", "20:30")],
    "overnight": [(DAYS_ALL, "20:00", "08:00")],
    "overnight_wk": [("SU,MO,TU,WE,TH", "19:00", "07:00")],
    "247": [(DAYS_ALL, "00:00", "00:00")],
    "weekend": [("SA,SU", "10:00", "16:00")],
    "sat_am": [("SA", "09:00", "12:00")],
    "tue_thu": [("TU,TH", "10:00", "15:00")],
    "mwf": [("MO,WE,FR", "09:30", "15:30")],
    "lunch": [(DAYS_WK, "11:30", "13:00")],
    "supper_we": [("WE", "17:00", "18:30")],
    "supper_tf": [("TU,FR", "16:30", "18:30")],
    "breakfast": [(DAYS_WK, "07:30", "08:45")],
    "wed_pm": [("WE", "13:00", "16:00")],
    "thu_pm": [("TH", "13:00", "19:00")],
    "daycare": [(DAYS_WK, "07:00", "18:00")],
    "afterschool": [(DAYS_WK, "15:00", "18:00")],
    "daily_8_20": [(DAYS_ALL, "08:00", "20:00")],
    "daily_day": [(DAYS_ALL, "07:00", "19:00")],
    "wk_sat": [(DAYS_WK, "09:00", "17:00"), ("SA", "10:00", "14:00")],
    "mon_wed": [("MO,WE", "09:00", "16:00")],
    "fri": [("FR", "10:00", "14:00")],
    "tue_eve_sat": [("TU", "17:30", "20:30"), ("SA", "10:00", "13:00")],
    "garden": [("TU,TH", "17:00", "20:00"), ("SA", "08:00", "12:00")],
    "appt": [],      # no set hours: by appointment only
    "unknown": [],   # hours not currently known
}

NO_HOURS_NOTE = {
    "appt": ("There are no set opening hours: all services are by appointment.",
             "Il n'y a pas d'heures d'ouverture fixes : tous les services sont offerts sur rendez-vous."),
    "unknown": ("Opening hours are not currently confirmed; please call before you go.",
                "Les heures d'ouverture ne sont pas confirmées pour le moment; téléphonez avant de vous déplacer."),
}

ACCESSIBILITY = [
    ("Wheelchair accessible entrance", "Entrée accessible en fauteuil roulant",
     "Automatic door at street level.", "Porte automatique au niveau de la rue."),
    ("Accessible washroom", "Toilettes accessibles",
     "Universal washroom on the main floor.", "Toilettes universelles au rez-de-chaussée."),
    ("Elevator to all floors", "Ascenseur à tous les étages",
     "Elevator beside the main entrance.", "Ascenseur à côté de l'entrée principale."),
    ("Hearing loop at reception", "Boucle magnétique à l'accueil",
     "Ask staff to switch it on.", "Demandez au personnel de l'activer."),
    ("Accessible parking", "Stationnement accessible",
     "Two reserved spaces next to the door.", "Deux places réservées près de la porte."),
    ("Step-free access", "Accès sans marche",
     "Ramp at the side entrance.", "Rampe à l'entrée latérale."),
    ("Service animals welcome", "Animaux d'assistance bienvenus", "", ""),
    ("Large-print and plain-language materials", "Documents en gros caractères et en langage clair",
     "Available on request.", "Offerts sur demande."),
]

# Shared sites: key -> (town, (name_en, name_fr), (description_en, description_fr))
# Services of several organizations are offered at these places.
SITES = {
    "hub-bel": ("bel", ("Bellerive Community Hub", "Carrefour communautaire de Bellerive"),
                ("A multi-service community centre shared by several agencies.",
                 "Centre communautaire multiservice partagé par plusieurs organismes.")),
    "lib-bel": ("bel", ("Bellerive Public Library – Central Branch", "Bibliothèque publique de Bellerive – succursale centrale"),
                ("Public library with meeting rooms, computers and free Wi-Fi.",
                 "Bibliothèque publique avec salles de réunion, ordinateurs et Wi-Fi gratuit.")),
    "church-bel": ("bel", ("St. Andrew's Church Hall", "Salle paroissiale St. Andrew's"),
                   ("Church basement hall used for community meals and clinics.",
                    "Salle au sous-sol de l'église utilisée pour des repas communautaires et des cliniques.")),
    "cc-pl": ("pl", ("Port-Lavande Community Centre", "Centre communautaire de Port-Lavande"),
              ("Municipal community centre next to the arena.",
               "Centre communautaire municipal à côté de l'aréna.")),
    "legion-pl": ("pl", ("Port-Lavande Legion Hall", "Salle de la Légion de Port-Lavande"),
                  ("Hall rented for community programs.", "Salle louée pour des programmes communautaires.")),
    "cc-mf": ("mf", ("Millbrook Falls Township Hall", "Salle municipale de Millbrook Falls"),
              ("Township hall with a large meeting room and kitchen.",
               "Salle municipale avec une grande salle de réunion et une cuisine.")),
    "school-mf": ("mf", ("Millbrook Falls District High School", "École secondaire de district de Millbrook Falls"),
                  ("Secondary school; community programs use the side entrance after hours.",
                   "École secondaire; après les heures de classe, les programmes communautaires utilisent l'entrée latérale.")),
    "cc-ch": ("ch", ("Cedar Hollow Recreation Centre", "Centre récréatif de Cedar Hollow"),
              ("Recreation centre with gym and meeting rooms.",
               "Centre récréatif avec gymnase et salles de réunion.")),
    "cc-kb": ("kb", ("Kestrel Bay Community Hall", "Salle communautaire de Kestrel Bay"),
              ("Small community hall near the marina.", "Petite salle communautaire près de la marina.")),
    "cc-sa": ("sa", ("Centre communautaire de Saint-Aubin", "Centre communautaire de Saint-Aubin"),
              ("Community centre in the former convent on the main street.",
               "Centre communautaire installé dans l'ancien couvent de la rue Principale.")),
    "sous-sol-sa": ("sa", ("Sous-sol de l'église Saint-Aubin", "Sous-sol de l'église Saint-Aubin"),
                    ("Parish basement used by local groups.", "Sous-sol paroissial utilisé par les groupes du milieu.")),
    "cc-rc": ("rc", ("Maison de la culture de Rivière-Claire", "Maison de la culture de Rivière-Claire"),
              ("Cultural centre with a library corner and meeting rooms.",
               "Centre culturel avec un coin bibliothèque et des salles de réunion.")),
    "ecole-rc": ("rc", ("École secondaire des Rapides", "École secondaire des Rapides"),
                 ("Secondary school; evening programs use door 3.",
                  "École secondaire; les programmes du soir utilisent la porte 3.")),
    "cc-vh": ("vh", ("Centre multiservice de Val-des-Hérons", "Centre multiservice de Val-des-Hérons"),
              ("Municipal building with community offices and a clinic room.",
               "Édifice municipal avec des bureaux communautaires et une salle de consultation.")),
    "mall-bel": ("bel", ("Riverside Plaza, Unit 14", "Place Riverside, local 14"),
                 ("Storefront office in a small shopping plaza.",
                  "Bureau avec vitrine dans un petit centre commercial.")),
}

# Phone-only services use these virtual locations (no address, no coordinates).
VIRTUAL_SITES = {
    "v-distress": (("Lac-Rivière Distress Line (phone and text)", "Ligne d'écoute Lac-Rivière (téléphone et texto)"),
                   ("Phone and text line; there is no walk-in office.",
                    "Ligne téléphonique et texto; il n'y a pas de bureau où se présenter."),
                   "https://distress.example.org/"),
    "v-info": (("Info Lac-Rivière phone line", "Ligne téléphonique Info Lac-Rivière"),
               ("Information and referral by phone, text and chat.",
                "Information et orientation par téléphone, texto et clavardage."),
               "https://info-lacriviere.example.org/"),
}


# ---------------------------------------------------------------------------
# 2. Data tables
# ---------------------------------------------------------------------------

def S(key, name, desc, terms, elig="all", fees="free", apply="walkin", hours="wk9_17",
      langs="", **kw):
    """One service. name/desc are (English, French); elig/fees/apply are keys of
    ELIG/FEES/APPLY or (English, French) pairs; terms are Open Eligibility codes;
    langs lists extra languages (English and French are added unless
    only_langs is given)."""
    d = dict(key=key, name=name, desc=desc, terms=terms, elig=elig, fees=fees,
             apply=apply, hours=hours, langs=langs)
    d.update(kw)
    return d


def O(key, town, name, desc, services, **kw):  # noqa: E743 - one letter like S(), so ORGS reads as a table
    """One organization with its services; its main location is in `town`."""
    d = dict(key=key, town=town, name=name, desc=desc, services=services)
    d.update(kw)
    return d


ORGS = [
    # ---------------- Food ----------------
    O("bel-foodbank", "bel", ("Bellerive Community Food Bank", "Banque alimentaire communautaire de Bellerive"),
      ("Volunteer-run food bank that has served Bellerive households since 1986. It also runs a baby pantry and a weekly fresh produce table.",
       "Banque alimentaire gérée par des bénévoles qui dessert les ménages de Bellerive depuis 1986. Elle offre aussi un comptoir pour bébés et un étal de fruits et légumes frais chaque semaine."),
      [S("hamper", ("Emergency Food Hampers", "Paniers de dépannage alimentaire"),
         ("Households can pick up a hamper of groceries once a month, with extra emergency visits when needed. Hampers include fresh produce, dairy, bread and shelf-stable staples. Halal, kosher-style and vegetarian options are available.",
          "Les ménages peuvent recevoir un panier d'épicerie une fois par mois, avec des visites d'urgence supplémentaires au besoin. Les paniers comprennent des fruits et légumes frais, des produits laitiers, du pain et des denrées non périssables. Des options halal, de style casher et végétariennes sont offertes."),
         ["102-04", "101-03", "102-02"], elig="low", apply="form", hours="split", langs="ar,es,so",
         docs=[("Photo ID for the adult registering", "Pièce d'identité avec photo de l'adulte qui s'inscrit"),
               ("Proof of address, such as a lease or a bill", "Preuve d'adresse, comme un bail ou une facture")],
         areas=["bel", "ch"], phone="own", at=["mall-bel"], hours_at={"mall-bel": "tue_eve_sat"}),
       S("baby-pantry", ("Baby Pantry", "Comptoir pour bébés"),
         ("Parents of babies up to 24 months can get diapers, wipes and infant formula twice a month. Gently used baby clothes in sizes newborn to 24 months are also available.",
          "Les parents de bébés de 24 mois et moins peuvent obtenir des couches, des lingettes et de la préparation pour nourrissons deux fois par mois. Des vêtements pour bébé en bon état, du nouveau-né à 24 mois, sont aussi offerts."),
         ["104-01-02", "104-01-01"], elig=("Parents and caregivers of babies up to 24 months old.", "Parents et personnes responsables de bébés de 24 mois et moins."),
         apply="walkin", hours="wed_pm", langs="ar,es", ages=(0, 2),
         docs=[("Health card or birth record for the baby", "Carte santé ou acte de naissance du bébé")]),
       S("produce", ("Fresh Produce Table", "Étal de fruits et légumes frais"),
         ("Free fresh fruit and vegetables rescued from local grocers and farms, offered on Thursday afternoons. No registration is needed and everyone is welcome.",
          "Fruits et légumes frais récupérés auprès d'épiciers et de fermes de la région, offerts gratuitement le jeudi après-midi. Aucune inscription n'est nécessaire et tout le monde est bienvenu."),
         ["102-02", "102-07"], hours="thu_pm"),
       ], year=1986, program=(("Bellerive Food Security Program", "Programme de sécurité alimentaire de Bellerive"),
                               ("Groups the food bank's hamper, baby pantry and produce services under one intake.",
                                "Regroupe les paniers, le comptoir pour bébés et l'étal de fruits et légumes de la banque alimentaire sous un seul accueil."),
                               ["hamper", "baby-pantry", "produce"]),
      funding=[("Individual donors and local businesses", "Donateurs individuels et entreprises locales")]),

    O("sa-depannage", "sa", ("Dépannage alimentaire de Saint-Aubin", "Dépannage alimentaire de Saint-Aubin"),
      ("Community food assistance organization serving Saint-Aubin-des-Pins and nearby rural areas. It also runs collective kitchens.",
       "Organisme communautaire d'aide alimentaire qui dessert Saint-Aubin-des-Pins et les secteurs ruraux voisins. Il anime aussi des cuisines collectives."),
      [S("depannage", ("Food Assistance (Dépannage alimentaire)", "Dépannage alimentaire"),
         ("Weekly grocery assistance for households with low income. Families choose their own items in a small market-style room. Home delivery can be arranged for people without transportation.",
          "Aide alimentaire hebdomadaire pour les ménages à faible revenu. Les familles choisissent elles-mêmes leurs aliments dans un petit local aménagé comme un marché. La livraison à domicile est possible pour les personnes sans moyen de transport."),
         ["102-04", "102-03"], elig="low", apply="form", hours="split_tt", only_langs="fr,en",
         docs=[("Proof of income (pay stub, benefit statement or tax notice)", "Preuve de revenu (talon de paie, relevé de prestations ou avis de cotisation)")],
         areas=["sa", "vh"]),
       S("cuisines", ("Collective Kitchens", "Cuisines collectives"),
         ("Small groups meet to plan, cook and share the cost of four or five meals to bring home. It is a friendly way to stretch the grocery budget and learn new recipes.",
          "De petits groupes se réunissent pour planifier, cuisiner et partager le coût de quatre ou cinq repas à rapporter à la maison. C'est une façon conviviale d'étirer le budget d'épicerie et d'apprendre de nouvelles recettes."),
         ["102-07", "109-03-07-03"], fees=(("About $2 per portion, paid as a group.", "Environ 2 $ par portion, payé en groupe."), 2),
         apply="register", hours="mon_wed", only_langs="fr,en", at=["sous-sol-sa"]),
       ], year=1991, alt=("Dépannage Saint-Aubin", "Dépannage Saint-Aubin")),

    O("pl-kitchen", "pl", ("Port-Lavande Community Kitchen", "Cuisine communautaire de Port-Lavande"),
      ("A community kitchen and dining room run by volunteers and two part-time cooks. Everyone eats together, no questions asked.",
       "Cuisine et salle à manger communautaires animées par des bénévoles et deux cuisiniers à temps partiel. Tout le monde mange ensemble, sans poser de questions."),
      [S("supper", ("Community Supper", "Souper communautaire"),
         ("A hot, home-style supper served twice a week in the Legion hall. Take-away containers are available for people who cannot stay.",
          "Un souper chaud, comme à la maison, servi deux fois par semaine à la salle de la Légion. Des contenants pour emporter sont offerts aux personnes qui ne peuvent pas rester."),
         ["102-05"], hours="supper_tf", langs="", at=["legion-pl"]),
       S("breakfast-club", ("Breakfast Club for Kids", "Club des petits déjeuners"),
         ("A free, nutritious breakfast for school-age children before classes, with a quiet space to finish homework. Parents are welcome to drop in with their children.",
          "Un déjeuner nutritif et gratuit pour les enfants d'âge scolaire avant les cours, avec un coin tranquille pour terminer les devoirs. Les parents sont les bienvenus avec leurs enfants."),
         ["102-05", "102-07"], elig=("Children aged 5 to 12 attending Port-Lavande schools.", "Enfants de 5 à 12 ans qui fréquentent une école de Port-Lavande."),
         hours="breakfast", ages=(5, 12)),
       ], year=2004),

    O("mf-harvest", "mf", ("Harvest Table Millbrook Falls", "La Table des récoltes de Millbrook Falls"),
      ("Rural food security charity offering lunches and frozen meals across Millbrook Falls Township.",
       "Organisme de bienfaisance en sécurité alimentaire rurale qui offre des dîners et des repas surgelés dans tout le canton de Millbrook Falls."),
      [S("lunch", ("Weekday Community Lunch", "Dîner communautaire en semaine"),
         ("Soup, sandwiches and a hot main course every weekday at noon. The lunch is also a chance to meet neighbours and check the community board.",
          "Soupe, sandwichs et plat chaud tous les midis de semaine. Le dîner est aussi l'occasion de rencontrer des voisins et de consulter le babillard communautaire."),
         ["102-05"], hours="lunch"),
       S("frozen", ("Frozen Meals at Cost", "Repas surgelés à prix coûtant"),
         ("Nutritious frozen meals prepared in a certified kitchen and sold at cost. Low-sodium and diabetic-friendly choices are marked.",
          "Repas surgelés nutritifs préparés dans une cuisine certifiée et vendus à prix coûtant. Les choix faibles en sodium et adaptés au diabète sont indiqués."),
         ["102-07", "102-03"], fees=(("$4.50 per meal; vouchers are available for people who cannot pay.", "4,50 $ par repas; des bons sont offerts aux personnes qui ne peuvent pas payer."), 4.5),
         apply="call", hours="mwf", at=["cc-mf"]),
       ], year=2012),

    O("mow", "bel", ("Meals on Wheels Lac-Rivière", "Popote roulante Lac-Rivière"),
      ("Bilingual non-profit that delivers hot and frozen meals to seniors and people recovering from illness across the region.",
       "Organisme sans but lucratif bilingue qui livre des repas chauds et surgelés aux aînés et aux personnes en convalescence dans toute la région."),
      [S("delivery", ("Hot Meal Delivery", "Livraison de repas chauds"),
         ("Volunteers deliver a hot lunch at noon and check on the person at the door. A friendly visit is often the only one of the day, and drivers report concerns to the office.",
          "Des bénévoles livrent un dîner chaud le midi et s'assurent que la personne va bien. Cette visite amicale est souvent la seule de la journée, et les livreurs signalent toute inquiétude au bureau."),
         ["102-03", "108-07-03"], elig="seniors", fees=(("$7 per meal; subsidies are available.", "7 $ par repas; des subventions sont offertes."), 7),
         apply="intake", hours="wk10_16", ages=(65, None), areas=["bel", "pl", "ch", "rc", "vh"], phone="own"),
       ], year=1978, alt=("Meals on Wheels", "Popote roulante")),

    O("rc-jardins", "rc", ("Jardins collectifs de Rivière-Claire", "Jardins collectifs de Rivière-Claire"),
      ("Citizen group managing community and collective gardens in Rivière-Claire.",
       "Regroupement citoyen qui gère les jardins communautaires et collectifs de Rivière-Claire."),
      [S("plots", ("Community Garden Plots", "Jardinets communautaires"),
         ("Rent a raised-bed plot for the growing season, May to October. Tools, water and compost are shared, and experienced gardeners lead monthly workshops.",
          "Louez un bac surélevé pour la saison, de mai à octobre. Les outils, l'eau et le compost sont partagés, et des jardiniers d'expérience animent des ateliers chaque mois."),
         ["102-01"], fees=(("$25 per season; fee waived on request.", "25 $ par saison; frais annulés sur demande."), 25),
         apply="register", hours="garden", only_langs="fr,en,es"),
       S("newcomer-garden", ("Newcomer Collective Garden", "Jardin collectif des nouveaux arrivants"),
         ("A shared garden where newcomer families grow vegetables together and split the harvest. Seeds for vegetables from many countries are available.",
          "Un jardin partagé où des familles nouvellement arrivées cultivent des légumes ensemble et se partagent la récolte. Des semences de légumes de nombreux pays sont offertes."),
         ["102-01", "102-07"], elig="newcomers", apply="register", hours="garden", langs="es,ar,uk", status="inactive",
         alert=("The collective garden is paused for the winter and reopens in May.", "Le jardin collectif est en pause pour l'hiver et rouvrira en mai.")),
       ], year=2009),

    O("ch-market", "ch", ("Cedar Hollow Good Food Market", "Marché Bonne bouffe de Cedar Hollow"),
      ("Social enterprise selling fresh produce at low prices and teaching food skills.",
       "Entreprise d'économie sociale qui vend des fruits et légumes frais à bas prix et enseigne des compétences culinaires."),
      [S("mobile-market", ("Mobile Good Food Market", "Marché mobile Bonne bouffe"),
         ("A travelling market that sells fresh fruit and vegetables at wholesale prices in rural villages. Payment by cash, debit or market vouchers.",
          "Un marché ambulant qui vend des fruits et légumes frais au prix de gros dans les villages ruraux. Paiement en argent comptant, par carte de débit ou avec des bons du marché."),
         ["102-06", "102-07"], fees=(("Produce is sold at wholesale price.", "Les produits sont vendus au prix de gros."), None),
         hours="sat_am", at=["cc-kb", "cc-mf"], hours_at={"cc-kb": "fri"}),
       S("food-skills", ("Food Skills Workshops", "Ateliers de cuisine santé"),
         ("Hands-on cooking classes on budget meals, batch cooking and reading food labels. Each participant takes home a bag of ingredients.",
          "Ateliers de cuisine pratiques sur les repas économiques, la cuisine en grande quantité et la lecture des étiquettes. Chaque participant repart avec un sac d'ingrédients."),
         ["106-04-04", "109-03-07-03"], apply="register", hours="evening_mw"),
       ], year=2015),

    O("bel-student-nutrition", "bel", ("Bellerive Student Nutrition Network", "Réseau de nutrition scolaire de Bellerive"),
      ("Coordinates breakfast and snack programs in 14 schools.", "Coordonne les programmes de déjeuners et de collations dans 14 écoles."),
      [S("school-breakfast", ("School Breakfast and Snack Program", "Programme de déjeuners et de collations à l'école"),
         ("Free breakfast and morning snacks in participating elementary and secondary schools, open to every student. Ask the school office which days it runs.",
          "Déjeuners et collations du matin gratuits dans les écoles primaires et secondaires participantes, ouverts à tous les élèves. Renseignez-vous au secrétariat de l'école pour connaître les jours."),
         ["102-05"], elig=("Students aged 4 to 18 in participating schools.", "Élèves de 4 à 18 ans des écoles participantes."),
         hours="breakfast", ages=(4, 18)),
       ], year=2001),

    # ---------------- Emergency, shelter, crisis ----------------
    O("harbourlight", "bel", ("Harbourlight Shelter and Drop-In", "Refuge et halte-accueil Harbourlight"),
      ("Emergency shelter and day centre for adults experiencing homelessness in Bellerive.",
       "Refuge d'urgence et centre de jour pour les adultes en situation d'itinérance à Bellerive."),
      [S("shelter", ("Overnight Emergency Shelter", "Hébergement d'urgence de nuit"),
         ("Forty low-barrier beds for adults, with an evening meal, showers and breakfast. Partners and pets are welcome in the family wing when space allows.",
          "Quarante lits à bas seuil pour adultes, avec souper, douches et déjeuner. Les couples et les animaux sont acceptés dans l'aile familiale quand il y a de la place."),
         ["101-04", "103-01"], elig="homeless", apply="door", hours="overnight", langs="ar,so", ages=(18, None),
         phone="own", alert=("Extreme cold alert: overflow cots open when the temperature drops below -15 °C.",
                             "Alerte de froid extrême : des lits d'appoint sont ouverts lorsque la température descend sous -15 °C.")),
       S("dropin", ("Day Drop-In Centre", "Halte-accueil de jour"),
         ("A warm place during the day with coffee, laundry, showers, phone and mail service. Outreach workers can help with ID, benefits and housing applications.",
          "Un endroit chaleureux pendant la journée avec café, lessive, douches, téléphone et service de courrier. Des intervenants de proximité aident à obtenir des pièces d'identité, des prestations et un logement."),
         ["106-06-06", "104-03-04", "108-05-01"], elig="homeless", hours="daily_day"),
       S("housing-first", ("Housing First Team", "Équipe Logement d'abord"),
         ("Case managers help people who have been homeless for a long time find an apartment and keep it. Support continues after the move, with home visits and help with landlords.",
          "Des gestionnaires de cas aident les personnes en situation d'itinérance depuis longtemps à trouver un appartement et à le garder. Le soutien se poursuit après le déménagement, avec des visites à domicile et de l'aide auprès des propriétaires."),
         ["103-02", "108-07-06"], elig="homeless", apply="referral", hours="wk830_1630",
         wait=("Waitlist of about three months.", "Liste d'attente d'environ trois mois.")),
       ], year=1993, fax=True, funding=[("Municipal homelessness grant, City of Bellerive", "Subvention municipale en itinérance, Ville de Bellerive")]),

    O("helene-dubois", "sa", ("Maison Hélène-Dubois", "Maison Hélène-Dubois"),
      ("Shelter and support centre for women and children leaving violence. The address is confidential; call first.",
       "Maison d'hébergement et centre de soutien pour les femmes et les enfants qui fuient la violence. L'adresse est confidentielle; téléphonez d'abord."),
      [S("shelter", ("Emergency Shelter for Women and Children", "Hébergement d'urgence pour femmes et enfants"),
         ("A safe, confidential house for women and their children fleeing violence, open day and night. Stays include safety planning, counselling and help with legal and housing steps.",
          "Une maison sécuritaire et confidentielle pour les femmes et leurs enfants qui fuient la violence, ouverte jour et nuit. Le séjour comprend un plan de sécurité, du soutien psychologique et de l'aide pour les démarches juridiques et de logement."),
         ["101-06-01", "101-06-02", "103-05-03"], elig="women", apply="anytime", hours="247", langs="es,ar", phone="own"),
       S("crisis-line", ("24-Hour Support Line for Women", "Ligne de soutien 24 heures pour les femmes"),
         ("Trained workers answer calls and texts at any hour about abuse, safety and options. You can stay anonymous.",
          "Des intervenantes formées répondent aux appels et aux textos à toute heure au sujet de la violence, de la sécurité et des options possibles. Vous pouvez rester anonyme."),
         ["108-07-02", "101-06"], elig="women", apply="anytime", hours="247", phone="text", virtual="v-distress"),
       S("outreach", ("Outreach Counselling", "Soutien psychosocial externe"),
         ("Individual counselling and support groups for women who have left, or are thinking of leaving, an abusive relationship. Meetings can take place in a safe public place.",
          "Rencontres individuelles et groupes de soutien pour les femmes qui ont quitté une relation violente ou qui pensent le faire. Les rencontres peuvent avoir lieu dans un lieu public sécuritaire."),
         ["108-07-01", "108-07-09"], elig="women", apply="call", hours="wk9_17", at=["cc-vh"]),
       ], year=1984),

    O("the-landing", "pl", ("The Landing Youth Shelter", "Le Quai – refuge jeunesse"),
      ("Shelter and drop-in for youth aged 16 to 24 in Port-Lavande.",
       "Refuge et halte-accueil pour les jeunes de 16 à 24 ans à Port-Lavande."),
      [S("youth-shelter", ("Youth Emergency Shelter", "Hébergement d'urgence jeunesse"),
         ("Twelve short-term beds for youth aged 16 to 24, with meals, life-skills coaching and help going back to school or work. Youth can stay up to 90 days.",
          "Douze lits de courte durée pour les jeunes de 16 à 24 ans, avec repas, accompagnement dans les habiletés de vie et aide au retour aux études ou au travail. Les jeunes peuvent rester jusqu'à 90 jours."),
         ["103-05-04", "101-04", "106-04-01"], elig=("Youth aged 16 to 24 without a safe place to stay.", "Jeunes de 16 à 24 ans sans endroit sécuritaire où dormir."),
         apply="door", hours="247", ages=(16, 24), phone="text"),
       S("youth-dropin", ("Youth Drop-In", "Halte-accueil jeunesse"),
         ("Snacks, showers, laundry, computers and a youth worker to talk to after school. Every Thursday a nurse from the health centre is on site.",
          "Collations, douches, lessive, ordinateurs et un intervenant jeunesse à qui parler après l'école. Chaque jeudi, une infirmière du centre de santé est sur place."),
         ["108-07-06", "106-06-06"], elig=("Youth aged 13 to 24.", "Jeunes de 13 à 24 ans."), hours="afterschool", ages=(13, 24)),
       ], year=2006),

    O("distress-centre", "bel", ("Lac-Rivière Distress Centre", "Centre de détresse Lac-Rivière"),
      ("Bilingual crisis and emotional support line staffed by trained volunteers. Not a substitute for emergency services.",
       "Ligne bilingue d'intervention de crise et de soutien émotionnel assurée par des bénévoles formés. Elle ne remplace pas les services d'urgence."),
      [S("crisis-line", ("24/7 Crisis and Support Line", "Ligne de crise et de soutien 24/7"),
         ("Talk to a trained volunteer any time of day or night about anything that is troubling you, including thoughts of suicide. Calls are confidential and free.",
          "Parlez à un bénévole formé à toute heure du jour ou de la nuit de tout ce qui vous préoccupe, y compris des idées suicidaires. Les appels sont confidentiels et gratuits."),
         ["108-07-02", "101-07"], elig="crisis", apply="anytime", hours="247", phone="tty", virtual="v-distress",
         langs="iu",
         interp=("Interpretation in more than 100 languages through a telephone interpreter.", "Interprétation dans plus de 100 langues grâce à un interprète au téléphone.")),
       S("textline", ("Text and Chat Support", "Soutien par texto et clavardage"),
         ("Text or chat with a volunteer if talking on the phone is hard. Conversations are confidential and usually answered within a few minutes.",
          "Écrivez à un bénévole par texto ou par clavardage si parler au téléphone est difficile. Les conversations sont confidentielles et on vous répond habituellement en quelques minutes."),
         ["108-07-10", "108-07-02"], elig="crisis", apply="anytime", hours="evening", phone="text", virtual="v-distress",
         hours_override=[("MO,TU,WE,TH,FR,SA,SU", "16:00", "00:00")]),
       S("bereaved-suicide", ("Support Group for People Bereaved by Suicide", "Groupe de soutien pour les personnes endeuillées par suicide"),
         ("An eight-week group for adults who have lost someone to suicide, led by a trained facilitator and a peer volunteer. Groups start in September and February.",
          "Un groupe de huit semaines pour les adultes qui ont perdu un proche par suicide, animé par une personne formée et un bénévole pair. Les groupes commencent en septembre et en février."),
         ["108-07-09-02", "106-03-01"], elig="adults", apply="register", hours="evening_mw", ages=(18, None), at=["hub-bel"]),
       ], year=1971, no_main_location=True),

    O("disaster-volunteers", "ch", ("Lac-Rivière Disaster Relief Volunteers", "Bénévoles en sinistres Lac-Rivière"),
      ("Trained volunteers who support people affected by fires, floods and other emergencies.",
       "Bénévoles formés qui viennent en aide aux personnes touchées par des incendies, des inondations et d'autres situations d'urgence."),
      [S("disaster-response", ("Emergency Response After Fires and Floods", "Intervention d'urgence après un incendie ou une inondation"),
         ("Volunteers meet families at the scene of a house fire or flood to arrange emergency lodging, food, clothing and personal items for the first 72 hours.",
          "Des bénévoles rejoignent les familles sur les lieux d'un incendie ou d'une inondation pour organiser l'hébergement, la nourriture, les vêtements et les articles personnels des 72 premières heures."),
         ["101-01", "101-04", "104-03-04"], elig=("Households affected by a fire, flood or other disaster in the region.", "Ménages touchés par un incendie, une inondation ou un autre sinistre dans la région."),
         apply=("Call the emergency line; firefighters and police can also call on your behalf.", "Appelez la ligne d'urgence; les pompiers et la police peuvent aussi appeler pour vous."),
         hours="247", phone="own", areas=["bel", "pl", "mf", "ch", "kb", "sa", "rc", "vh"]),
       S("prepared", ("Emergency Preparedness Workshops", "Ateliers de préparation aux situations d'urgence"),
         ("Free one-hour sessions on making a 72-hour kit, a family emergency plan and preparing for spring flooding. Sessions can be booked for community groups.",
          "Séances gratuites d'une heure pour préparer une trousse de 72 heures, un plan familial d'urgence et se préparer aux crues printanières. Des séances peuvent être réservées pour des groupes communautaires."),
         ["109-03-02"], apply="register", hours="appt"),
       ], year=1999),

    O("sar", "kb", ("Kestrel Bay Ground Search and Rescue", "Recherche et sauvetage terrestre de Kestrel Bay"),
      ("Volunteer search and rescue team that assists police in searches for missing people.",
       "Équipe bénévole de recherche et sauvetage qui appuie la police dans les recherches de personnes disparues."),
      [S("lost-person", ("Lost Person Search Support", "Soutien aux recherches de personnes disparues"),
         ("Trained volunteers help police search for missing people, including children and older adults with dementia. The team also offers a free registry for people who tend to wander.",
          "Des bénévoles formés aident la police à rechercher les personnes disparues, y compris des enfants et des aînés atteints de démence. L'équipe offre aussi un registre gratuit pour les personnes qui risquent de s'égarer."),
         ["101-05"], apply=("Report a missing person to the police first; families can call the team to join the wandering registry.",
                             "Signalez d'abord la disparition à la police; les familles peuvent appeler l'équipe pour s'inscrire au registre des personnes à risque de s'égarer."),
         hours="appt", only_langs="en",
         hours_note=("The team is called out when needed; there are no public opening hours.",
                     "L'équipe intervient au besoin; il n'y a pas d'heures d'ouverture au public.")),
       ], year=2003),

    O("st-brigid", "bel", ("St. Brigid's Outreach", "Entraide Sainte-Brigitte"),
      ("Parish-based outreach that helps people of all faiths and none with emergency needs.",
       "Œuvre d'entraide paroissiale qui aide les personnes de toutes les confessions, ou sans confession, à répondre à des besoins urgents."),
      [S("utility-help", ("Emergency Help with Utility Bills", "Aide d'urgence pour les factures d'électricité et de chauffage"),
         ("One-time help with an overdue hydro, heating or water bill when a disconnection notice has been received. A volunteer visits or calls to discuss the situation.",
          "Aide ponctuelle pour une facture d'électricité, de chauffage ou d'eau en souffrance, lorsqu'un avis de débranchement a été reçu. Un bénévole vous visite ou vous appelle pour discuter de la situation."),
         ["101-02-06", "103-03-02"], elig="low", apply="call", hours="mon_wed",
         docs=[("The disconnection notice or overdue bill", "L'avis de débranchement ou la facture en souffrance")]),
       S("gas-cards", ("Gas Cards for Medical Trips", "Cartes d'essence pour rendez-vous médicaux"),
         ("Prepaid gas cards for rural residents who must drive to out-of-town medical appointments and cannot afford the fuel.",
          "Cartes d'essence prépayées pour les résidents ruraux qui doivent se rendre en voiture à des rendez-vous médicaux à l'extérieur et qui n'ont pas les moyens de payer l'essence."),
         ["105-01-02", "101-02-04", "106-05-07"], elig="low", apply="call", hours="mon_wed",
         docs=[("Appointment letter or card", "Lettre ou carte de rendez-vous")]),
       S("christmas-hamper", ("Holiday Hamper and Toy Drive", "Paniers et jouets des Fêtes"),
         ("Families register in November to receive a holiday food hamper and new toys for each child. Teens receive a gift card.",
          "Les familles s'inscrivent en novembre pour recevoir un panier de Noël et des jouets neufs pour chaque enfant. Les adolescents reçoivent une carte-cadeau."),
         ["104-06", "102-02"], elig="families", apply="register", hours="sat_am",
         alert=("Registration for this year is full.", "Les inscriptions pour cette année sont complètes.")),
       ], year=1958),

    # ---------------- Housing ----------------
    O("housing-help", "bel", ("Lac-Rivière Housing Help Centre", "Centre d'aide au logement Lac-Rivière"),
      ("Helps tenants find and keep affordable housing, and runs the regional rent bank.",
       "Aide les locataires à trouver et à garder un logement abordable, et gère la banque d'aide au loyer régionale."),
      [S("rent-bank", ("Rent Bank", "Banque d'aide au loyer"),
         ("Interest-free loans or grants to cover up to two months of rent arrears and prevent an eviction. A housing worker also helps negotiate with the landlord.",
          "Prêts sans intérêt ou subventions pour couvrir jusqu'à deux mois d'arriérés de loyer et éviter une expulsion. Un intervenant en logement aide aussi à négocier avec le propriétaire."),
         ["103-03", "101-02-03", "107-02-04"], elig="tenants", apply="form", hours="wk9_17", langs="ar,es",
         docs=[("Copy of your lease", "Copie de votre bail"), ("Notice from the landlord or tribunal", "Avis du propriétaire ou du tribunal"),
               ("Proof of household income", "Preuve de revenu du ménage")], phone="own"),
       S("housing-search", ("Housing Search Help", "Aide à la recherche de logement"),
         ("One-on-one help to search listings, prepare rental applications and meet landlords. The centre keeps a list of rooms and apartments at or below average market rent.",
          "Aide individuelle pour consulter les annonces, préparer les demandes de location et rencontrer les propriétaires. Le centre tient une liste de chambres et d'appartements à loyer égal ou inférieur au loyer moyen du marché."),
         ["103-02", "108-05-03"], hours="wk9_17", langs="ar,es", at=["cc-pl"], hours_at={"cc-pl": "wed_pm"}),
       S("tenant-info", ("Tenant Rights Information", "Information sur les droits des locataires"),
         ("Plain-language information on leases, rent increases, repairs, evictions and tenant insurance. Workers explain the options and refer to the legal clinic when needed.",
          "Information en langage clair sur les baux, les hausses de loyer, les réparations, les expulsions et l'assurance locataire. Les intervenants expliquent les options et dirigent vers la clinique juridique au besoin."),
         ["103-04", "107-06-02"], elig="tenants", hours="wk9_17"),
       ], year=1989, fax=True),

    O("omh-rc", "rc", ("Office municipal d'habitation de Rivière-Claire", "Office municipal d'habitation de Rivière-Claire"),
      ("Municipal housing office managing 240 low-rental housing units in Rivière-Claire and Val-des-Hérons.",
       "Office municipal qui gère 240 habitations à loyer modique à Rivière-Claire et à Val-des-Hérons."),
      [S("hlm", ("Low-Rent Housing Applications (HLM)", "Demandes de logement à loyer modique (HLM)"),
         ("Apply for a rent-geared-to-income apartment; rent is set at 25% of household income. Units for seniors, families and people living alone are available.",
          "Faites une demande de logement dont le loyer correspond à 25 % du revenu du ménage. Des logements pour aînés, familles et personnes seules sont disponibles."),
         ["103-05-02-04", "103-03-04"], elig="low", apply="form", hours="split", only_langs="fr,en",
         docs=[("Income tax notice of assessment for every adult", "Avis de cotisation de chaque adulte du ménage"),
               ("Proof of Canadian citizenship or permanent residence", "Preuve de citoyenneté canadienne ou de résidence permanente")],
         wait=("Average wait: 2 to 4 years, shorter for seniors' buildings.", "Attente moyenne : 2 à 4 ans, moins longue pour les immeubles pour aînés.")),
       ], year=1972, legal=("Municipal housing office", "Office municipal d'habitation")),

    O("bel-housing-registry", "bel", ("City of Bellerive Social Housing Registry", "Registre du logement social de la Ville de Bellerive"),
      ("Municipal service that keeps the centralized waitlist for social housing and rent supplements.",
       "Service municipal qui tient la liste d'attente centralisée pour le logement social et le supplément au loyer."),
      [S("waitlist", ("Social Housing Waitlist", "Liste d'attente pour le logement social"),
         ("One application puts your household on the waitlist for all social and co-op housing providers in Bellerive. Priority is given to people leaving abuse and to some health situations.",
          "Une seule demande inscrit votre ménage sur la liste d'attente de tous les fournisseurs de logements sociaux et coopératifs de Bellerive. La priorité est accordée aux personnes qui fuient la violence et à certaines situations de santé."),
         ["103-05-02-04"], elig="low", apply="online", hours="wk830_1630",
         wait=("Waits range from 1 to 8 years depending on unit size.", "L'attente varie de 1 à 8 ans selon la taille du logement."),
         docs=[("Status in Canada for every household member", "Statut au Canada de chaque membre du ménage")]),
       S("rent-supplement", ("Portable Housing Benefit", "Allocation de logement transférable"),
         ("A monthly benefit paid to households on the waitlist to help with rent in the private market while they wait.",
          "Une allocation mensuelle versée aux ménages inscrits sur la liste d'attente pour les aider à payer leur loyer sur le marché privé pendant l'attente."),
         ["103-03-04", "107-02-04"], elig="low", apply="online", hours="wk830_1630"),
       ], year=2001, legal=("Municipal government", "Administration municipale")),

    O("home-repair", "mf", ("Safe at Home Repair Program", "Programme Chez-soi en sécurité"),
      ("Volunteer trades people and a small staff who make homes safer for seniors and people with disabilities.",
       "Gens de métier bénévoles et petite équipe qui rendent les domiciles plus sécuritaires pour les aînés et les personnes handicapées."),
      [S("minor-repairs", ("Minor Home Repairs and Grab Bars", "Petites réparations et barres d'appui"),
         ("Free installation of grab bars, railings and smoke detectors, and small repairs such as leaky taps or broken steps. Materials are covered up to $300.",
          "Installation gratuite de barres d'appui, de rampes et de détecteurs de fumée, et petites réparations comme un robinet qui fuit ou une marche brisée. Le matériel est couvert jusqu'à 300 $."),
         ["103-03-05", "104-05-01"], elig="seniors", apply="call", hours="wk830_1630", ages=(65, None),
         areas=["mf", "kb", "ch"]),
       ], year=2010),

    O("residence-pins", "sa", ("Résidence Les Pins", "Résidence Les Pins"),
      ("Non-profit seniors' residence with 60 apartments and care services.",
       "Résidence sans but lucratif pour aînés comprenant 60 appartements et des services de soins."),
      [S("assisted-living", ("Assisted Living Apartments", "Appartements avec services"),
         ("Private apartments with meals, housekeeping, medication reminders and 24-hour staff on site. Rent is partly subsidized for residents with low income.",
          "Appartements privés avec repas, entretien ménager, rappels de médicaments et personnel sur place 24 heures sur 24. Le loyer est en partie subventionné pour les résidents à faible revenu."),
         ["103-05-02-01", "108-06-01"], elig="seniors", fees=(("From $2,150 per month, meals included.", "À partir de 2 150 $ par mois, repas compris."), 2150),
         apply="call", hours="wk9_17", only_langs="fr,en", ages=(65, None)),
       S("respite-stay", ("Short Respite Stays", "Séjours de répit"),
         ("A furnished room for one to four weeks so family caregivers can rest, travel or recover. Meals and personal care are included.",
          "Une chambre meublée pour une à quatre semaines afin que les proches aidants puissent se reposer, voyager ou récupérer. Les repas et les soins personnels sont compris."),
         ["108-03-07", "103-05-04"], elig="seniors", fees=(("$85 per day.", "85 $ par jour."), 85), apply="call", hours="wk9_17", only_langs="fr,en", ages=(65, None)),
       ], year=1997),

    O("clearwater", "ch", ("Clearwater House", "Maison Clearwater"),
      ("Supportive recovery housing for adults who have completed addiction treatment.",
       "Logement de soutien au rétablissement pour les adultes qui ont terminé un traitement des dépendances."),
      [S("sober-living", ("Recovery Housing", "Logement de rétablissement"),
         ("Shared house with 8 rooms where residents support each other in staying sober. Stays last 6 to 12 months and include weekly house meetings and a case worker.",
          "Maison partagée de 8 chambres où les résidents s'entraident pour rester sobres. Les séjours durent de 6 à 12 mois et comprennent une réunion hebdomadaire et un intervenant attitré."),
         ["103-05-04-02", "106-01-06"], elig=("Adults who have completed a treatment program and are 30 days sober.", "Adultes qui ont terminé un programme de traitement et sont sobres depuis 30 jours."),
         fees=(("$650 per month including utilities; shelter allowance accepted.", "650 $ par mois, services compris; l'allocation au logement est acceptée."), 650),
         apply="referral", hours="appt", only_langs="en", ages=(18, None)),
       ], year=2014),

    # ---------------- Goods ----------------
    O("bel-clothing", "bel", ("Bellerive Clothing Bank", "Banque de vêtements de Bellerive"),
      ("Free clothing for people in need, sorted and given out by volunteers.",
       "Vêtements gratuits pour les personnes dans le besoin, triés et distribués par des bénévoles."),
      [S("clothing", ("Free Clothing Bank", "Banque de vêtements gratuits"),
         ("Choose up to 15 pieces of clothing per person each month, including winter coats, boots and bedding. Donations are accepted at the back door.",
          "Choisissez jusqu'à 15 vêtements par personne chaque mois, y compris des manteaux d'hiver, des bottes et de la literie. Les dons sont acceptés à la porte arrière."),
         ["104-02", "104-03-01"], hours="tue_thu", langs="ar,so,es"),
       S("school-clothes", ("Back-to-School Clothing", "Vêtements de la rentrée"),
         ("In August, children and teens can pick new shoes, a backpack and a week of school clothes. Families need to book a 30-minute shopping time.",
          "En août, les enfants et les adolescents peuvent choisir des souliers neufs, un sac à dos et une semaine de vêtements pour l'école. Les familles doivent réserver une période de magasinage de 30 minutes."),
         ["104-02-02", "109-02-03"], elig="families", apply="register", hours="weekend", ages=(4, 17), status="inactive"),
       ], year=1975, at_note="back door"),

    O("comptoir-sa", "sa", ("Comptoir familial Saint-Aubin", "Comptoir familial Saint-Aubin"),
      ("Community thrift store; sales fund local emergency help.",
       "Friperie communautaire dont les ventes financent l'aide d'urgence locale."),
      [S("thrift", ("Community Thrift Store and Clothing Vouchers", "Friperie communautaire et bons de vêtements"),
         ("Low-cost clothing, dishes, books and small furniture. Families referred by a social worker or the food bank receive free vouchers.",
          "Vêtements, vaisselle, livres et petits meubles à bas prix. Les familles dirigées par un travailleur social ou par la banque alimentaire reçoivent des bons gratuits."),
         ["104-02-04", "104-03", "104-03-02"], fees=(("Low prices; free vouchers for families referred by a partner.", "Prix modiques; bons gratuits pour les familles dirigées par un partenaire."), None),
         hours="wk_sat", only_langs="fr,en"),
       ], year=1982),

    O("furniture-bank", "rc", ("Second Home Furniture Bank", "Banque de meubles Second Chez-soi"),
      ("Collects donated furniture and delivers it to people setting up a home.",
       "Recueille des meubles donnés et les livre aux personnes qui s'installent dans un logement."),
      [S("furniture", ("Furniture and Household Starter Kits", "Meubles et trousses de départ pour la maison"),
         ("Beds, tables, sofas and a kit of dishes, pots and linens for people moving out of a shelter, leaving violence or arriving as refugees. Delivery is arranged for a small fee.",
          "Lits, tables, sofas et une trousse de vaisselle, de chaudrons et de literie pour les personnes qui quittent un refuge, fuient la violence ou arrivent comme réfugiées. La livraison est organisée pour une somme modique."),
         ["104-03-03", "104-03"], elig=("By referral from a shelter, settlement agency or social worker.", "Sur recommandation d'un refuge, d'un organisme d'établissement ou d'un travailleur social."),
         fees=(("Furniture is free; delivery costs $50.", "Les meubles sont gratuits; la livraison coûte 50 $."), 50),
         apply="referral", hours="tue_eve_sat", langs="ar,uk,ti"),
       ], year=2016),

    O("equipment-loan", "bel", ("Lac-Rivière Health Equipment Loan Cupboard", "Prêt d'équipement médical Lac-Rivière"),
      ("Lends walkers, wheelchairs, bath seats and other equipment at no cost.",
       "Prête gratuitement des marchettes, des fauteuils roulants, des sièges de bain et d'autres équipements."),
      [S("loan", ("Medical Equipment Loans", "Prêt d'équipement médical"),
         ("Borrow mobility and bathroom equipment for up to three months after surgery or an injury. Equipment is cleaned and checked before each loan.",
          "Empruntez de l'équipement de mobilité et de salle de bain pour un maximum de trois mois après une chirurgie ou une blessure. L'équipement est nettoyé et vérifié avant chaque prêt."),
         ["104-04", "104-05-01", "106-05-05"], fees="donation", hours="mwf", at=["cc-rc"], hours_at={"cc-rc": "wed_pm"}),
       ], year=1995),

    O("diaper-depot", "vh", ("Couches-Partage Val-des-Hérons", "Couches-Partage Val-des-Hérons"),
      ("Diaper bank for families with young children.", "Banque de couches pour les familles avec de jeunes enfants."),
      [S("diapers", ("Diaper Bank", "Banque de couches"),
         ("Families can get a monthly supply of diapers and wipes for each child under three. Cloth diaper starter kits are also available.",
          "Les familles peuvent obtenir chaque mois une provision de couches et de lingettes pour chaque enfant de moins de trois ans. Des trousses de départ de couches lavables sont aussi offertes."),
         ["104-01-02", "104-01"], elig=("Families with children under three who live in the region.", "Familles de la région ayant des enfants de moins de trois ans."),
         hours="fri", only_langs="fr,en", ages=(0, 3)),
       ], year=2019),

    O("dignity-kits", "pl", ("Dignity Kits Port-Lavande", "Trousses Dignité Port-Lavande"),
      ("Volunteer group that assembles personal care and menstrual product kits.",
       "Groupe de bénévoles qui prépare des trousses d'hygiène personnelle et de produits menstruels."),
      [S("kits", ("Personal Care and Menstrual Product Kits", "Trousses d'hygiène et de produits menstruels"),
         ("Free kits with soap, toothpaste, deodorant and menstrual products, available at the community centre and in school offices. No questions asked.",
          "Trousses gratuites contenant savon, dentifrice, désodorisant et produits menstruels, offertes au centre communautaire et au secrétariat des écoles. Aucune question posée."),
         ["104-03-04", "106-06-06"], hours="wk10_16", at=["cc-pl", "school-mf"]),
       ], year=2020, no_main_location=True),

    O("work-wear", "bel", ("Ready to Work Clothing Closet", "Garde-robe Prêt pour l'emploi"),
      ("Provides interview and work clothing, safety boots and tools for job seekers.",
       "Fournit des vêtements pour les entrevues et le travail, des bottes de sécurité et des outils aux personnes en recherche d'emploi."),
      [S("interview-clothes", ("Interview and Work Clothing", "Vêtements pour entrevues et pour le travail"),
         ("A volunteer stylist helps each client choose a complete interview outfit to keep. After hiring, clients can come back for a week of work clothes.",
          "Une styliste bénévole aide chaque personne à choisir une tenue complète pour l'entrevue, qu'elle peut garder. Après l'embauche, elle peut revenir chercher une semaine de vêtements de travail."),
         ["104-02-03", "110-02-01"], elig="job", apply="referral", hours="thu_pm"),
       S("safety-boots", ("Safety Boots and Work Tools", "Bottes de sécurité et outils de travail"),
         ("Vouchers for CSA-approved safety boots, hard hats and basic tools for people starting a job in construction, warehousing or trades.",
          "Bons pour des bottes de sécurité homologuées CSA, des casques et des outils de base pour les personnes qui commencent un emploi en construction, en entrepôt ou dans les métiers."),
         ["110-02-03", "104-03-05", "107-02-07"], elig="job", apply="referral", hours="thu_pm",
         docs=[("Job offer letter", "Lettre d'offre d'emploi")]),
       ], year=2008),
]

ORGS += [
    # ---------------- Transit ----------------
    O("volunteer-drivers", "mf", ("Lac-Rivière Volunteer Drivers", "Chauffeurs bénévoles Lac-Rivière"),
      ("Volunteer drivers who take rural residents to medical appointments, groceries and errands.",
       "Des chauffeurs bénévoles conduisent les résidents des secteurs ruraux à leurs rendez-vous médicaux, à l'épicerie et pour leurs courses."),
      [S("medical-rides", ("Medical Rides", "Transport pour rendez-vous médicaux"),
         ("Door-to-door rides to medical, dental and therapy appointments anywhere in the region and to hospitals in the city. Drivers wait and bring you home.",
          "Transport de porte à porte vers les rendez-vous médicaux, dentaires et de thérapie partout dans la région et vers les hôpitaux de la ville. Les chauffeurs attendent et vous ramènent à la maison."),
         ["105-02-01", "106-05-07"], elig=("Seniors and adults with a disability or without a car.", "Aînés et adultes ayant une incapacité ou n'ayant pas de voiture."),
         fees=(("$0.45 per kilometre; reduced rate for people with low income.", "0,45 $ le kilomètre; tarif réduit pour les personnes à faible revenu."), 0.45),
         apply=("Book at least three business days ahead by phone.", "Réservez au moins trois jours ouvrables à l'avance par téléphone."),
         hours="wk830_1630", areas=["mf", "kb", "ch"], phone="own"),
       S("grocery-rides", ("Grocery and Errand Rides", "Transport pour l'épicerie et les courses"),
         ("A weekly shared van trip from the villages to the Millbrook Falls grocery store, pharmacy and bank. Drivers help carry bags to the door.",
          "Un trajet hebdomadaire en fourgonnette partagée entre les villages et l'épicerie, la pharmacie et la banque de Millbrook Falls. Les chauffeurs aident à porter les sacs jusqu'à la porte."),
         ["105-02"], elig="seniors55", fees=(("$5 return trip.", "5 $ aller-retour."), 5), apply="call", hours="fri", ages=(55, None)),
       ], year=1988),

    O("bel-transit", "bel", ("Bellerive Transit", "Transport en commun de Bellerive"),
      ("Municipal bus and specialized transit service for the City of Bellerive.",
       "Service municipal d'autobus et de transport adapté de la Ville de Bellerive."),
      [S("affordable-pass", ("Affordable Transit Pass", "Laissez-passer de transport à prix réduit"),
         ("Residents with low income can buy a monthly bus pass at about half price. The pass is loaded on a photo card and renewed each year.",
          "Les résidents à faible revenu peuvent acheter un laissez-passer mensuel à environ la moitié du prix. Le laissez-passer est chargé sur une carte avec photo et renouvelé chaque année."),
         ["105-01-01", "107-02-06-02"], elig="low", fees=(("$49 per month instead of $104.", "49 $ par mois au lieu de 104 $."), 49),
         apply="online", hours="wk8_20", langs="ar,es,cmn",
         docs=[("Notice of assessment or proof of benefits", "Avis de cotisation ou preuve de prestations"), ("Photo ID", "Pièce d'identité avec photo")]),
       S("para", ("Para Transit (Accessible Door-to-Door)", "Transport adapté de porte à porte"),
         ("Accessible minibus service for people who cannot use regular buses because of a disability. Trips must be booked the day before.",
          "Service de minibus accessible pour les personnes qui ne peuvent pas utiliser l'autobus régulier en raison d'une incapacité. Les déplacements doivent être réservés la veille."),
         ["105-02"], elig="disability", fees=(("Same fare as a regular bus.", "Même tarif que l'autobus régulier."), 3.75),
         apply="form", hours="daily_8_20", phone="tty",
         docs=[("Medical form completed by a health professional", "Formulaire médical rempli par un professionnel de la santé")]),
       S("senior-shuttle", ("Seniors' Shopping Shuttle", "Navette magasinage des aînés"),
         ("A free shuttle loops between seniors' buildings, the Montréal Road shopping centre and the Central library twice a week.",
          "Une navette gratuite fait la boucle entre les immeubles pour aînés, le centre commercial du chemin de Montréal et la bibliothèque centrale deux fois par semaine."),
         ["105-02"], elig="seniors", hours="tue_thu", ages=(65, None)),
       ], year=1969, legal=("Municipal government", "Administration municipale")),

    O("ta-rc", "rc", ("Transport adapté et collectif des Rivières", "Transport adapté et collectif des Rivières"),
      ("Accessible and rural collective transportation for Rivière-Claire, Val-des-Hérons and Saint-Aubin-des-Pins.",
       "Transport adapté et transport collectif rural pour Rivière-Claire, Val-des-Hérons et Saint-Aubin-des-Pins."),
      [S("adapte", ("Accessible Transportation", "Transport adapté"),
         ("Door-to-door accessible transportation for people with a significant disability, for work, school, health care and leisure.",
          "Transport accessible de porte à porte pour les personnes ayant une incapacité importante, pour le travail, les études, la santé et les loisirs."),
         ["105-02", "105-02-01"], elig="disability", fees=(("$3.50 per trip.", "3,50 $ par déplacement."), 3.5), apply="form",
         hours="daily_day", only_langs="fr,en", areas=["rc", "vh", "sa"]),
       S("collectif", ("Rural Collective Transportation", "Transport collectif rural"),
         ("Seats left free in accessible vehicles are offered to everyone for trips between the villages. Reserve by 3 p.m. the day before.",
          "Les places libres dans les véhicules de transport adapté sont offertes à toute la population pour les déplacements entre les villages. Réservez avant 15 h la veille."),
         ["105-02"], fees=(("$4 per trip.", "4 $ par déplacement."), 4), apply="call", hours="wk830_1630", only_langs="fr,en", areas=["rc", "vh", "sa"]),
       ], year=1986),

    O("ridelink", "ch", ("RideLink Cedar Hollow", "Covoiturage RideLink Cedar Hollow"),
      ("Community ride-matching service for commuters and students in the rural south of the region.",
       "Service communautaire de jumelage de covoiturage pour les travailleurs et les étudiants du sud rural de la région."),
      [S("rideshare", ("Ride Matching for Work and School", "Jumelage de covoiturage pour le travail et les études"),
         ("Free online matching of drivers and passengers going the same way, with a guaranteed ride home in an emergency. Students going to the college campus get priority.",
          "Jumelage en ligne gratuit entre conducteurs et passagers qui font le même trajet, avec un retour garanti en cas d'urgence. Les étudiants du campus collégial sont prioritaires."),
         ["105-02", "105-02-02"], apply="online", hours="unknown", only_langs="en",
         hours_note=("Office hours are not currently known; the online matching tool can be used at any time.",
                     "Les heures de bureau ne sont pas connues pour le moment; l'outil de jumelage en ligne peut être utilisé en tout temps.")),
       ], year=2017),

    O("cancer-support", "bel", ("Lac-Rivière Cancer Support Network", "Réseau de soutien en oncologie Lac-Rivière"),
      ("Peer support, transportation and practical help for people living with cancer and their families.",
       "Soutien par les pairs, transport et aide pratique pour les personnes atteintes de cancer et leurs proches."),
      [S("treatment-rides", ("Rides to Cancer Treatment", "Transport vers les traitements contre le cancer"),
         ("Volunteer drivers take patients to chemotherapy and radiation appointments at the regional cancer centre. Parking passes are also available.",
          "Des chauffeurs bénévoles conduisent les patients à leurs rendez-vous de chimiothérapie et de radiothérapie au centre régional de cancérologie. Des laissez-passer de stationnement sont aussi offerts."),
         ["105-02-01", "106-05-07"], elig=("People receiving cancer treatment who live in the region.", "Personnes qui reçoivent des traitements contre le cancer et qui habitent la région."),
         fees="donation", apply="call", hours="wk9_17"),
       S("cancer-peer", ("Cancer Peer Support", "Soutien par les pairs en oncologie"),
         ("Talk with a trained volunteer who has lived through a similar cancer. Support is offered by phone, video or in person.",
          "Parlez avec un bénévole formé qui a vécu un cancer semblable. Le soutien est offert par téléphone, par vidéo ou en personne."),
         ["108-07-07", "106-04-02"], apply="call", hours="wk10_16", langs="es,it"),
       ], year=1998),

    # ---------------- Health ----------------
    O("bel-chc", "bel", ("Bellerive Community Health Centre", "Centre de santé communautaire de Bellerive"),
      ("Bilingual community health centre offering primary care, dental care, health promotion and social services under one roof.",
       "Centre de santé communautaire bilingue qui offre des soins de première ligne, des soins dentaires, de la promotion de la santé et des services sociaux sous un même toit."),
      [S("primary-care", ("Primary Care Clinic", "Clinique de soins de première ligne"),
         ("Family doctors and nurse practitioners for people who do not have a family doctor, including people without a health card. Same-day appointments are kept for urgent needs.",
          "Médecins de famille et infirmières praticiennes pour les personnes sans médecin de famille, y compris celles qui n'ont pas de carte santé. Des rendez-vous le jour même sont réservés aux besoins urgents."),
         ["106-06-09", "106-06-04"], elig="residents", fees="healthcard", apply="call", hours="wk8_20", langs="ar,es,so,fa",
         interp=("Free professional interpreters in person or by video.", "Interprètes professionnels gratuits, en personne ou par vidéo."),
         wait=("New patients: about 6 weeks.", "Nouveaux patients : environ 6 semaines."), phone="own"),
       S("dental", ("Community Dental Clinic", "Clinique dentaire communautaire"),
         ("Check-ups, cleanings, fillings and extractions for adults and children with low income and no dental insurance. Emergency dental pain is seen on Monday mornings.",
          "Examens, nettoyages, obturations et extractions pour les adultes et les enfants à faible revenu qui n'ont pas d'assurance dentaire. Les urgences dentaires sont vues le lundi matin."),
         ["106-02", "106-05-03"], elig="low", fees="sliding", apply="call", hours="split", langs="ar,es",
         cost_extra=(("Standard cleaning", "Nettoyage standard"), 20, ("Minimum fee at the lowest income level.", "Tarif minimal au plus bas niveau de revenu."))),
       S("diabetes", ("Diabetes Education Program", "Programme d'éducation sur le diabète"),
         ("A nurse and a dietitian help people with diabetes or prediabetes manage blood sugar, food and medication. Group classes and individual visits are offered.",
          "Une infirmière et une diététiste aident les personnes atteintes de diabète ou de prédiabète à gérer leur glycémie, leur alimentation et leurs médicaments. Des cours de groupe et des rencontres individuelles sont offerts."),
         ["106-04-02", "106-04-04", "109-03-07-01"], apply="referral", hours="tue_thu", langs="pa,hi,ur"),
       S("harm-reduction", ("Harm Reduction Supplies and Naloxone", "Matériel de réduction des méfaits et naloxone"),
         ("Free sterile supplies, naloxone kits and training, drug-checking information and referrals to treatment, without judgment.",
          "Matériel stérile gratuit, trousses de naloxone et formation, information sur l'analyse de drogues et orientation vers des traitements, sans jugement."),
         ["106-01", "106-06-07"], hours="wk9_17", at=["harbourlight"], hours_at={"harbourlight": "evening"}),
       S("prenatal", ("Prenatal and Postnatal Care", "Suivi prénatal et postnatal"),
         ("Pregnancy follow-up with a nurse practitioner and a midwife partner, prenatal classes, and home visits in the first weeks after birth.",
          "Suivi de grossesse avec une infirmière praticienne et une sage-femme partenaire, cours prénataux et visites à domicile dans les premières semaines après la naissance."),
         ["106-06-05", "106-04-05", "108-07-03"], elig="residents", fees="healthcard", apply="call", hours="mon_wed", langs="ar,es,so"),
       S("flu-clinic", ("Vaccination Clinics", "Cliniques de vaccination"),
         ("Routine vaccines for children and adults, and seasonal flu and COVID-19 vaccines in the fall. Walk-in clinics are held at the Community Hub.",
          "Vaccins courants pour les enfants et les adultes, et vaccins saisonniers contre la grippe et la COVID-19 à l'automne. Des cliniques sans rendez-vous ont lieu au Carrefour communautaire."),
         ["106-06-07-08"], fees="healthcard", hours="wed_pm", at=["hub-bel", "cc-pl"], hours_at={"cc-pl": "sat_am"}),
       ], year=1976, fax=True, contact=("Dr. Amira Haddad", ("Medical Director", "Directrice médicale"), ("Clinical Services", "Services cliniques")),
      program=(("Healthy Bellerive", "Bellerive en santé"),
               ("Health promotion programs of the Community Health Centre.", "Programmes de promotion de la santé du Centre de santé communautaire."),
               ["diabetes", "harm-reduction", "flu-clinic"])),

    O("dentaire-rc", "rc", ("Clinique dentaire solidaire de Rivière-Claire", "Clinique dentaire solidaire de Rivière-Claire"),
      ("Non-profit dental clinic offering reduced-cost care.", "Clinique dentaire sans but lucratif qui offre des soins à coût réduit."),
      [S("dental-rc", ("Low-Cost Dental Care", "Soins dentaires à coût réduit"),
         ("Dental exams, cleanings, fillings and dentures at reduced cost. The clinic accepts the Canadian Dental Care Plan and provincial programs.",
          "Examens, nettoyages, obturations et prothèses dentaires à coût réduit. La clinique accepte le Régime canadien de soins dentaires et les programmes provinciaux."),
         ["106-02"], elig="low", fees="sliding", apply="call", hours="wk8_20", only_langs="fr,en,es"),
       ], year=2011),

    O("pathways", "bel", ("Pathways Mental Health Lac-Rivière", "Parcours santé mentale Lac-Rivière"),
      ("Community mental health agency offering counselling, case management and peer support.",
       "Organisme communautaire en santé mentale qui offre du counseling, de la gestion de cas et du soutien par les pairs."),
      [S("walkin-counselling", ("Walk-In Counselling Clinic", "Clinique de counseling sans rendez-vous"),
         ("A single session with a counsellor, the same day, with no referral and no waitlist. Useful for stress, relationships, grief or any worry.",
          "Une séance unique avec un conseiller, le jour même, sans recommandation ni liste d'attente. Utile pour le stress, les relations, le deuil ou toute autre inquiétude."),
         ["106-06-07-01", "108-07-01"], hours="evening", langs="es,ar,fa", at=["cc-rc", "hub-bel"],
         hours_at={"cc-rc": "wed_pm", "hub-bel": "evening"}),
       S("mobile-crisis", ("Mobile Crisis Team", "Équipe mobile d'intervention de crise"),
         ("A mental health worker and a nurse go to people in a mental health crisis at home or in the community, day and night. The team can assess, de-escalate and connect to hospital care if needed.",
          "Un intervenant en santé mentale et une infirmière se rendent auprès des personnes en crise à domicile ou dans la communauté, de jour comme de nuit. L'équipe peut évaluer la situation, désamorcer la crise et diriger vers l'hôpital au besoin."),
         ["101-07", "106-06-08", "106-06-04-04"], elig="crisis", apply="anytime", hours="247", phone="own",
         areas=["bel", "pl", "mf", "ch", "kb"]),
       S("peer-support", ("Mental Health Peer Support", "Soutien par les pairs en santé mentale"),
         ("Peer workers with lived experience of mental illness offer one-on-one support, recovery groups and social outings.",
          "Des pairs aidants ayant un vécu de la maladie mentale offrent un soutien individuel, des groupes de rétablissement et des sorties sociales."),
         ["108-07-07", "106-04-08"], apply="walkin", hours="mwf"),
       S("case-mgmt", ("Intensive Case Management", "Suivi intensif dans la communauté"),
         ("Ongoing support for adults with serious mental illness to find housing, manage medications and reach their own goals.",
          "Soutien continu pour les adultes ayant une maladie mentale grave afin de trouver un logement, de gérer leurs médicaments et d'atteindre leurs propres objectifs."),
         ["106-06-07-09", "108-07-06"], elig="adults", apply="referral", hours="wk830_1630", ages=(18, None),
         wait=("About 4 months.", "Environ 4 mois.")),
       ], year=1981),

    O("new-dawn", "pl", ("New Dawn Recovery Centre", "Centre de rétablissement Nouvelle Aube"),
      ("Addiction treatment centre offering withdrawal management, day treatment and residential programs.",
       "Centre de traitement des dépendances qui offre la gestion du sevrage, un traitement de jour et des programmes avec hébergement."),
      [S("withdrawal", ("Withdrawal Management (Detox)", "Gestion du sevrage (désintoxication)"),
         ("Safe, medically supported withdrawal from alcohol and drugs in a 10-bed unit, usually for 3 to 7 days. Staff plan next steps with each person before discharge.",
          "Sevrage sécuritaire de l'alcool et des drogues avec soutien médical dans une unité de 10 lits, habituellement de 3 à 7 jours. Le personnel planifie la suite avec chaque personne avant son départ."),
         ["106-01-02"], elig="adults", apply="anytime", hours="247", ages=(16, None), phone="own"),
       S("day-treatment", ("Outpatient Day Treatment", "Traitement de jour en consultation externe"),
         ("A three-week day program of group therapy, education and relapse prevention, while living at home.",
          "Un programme de jour de trois semaines comprenant de la thérapie de groupe, de l'information et de la prévention de la rechute, tout en demeurant à la maison."),
         ["106-01-04", "106-06-07-11"], elig="adults", apply="intake", hours="wk9_17", ages=(18, None)),
       S("residential", ("Residential Treatment Program", "Programme de traitement avec hébergement"),
         ("A 28-day live-in treatment program with individual counselling, group work, family sessions and aftercare planning.",
          "Un programme de traitement de 28 jours avec hébergement, comprenant du counseling individuel, du travail de groupe, des séances familiales et la planification du suivi."),
         ["106-01-05", "108-06-02"], elig="adults", apply="intake", hours="247", ages=(18, None),
         wait=("About 5 weeks.", "Environ 5 semaines.")),
       S("mutual-aid", ("12-Step and SMART Recovery Meetings", "Rencontres en 12 étapes et SMART Recovery"),
         ("Free open recovery meetings hosted at the centre, in English and French. Anyone who wants to stop drinking or using can attend.",
          "Rencontres de rétablissement ouvertes et gratuites tenues au centre, en français et en anglais. Toute personne qui souhaite arrêter de boire ou de consommer peut y assister."),
         ["106-01-01", "108-07-09-01"], hours="evening_mw"),
       ], year=1990),

    O("hospice", "vh", ("Maison de soins palliatifs du Lac", "Maison de soins palliatifs du Lac"),
      ("Residential hospice with eight beds and a community program for grieving families.",
       "Maison de soins palliatifs de huit lits avec un programme communautaire pour les familles endeuillées."),
      [S("hospice-beds", ("Residential Hospice Care", "Soins palliatifs en résidence"),
         ("Comfort care in a home-like setting for people in the last weeks of life, with pain management and support for loved ones. Families can visit at any time.",
          "Soins de confort dans un milieu chaleureux pour les personnes en fin de vie, avec gestion de la douleur et soutien aux proches. Les familles peuvent visiter en tout temps."),
         ["106-03-03", "106-03-04", "108-04-03"], elig=("People with a life-limiting illness and a prognosis of about three months or less.", "Personnes atteintes d'une maladie limitant l'espérance de vie, avec un pronostic d'environ trois mois ou moins."),
         apply="referral", hours="247", only_langs="fr,en"),
       S("grief", ("Grief and Bereavement Support", "Soutien au deuil"),
         ("Individual grief support and eight-week groups for adults who have lost a loved one. A children's grief group runs in spring.",
          "Soutien individuel au deuil et groupes de huit semaines pour les adultes qui ont perdu un proche. Un groupe pour enfants endeuillés a lieu au printemps."),
         ["106-03-01", "108-04-01", "108-07-09-02"], apply="call", hours="tue_thu", only_langs="fr,en", at=["cc-rc"]),
       S("funeral-help", ("Funeral Cost Guidance", "Accompagnement pour les frais funéraires"),
         ("Staff explain the help available to cover funeral costs, such as death benefits and municipal burial assistance, and help with the forms.",
          "L'équipe explique l'aide offerte pour couvrir les frais funéraires, comme les prestations de décès et l'aide municipale à l'inhumation, et aide à remplir les formulaires."),
         ["106-03-02", "108-04-02", "108-05-01"], apply="call", hours="tue_thu", only_langs="fr,en"),
       ], year=2005),

    O("sexual-health", "bel", ("Lac-Rivière Sexual Health Clinic", "Clinique de santé sexuelle Lac-Rivière"),
      ("Confidential sexual health services run by the regional health unit.",
       "Services confidentiels de santé sexuelle offerts par le bureau de santé régional."),
      [S("sh-clinic", ("Sexual Health Clinic", "Clinique de santé sexuelle"),
         ("Free, confidential testing and treatment for sexually transmitted infections, pregnancy tests, and low-cost birth control. Youth can come without a parent.",
          "Tests et traitements gratuits et confidentiels des infections transmissibles sexuellement, tests de grossesse et contraception à faible coût. Les jeunes peuvent venir sans leurs parents."),
         ["106-06-03", "106-06-04-05", "106-06-04-02"], fees="free", hours="thu_pm", langs="es", ages=(12, None)),
       S("hiv-care", ("HIV Care and PrEP", "Soins du VIH et PrEP"),
         ("Confidential HIV testing, PrEP prescriptions, and ongoing HIV treatment with a nurse and a physician in partnership with the city hospital.",
          "Dépistage confidentiel du VIH, ordonnances de PrEP et traitement continu du VIH avec une infirmière et un médecin, en partenariat avec l'hôpital de la ville."),
         ["106-06-07-02", "106-06-04-02"], fees="healthcard", apply="call", hours="thu_pm"),
       S("sex-ed", ("Sexual Health Education for Youth", "Éducation à la sexualité pour les jeunes"),
         ("Workshops for schools and youth groups on consent, healthy relationships and contraception, delivered by public health nurses.",
          "Ateliers pour les écoles et les groupes de jeunes sur le consentement, les relations saines et la contraception, donnés par des infirmières de santé publique."),
         ["106-04-06", "109-03-07-05"], elig=("Youth aged 12 to 19 and the adults who work with them.", "Jeunes de 12 à 19 ans et les adultes qui travaillent avec eux."),
         apply="register", hours="wk9_17", ages=(12, 19)),
       ], year=1974, legal=("Public health unit", "Bureau de santé publique")),

    O("hearing-society", "pl", ("Lac-Rivière Hearing Society", "Société de l'ouïe Lac-Rivière"),
      ("Hearing health and support services for people who are Deaf, deafened or hard of hearing.",
       "Services de santé auditive et de soutien pour les personnes sourdes, devenues sourdes ou malentendantes."),
      [S("hearing-tests", ("Hearing Tests and Hearing Aids", "Examens de l'audition et appareils auditifs"),
         ("Hearing tests by an audiologist, hearing aid fitting and repairs, and help applying for funding for devices.",
          "Examens de l'audition par un audiologiste, ajustement et réparation d'appareils auditifs, et aide pour demander du financement pour les appareils."),
         ["106-06-04-03", "104-05-01"], fees=(("Hearing tests are free; hearing aids are sold at cost.", "Les examens sont gratuits; les appareils auditifs sont vendus à prix coûtant."), None),
         apply="call", hours="wk9_17", langs="ase", phone="tty"),
       S("asl-interp", ("Sign Language Interpreter Booking", "Réservation d'interprètes en langue des signes"),
         ("Book ASL or LSQ interpreters for medical, legal and community appointments. Services are free for Deaf people at health and legal appointments.",
          "Réservez des interprètes en ASL ou en LSQ pour des rendez-vous médicaux, juridiques et communautaires. Le service est gratuit pour les personnes sourdes lors des rendez-vous médicaux et juridiques."),
         ["111-05"], apply="online", hours="wk9_17", langs="ase,fcs"),
       ], year=1962),

    O("pharmacy-assist", "ch", ("Cedar Hollow Medication Access Program", "Programme d'accès aux médicaments de Cedar Hollow"),
      ("Helps uninsured and underinsured people get the prescription medications they need.",
       "Aide les personnes sans assurance ou mal assurées à obtenir les médicaments d'ordonnance dont elles ont besoin."),
      [S("rx-help", ("Prescription Medication Assistance", "Aide pour les médicaments d'ordonnance"),
         ("A pharmacist reviews your medications and helps you apply to drug benefit programs and manufacturer compassionate programs. Emergency supplies can be covered once.",
          "Une pharmacienne révise vos médicaments et vous aide à présenter une demande aux régimes d'assurance médicaments et aux programmes de compassion des fabricants. Un approvisionnement d'urgence peut être couvert une fois."),
         ["106-05-06", "107-02-03-06"], elig="low", apply="call", hours="tue_thu",
         docs=[("Your prescriptions or pill bottles", "Vos ordonnances ou vos flacons de médicaments")]),
       ], year=2013),

    O("physio-community", "kb", ("Kestrel Bay Community Physiotherapy", "Physiothérapie communautaire de Kestrel Bay"),
      ("Publicly funded physiotherapy clinic for seniors and people recovering from surgery.",
       "Clinique de physiothérapie financée par l'État pour les aînés et les personnes qui se remettent d'une chirurgie."),
      [S("physio", ("Community Physiotherapy", "Physiothérapie communautaire"),
         ("Free physiotherapy after a hospital stay or surgery, and falls-prevention exercise classes for seniors.",
          "Physiothérapie gratuite après un séjour à l'hôpital ou une chirurgie, et cours d'exercice en prévention des chutes pour les aînés."),
         ["106-06-07-06", "106-06-07-07"], elig=("Seniors aged 65+, people just out of hospital, and people receiving social assistance.", "Aînés de 65 ans et plus, personnes qui sortent de l'hôpital et prestataires de l'aide sociale."),
         fees="healthcard", apply="referral", hours="wk830_1630", only_langs="en"),
       ], year=2002),

    O("home-care", "rc", ("Soins à domicile Outaouais-Lac", "Soins à domicile Outaouais-Lac"),
      ("Non-profit home support agency for seniors and people with disabilities.",
       "Entreprise d'économie sociale en aide à domicile pour les aînés et les personnes handicapées."),
      [S("home-support", ("Home Help and Personal Care", "Aide à domicile et soins personnels"),
         ("Help with bathing, light housekeeping, meal preparation and errands so people can stay at home longer. Rates are reduced through the provincial financial assistance program.",
          "Aide pour le bain, l'entretien ménager léger, la préparation des repas et les courses pour permettre aux personnes de rester chez elles plus longtemps. Les tarifs sont réduits grâce au programme d'aide financière provincial."),
         ["106-06-07-09", "108-07-04"], elig="seniors", fees=(("$8 to $27 per hour depending on income.", "De 8 $ à 27 $ l'heure selon le revenu."), 27),
         apply="call", hours="wk830_1630", only_langs="fr,en", areas=["rc", "vh", "sa"]),
       ], year=1997),

    O("headway", "bel", ("Headway Youth Wellness Hub", "Carrefour bien-être jeunesse Headway"),
      ("One-stop shop for youth aged 12 to 25: mental health, substance use, primary care and employment help.",
       "Guichet unique pour les jeunes de 12 à 25 ans : santé mentale, consommation de substances, soins de première ligne et aide à l'emploi."),
      [S("youth-counselling", ("Youth Counselling Drop-In", "Counseling jeunesse sans rendez-vous"),
         ("Young people can drop in to talk to a counsellor about stress, anxiety, mood, substance use or relationships. No parent permission or health card is needed.",
          "Les jeunes peuvent passer parler à un conseiller du stress, de l'anxiété, de l'humeur, de la consommation ou des relations. Aucune permission parentale ni carte santé n'est requise."),
         ["106-04-08", "106-06-07-01", "108-07-01"], elig=("Youth aged 12 to 25.", "Jeunes de 12 à 25 ans."), hours="wk_sat", ages=(12, 25), langs="ar,so"),
       S("youth-mentoring", ("Youth Mentoring", "Mentorat jeunesse"),
         ("Matches youth with a trained adult volunteer who meets them weekly for activities, homework and goal-setting.",
          "Jumelage des jeunes avec un adulte bénévole formé qui les rencontre chaque semaine pour des activités, les devoirs et la définition d'objectifs."),
         ["108-07-05"], elig=("Youth aged 8 to 17.", "Jeunes de 8 à 17 ans."), apply="intake", hours="appt", ages=(8, 17)),
       ], year=2019),

    O("acupuncture", "pl", ("Port-Lavande Community Acupuncture", "Acupuncture communautaire de Port-Lavande"),
      ("Co-op clinic offering group acupuncture at low cost.", "Clinique coopérative qui offre de l'acupuncture en groupe à faible coût."),
      [S("acu", ("Sliding-Scale Community Acupuncture", "Acupuncture communautaire à tarif variable"),
         ("Acupuncture in a shared, quiet room for pain, stress and addiction recovery support. You choose what to pay within the sliding scale.",
          "Acupuncture dans une salle commune et calme pour la douleur, le stress et le soutien au rétablissement des dépendances. Vous choisissez votre tarif selon l'échelle proposée."),
         ["106-06-01", "106-06-07-03"], fees=(("$20 to $45 per visit, you choose.", "De 20 $ à 45 $ par visite, à votre choix."), 20),
         apply="online", hours="weekend", only_langs="en"),
       ], year=2018, legal=("Co-operative", "Coopérative")),

    O("vision-screen", "mf", ("Millbrook Falls Lions Vision Program", "Programme de la vue des Lions de Millbrook Falls"),
      ("Service club program providing vision screening and eyeglasses.", "Programme d'un club philanthropique qui offre du dépistage visuel et des lunettes."),
      [S("eye-exams", ("Vision Screening and Free Eyeglasses", "Dépistage visuel et lunettes gratuites"),
         ("Free vision screening at schools and community events, and vouchers for eyeglasses for children and seniors with low income.",
          "Dépistage visuel gratuit dans les écoles et lors d'événements communautaires, et bons pour des lunettes pour les enfants et les aînés à faible revenu."),
         ["106-06-04-06"], elig="low", apply="call", hours="unknown", at=["school-mf"]),
       ], year=1952),
]

ORGS += [
    # ---------------- Money ----------------
    O("tax-clinic", "bel", ("Lac-Rivière Free Tax Clinics", "Comptoirs d'impôts gratuits Lac-Rivière"),
      ("Volunteer-run income tax clinics held in libraries and community centres every spring.",
       "Comptoirs d'impôts animés par des bénévoles dans les bibliothèques et les centres communautaires chaque printemps."),
      [S("tax", ("Free Income Tax Clinic", "Comptoir d'impôts gratuit"),
         ("Trained volunteers prepare and file federal and provincial tax returns for people with modest income, including past years. Filing taxes is the key to benefits such as the GST/HST credit and the Canada Child Benefit.",
          "Des bénévoles formés préparent et transmettent les déclarations de revenus fédérales et provinciales des personnes à revenu modeste, y compris pour les années passées. Produire sa déclaration donne accès à des prestations comme le crédit pour la TPS/TVH et l'Allocation canadienne pour enfants."),
         ["107-07"], elig=("Individuals with income under $35,000 or families under $45,000, and simple tax situations.", "Personnes dont le revenu est inférieur à 35 000 $ ou familles dont le revenu est inférieur à 45 000 $, et situations fiscales simples."),
         apply="call", hours="wk10_16", langs="ar,es,cmn,uk", at=["lib-bel", "cc-sa"],
         hours_at={"lib-bel": "sat_am", "cc-sa": "evening"},
         docs=[("All tax slips (T4, T5007, RL slips)", "Tous vos feuillets (T4, T5007, relevés)"),
               ("Notice of assessment from last year", "Avis de cotisation de l'an dernier"), ("Rent receipts", "Reçus de loyer")]),
       ], year=2007),

    O("credit-counselling", "bel", ("Lac-Rivière Credit Counselling Service", "Service de consultation budgétaire Lac-Rivière"),
      ("Non-profit credit counselling and financial literacy agency.", "Organisme sans but lucratif de consultation budgétaire et de littératie financière."),
      [S("debt-help", ("Budget and Debt Counselling", "Consultation budgétaire et aide pour les dettes"),
         ("A certified counsellor reviews your budget and debts and explains options such as a debt management plan or a consumer proposal. The first appointment is free and confidential.",
          "Un conseiller certifié examine votre budget et vos dettes et explique les options possibles, comme un plan de gestion de dettes ou une proposition de consommateur. Le premier rendez-vous est gratuit et confidentiel."),
         ["107-05-01", "109-03-04-01"], apply="call", hours="wk9_17", langs="es,pa", at=["mall-bel"]),
       S("savings", ("Matched Savings Program", "Programme d'épargne jumelée"),
         ("Save $10 to $50 a month for a year and the program matches every dollar three to one for education, a business or a home. Includes free money management workshops.",
          "Épargnez de 10 $ à 50 $ par mois pendant un an et le programme ajoute trois dollars pour chaque dollar épargné, pour les études, une entreprise ou une maison. Comprend des ateliers gratuits sur la gestion de l'argent."),
         ["107-05-04", "107-05"], elig="low", apply="form", hours="wk9_17", status="defunct",
         alert=("This program has ended and is no longer accepting participants.", "Ce programme a pris fin et n'accepte plus de participants.")),
       S("homebuyer", ("First-Time Homebuyer Workshops", "Ateliers pour acheteurs d'une première maison"),
         ("A four-evening course on saving a down payment, mortgages, closing costs and avoiding foreclosure.",
          "Un cours de quatre soirées sur l'épargne pour la mise de fonds, les prêts hypothécaires, les frais de clôture et la prévention de la reprise de finance."),
         ["103-04-02", "107-05-03", "107-05-02"], fees=(("$40 per household.", "40 $ par ménage."), 40), apply="register", hours="evening"),
       ], year=1966),

    O("benefits-nav", "rc", ("Carrefour des droits sociaux Rivière-Claire", "Carrefour des droits sociaux Rivière-Claire"),
      ("Helps people understand and apply for government benefits.", "Aide les gens à comprendre les prestations gouvernementales et à en faire la demande."),
      [S("benefits", ("Benefits Navigation", "Accompagnement pour les prestations"),
         ("A navigator checks which federal and provincial benefits you may qualify for and helps you apply, including employment insurance, social assistance and child benefits.",
          "Une intervenante vérifie à quelles prestations fédérales et provinciales vous pourriez avoir droit et vous aide à en faire la demande, y compris l'assurance-emploi, l'aide sociale et les allocations pour enfants."),
         ["107-03-04", "107-03-05", "111-01-06"], apply="call", hours="split", only_langs="fr,en,es"),
       S("pension", ("Pension Help for Seniors", "Aide aux aînés pour les pensions"),
         ("Help applying for the Old Age Security pension, the Guaranteed Income Supplement and the Canada or Quebec Pension Plan, including late applications.",
          "Aide pour demander la pension de la Sécurité de la vieillesse, le Supplément de revenu garanti et le Régime de pensions du Canada ou le Régime de rentes du Québec, y compris les demandes tardives."),
         ["107-03-03", "110-02-02"], elig="seniors55", apply="call", hours="tue_thu", only_langs="fr,en", ages=(60, None)),
       S("disability-benefits", ("Disability Benefits Applications", "Demandes de prestations d'invalidité"),
         ("Support with applications and appeals for provincial disability support and the Canada Disability Benefit, including help collecting medical forms.",
          "Soutien pour les demandes et les appels relatifs au soutien provincial aux personnes handicapées et à la Prestation canadienne pour les personnes handicapées, y compris l'aide pour rassembler les formulaires médicaux."),
         ["107-03-01", "106-05-02", "107-02-03-02"], elig="disability", apply="call", hours="mon_wed", only_langs="fr,en"),
       ], year=1994),

    O("emergency-fund", "kb", ("Kestrel Bay Community Fund", "Fonds communautaire de Kestrel Bay"),
      ("Local charitable fund that gives small emergency grants.", "Fonds de bienfaisance local qui accorde de petites subventions d'urgence."),
      [S("grants", ("Emergency Grants", "Subventions d'urgence"),
         ("One-time grants of up to $500 for urgent needs such as car repairs to get to work, medical costs or school fees. Decisions are made within a week.",
          "Subventions ponctuelles d'au plus 500 $ pour des besoins urgents comme la réparation d'une voiture pour se rendre au travail, des frais médicaux ou des frais scolaires. Les décisions sont prises en moins d'une semaine."),
         ["107-02", "101-02-02", "101-02-05"], elig="low", apply="form", hours="unknown", only_langs="en"),
       ], year=1963),

    O("bel-childcare-subsidy", "bel", ("City of Bellerive Child Care Services", "Services de garde d'enfants de la Ville de Bellerive"),
      ("Municipal office that manages child care fee subsidies and the child care waitlist.",
       "Bureau municipal qui gère les subventions pour frais de garde et la liste d'attente pour les services de garde."),
      [S("subsidy", ("Child Care Fee Subsidy", "Subvention pour frais de garde"),
         ("Helps families with low or moderate income pay for licensed child care and before- and after-school programs. The amount depends on family income.",
          "Aide les familles à revenu faible ou modeste à payer les services de garde agréés et les programmes avant et après l'école. Le montant dépend du revenu familial."),
         ["107-02-01", "108-03-03-04"], elig="families", apply="online", hours="wk830_1630", langs="ar,es",
         docs=[("Notice of assessment for each parent", "Avis de cotisation de chaque parent"), ("Child's birth certificate", "Certificat de naissance de l'enfant")]),
       S("find-childcare", ("Child Care Waitlist and Search", "Liste d'attente et recherche de services de garde"),
         ("One online waitlist for all licensed child care centres and home child care agencies in Bellerive. Staff can help families understand their options by phone.",
          "Une seule liste d'attente en ligne pour tous les centres de garde agréés et les agences de garde en milieu familial de Bellerive. Le personnel peut aider les familles à comprendre leurs options par téléphone."),
         ["108-03-03-02", "108-05-02"], elig="families", apply="online", hours="wk830_1630"),
       ], year=1998, legal=("Municipal government", "Administration municipale"), parent="bel-housing-registry"),

    O("bursary", "mf", ("Millbrook Falls Education Foundation", "Fondation pour l'éducation de Millbrook Falls"),
      ("Local foundation awarding bursaries to students from Millbrook Falls.", "Fondation locale qui accorde des bourses aux élèves de Millbrook Falls."),
      [S("bursaries", ("Post-Secondary Bursaries", "Bourses d'études postsecondaires"),
         ("Bursaries of $500 to $2,500 for graduating students and adult learners going to college, university or an apprenticeship. Financial need counts more than marks.",
          "Bourses de 500 $ à 2 500 $ pour les finissants et les apprenants adultes qui vont au collège, à l'université ou en apprentissage. Le besoin financier compte plus que les notes."),
         ["107-02-05-04", "109-02-04"], elig=("Residents of Millbrook Falls Township entering post-secondary studies.", "Résidents du canton de Millbrook Falls qui entreprennent des études postsecondaires."),
         apply="online", hours="appt", only_langs="en",
         hours_note=("There is no office open to the public; questions are answered by e-mail.",
                     "Il n'y a pas de bureau ouvert au public; on répond aux questions par courriel."),
         alert=("Applications for next year open on 1 March.", "Les demandes pour l'an prochain ouvriront le 1er mars.")),
       ], year=1985),

    # ---------------- Care ----------------
    O("aines-bel", "bel", ("Centre des aînés de Bellerive", "Centre des aînés de Bellerive"),
      ("Bilingual seniors' centre with activities, meals and support services.", "Centre bilingue pour aînés offrant des activités, des repas et des services de soutien."),
      [S("aines-actifs", ("Programme des aînés actifs (Active Seniors Day Program)", "Programme des aînés actifs"),
         ("A supervised day program for seniors who are frail or living with memory loss: exercise, games, outings and a hot lunch. Caregivers get a regular break.",
          "Un programme de jour supervisé pour les aînés en perte d'autonomie ou vivant avec des troubles de la mémoire : exercice, jeux, sorties et dîner chaud. Les proches aidants profitent d'un répit régulier."),
         ["108-03-01", "108-03-07"], elig="seniors", fees=(("$25 per day, lunch and transportation included.", "25 $ par jour, dîner et transport compris."), 25),
         apply="intake", hours="wk9_17", ages=(65, None), langs="it,pt"),
       S("lunch-aines", ("Seniors' Lunch Club – Café des aînés", "Café des aînés"),
         ("A three-course lunch every Wednesday, followed by bingo or a guest speaker. A great way to make friends at our Montréal Road centre.",
          "Un dîner trois services chaque mercredi, suivi d'un bingo ou d'une conférence. Une belle façon de se faire des amis à notre centre du chemin de Montréal."),
         ["102-05", "108-03-06"], elig="seniors55", fees=(("$6 per lunch.", "6 $ par dîner."), 6), apply="call", hours="lunch", ages=(55, None)),
       S("friendly-visits", ("Friendly Visiting and Phone Calls", "Visites et appels d'amitié"),
         ("Volunteers visit or call isolated seniors every week for a chat, and check that they are safe and well.",
          "Des bénévoles visitent ou appellent chaque semaine les aînés isolés pour bavarder et s'assurer qu'ils sont en sécurité et en bonne santé."),
         ["108-07-03", "108-07-06"], elig="seniors", apply="call", hours="wk10_16", ages=(65, None)),
       ], year=1979, contact=("Lucie Tremblay", ("Program Coordinator", "Coordonnatrice des programmes"), ("Seniors' Programs", "Programmes pour aînés"))),

    O("garderie-pins", "sa", ("CPE Les Petits Pins", "CPE Les Petits Pins"),
      ("Non-profit early childhood centre with 80 spaces.", "Centre de la petite enfance sans but lucratif de 80 places."),
      [S("cpe", ("Child Care Centre (CPE)", "Centre de la petite enfance (CPE)"),
         ("Licensed, low-fee child care for children from 18 months to 5 years, with an educational program and healthy meals.",
          "Service de garde éducatif à contribution réduite pour les enfants de 18 mois à 5 ans, avec un programme éducatif et des repas santé."),
         ["108-03-03", "109-04"], elig="families", fees=(("$9.35 per day (reduced contribution).", "9,35 $ par jour (contribution réduite)."), 9.35),
         apply=("Register on the provincial child care waitlist portal.", "Inscrivez votre enfant au guichet unique d'accès aux places en service de garde."),
         hours="daycare", only_langs="fr", ages=(1, 5), wait=("Waitlist of 12 to 18 months.", "Liste d'attente de 12 à 18 mois.")),
       ], year=2000),

    O("bel-ymca", "bel", ("Bellerive Youth and Family Y", "Y jeunesse et famille de Bellerive"),
      ("Community recreation charity running child care, camps and youth programs.", "Organisme de loisirs communautaires qui offre des services de garde, des camps et des programmes jeunesse."),
      [S("after-school", ("After-School Program", "Programme après l'école"),
         ("Supervised after-school care with snacks, homework time, sports and arts for children in kindergarten to grade 6. Pick-up from six nearby schools.",
          "Garde supervisée après l'école avec collations, période de devoirs, sports et arts pour les enfants de la maternelle à la 6e année. Cueillette dans six écoles voisines."),
         ["108-03-02", "109-03-10"], elig="families", fees=(("$18 per day; subsidies accepted.", "18 $ par jour; subventions acceptées."), 18),
         apply="online", hours="afterschool", ages=(4, 12)),
       S("day-camp", ("Summer Day Camp", "Camp de jour estival"),
         ("Weekly summer day camps with swimming, outdoor games and field trips. Camperships cover the fee for families with low income.",
          "Camps de jour estivaux à la semaine avec baignade, jeux extérieurs et sorties. Des bourses de camp couvrent les frais pour les familles à faible revenu."),
         ["108-03-04", "108-03-06"], elig="families", fees=(("$210 per week; financial assistance available.", "210 $ par semaine; aide financière offerte."), 210),
         apply="online", hours="daycare", ages=(5, 12)),
       S("preschool", ("Preschool Playgroup", "Halte-garderie préscolaire"),
         ("Half-day play-based preschool to help children aged 2 to 4 get ready for kindergarten.",
          "Prématernelle d'une demi-journée axée sur le jeu pour aider les enfants de 2 à 4 ans à se préparer à la maternelle."),
         ["108-03-05", "109-04"], elig="families", fees=(("$12 per morning.", "12 $ par matin."), 12), apply="register",
         hours="mwf", ages=(2, 4), hours_override=[("MO,WE,FR", "09:00", "11:30")]),
       ], year=1912),

    O("caregivers", "vh", ("Réseau des proches aidants Lac-Rivière", "Réseau des proches aidants Lac-Rivière"),
      ("Support network for family caregivers.", "Réseau de soutien pour les proches aidants."),
      [S("respite", ("In-Home Respite for Caregivers", "Répit à domicile pour les proches aidants"),
         ("A trained worker stays with your loved one for up to four hours a week so you can rest or run errands.",
          "Une personne formée reste avec votre proche jusqu'à quatre heures par semaine pour que vous puissiez vous reposer ou faire vos courses."),
         ["108-03-07", "108-07-04"], elig=("Family caregivers of a senior or an adult with a disability.", "Proches aidants d'une personne aînée ou d'un adulte ayant une incapacité."),
         apply="intake", hours="wk9_17", only_langs="fr,en"),
       S("caregiver-group", ("Caregiver Support Group", "Groupe de soutien pour proches aidants"),
         ("A monthly group to share experiences, learn about resources and take a breath. Coffee and a substitute caregiver are provided on request.",
          "Un groupe mensuel pour échanger, découvrir les ressources et souffler un peu. Café offert et présence d'une personne pour prendre le relais sur demande."),
         ["108-07-09", "108-03-07"], apply="register", hours="evening_mw", only_langs="fr,en", at=["cc-vh", "cc-rc"]),
       ], year=2008),

    O("family-services", "bel", ("Family and Children's Services Lac-Rivière", "Services à l'enfance et à la famille Lac-Rivière"),
      ("Child protection and family support agency for the Ontario side of the region.",
       "Organisme de protection de l'enfance et de soutien aux familles pour le côté ontarien de la région."),
      [S("foster", ("Become a Foster or Adoptive Parent", "Devenir famille d'accueil ou adoptive"),
         ("Information sessions, training and home studies for people who want to foster or adopt a child. Foster families receive a daily allowance and 24-hour support.",
          "Séances d'information, formation et évaluation du milieu familial pour les personnes qui souhaitent accueillir ou adopter un enfant. Les familles d'accueil reçoivent une indemnité quotidienne et un soutien 24 heures sur 24."),
         ["108-01-02", "108-01-01", "111-01-01-02"], elig="adults", apply="register", hours="wk9_17"),
       S("post-adoption", ("Post-Adoption Support", "Soutien après l'adoption"),
         ("Counselling, parent groups and help with search and reunion for adoptive families and adult adoptees.",
          "Counseling, groupes de parents et aide à la recherche et aux retrouvailles pour les familles adoptives et les adultes adoptés."),
         ["108-01-04", "111-01-01-04"], apply="call", hours="wk9_17"),
       S("adoption-planning", ("Adoption Planning for Birth Parents", "Planification de l'adoption pour les parents biologiques"),
         ("Confidential counselling for expectant parents who are considering adoption, with no pressure to choose it.",
          "Counseling confidentiel pour les futurs parents qui envisagent l'adoption, sans aucune pression pour faire ce choix."),
         ["108-01-03", "111-01-01-03"], apply="call", hours="wk9_17"),
       ], year=1894),

    O("spa", "rc", ("SPA Rivière-Claire", "SPA Rivière-Claire"),
      ("Animal protection society and shelter.", "Société protectrice des animaux et refuge."),
      [S("pet-food", ("Pet Food Bank and Low-Cost Spay/Neuter", "Banque de nourriture pour animaux et stérilisation à faible coût"),
         ("Free pet food for households using a food bank, and low-cost spay and neuter surgeries for cats and dogs of people with low income.",
          "Nourriture gratuite pour animaux pour les ménages qui fréquentent une banque alimentaire, et stérilisation à faible coût des chats et des chiens des personnes à faible revenu."),
         ["108-02"], elig="low", fees=(("Pet food is free; surgeries from $60.", "La nourriture est gratuite; les chirurgies à partir de 60 $."), 60),
         hours="weekend", only_langs="fr,en"),
       ], year=1970),

    O("family-resource", "pl", ("Port-Lavande Family Resource Centre", "Centre de ressources familiales de Port-Lavande"),
      ("Free drop-in programs for parents and children aged 0 to 6.", "Programmes gratuits sans inscription pour les parents et les enfants de 0 à 6 ans."),
      [S("playgroup", ("Parent and Child Drop-In", "Halte parents-enfants"),
         ("Play, songs and stories for young children, with early childhood educators on hand to answer parenting questions.",
          "Jeux, chansons et histoires pour les jeunes enfants, avec des éducatrices à la petite enfance sur place pour répondre aux questions des parents."),
         ["108-03-06", "106-04-05"], elig=("Parents and caregivers with children aged 0 to 6.", "Parents et personnes responsables d'enfants de 0 à 6 ans."),
         hours="wk_sat", ages=(0, 6), langs="ar,es", at=["cc-ch"], hours_at={"cc-ch": "tue_thu"}),
       S("parenting", ("Parenting Courses", "Cours sur les compétences parentales"),
         ("Free courses such as Nobody's Perfect and Triple P, on discipline, sleep, screen time and sibling rivalry. Child care is provided during sessions.",
          "Cours gratuits, comme Y'a personne de parfait et Triple P, sur la discipline, le sommeil, le temps d'écran et la rivalité entre frères et sœurs. Une halte-garderie est offerte pendant les séances."),
         ["106-04-05", "108-07-09-03", "109-03-07-04"], elig="families", apply="register", hours="evening"),
       ], year=1996),

    O("info-line", "bel", ("Info Lac-Rivière", "Info Lac-Rivière"),
      ("Community information and referral service for the whole region.", "Service régional d'information et de référence communautaire."),
      [S("info-referral", ("Community Information and Referral", "Information et référence communautaires"),
         ("Trained information specialists help you find the right community, health and government services, in English and French and through an interpreter in 150 languages.",
          "Des spécialistes de l'information formés vous aident à trouver les bons services communautaires, de santé et gouvernementaux, en français et en anglais, et avec un interprète dans 150 langues."),
         ["108-05", "108-05-03", "108-05-05"], apply="anytime", hours="daily_8_20", virtual="v-info", phone="text",
         langs="iu,ar,es,cmn,pa",
         interp=("Telephone interpretation in about 150 languages.", "Interprétation téléphonique dans environ 150 langues.")),
       S("form-clinic", ("Form-Filling Clinic", "Clinique d'aide pour remplir des formulaires"),
         ("Volunteers help with government forms, such as passport, health card, benefit and housing applications. Bring the form and your documents.",
          "Des bénévoles aident à remplir des formulaires gouvernementaux, comme les demandes de passeport, de carte santé, de prestations ou de logement. Apportez le formulaire et vos documents."),
         ["108-05-01", "107-03-04"], hours="sat_am", at=["lib-bel", "cc-pl"], langs="ar,es,fa"),
       ], year=1983, no_main_location=True),

    O("chaplaincy", "bel", ("Interfaith Community Chaplaincy", "Aumônerie communautaire interconfessionnelle"),
      ("Multi-faith spiritual care for people in hospital, in shelters or at home.", "Soins spirituels multiconfessionnels pour les personnes hospitalisées, hébergées en refuge ou à domicile."),
      [S("spiritual", ("Spiritual Care Visits", "Visites de soins spirituels"),
         ("Chaplains from several faith traditions offer a listening ear, prayer or ritual, and support around illness, loss and end of life. People of no faith are welcome.",
          "Des aumôniers de plusieurs traditions religieuses offrent une écoute, une prière ou un rituel, et un soutien face à la maladie, au deuil et à la fin de vie. Les personnes sans religion sont les bienvenues."),
         ["108-07-08", "108-04-01"], apply="call", hours="daily_day", langs="ar,pa"),
       ], year=2010),

    O("camp-horizon", "kb", ("Camp Horizon", "Camp Horizon"),
      ("Accessible overnight summer camp for children and youth with disabilities.", "Camp de vacances accessible pour les enfants et les jeunes handicapés."),
      [S("overnight-camp", ("Accessible Overnight Camp", "Camp de vacances accessible"),
         ("One- and two-week overnight camp sessions with canoeing, crafts and campfires, and one-to-one support staff and nurses on site.",
          "Séjours d'une ou deux semaines en camp de vacances avec canot, bricolage et feux de camp, avec accompagnement individuel et personnel infirmier sur place."),
         ["108-06-04", "108-03-06"], elig="disability", fees=(("$900 per week; bursaries cover up to 90%.", "900 $ par semaine; des bourses couvrent jusqu'à 90 %."), 900),
         apply="online", hours="appt", ages=(7, 21), status="inactive",
         hours_note=("Camp sessions run in July and August; there are no set office hours.",
                     "Les séjours ont lieu en juillet et en août; il n'y a pas d'heures de bureau fixes."),
         alert=("Camp is closed for the season. Registration for next summer opens in January.", "Le camp est fermé pour la saison. Les inscriptions pour l'été prochain ouvriront en janvier.")),
       ], year=1967),

    O("ltc-cedars", "ch", ("The Cedars Long-Term Care Home", "Foyer de soins de longue durée Les Cèdres"),
      ("Municipally run long-term care home with 120 beds.", "Foyer de soins de longue durée municipal de 120 lits."),
      [S("ltc", ("Long-Term Care Beds", "Lits de soins de longue durée"),
         ("24-hour nursing and personal care for adults who can no longer live safely at home. Admission is arranged through the provincial home and community care office.",
          "Soins infirmiers et personnels 24 heures sur 24 pour les adultes qui ne peuvent plus vivre chez eux en toute sécurité. L'admission se fait par l'entremise du bureau provincial des soins à domicile et en milieu communautaire."),
         ["103-05-02-03", "108-06-03"], elig="seniors", fees=(("Set by the province: about $2,300 per month for basic rooms; reduction available.", "Fixé par la province : environ 2 300 $ par mois pour une chambre de base; réduction possible."), 2300),
         apply="referral", hours="247", ages=(18, None), only_langs="en"),
       ], year=1958, legal=("Municipal government", "Administration municipale")),

    O("independent-living", "rc", ("Habitations autonomes Rivière-Claire", "Habitations autonomes Rivière-Claire"),
      ("Supportive apartments for adults with physical disabilities.", "Appartements supervisés pour les adultes ayant une incapacité physique."),
      [S("ind-living", ("Supportive Independent Living Apartments", "Logements autonomes avec soutien"),
         ("Accessible apartments with attendant services available around the clock, so tenants can live on their own.",
          "Appartements accessibles avec des services d'assistance offerts jour et nuit, pour que les locataires puissent vivre de façon autonome."),
         ["103-05-02-02", "106-06-07-09"], elig="disability", fees=(("Rent is 25% of income.", "Le loyer correspond à 25 % du revenu."), None),
         apply="form", hours="wk9_17", only_langs="fr,en", ages=(18, 64)),
       ], year=1992),
]

ORGS += [
    # ---------------- Newcomers, Education ----------------
    O("newcomer-centre", "bel", ("Lac-Rivière Newcomer Centre", "Centre des nouveaux arrivants Lac-Rivière"),
      ("Settlement agency welcoming immigrants and refugees to the region since 1985.",
       "Organisme d'établissement qui accueille les immigrants et les réfugiés dans la région depuis 1985."),
      [S("settlement", ("Settlement Services for Newcomers", "Services d'établissement pour les nouveaux arrivants"),
         ("A settlement worker helps you with your first steps in Canada: health card, social insurance number, bank account, housing, school registration and benefits.",
          "Une intervenante en établissement vous aide dans vos premières démarches au Canada : carte santé, numéro d'assurance sociale, compte bancaire, logement, inscription à l'école et prestations."),
         ["108-05", "111-01-02", "107-03-04"], elig="newcomers", apply="call", hours="wk9_17",
         langs="ar,es,fa,ps,uk,ti,so,sw,cmn,tl", phone="own",
         docs=[("Immigration documents (COPR, PR card or refugee claimant document)", "Documents d'immigration (CRP, carte RP ou document de demandeur d'asile)")]),
       S("esl", ("English Classes for Adults (LINC)", "Cours d'anglais pour adultes (CLIC)"),
         ("Free English classes from beginner to advanced, with child minding on site. Classes focus on everyday and work English.",
          "Cours d'anglais gratuits du niveau débutant au niveau avancé, avec une halte-garderie sur place. Les cours portent sur l'anglais de tous les jours et l'anglais au travail."),
         ["109-03-03", "109-05-03"], elig="newcomers", apply="register", hours="split", langs="ar,es,uk,fa", ages=(18, None),
         at=["lib-bel", "cc-pl"], hours_at={"lib-bel": "evening", "cc-pl": "tue_thu"}),
       S("citizenship", ("Citizenship Test Preparation", "Préparation à l'examen de citoyenneté"),
         ("An eight-week evening class to study for the Canadian citizenship test, with practice tests and help with the application.",
          "Un cours du soir de huit semaines pour se préparer à l'examen de citoyenneté canadienne, avec des examens pratiques et de l'aide pour la demande."),
         ["109-05-01", "111-01-02"], elig="newcomers", apply="register", hours="evening_mw", langs="ar,es"),
       S("school-support", ("Settlement Workers in Schools", "Intervenants en établissement dans les écoles"),
         ("Workers based in schools help newcomer families register children, understand the school system and meet teachers. They also explain school bus and transportation options.",
          "Des intervenants dans les écoles aident les familles nouvellement arrivées à inscrire leurs enfants, à comprendre le système scolaire et à rencontrer les enseignants. Ils expliquent aussi les options d'autobus scolaire et de transport."),
         ["109-01", "108-05-04", "105-02-02"], elig="newcomers", apply="call", hours="wk830_1630", langs="ar,fa,uk,so", at=["school-mf"]),
       S("interpretation", ("Community Interpreter Bank", "Banque d'interprètes communautaires"),
         ("Trained volunteer and paid interpreters for appointments with schools, doctors and social services, in more than 30 languages.",
          "Interprètes bénévoles et rémunérés formés pour les rendez-vous avec les écoles, les médecins et les services sociaux, dans plus de 30 langues."),
         ["111-05"], apply="online", hours="wk9_17", langs="ar,es,fa,ps,uk,ti,so,cmn,yue,vi,tl,pa,ur"),
       S("youth-newcomer", ("Newcomer Youth Leadership Club", "Club de leadership des jeunes nouveaux arrivants"),
         ("Weekly club where newcomer teens make friends, practise English and French, and volunteer in the community.",
          "Club hebdomadaire où les adolescents nouvellement arrivés se font des amis, pratiquent l'anglais et le français et font du bénévolat dans la communauté."),
         ["108-07-05", "108-03-06"], elig=("Newcomer youth aged 13 to 19.", "Jeunes nouveaux arrivants de 13 à 19 ans."), apply="register", hours="fri", ages=(13, 19), langs="ar,uk,es"),
       ], year=1985, fax=True, contact=("Samir Okonkwo-Bélanger", ("Settlement Manager", "Gestionnaire de l'établissement"), ("Settlement Services", "Services d'établissement")),
      program=(("Welcome Lac-Rivière", "Bienvenue Lac-Rivière"),
               ("Settlement, language and integration programs for newcomers.", "Programmes d'établissement, de langue et d'intégration pour les nouveaux arrivants."),
               ["settlement", "esl", "citizenship", "school-support"]),
      funding=[("Federal settlement funding (fictional grant for this demo)", "Financement fédéral pour l'établissement (subvention fictive pour cette démonstration)")]),

    O("accueil-rc", "rc", ("Accueil-Intégration Rivière-Claire", "Accueil-Intégration Rivière-Claire"),
      ("French-language settlement services for immigrants in the Quebec part of the region.",
       "Services d'établissement en français pour les personnes immigrantes du côté québécois de la région."),
      [S("francisation", ("French Classes for Immigrants (Francisation)", "Francisation des personnes immigrantes"),
         ("Full-time and part-time French courses for adult immigrants, with a financial allowance for full-time students who qualify.",
          "Cours de français à temps plein et à temps partiel pour les adultes immigrants, avec une allocation financière pour les élèves à temps plein admissibles."),
         ["109-03-05", "109-03"], elig="newcomers", apply="online", hours="split", only_langs="fr,en,es,ar", ages=(16, None)),
       S("accueil", ("Welcome and Settlement Support", "Accueil et soutien à l'installation"),
         ("Help with housing, school registration, the health insurance card and other first steps in Quebec.",
          "Aide pour le logement, l'inscription à l'école, la carte d'assurance maladie et les autres premières démarches au Québec."),
         ["108-05", "108-05-03"], elig="newcomers", apply="call", hours="wk830_1630", only_langs="fr,en,es,ar,fa"),
       ], year=2003),

    O("read-lr", "mf", ("Read Lac-Rivière Adult Learning", "Alphabétisation Lac-Rivière"),
      ("Adult literacy and upgrading centre.", "Centre d'alphabétisation et de formation de base pour adultes."),
      [S("literacy", ("Adult Literacy and Numeracy", "Alphabétisation et calcul pour adultes"),
         ("Free one-on-one and small-group help with reading, writing and math for adults, at your own pace.",
          "Aide gratuite en lecture, en écriture et en mathématiques pour adultes, individuellement ou en petits groupes, à votre rythme."),
         ["109-06-01", "110-03-01"], elig="adults", apply="call", hours="mon_wed", ages=(18, None), at=["cc-mf", "cc-kb"]),
       S("ged", ("High School Equivalency Preparation", "Préparation à l'équivalence d'études secondaires"),
         ("Classes and tutoring to earn a high school equivalency certificate or the credits needed for college.",
          "Cours et tutorat pour obtenir une attestation d'équivalence d'études secondaires ou les crédits nécessaires pour le collège."),
         ["109-03-06", "109-05-02", "110-03-03"], elig="adults", apply="register", hours="evening", ages=(18, None)),
       ], year=1987),

    O("pl-library", "pl", ("Port-Lavande Public Library", "Bibliothèque publique de Port-Lavande"),
      ("Public library with free programs for all ages.", "Bibliothèque publique offrant des programmes gratuits pour tous les âges."),
      [S("computer-class", ("Computer and Internet Basics", "Initiation à l'ordinateur et à Internet"),
         ("Small classes on using a computer, e-mail, online forms and staying safe online. Laptops are provided.",
          "Petits groupes pour apprendre à utiliser un ordinateur, le courriel, les formulaires en ligne et la sécurité en ligne. Des ordinateurs portables sont fournis."),
         ["109-06-02", "110-03-02"], apply="register", hours="tue_thu", langs=""),
       S("homework-help", ("Homework Help", "Aide aux devoirs"),
         ("Volunteer tutors help students in grades 1 to 12 with homework in math, English and French.",
          "Des tuteurs bénévoles aident les élèves de la 1re à la 12e année à faire leurs devoirs en mathématiques, en anglais et en français."),
         ["109-03-10"], elig=("Students aged 6 to 18.", "Élèves de 6 à 18 ans."), hours="afterschool", ages=(6, 18)),
       S("conversation", ("English Conversation Circle", "Cercle de conversation en anglais"),
         ("A relaxed weekly conversation group for adults learning English. All levels are welcome and no registration is needed.",
          "Un groupe de conversation détendu chaque semaine pour les adultes qui apprennent l'anglais. Tous les niveaux sont les bienvenus et aucune inscription n'est nécessaire."),
         ["109-03-03"], hours="sat_am", langs="es,ar,uk,cmn"),
       S("book-lending", ("Free Books for Kids", "Livres gratuits pour les enfants"),
         ("Children can choose a free book to keep every month, and families can borrow book kits in several languages.",
          "Les enfants peuvent choisir un livre gratuit à garder chaque mois, et les familles peuvent emprunter des trousses de livres en plusieurs langues."),
         ["104-03-02", "109-02-01"], elig="families", hours="wk_sat", ages=(0, 12), langs="es,ar,uk"),
       ], year=1921, legal=("Public library board", "Conseil de bibliothèque publique")),

    O("ecole-adultes", "sa", ("Centre d'éducation des adultes des Pins", "Centre d'éducation des adultes des Pins"),
      ("French-language adult general education centre.", "Centre d'éducation des adultes de langue française."),
      [S("fga", ("Adult General Education", "Formation générale des adultes"),
         ("Free courses to finish a secondary school diploma or take prerequisites for vocational training, in class or at a distance.",
          "Cours gratuits pour terminer un diplôme d'études secondaires ou obtenir des préalables pour la formation professionnelle, en classe ou à distance."),
         ["109-03-06", "109-03-01"], elig=("Adults aged 16 and over who have left school.", "Adultes de 16 ans et plus qui ont quitté l'école."),
         apply="online", hours="wk8_20", only_langs="fr", ages=(16, None)),
       ], year=1975, legal=("School service centre", "Centre de services scolaire")),

    O("alt-school", "bel", ("Riverside Alternative Secondary School", "École secondaire alternative Riverside"),
      ("Public alternative high school for students who need a different setting.", "École secondaire publique alternative pour les élèves qui ont besoin d'un autre milieu."),
      [S("alt-program", ("Alternative High School Program", "Programme secondaire alternatif"),
         ("Small classes, flexible timetables and a youth worker for students who struggled in regular high school. Credits count toward the Ontario diploma.",
          "Petites classes, horaires souples et un intervenant jeunesse pour les élèves qui ont eu de la difficulté à l'école secondaire ordinaire. Les crédits comptent pour le diplôme de l'Ontario."),
         ["109-03-01"], elig=("Students aged 16 to 20 referred by their school or by themselves.", "Élèves de 16 à 20 ans dirigés par leur école ou par eux-mêmes."),
         apply="call", hours="wk830_1630", ages=(16, 20), langs=""),
       ], year=1994, legal=("School board", "Conseil scolaire")),

    O("learning-disab", "ch", ("Learning Disabilities Association of Lac-Rivière", "Association des troubles d'apprentissage de Lac-Rivière"),
      ("Supports children and adults with learning disabilities and ADHD.", "Soutient les enfants et les adultes ayant des troubles d'apprentissage et un TDAH."),
      [S("ld-support", ("Learning Support and Advocacy for Families", "Soutien à l'apprentissage et défense des droits des familles"),
         ("Tutoring by trained instructors, help preparing for school meetings about special education plans, and workshops for parents.",
          "Tutorat par des intervenants formés, aide pour préparer les rencontres scolaires sur le plan d'enseignement individualisé et ateliers pour les parents."),
         ["109-03-09", "109-03-10", "106-04-07"], elig="families", fees="sliding", apply="call", hours="tue_thu", ages=(5, 18)),
       ], year=1977),

    O("sante-mentale-info", "vh", ("Centre d'écoute et d'information en santé mentale", "Centre d'écoute et d'information en santé mentale"),
      ("Community group offering information and workshops on mental health.", "Groupe communautaire qui offre de l'information et des ateliers sur la santé mentale."),
      [S("mh-workshops", ("Mental Health Workshops for Families", "Ateliers en santé mentale pour les familles"),
         ("Free workshops for family members of a person living with a mental illness: understanding diagnoses, communicating, setting limits and taking care of yourself.",
          "Ateliers gratuits pour les proches d'une personne vivant avec une maladie mentale : comprendre les diagnostics, communiquer, mettre ses limites et prendre soin de soi."),
         ["106-04-08", "109-03-07-07", "108-07-09"], apply="register", hours="evening", only_langs="fr,en"),
       S("ecoute", ("Listening Line for Loved Ones", "Ligne d'écoute pour les proches"),
         ("A phone line for family and friends worried about someone's mental health. Calls are answered by trained staff.",
          "Une ligne téléphonique pour les proches qui s'inquiètent de la santé mentale d'une personne. Les appels sont reçus par du personnel formé."),
         ["108-07-02", "108-07-10"], apply="anytime", hours="wk9_17", only_langs="fr,en", phone="own"),
       ], year=1990),

    # ---------------- Work ----------------
    O("employment-lr", "bel", ("Lac-Rivière Employment Services", "Services d'emploi Lac-Rivière"),
      ("Free employment services for job seekers and employers.", "Services d'emploi gratuits pour les chercheurs d'emploi et les employeurs."),
      [S("job-search", ("Job Search Help", "Aide à la recherche d'emploi"),
         ("An employment counsellor helps you set a goal, find job leads and apply. The resource room has computers, printers, phones and a job board.",
          "Une conseillère en emploi vous aide à vous fixer un objectif, à trouver des offres et à postuler. La salle de ressources offre ordinateurs, imprimantes, téléphones et un babillard d'emplois."),
         ["110-01", "108-05-05"], elig="job", hours="wk9_17", langs="ar,es,pa", at=["cc-pl", "cc-mf"], hours_at={"cc-pl": "mon_wed", "cc-mf": "thu_pm"}),
       S("resume", ("Resume and Cover Letter Workshop", "Atelier CV et lettre de présentation"),
         ("A two-hour workshop and a follow-up appointment to build a Canadian-style resume and cover letter.",
          "Un atelier de deux heures et un rendez-vous de suivi pour rédiger un CV et une lettre de présentation de style canadien."),
         ["110-03-05", "109-06-05"], elig="job", apply="register", hours="wed_pm"),
       S("interview", ("Mock Interviews", "Entrevues simulées"),
         ("Practise job interviews with volunteers from local businesses and get feedback. Recorded practice is available on request.",
          "Exercez-vous aux entrevues d'embauche avec des bénévoles d'entreprises locales et recevez des commentaires. Un enregistrement de la pratique est possible sur demande."),
         ["110-03-04", "109-06-04"], elig="job", apply="call", hours="thu_pm"),
       S("job-match", ("Job Matching and Placement", "Jumelage et placement en emploi"),
         ("Staff match job seekers with employers who have open positions, and may offer wage subsidies to employers for new hires.",
          "Le personnel jumelle les chercheurs d'emploi avec des employeurs qui ont des postes à pourvoir et peut offrir aux employeurs des subventions salariales pour les nouvelles embauches."),
         ["110-01-01"], elig="job", apply="intake", hours="wk9_17"),
       S("bus-tickets", ("Bus Tickets for Job Seekers", "Billets d'autobus pour les chercheurs d'emploi"),
         ("Bus tickets for job interviews and the first month of work, for clients of the employment service.",
          "Billets d'autobus pour les entrevues d'embauche et le premier mois de travail, pour la clientèle du service d'emploi."),
         ["105-01-01", "110-02", "107-02-06-02"], elig="job", apply=("Ask your employment counsellor.", "Demandez à votre conseillère en emploi."), hours="wk9_17"),
       ], year=1996, contact=("Daniel Roy", ("Employer Liaison", "Agent de liaison avec les employeurs"), ("Employer Services", "Services aux employeurs"))),

    O("youth-jobs", "rc", ("Carrefour jeunesse-emploi des Rivières", "Carrefour jeunesse-emploi des Rivières"),
      ("Employment and career centre for young adults.", "Centre d'emploi et d'orientation pour les jeunes adultes."),
      [S("youth-employment", ("Youth Employment and Career Guidance", "Emploi et orientation pour les jeunes"),
         ("Career counselling, job search and return-to-school support for young people, plus paid work experience placements.",
          "Orientation, recherche d'emploi et soutien au retour aux études pour les jeunes, ainsi que des stages rémunérés."),
         ["110-01", "109-06-06", "110-03-06"], elig=("Young people aged 16 to 35.", "Jeunes de 16 à 35 ans."), apply="call", hours="wk830_1630", only_langs="fr,en", ages=(16, 35)),
       ], year=1998),

    O("supported-emp", "pl", ("Abilities at Work", "Compétences au travail"),
      ("Supported employment for people with disabilities.", "Intégration à l'emploi avec soutien pour les personnes handicapées."),
      [S("supported", ("Supported Employment Program", "Programme d'emploi avec soutien"),
         ("Job coaches help people with a disability find work that fits, and support them and their employer on the job for as long as needed.",
          "Des accompagnateurs aident les personnes ayant une incapacité à trouver un emploi qui leur convient, et les soutiennent, elles et leur employeur, au travail aussi longtemps que nécessaire."),
         ["110-04", "110-01-02", "109-03-08"], elig="disability", apply="referral", hours="wk9_17", ages=(18, None)),
       ], year=1989),

    O("trades-training", "ch", ("Cedar Hollow Skills Centre", "Centre de compétences de Cedar Hollow"),
      ("Non-profit training centre for the skilled trades.", "Centre de formation sans but lucratif pour les métiers spécialisés."),
      [S("trades", ("Pre-Apprenticeship Training in the Trades", "Formation préalable à l'apprentissage dans les métiers"),
         ("A 16-week course in carpentry, electrical or welding basics, with safety certificates and a work placement. Tools and boots are provided.",
          "Un cours de 16 semaines sur les bases de la menuiserie, de l'électricité ou du soudage, avec certificats de sécurité et stage. Les outils et les bottes sont fournis."),
         ["110-03-07", "109-06-07"], elig="job", apply="online", hours="wk830_1630", ages=(18, None)),
       S("skills-assessment", ("Skills and Career Assessment", "Évaluation des compétences et orientation"),
         ("Hands-on and online tests to find out which trades and jobs match your skills and interests. Results are explained by a counsellor.",
          "Tests pratiques et en ligne pour savoir quels métiers et emplois correspondent à vos compétences et à vos intérêts. Un conseiller vous explique les résultats."),
         ["110-03-06", "109-06-06"], apply="call", hours="mwf"),
       ], year=2005),

    O("workers-centre", "bel", ("Lac-Rivière Workers' Action Centre", "Centre d'action des travailleurs Lac-Rivière"),
      ("Helps workers in low-wage and precarious jobs know and enforce their rights.", "Aide les travailleurs à bas salaire et en situation précaire à connaître et à faire respecter leurs droits."),
      [S("workers-rights", ("Workplace Rights Help", "Aide sur les droits au travail"),
         ("Information and support about unpaid wages, firing, overtime, workplace injuries and harassment. Staff help you file a claim with the employment standards office.",
          "Information et soutien sur le salaire impayé, le congédiement, les heures supplémentaires, les accidents de travail et le harcèlement. L'équipe vous aide à déposer une plainte auprès du bureau des normes d'emploi."),
         ["110-05", "111-01-07"], hours="evening", langs="es,tl,pa,vi"),
       ], year=2011),

    O("older-workers", "vh", ("Expérience 55+", "Expérience 55+"),
      ("Employment services for experienced workers aged 55 and over.", "Services d'emploi pour les travailleurs d'expérience de 55 ans et plus."),
      [S("55plus", ("Job Search Group for Workers 55+", "Groupe de recherche d'emploi 55+"),
         ("A 12-week group program to update job search skills, use LinkedIn and talk about age in interviews, followed by individual coaching.",
          "Un programme de groupe de 12 semaines pour mettre à jour ses techniques de recherche d'emploi, utiliser LinkedIn et aborder la question de l'âge en entrevue, suivi d'un accompagnement individuel."),
         ["110-01", "110-03"], elig="seniors55", apply="register", hours="mwf", only_langs="fr,en", ages=(55, None)),
       ], year=2007),

    # ---------------- Legal ----------------
    O("legal-clinic", "bel", ("Lac-Rivière Community Legal Clinic", "Clinique juridique communautaire Lac-Rivière"),
      ("Free legal services for people with low income in housing, income security, employment and human rights law.",
       "Services juridiques gratuits pour les personnes à faible revenu en droit du logement, sécurité du revenu, droit du travail et droits de la personne."),
      [S("tenant-law", ("Tenant Legal Help", "Aide juridique pour les locataires"),
         ("Advice and representation at the tenant board for eviction, maintenance and rent increase cases.",
          "Conseils et représentation devant le tribunal du logement dans les dossiers d'expulsion, d'entretien et d'augmentation de loyer."),
         ["111-04", "111-01", "103-04"], elig="low", apply="intake", hours="split", langs="ar,es",
         docs=[("Any notice or letter you received from your landlord or the board", "Tout avis ou lettre reçu de votre propriétaire ou du tribunal")]),
       S("income-security", ("Social Assistance and Benefits Appeals", "Appels en matière d'aide sociale et de prestations"),
         ("Legal help when social assistance, disability support, pension or employment insurance is refused, cut off or reduced.",
          "Aide juridique lorsque l'aide sociale, le soutien aux personnes handicapées, une pension ou l'assurance-emploi est refusé, interrompu ou réduit."),
         ["111-01-06", "111-04"], elig="low", apply="intake", hours="split"),
       S("human-rights", ("Human Rights and Discrimination Advice", "Conseils sur les droits de la personne et la discrimination"),
         ("Summary advice and help filing an application when you have been treated unfairly because of race, disability, sex, age or another protected ground.",
          "Conseils sommaires et aide pour déposer une requête lorsque vous avez été traité injustement en raison de votre race, d'un handicap, de votre sexe, de votre âge ou d'un autre motif protégé."),
         ["111-01-03"], elig="low", apply="intake", hours="split"),
       S("legal-outreach", ("Rural Legal Outreach Days", "Journées juridiques en milieu rural"),
         ("A lawyer and a community legal worker hold drop-in legal advice sessions in rural community halls once a month.",
          "Un avocat et un intervenant juridique communautaire tiennent des séances de conseils juridiques sans rendez-vous dans les salles communautaires rurales une fois par mois."),
         ["111-01"], elig="low", apply="walkin", hours="wed_pm", at=["cc-kb", "cc-mf"], status="inactive",
         alert=("Outreach days are suspended until a new community legal worker is hired.", "Les journées juridiques sont suspendues jusqu'à l'embauche d'un nouvel intervenant juridique.")),
       ], year=1980, fax=True, contact=("Me Geneviève Ouellet", ("Staff Lawyer", "Avocate"), ("Housing Law", "Droit du logement"))),

    O("clinique-pop", "rc", ("Clinique juridique populaire de Rivière-Claire", "Clinique juridique populaire de Rivière-Claire"),
      ("Student-run legal information clinic supervised by lawyers.", "Clinique d'information juridique animée par des étudiants et supervisée par des avocats."),
      [S("legal-info", ("Free Legal Information", "Information juridique gratuite"),
         ("Law students, supervised by a lawyer, give free legal information on family, housing, consumer and labour law, and explain how to apply for legal aid.",
          "Des étudiants en droit, supervisés par un avocat, donnent de l'information juridique gratuite en droit de la famille, du logement, de la consommation et du travail, et expliquent comment demander l'aide juridique."),
         ["111-01", "111-01-06"], apply="call", hours="tue_thu", only_langs="fr,en"),
       ], year=2012),

    O("immigration-legal", "bel", ("Refugee and Immigration Legal Aid Lac-Rivière", "Aide juridique aux réfugiés et immigrants Lac-Rivière"),
      ("Legal help for refugee claimants and people with immigration problems.", "Aide juridique pour les demandeurs d'asile et les personnes ayant des problèmes d'immigration."),
      [S("refugee-claims", ("Refugee Claim Legal Help", "Aide juridique pour les demandes d'asile"),
         ("Lawyers help refugee claimants prepare their Basis of Claim form and represent them at their hearing. Help is also given with humanitarian applications and sponsorship.",
          "Des avocats aident les demandeurs d'asile à préparer leur formulaire Fondement de la demande d'asile et les représentent à l'audience. De l'aide est aussi offerte pour les demandes humanitaires et le parrainage."),
         ["111-01-02", "111-04"], elig="newcomers", apply="intake", hours="wk9_17", langs="ar,es,fa,ti,so,ht",
         docs=[("All immigration documents and letters", "Tous les documents et lettres d'immigration")]),
       ], year=2002),

    O("mediation", "ch", ("Community Mediation Lac-Rivière", "Médiation communautaire Lac-Rivière"),
      ("Free conflict resolution services run by trained volunteer mediators.", "Services gratuits de résolution de conflits assurés par des médiateurs bénévoles formés."),
      [S("neighbour-mediation", ("Neighbour and Family Mediation", "Médiation entre voisins et en famille"),
         ("Trained mediators help neighbours, roommates and family members talk through disputes about noise, property, care of a parent and more. Both sides must agree to take part.",
          "Des médiateurs formés aident les voisins, les colocataires et les membres d'une famille à discuter de leurs différends au sujet du bruit, d'une propriété, des soins à un parent, et plus encore. Les deux parties doivent accepter d'y participer."),
         ["111-02"], apply="call", hours="appt", at=["hub-bel"]),
       ], year=1993),

    O("notary-clinic", "pl", ("Port-Lavande Commissioner and Notary Clinic", "Clinique d'assermentation et de notariat de Port-Lavande"),
      ("Volunteer lawyers and commissioners who certify documents for people with low income.", "Avocats et commissaires bénévoles qui certifient des documents pour les personnes à faible revenu."),
      [S("notary", ("Free Document Certification and Commissioning", "Certification et assermentation gratuites de documents"),
         ("Get copies of documents certified, sign affidavits and statutory declarations, and have forms commissioned for free.",
          "Faites certifier des copies de documents, signez des affidavits et des déclarations solennelles et faites assermenter des formulaires gratuitement."),
         ["111-03"], elig="low", hours="fri", at=["cc-pl"]),
       ], year=2014, no_main_location=True),

    O("id-clinic", "bel", ("Bellerive ID Clinic", "Clinique d'identification de Bellerive"),
      ("Helps people replace lost or stolen identification documents.", "Aide les gens à remplacer des pièces d'identité perdues ou volées."),
      [S("id-replacement", ("Identification Replacement Clinic", "Clinique de remplacement de pièces d'identité"),
         ("Help to replace birth certificates, health cards, social insurance numbers and photo ID, with fees covered for people with low income. ID can be stored safely at the clinic.",
          "Aide pour remplacer les certificats de naissance, les cartes santé, les numéros d'assurance sociale et les pièces d'identité avec photo, avec frais couverts pour les personnes à faible revenu. Les pièces peuvent être conservées en lieu sûr à la clinique."),
         ["111-01-05", "108-05-01"], elig="low", hours="tue_thu", at=["harbourlight"], hours_at={"harbourlight": "fri"}),
       ], year=2009, no_main_location=True),

    O("guardianship-info", "sa", ("Éducaloi communautaire des Pins", "Éducaloi communautaire des Pins"),
      ("Legal information sessions on protective supervision, mandates and wills.", "Séances d'information juridique sur les régimes de protection, les mandats et les testaments."),
      [S("guardianship", ("Guardianship and Power of Attorney Information", "Information sur la tutelle et le mandat de protection"),
         ("Free sessions and individual meetings on protection mandates, powers of attorney, guardianship of an adult and wills.",
          "Séances gratuites et rencontres individuelles sur les mandats de protection, les procurations, la tutelle d'un majeur et les testaments."),
         ["111-01-04"], apply="register", hours="wed_pm", only_langs="fr,en", at=["cc-sa"]),
       ], year=2016, no_main_location=True),

    O("family-law", "vh", ("Centre de justice de proximité du Lac", "Centre de justice de proximité du Lac"),
      ("Free legal information and referral centre.", "Centre gratuit d'information juridique et d'orientation."),
      [S("family-law-info", ("Family Law Information", "Information en droit de la famille"),
         ("Legal information about separation, custody, child support and family mediation, and help finding the right forms.",
          "Information juridique sur la séparation, la garde des enfants, la pension alimentaire et la médiation familiale, et aide pour trouver les bons formulaires."),
         ["111-01", "111-02"], apply="call", hours="wk9_17", only_langs="fr,en"),
       ], year=2015),
]

ORGS += [
    # ---------------- Small local groups ----------------
    O("kb-cupboard", "kb", ("Kestrel Bay Food Cupboard", "Garde-manger de Kestrel Bay"),
      ("Small volunteer food cupboard in the Kestrel Bay United Church.", "Petit garde-manger bénévole situé dans l'église unie de Kestrel Bay."),
      [S("cupboard", ("Weekend Food Cupboard", "Garde-manger de fin de semaine"),
         ("Canned goods, pasta, cereal, bread and some fresh items, open on weekends for anyone who needs food. Take what you need.",
          "Conserves, pâtes, céréales, pain et quelques produits frais, offerts la fin de semaine à toute personne qui a besoin de nourriture. Prenez ce dont vous avez besoin."),
         ["102-04", "101-03"], hours="weekend", only_langs="en"),
       ], year=1990),

    O("vh-frigo", "vh", ("Frigo communautaire Val-des-Hérons", "Frigo communautaire Val-des-Hérons"),
      ("Citizen-run community fridge fighting food waste.", "Frigo communautaire géré par des citoyens pour lutter contre le gaspillage alimentaire."),
      [S("frigo", ("Community Fridge", "Frigo partagé"),
         ("A free fridge and pantry in the lobby of the multiservice centre, stocked daily by local grocers and gardeners. Anyone can take or leave food.",
          "Un frigo et un garde-manger gratuits dans le hall du centre multiservice, garnis chaque jour par les épiciers et les jardiniers du coin. Tout le monde peut prendre ou laisser de la nourriture."),
         ["102-02", "102-04"], hours="daily_8_20", only_langs="fr,en", at=["cc-vh"]),
       ], year=2021, no_main_location=True),

    O("mf-out-of-cold", "mf", ("Millbrook Falls Out of the Cold", "Halte-chaleur de Millbrook Falls"),
      ("Volunteer winter overnight program hosted by local churches.", "Programme bénévole d'hébergement de nuit en hiver accueilli par les églises locales."),
      [S("winter-shelter", ("Winter Overnight Warming Centre", "Halte-chaleur de nuit en hiver"),
         ("From December to March, a warm place to sleep on cots with a hot supper and breakfast, Sunday to Thursday nights. Volunteers can arrange a ride to the Bellerive shelter on other nights.",
          "De décembre à mars, un endroit chaud où dormir sur des lits de camp, avec souper chaud et déjeuner, du dimanche au jeudi soir. Les bénévoles peuvent organiser un transport vers le refuge de Bellerive les autres soirs."),
         ["101-04", "102-05"], elig="homeless", apply="door", hours="overnight_wk", only_langs="en", ages=(18, None)),
       ], year=2013),

    O("pl-seniors-bus", "pl", ("Port-Lavande Seniors' Bus", "Autobus des aînés de Port-Lavande"),
      ("Community bus run by the Port-Lavande Lions and the township.", "Autobus communautaire exploité par les Lions de Port-Lavande et le canton."),
      [S("seniors-bus", ("Seniors' Community Bus", "Autobus communautaire des aînés"),
         ("An accessible bus with a lift takes seniors from their door to the shops, the clinic and the community centre on set days.",
          "Un autobus accessible muni d'une plateforme élévatrice conduit les aînés de leur porte aux commerces, à la clinique et au centre communautaire certains jours."),
         ["105-02", "105-02-01"], elig="seniors55", fees=(("$3 per ride; 10-ride card $25.", "3 $ par trajet; carte de 10 trajets à 25 $."), 3),
         apply="call", hours="tue_thu", ages=(55, None)),
       ], year=2000),

    O("toy-library", "bel", ("Bellerive Toy Library", "Joujouthèque de Bellerive"),
      ("Lending library of toys, games and baby equipment.", "Bibliothèque de prêt de jouets, de jeux et d'équipement pour bébé."),
      [S("toys", ("Toy and Baby Gear Lending", "Prêt de jouets et d'équipement pour bébé"),
         ("Families can borrow toys, puzzles, board games, car seats and strollers for free, and exchange them every three weeks.",
          "Les familles peuvent emprunter gratuitement des jouets, des casse-tête, des jeux de société, des sièges d'auto et des poussettes, et les échanger toutes les trois semaines."),
         ["104-06", "104-01"], elig="families", hours="tue_eve_sat", langs="ar,es", at=["lib-bel"]),
       ], year=2017, no_main_location=True),

    O("ch-tenants", "ch", ("Cedar Hollow Tenants' Association", "Association des locataires de Cedar Hollow"),
      ("Volunteer tenants' association for the south of the region.", "Association bénévole de locataires pour le sud de la région."),
      [S("tenant-meetings", ("Tenant Support Meetings", "Rencontres de soutien aux locataires"),
         ("Monthly meetings where tenants share advice about repairs, rent increases and dealing with landlords. Volunteers can go with you to the tenant board.",
          "Rencontres mensuelles où les locataires échangent des conseils sur les réparations, les hausses de loyer et les relations avec les propriétaires. Des bénévoles peuvent vous accompagner au tribunal du logement."),
         ["103-04", "108-07-09", "111-01"], elig="tenants", hours="evening_mw", only_langs="en", at=["cc-ch"]),
       ], year=2016, no_main_location=True),
]

# Extra locations of an organization: (org key, town, (name_en, name_fr), service keys offered there)
BRANCHES = [
    ("bel-chc", "pl", ("Bellerive CHC – Port-Lavande Satellite", "CSC de Bellerive – point de service de Port-Lavande"), ["primary-care", "prenatal"]),
    ("newcomer-centre", "mf", ("Newcomer Centre – Millbrook Falls Office", "Centre des nouveaux arrivants – bureau de Millbrook Falls"), ["settlement"]),
    ("employment-lr", "kb", ("Employment Services – Kestrel Bay Office", "Services d'emploi – bureau de Kestrel Bay"), ["resume", "interview"]),
    ("bel-foodbank", "bel", ("Bellerive Food Bank – East End Depot", "Banque alimentaire de Bellerive – dépôt de l'Est"), ["baby-pantry"]),
    ("pathways", "mf", ("Pathways – Millbrook Falls Office", "Parcours – bureau de Millbrook Falls"), ["case-mgmt", "peer-support"]),
    ("legal-clinic", "pl", ("Legal Clinic – Port-Lavande Office", "Clinique juridique – bureau de Port-Lavande"), ["tenant-law", "income-security"]),
    ("sa-depannage", "vh", ("Point de service de Val-des-Hérons", "Point de service de Val-des-Hérons"), ["depannage"]),
    ("mow", "rc", ("Popote roulante – cuisine de Rivière-Claire", "Popote roulante – cuisine de Rivière-Claire"), ["delivery"]),
    ("home-care", "sa", ("Point de service de Saint-Aubin", "Point de service de Saint-Aubin"), ["home-support"]),
    ("credit-counselling", "rc", ("Credit Counselling – Rivière-Claire Office", "Consultation budgétaire – bureau de Rivière-Claire"), ["debt-help"]),
    ("headway", "pl", ("Headway – Port-Lavande Youth Space", "Headway – espace jeunesse de Port-Lavande"), ["youth-counselling"]),
]

# Extra translations of service name and description: "org/service" -> {language: (name, description)}
OTHER_LANGS = {
    "bel-foodbank/produce": {
        "es": ("Mesa de frutas y verduras frescas",
               "Frutas y verduras frescas y gratuitas, recuperadas de tiendas de comestibles y granjas locales, que se ofrecen los jueves por la tarde. No hace falta inscribirse y todas las personas son bienvenidas."),
        "ar": ("طاولة الخضار والفواكه الطازجة",
               "فواكه وخضار طازجة مجانية يتم جمعها من محلات البقالة والمزارع المحلية، وتُقدَّم بعد ظهر كل يوم خميس. لا حاجة إلى التسجيل، والجميع مرحَّب بهم."),
    },
    "pl-kitchen/supper": {
        "es": ("Cena comunitaria",
               "Una cena caliente y casera que se sirve dos veces por semana en la sala de la Legión. Hay envases para llevar para quienes no pueden quedarse."),
    },
    "harbourlight/shelter": {
        "ar": ("مأوى الطوارئ الليلي",
               "أربعون سريرًا منخفض العوائق للبالغين، مع وجبة عشاء ودُشّ وفطور. يُرحَّب بالأزواج والحيوانات الأليفة في الجناح العائلي عند توفر المكان."),
    },
    "helene-dubois/crisis-line": {
        "es": ("Línea de apoyo para mujeres las 24 horas",
               "Trabajadoras capacitadas responden llamadas y mensajes de texto a cualquier hora sobre el maltrato, la seguridad y las opciones disponibles. Puede mantener el anonimato."),
        "ar": ("خط دعم للنساء على مدار 24 ساعة",
               "تجيب عاملات مدرَّبات على المكالمات والرسائل النصية في أي ساعة بشأن العنف والسلامة والخيارات المتاحة. يمكنكِ البقاء مجهولة الهوية."),
    },
    "distress-centre/crisis-line": {
        "zh-Hans": ("24/7 危机与支持热线",
                    "无论白天还是夜晚，您都可以随时与受过培训的志愿者交谈，倾诉任何困扰您的事情，包括自杀的念头。通话保密且免费。"),
        "pa": ("24/7 ਸੰਕਟ ਅਤੇ ਸਹਾਇਤਾ ਲਾਈਨ",
               "ਦਿਨ ਜਾਂ ਰਾਤ ਕਿਸੇ ਵੀ ਸਮੇਂ ਕਿਸੇ ਸਿਖਲਾਈ ਪ੍ਰਾਪਤ ਵਲੰਟੀਅਰ ਨਾਲ ਕਿਸੇ ਵੀ ਗੱਲ ਬਾਰੇ ਗੱਲ ਕਰੋ ਜੋ ਤੁਹਾਨੂੰ ਪਰੇਸ਼ਾਨ ਕਰ ਰਹੀ ਹੈ, ਖ਼ੁਦਕੁਸ਼ੀ ਦੇ ਵਿਚਾਰਾਂ ਸਮੇਤ। ਕਾਲਾਂ ਗੁਪਤ ਅਤੇ ਮੁਫ਼ਤ ਹਨ।"),
    },
    "bel-transit/affordable-pass": {
        "zh-Hans": ("低价公交月票",
                    "低收入居民可以以大约半价购买公交月票。月票存储在带照片的卡上，每年续期一次。"),
        "ar": ("تذكرة نقل عام بسعر مخفَّض",
               "يمكن للسكان ذوي الدخل المنخفض شراء تذكرة حافلات شهرية بنحو نصف السعر. تُحمَّل التذكرة على بطاقة تحمل صورة وتُجدَّد كل عام."),
    },
    "bel-chc/primary-care": {
        "fa": ("درمانگاه مراقبت‌های اولیه",
               "پزشکان خانواده و پرستاران متخصص برای افرادی که پزشک خانواده ندارند، از جمله کسانی که کارت سلامت ندارند. نوبت‌های همان روز برای نیازهای فوری نگه داشته می‌شود."),
        "ar": ("عيادة الرعاية الصحية الأولية",
               "أطباء أسرة وممرضون ممارسون للأشخاص الذين ليس لديهم طبيب أسرة، بمن فيهم من لا يملكون بطاقة صحية. تُخصَّص مواعيد في اليوم نفسه للحالات العاجلة."),
    },
    "bel-chc/dental": {
        "es": ("Clínica dental comunitaria",
               "Revisiones, limpiezas, empastes y extracciones para personas adultas y niños de bajos ingresos sin seguro dental. Las urgencias por dolor dental se atienden los lunes por la mañana."),
    },
    "pathways/walkin-counselling": {
        "es": ("Clínica de consejería sin cita",
               "Una sesión única con un consejero, el mismo día, sin remisión y sin lista de espera. Útil para el estrés, las relaciones, el duelo o cualquier preocupación."),
        "fa": ("مشاوره بدون نوبت قبلی",
               "یک جلسه‌ی مشاوره در همان روز، بدون نیاز به معرفی‌نامه و بدون لیست انتظار. مناسب برای استرس، مشکلات رابطه، سوگ یا هر نگرانی دیگر."),
    },
    "tax-clinic/tax": {
        "zh-Hans": ("免费报税诊所",
                    "经过培训的志愿者为收入不高的人士准备并递交联邦和省级报税表，也可以补报往年的税。报税是领取各类福利的关键，例如GST/HST抵免和加拿大儿童福利金。"),
        "uk": ("Безкоштовна податкова клініка",
               "Підготовлені волонтери заповнюють і подають федеральні та провінційні податкові декларації для людей зі скромним доходом, зокрема за попередні роки. Подання декларації — ключ до виплат, таких як кредит GST/HST та Канадська допомога на дітей."),
    },
    "newcomer-centre/settlement": {
        "ar": ("خدمات الاستقرار للقادمين الجدد",
               "يساعدك موظف الاستقرار في خطواتك الأولى في كندا: البطاقة الصحية، ورقم التأمين الاجتماعي، والحساب المصرفي، والسكن، وتسجيل الأطفال في المدرسة، والإعانات."),
        "uk": ("Послуги з облаштування для новоприбулих",
               "Працівник із питань облаштування допоможе вам зробити перші кроки в Канаді: отримати медичну картку, номер соціального страхування, відкрити банківський рахунок, знайти житло, записати дітей до школи та оформити виплати."),
    },
    "newcomer-centre/esl": {
        "ar": ("دروس اللغة الإنجليزية للبالغين (LINC)",
               "دروس مجانية في اللغة الإنجليزية من المستوى المبتدئ إلى المتقدم، مع رعاية للأطفال في المكان. تركّز الدروس على الإنجليزية المستخدمة في الحياة اليومية وفي العمل."),
        "fa": ("کلاس‌های زبان انگلیسی برای بزرگسالان (LINC)",
               "کلاس‌های رایگان زبان انگلیسی از سطح مبتدی تا پیشرفته، همراه با نگهداری از کودکان در محل. تمرکز کلاس‌ها بر انگلیسی روزمره و انگلیسی محیط کار است."),
    },
    "newcomer-centre/citizenship": {
        "tl": ("Paghahanda para sa Pagsusulit sa Pagkamamamayan",
               "Isang walong-linggong klase sa gabi para mag-aral para sa pagsusulit sa pagkamamamayang Canadian, na may mga practice test at tulong sa aplikasyon."),
        "vi": ("Luyện thi quốc tịch",
               "Lớp học buổi tối kéo dài tám tuần để ôn thi quốc tịch Canada, có bài thi thử và được hỗ trợ làm hồ sơ."),
    },
    "pl-library/conversation": {
        "es": ("Círculo de conversación en inglés",
               "Un grupo de conversación semanal y relajado para personas adultas que aprenden inglés. Todos los niveles son bienvenidos y no hace falta inscribirse."),
        "uk": ("Розмовний клуб англійської мови",
               "Невимушена щотижнева розмовна група для дорослих, які вивчають англійську. Запрошуємо учасників будь-якого рівня, реєстрація не потрібна."),
    },
    "employment-lr/job-search": {
        "pa": ("ਨੌਕਰੀ ਲੱਭਣ ਵਿੱਚ ਮਦਦ",
               "ਇੱਕ ਰੁਜ਼ਗਾਰ ਸਲਾਹਕਾਰ ਟੀਚਾ ਮਿੱਥਣ, ਨੌਕਰੀਆਂ ਲੱਭਣ ਅਤੇ ਅਰਜ਼ੀ ਦੇਣ ਵਿੱਚ ਤੁਹਾਡੀ ਮਦਦ ਕਰਦਾ ਹੈ। ਰਿਸੋਰਸ ਰੂਮ ਵਿੱਚ ਕੰਪਿਊਟਰ, ਪ੍ਰਿੰਟਰ, ਫ਼ੋਨ ਅਤੇ ਨੌਕਰੀਆਂ ਦਾ ਬੋਰਡ ਹੈ।"),
        "es": ("Ayuda para buscar empleo",
               "Una consejera de empleo le ayuda a fijar una meta, encontrar ofertas de trabajo y postularse. La sala de recursos tiene computadoras, impresoras, teléfonos y un tablón de empleos."),
    },
    "workers-centre/workers-rights": {
        "es": ("Ayuda sobre derechos laborales",
               "Información y apoyo sobre salarios no pagados, despidos, horas extra, accidentes de trabajo y acoso. El personal le ayuda a presentar una reclamación ante la oficina de normas de empleo."),
        "tl": ("Tulong tungkol sa Karapatan sa Trabaho",
               "Impormasyon at suporta tungkol sa hindi nabayarang sahod, pagkatanggal sa trabaho, overtime, pinsala sa trabaho at panliligalig. Tutulungan ka ng mga kawani na magsampa ng reklamo sa tanggapan ng employment standards."),
    },
    "legal-clinic/tenant-law": {
        "ar": ("المساعدة القانونية للمستأجرين",
               "استشارات وتمثيل أمام هيئة الإيجارات في قضايا الإخلاء والصيانة وزيادة الإيجار."),
    },
    "immigration-legal/refugee-claims": {
        "ar": ("المساعدة القانونية في طلبات اللجوء",
               "يساعد محامون طالبي اللجوء في إعداد استمارة أساس الطلب (BOC) ويمثّلونهم في جلسة الاستماع. كما تُقدَّم المساعدة في الطلبات الإنسانية وطلبات الكفالة."),
        "es": ("Ayuda legal para solicitudes de refugio",
               "Abogados ayudan a las personas solicitantes de refugio a preparar su formulario de Fundamento de la Solicitud (BOC) y las representan en su audiencia. También se ofrece ayuda con solicitudes humanitarias y patrocinios."),
    },
    "housing-help/housing-search": {
        "ar": ("المساعدة في البحث عن سكن",
               "مساعدة فردية للبحث في إعلانات السكن، وإعداد طلبات الاستئجار، ومقابلة الملّاك. يحتفظ المركز بقائمة غرف وشقق بإيجار يساوي متوسط سعر السوق أو أقل منه."),
        "es": ("Ayuda para buscar vivienda",
               "Ayuda individual para buscar anuncios, preparar solicitudes de alquiler y reunirse con propietarios. El centro mantiene una lista de habitaciones y apartamentos con un alquiler igual o inferior al promedio del mercado."),
    },
    "info-line/info-referral": {
        "vi": ("Thông tin và giới thiệu dịch vụ cộng đồng",
               "Các chuyên viên thông tin được đào tạo sẽ giúp bạn tìm đúng dịch vụ cộng đồng, y tế và chính phủ, bằng tiếng Anh và tiếng Pháp, cũng như qua thông dịch viên trong 150 ngôn ngữ."),
        "zh-Hans": ("社区信息与转介服务",
                    "训练有素的信息专员用英语和法语帮助您找到合适的社区、医疗和政府服务，也可以通过口译员使用150种语言提供帮助。"),
    },
    "bel-childcare-subsidy/subsidy": {
        "es": ("Subsidio para el cuidado infantil",
               "Ayuda a las familias de ingresos bajos o moderados a pagar el cuidado infantil autorizado y los programas antes y después de la escuela. El monto depende de los ingresos familiares."),
    },
    "bel-clothing/clothing": {
        "ar": ("بنك الملابس المجانية",
               "اختر حتى 15 قطعة ملابس لكل شخص شهريًا، بما في ذلك معاطف الشتاء والأحذية الشتوية وأغطية السرير. تُقبل التبرعات عند الباب الخلفي."),
        "so": ("Bangiga Dharka Bilaashka ah",
               "Qof kastaa wuxuu bil kasta dooran karaa ilaa 15 xabbo oo dhar ah, oo ay ku jiraan jaakadaha jiilaalka, kabaha iyo gogosha sariirta. Deeqaha waxaa laga aqbalaa albaabka dambe."),
    },
}


# ---------------------------------------------------------------------------
# 3. Expansion into HSDS rows
# ---------------------------------------------------------------------------

RESOURCES = [  # resources written, in the official order
    "organization", "program", "service", "attribute", "service_at_location", "location",
    "phone", "contact", "address", "schedule", "funding", "service_area", "required_document",
    "language", "accessibility", "taxonomy_term", "cost_option", "taxonomy",
]

# Fields whose values get a French row in translations.csv (entity -> fields).
TRANSLATABLE = {
    "organization": ["name", "alternate_name", "description", "legal_status"],
    "program": ["name", "description"],
    "service": ["name", "alternate_name", "description", "interpretation_services", "application_process",
                "fees_description", "wait_time", "eligibility_description", "alert"],
    "service_at_location": ["description"],
    "location": ["name", "description", "transportation"],
    "phone": ["description"],
    "contact": ["title", "department"],
    "funding": ["source"],
    "service_area": ["description"],
    "required_document": ["document"],
    "language": ["name"],
    "accessibility": ["description", "details"],
    "schedule": ["description"],
    "taxonomy_term": ["name", "description"],
    "cost_option": ["option", "amount_description"],
    "taxonomy": ["description"],
}

DAY_EN = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday",
          "SA": "Saturday", "SU": "Sunday"}
DAY_FR = {"MO": "lundi", "TU": "mardi", "WE": "mercredi", "TH": "jeudi", "FR": "vendredi",
          "SA": "samedi", "SU": "dimanche"}
DAY_RANGES = {
    DAYS_WK: ("Monday to Friday", "Du lundi au vendredi"),
    DAYS_ALL: ("Every day", "Tous les jours"),
    "MO,TU,WE,TH": ("Monday to Thursday", "Du lundi au jeudi"),
    "SU,MO,TU,WE,TH": ("Sunday to Thursday", "Du dimanche au jeudi"),
}


def _join(words, conj):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {conj} " + words[-1]


def days_text(byday):
    if byday in DAY_RANGES:
        return DAY_RANGES[byday]
    codes = byday.split(",")
    en = _join([DAY_EN[c] for c in codes], "and")
    fr = _join([DAY_FR[c] for c in codes], "et")
    return en, fr[0].upper() + fr[1:]


def time_text(hhmm):
    h, m = int(hhmm[:2]), int(hhmm[3:])
    if (h, m) == (12, 0):
        return "noon", "midi"
    if (h, m) == (0, 0):
        return "midnight", "minuit"
    suffix = "a.m." if h < 12 else "p.m."
    h12 = h % 12 or 12
    en = f"{h12} {suffix}" if m == 0 else f"{h12}:{m:02d} {suffix}"
    fr = f"{h} h" if m == 0 else f"{h} h {m:02d}"
    return en, fr


def schedule_text(byday, opens, closes):
    """Plain-language English and French description of one schedule row."""
    den, dfr = days_text(byday)
    if opens == closes == "00:00":
        if byday == DAYS_ALL:
            return "Open 24 hours a day, 7 days a week.", "Ouvert 24 heures sur 24, 7 jours sur 7."
        return f"{den}: open 24 hours.", f"{dfr} : ouvert 24 heures sur 24."
    o_en, o_fr = time_text(opens)
    c_en, c_fr = time_text(closes)
    if closes <= opens:  # ends the next day
        if closes == "00:00":
            return f"{den}, from {o_en} until midnight.", f"{dfr}, de {o_fr} jusqu'à minuit."
        return (f"{den}, overnight from {o_en} until {c_en} the next morning.",
                f"{dfr}, la nuit, de {o_fr} jusqu'à {c_fr} le lendemain matin.")
    end = "" if c_en.endswith(".") else "."
    return f"{den}, {o_en} to {c_en}{end}", f"{dfr}, de {o_fr} à {c_fr}."


def pair(value, table):
    """Resolve a pattern key or pass through an (English, French) pair."""
    return table[value] if isinstance(value, str) else value


def slug_email(name):
    import unicodedata
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]+", ".", s).strip(".")


def load_oe_terms():
    for path in OE_CSV_CANDIDATES:
        if os.path.exists(path):
            with open(path, encoding="utf-8", newline="") as f:
                return list(csv.DictReader(f))
    sys.exit("Open Eligibility taxonomy.csv not found; tried: " + ", ".join(OE_CSV_CANDIDATES))


class Builder:
    def __init__(self):
        self.rng = random.Random(RNG_SEED)
        self.rows = {r: [] for r in RESOURCES}
        self.translations = []
        self.pools = {}
        for area in ("613", "819"):
            nums = [f"{area}-555-01{n:02d}" for n in range(100)]
            self.rng.shuffle(nums)
            self.pools[area] = nums

    # -- helpers ----------------------------------------------------------
    def add(self, resource, **values):
        self.rows[resource].append(values)
        return values

    def tr(self, entity, rid, field, fr, lang="fr"):
        if fr:
            self.translations.append({"entity": entity, "id": rid, "field": field,
                                      "language": lang, "value": fr})

    def add_text(self, resource, row, field, value):
        """Set row[field] to the English text and record its French translation."""
        if value:
            en, fr = value
            row[field] = en
            self.tr(resource, row["id"], field, fr)

    def number(self, area):
        if not self.pools[area]:
            raise SystemExit(f"ran out of fictional {area}-555-01xx numbers")
        return self.pools[area].pop()

    def assured_date(self):
        if self.rng.random() < 0.3:   # stale: checked more than a year ago
            start, end = dt.date(2024, 6, 1), TODAY - dt.timedelta(days=380)
        else:
            start, end = TODAY - dt.timedelta(days=360), dt.date(2026, 11, 27)
        return (start + dt.timedelta(days=self.rng.randint(0, (end - start).days))).isoformat()

    def coords(self, town):
        _, _, lat, lon, _, _ = TOWNS[town]
        lat = min(max(lat + self.rng.uniform(-0.018, 0.018), 45.25), 45.65)
        lon = min(max(lon + self.rng.uniform(-0.03, 0.03), -76.0), -75.3)
        return round(lat, 5), round(lon, 5)

    def postal_code(self, town):
        letters = "ABCEGHJKLMNPRSTVWXYZ"
        r = self.rng
        return f"{TOWNS[town][4]} {r.randint(0, 9)}{r.choice(letters)}{r.randint(0, 9)}"

    def transportation(self, town):
        r = self.rng
        if town == "bel":
            route, metres = r.randint(1, 12), r.choice([50, 100, 150, 200, 300])
            return (f"Bellerive Transit route {route} stops about {metres} m away. Paid parking on the street.",
                    f"La ligne {route} du Transport en commun de Bellerive s'arrête à environ {metres} m. Stationnement payant dans la rue.")
        if TOWNS[town][1] == "QC":
            return ("Rural collective transportation on reservation (Transport adapté et collectif des Rivières). Free parking on site.",
                    "Transport collectif rural sur réservation (Transport adapté et collectif des Rivières). Stationnement gratuit sur place.")
        return r.choice([
            ("No public transit; free parking on site. The volunteer driver program can help with rides.",
             "Aucun transport en commun; stationnement gratuit sur place. Le programme de chauffeurs bénévoles peut aider pour les déplacements."),
            ("Free parking behind the building. Community bus stop at the front door on Tuesdays and Thursdays.",
             "Stationnement gratuit derrière l'édifice. Arrêt de l'autobus communautaire devant la porte le mardi et le jeudi."),
        ])

    # -- locations ----------------------------------------------------------
    def location(self, lid, town, name, desc, org_id="", confidential=False):
        row = self.add("location", id=lid, location_type="physical", organization_id=org_id)
        self.add_text("location", row, "name", name)
        self.add_text("location", row, "description", desc)
        if confidential:
            self.add_text("location", row, "transportation",
                          ("The street address is given by phone for safety reasons.",
                           "Pour des raisons de sécurité, l'adresse est donnée par téléphone."))
            addr = self.add("address", id=uid("address", lid), location_id=lid, address_1="C.P. 214",
                            city=TOWNS[town][0], state_province=TOWNS[town][1],
                            postal_code=self.postal_code(town), country="CA", address_type="postal")
            return row
        row["latitude"], row["longitude"] = self.coords(town)
        self.add_text("location", row, "transportation", self.transportation(town))
        number = self.rng.randint(10, 2400)
        street = self.rng.choice(STREETS[town])
        line1 = f"{number}, {street}" if TOWNS[town][1] == "QC" else f"{number} {street}"
        addr = self.add("address", id=uid("address", lid), location_id=lid, address_1=line1,
                        city=TOWNS[town][0], state_province=TOWNS[town][1],
                        postal_code=self.postal_code(town), country="CA", address_type="physical")
        if self.rng.random() < 0.2:
            addr["address_2"] = self.rng.choice(["Suite 200", "Unit 3", "2nd floor", "Lower level"])
        if self.rng.random() < 0.5:
            for i, (d_en, d_fr, x_en, x_fr) in enumerate(self.rng.sample(ACCESSIBILITY, self.rng.randint(1, 3))):
                acc = self.add("accessibility", id=uid("accessibility", lid, i), location_id=lid)
                self.add_text("accessibility", acc, "description", (d_en, d_fr))
                self.add_text("accessibility", acc, "details", (x_en, x_fr) if x_en else None)
        return row

    # -- main expansion -----------------------------------------------------
    def build(self):
        self.build_taxonomy()
        loc_ids = {}
        for key, (town, name, desc) in SITES.items():
            loc_ids[key] = uid("location", "site", key)
            self.location(loc_ids[key], town, name, desc)
        for key, (name, desc, url) in VIRTUAL_SITES.items():
            loc_ids[key] = uid("location", "virtual", key)
            row = self.add("location", id=loc_ids[key], location_type="virtual", url=url)
            self.add_text("location", row, "name", name)
            self.add_text("location", row, "description", desc)
        # organizations and their own locations
        org_ids = {o["key"]: uid("organization", o["key"]) for o in ORGS}
        for o in ORGS:
            self.build_org(o, org_ids, loc_ids)
        branch_locs = {}
        for org_key, town, name, svc_keys in BRANCHES:
            org = next(o for o in ORGS if o["key"] == org_key)
            lid = uid("location", org_key, "branch", town)
            self.location(lid, town, name, (f"Satellite office of {org['name'][0]}.",
                                            f"Point de service de l'organisme {org['name'][1]}."), org_ids[org_key])
            ph = self.add("phone", id=uid("phone", lid), location_id=lid,
                          number=self.number(TOWNS[town][5]), type="voice")
            self.add_text("phone", ph, "description", ("Satellite office", "Point de service"))
            for sk in svc_keys:
                branch_locs.setdefault((org_key, sk), []).append(lid)
        for o in ORGS:
            for i, s in enumerate(o["services"]):
                self.build_service(o, s, i, org_ids, loc_ids, branch_locs)
        # the virtual locations belong to the organizations running the lines
        for row in self.rows["location"]:
            if row["id"] == loc_ids["v-distress"]:
                row["organization_id"] = org_ids["distress-centre"]
            if row["id"] == loc_ids["v-info"]:
                row["organization_id"] = org_ids["info-line"]

    def build_taxonomy(self):
        tax_id = uid("taxonomy", "open-eligibility")
        tax = self.add("taxonomy", id=tax_id, name="Open Eligibility", version="2.0")
        self.add_text("taxonomy", tax, "description", (
            "Open Eligibility human services taxonomy, version 2.0, by Aunt Bertha, Inc. (CC BY-SA 3.0). "
            "English term names from the original; French names translated for Passerelle.",
            "Taxonomie des services sociaux Open Eligibility, version 2.0, d'Aunt Bertha, Inc. (CC BY-SA 3.0). "
            "Noms anglais tirés de l'original; noms français traduits pour Passerelle."))
        terms = load_oe_terms()
        by_code = {t["taxonomy_id"]: t for t in terms}
        self.term_ids = {}
        self.term_top = {}
        for t in terms:
            code = t["taxonomy_id"]
            tid = uid("taxonomy_term", "open-eligibility", code)
            self.term_ids[code] = tid
            top = code.split("-")[0]
            self.term_top[code] = by_code[top]["name"]
            row = self.add("taxonomy_term", id=tid, code=code,
                           parent_id=uid("taxonomy_term", "open-eligibility", t["parent_id"]) if t["parent_id"] else "",
                           taxonomy="Open Eligibility", language="en", taxonomy_id=tax_id)
            name_fr = OE_FR[t["name"]]
            self.add_text("taxonomy_term", row, "name", (t["name"], name_fr))
            if t["parent_id"]:
                p = by_code[t["parent_id"]]["name"]
                desc = (f"Open Eligibility term \u201c{t['name']}\u201d ({code}), under \u201c{p}\u201d.",
                        f"Terme Open Eligibility « {name_fr} » ({code}), sous « {OE_FR[p]} ».")
            else:
                desc = (f"Open Eligibility top-level category \u201c{t['name']}\u201d ({code}).",
                        f"Catégorie principale Open Eligibility « {name_fr} » ({code}).")
            self.add_text("taxonomy_term", row, "description", desc)

    def build_org(self, o, org_ids, loc_ids):
        key, town = o["key"], o["town"]
        oid = org_ids[key]
        qc = TOWNS[town][1] == "QC"
        row = self.add("organization", id=oid,
                       email=f"info-{key}@example.ca" if qc and self.rng.random() < 0.5 else f"info@{key}.example.org",
                       website=f"https://{key}.example.org/", year_incorporated=o.get("year", ""),
                       parent_organization_id=org_ids[o["parent"]] if o.get("parent") else "")
        self.add_text("organization", row, "name", o["name"])
        self.add_text("organization", row, "alternate_name", o.get("alt"))
        self.add_text("organization", row, "description", o["desc"])
        self.add_text("organization", row, "legal_status",
                      o.get("legal", ("Non-profit corporation", "Organisme sans but lucratif")))
        area = TOWNS[town][5]
        o["_main_number"] = self.number(area)
        ph = self.add("phone", id=uid("phone", key, "main"), organization_id=oid, number=o["_main_number"], type="voice")
        self.add_text("phone", ph, "description", ("Main line", "Ligne principale"))
        if o.get("fax"):
            ph = self.add("phone", id=uid("phone", key, "fax"), organization_id=oid, number=self.number(area), type="fax")
            self.add_text("phone", ph, "description", ("Fax", "Télécopieur"))
        if not o.get("no_main_location"):
            lid = uid("location", key)
            loc_ids[key] = lid
            self.location(lid, town, o["name"], (f"Main site of {o['name'][0]}.",
                                                 f"Site principal de l'organisme {o['name'][1]}."),
                          oid, confidential=(key == "helene-dubois"))
        if o.get("contact"):
            cname, title, dept = o["contact"]
            cid = uid("contact", key)
            c = self.add("contact", id=cid, organization_id=oid, name=cname,
                         email=f"{slug_email(cname.replace('Dr. ', '').replace('Me ', ''))}@{key}.example.org")
            self.add_text("contact", c, "title", title)
            self.add_text("contact", c, "department", dept)
            ph = self.add("phone", id=uid("phone", key, "contact"), contact_id=cid, number=o["_main_number"],
                          extension=300 + len(self.rows["contact"]), type="voice")
            self.add_text("phone", ph, "description", ("Direct extension", "Poste direct"))
        funding = list(o.get("funding", []))
        if not funding and self.rng.random() < 0.35:
            funding.append(self.rng.choice([
                ("Lac-Rivière Community Foundation (fictional)", "Fondation communautaire Lac-Rivière (fictive)"),
                ("Municipal community grant", "Subvention communautaire municipale"),
                ("Individual donors", "Donateurs individuels"),
                ("Provincial health funding (fictional grant for this demo)", "Financement provincial en santé (subvention fictive pour cette démonstration)"),
            ]))
        for i, f in enumerate(funding):
            fr = self.add("funding", id=uid("funding", key, i), organization_id=oid)
            self.add_text("funding", fr, "source", f)
        if o.get("program"):
            pname, pdesc, _ = o["program"]
            p = self.add("program", id=uid("program", key), organization_id=oid)
            self.add_text("program", p, "name", pname)
            self.add_text("program", p, "description", pdesc)

    def build_service(self, o, s, index, org_ids, loc_ids, branch_locs):
        okey, skey = o["key"], s["key"]
        sid = uid("service", okey, skey)
        s["_id"] = sid
        area = TOWNS[o["town"]][5]
        qc = TOWNS[o["town"]][1] == "QC"
        program_id = uid("program", okey) if o.get("program") and skey in o["program"][2] else ""
        assured = self.assured_date()
        row = self.add("service", id=sid, organization_id=org_ids[okey], program_id=program_id,
                       url=f"https://{okey}.example.org/{skey}",
                       email=(f"{skey}-{okey}@example.ca" if qc and self.rng.random() < 0.5
                              else f"{skey}@{okey}.example.org") if self.rng.random() < 0.8 else "",
                       status=s.get("status", "active"), assured_date=assured,
                       assurer_email="verification@passerelle-demo.example.org",
                       last_modified=f"{assured}T15:00:00Z")
        ages = s.get("ages")
        if ages:
            row["minimum_age"] = ages[0] if ages[0] is not None else ""
            row["maximum_age"] = ages[1] if ages[1] is not None else ""
        self.add_text("service", row, "name", s["name"])
        self.add_text("service", row, "alternate_name", s.get("alt"))
        desc_en, desc_fr = s["desc"]
        if s["hours"] in NO_HOURS_NOTE and not s.get("hours_override"):
            note_en, note_fr = s.get("hours_note") or NO_HOURS_NOTE[s["hours"]]
            desc_en, desc_fr = f"{desc_en} {note_en}", f"{desc_fr} {note_fr}"
        self.add_text("service", row, "description", (desc_en, desc_fr))
        self.add_text("service", row, "interpretation_services", s.get("interp"))
        self.add_text("service", row, "application_process", pair(s["apply"], APPLY))
        fees = s["fees"]
        fee_pair, amount = (FEES[fees], None) if isinstance(fees, str) else fees
        self.add_text("service", row, "fees_description", fee_pair)
        self.add_text("service", row, "wait_time", s.get("wait"))
        self.add_text("service", row, "eligibility_description", pair(s["elig"], ELIG))
        self.add_text("service", row, "alert", s.get("alert"))
        for lang, (name, desc) in OTHER_LANGS.get(f"{okey}/{skey}", {}).items():
            self.tr("service", sid, "name", name, lang)
            self.tr("service", sid, "description", desc, lang)

        # cost options
        if isinstance(fees, str) and fees in ("free", "donation", "healthcard"):
            c = self.add("cost_option", id=uid("cost_option", sid, 0), service_id=sid, currency="CAD", amount=0)
            self.add_text("cost_option", c, "option", ("Free", "Gratuit"))
            self.add_text("cost_option", c, "amount_description", fee_pair)
        elif fees == "sliding":
            c = self.add("cost_option", id=uid("cost_option", sid, 0), service_id=sid, currency="CAD")
            self.add_text("cost_option", c, "option", ("Sliding scale", "Tarif selon le revenu"))
            self.add_text("cost_option", c, "amount_description", fee_pair)
        else:
            c = self.add("cost_option", id=uid("cost_option", sid, 0), service_id=sid, currency="CAD",
                         amount=amount if amount is not None else "")
            self.add_text("cost_option", c, "option", ("Fee", "Frais") if amount else ("Reduced price", "Prix réduit"))
            self.add_text("cost_option", c, "amount_description", fee_pair)
        if s.get("cost_extra"):
            (opt, amt, adesc) = s["cost_extra"]
            c = self.add("cost_option", id=uid("cost_option", sid, 1), service_id=sid, currency="CAD", amount=amt)
            self.add_text("cost_option", c, "option", opt)
            self.add_text("cost_option", c, "amount_description", adesc)

        # taxonomy links
        for code in s["terms"]:
            self.add("attribute", id=uid("attribute", sid, code), link_id=sid,
                     taxonomy_term_id=self.term_ids[code], link_type="service_category", link_entity="service")

        # languages
        codes = s["only_langs"].split(",") if s.get("only_langs") else ["en", "fr"] + [c for c in s["langs"].split(",") if c]
        for c in codes:
            lr = self.add("language", id=uid("language", sid, c), service_id=sid, code=c)
            self.add_text("language", lr, "name", (LANGUAGE_NAMES[c], LANGUAGE_NAMES_FR[c]))

        # locations (service_at_location)
        sal_ids = {}
        places = [s["virtual"]] if s.get("virtual") else ([okey] if okey in loc_ids else []) + list(s.get("at", []))
        extra = branch_locs.get((okey, skey), [])
        for place in places:
            lid = loc_ids[place]
            sal = self.add("service_at_location", id=uid("service_at_location", sid, lid), service_id=sid, location_id=lid)
            sal_ids[place] = sal["id"]
            if place != okey and place not in VIRTUAL_SITES:
                self.add_text("service_at_location", sal, "description",
                              (f"Also offered at {SITES[place][1][0] if place in SITES else next(x['name'][0] for x in ORGS if x['key'] == place)}.",
                               f"Aussi offert à : {SITES[place][1][1] if place in SITES else next(x['name'][1] for x in ORGS if x['key'] == place)}."))
        for lid in extra:
            sal = self.add("service_at_location", id=uid("service_at_location", sid, lid), service_id=sid, location_id=lid)
            self.add_text("service_at_location", sal, "description",
                          ("Also offered at this satellite office.", "Aussi offert à ce point de service."))

        # schedules: service-wide rows, then location-specific ones
        patterns = [(None, s.get("hours_override") or HOURS[s["hours"]])]
        for place, pat in s.get("hours_at", {}).items():
            patterns.append((place, HOURS[pat]))
        for place, rows in patterns:
            for i, (byday, opens, closes) in enumerate(rows):
                sch = self.add("schedule", id=uid("schedule", sid, place or "", i), service_id=sid,
                               service_at_location_id=sal_ids[place] if place else "",
                               freq="WEEKLY", byday=byday, opens_at=opens, closes_at=closes)
                self.add_text("schedule", sch, "description", schedule_text(byday, opens, closes))

        # phones
        multi = len(o["services"]) > 1
        kind = s.get("phone")
        if kind == "own":
            ph = self.add("phone", id=uid("phone", sid), service_id=sid, number=self.number(area), type="voice")
            self.add_text("phone", ph, "description", ("Direct line for this service", "Ligne directe de ce service"))
        else:
            ph = self.add("phone", id=uid("phone", sid), service_id=sid, number=o["_main_number"], type="voice",
                          extension=201 + index if multi else "")
            self.add_text("phone", ph, "description", ("Call the main line and ask for this service", "Appelez la ligne principale et demandez ce service")
                          if multi else ("Main line", "Ligne principale"))
        if kind == "text":
            ph = self.add("phone", id=uid("phone", sid, "text"), service_id=sid, number=self.number(area), type="text")
            self.add_text("phone", ph, "description", ("Text (SMS) line", "Ligne texto (SMS)"))
        if kind == "tty":
            ph = self.add("phone", id=uid("phone", sid, "tty"), service_id=sid, number=self.number(area), type="textphone")
            self.add_text("phone", ph, "description", ("TTY line for Deaf and hard-of-hearing callers",
                                                      "Ligne ATS pour les personnes sourdes ou malentendantes"))

        # service areas and required documents
        for t in s.get("areas", []):
            name = TOWNS[t][0]
            sa = self.add("service_area", id=uid("service_area", sid, t), service_id=sid, name=name)
            self.add_text("service_area", sa, "description", (f"Serves residents of {name}.", f"Dessert les résidents de {name}."))
        for i, d in enumerate(s.get("docs", [])):
            rd = self.add("required_document", id=uid("required_document", sid, i), service_id=sid)
            self.add_text("required_document", rd, "document", d)


# ---------------------------------------------------------------------------
# 4. Writing and checking
# ---------------------------------------------------------------------------

TRANSLATIONS_RESOURCE = {
    "name": "translations",
    "path": "translations.csv",
    "description": "Passerelle extension (not part of HSDS 3.0): translations of text fields. "
                   "Each row gives the value of one field of one record in one language. entity is the "
                   "HSDS resource name (e.g. service), id the record's id, field the column name, language "
                   "a BCP 47 code and value the translated text.",
    "format": "csv",
    "mediatype": "text/csv",
    "profile": "tabular-data-resource",
    "schema": {
        "fields": [
            {"name": n, "type": "string", "title": t, "description": d, "constraints": {"required": True, "unique": False}}
            for n, t, d in [
                ("entity", "Entity", "HSDS resource name of the translated record, e.g. service or organization."),
                ("id", "Identifier", "The id of the translated record."),
                ("field", "Field", "The name of the translated column."),
                ("language", "Language", "BCP 47 language tag of the translation, e.g. fr, es, zh-Hans."),
                ("value", "Value", "The translated text."),
            ]
        ],
        "primaryKey": ["entity", "id", "field", "language"],
    },
}


def fmt(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


def write_csv(path, fields, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(fields)
    for r in rows:
        w.writerow([fmt(r.get(f, "")) for f in fields])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def make_datapackage(official, resources):
    by_name = {r["name"]: r for r in official["resources"]}
    dp = {
        "name": "passerelle-demo-region",
        "title": "Passerelle demo region (fictional data)",
        "description": (f"FICTIONAL DEMO DATA for Passerelle: the {REGION_NAME} and every town, organization, "
                        "service, person, address, phone number (555-01xx), e-mail and web address in it are "
                        "invented for testing and demonstration. Do not use it to seek help. "
                        "Données de démonstration FICTIVES : rien dans ce jeu de données n'existe réellement."),
        "profile": official["profile"],
        "version": official["version"],
        "homepage": official["homepage"],
        "license": official["license"],
        "sources": [
            {"title": "Human Services Data Specification, an Open Referral resource",
             "path": official["homepage"], "license": official["license"]["type"]},
            {"title": "Open Eligibility human services taxonomy 2.0 by Aunt Bertha, Inc.",
             "license": "CC-BY-SA-3.0"},
        ],
        "attribution": "Data structure: Human Services Data Specification (HSDS) 3.0, an Open Referral resource, "
                       "licensed CC BY-SA 4.0. Taxonomy: Open Eligibility 2.0 (CC BY-SA 3.0).",
        "passerelle": {"demo": True, "region_name": REGION_NAME, "region_name_fr": REGION_NAME_FR,
                       "timezone": "America/Toronto", "base_language": "en", "languages": ["en", "fr"],
                       "schedule_conventions": {
                           "open_24_hours": "opens_at 00:00 and closes_at 00:00",
                           "overnight": "closes_at earlier than opens_at: closes the next day",
                           "no_schedule_rows": "no fixed hours (by appointment or unknown)"},
                       "attribute_link_type": "service_category",
                       "sms_phone_type": "text"},
        "resources": [by_name[r] for r in resources] + [TRANSLATIONS_RESOURCE],
    }
    return dp


def generate(out_dir):
    with open(OFFICIAL_DATAPACKAGE, encoding="utf-8") as f:
        official = json.load(f)
    b = Builder()
    b.build()
    os.makedirs(out_dir, exist_ok=True)
    dp = make_datapackage(official, RESOURCES)
    for res in dp["resources"]:
        fields = [f["name"] for f in res["schema"]["fields"]]
        rows = b.translations if res["name"] == "translations" else b.rows[res["name"]]
        write_csv(os.path.join(out_dir, res["path"]), fields, rows)
    with open(os.path.join(out_dir, "datapackage.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(dp, f, ensure_ascii=False, indent=2)
        f.write("\n")
    for res in dp["resources"]:
        n = len(b.translations if res["name"] == "translations" else b.rows[res["name"]])
        print(f"{res['path']:28s} {n:6d}")


UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._+-]+@([A-Za-z0-9-]+\.)*(example\.org|example\.ca)$")
URI_RE = re.compile(r"^https?://[^\s/]+(/\S*)?$")
PHONE_RE = re.compile(r"^(613|819)-555-01\d\d$")
BCP47_RE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")


def check(out_dir):
    errors = []

    def err(msg):
        errors.append(msg)

    with open(OFFICIAL_DATAPACKAGE, encoding="utf-8") as f:
        official = {r["name"]: r for r in json.load(f)["resources"]}
    with open(os.path.join(out_dir, "datapackage.json"), encoding="utf-8") as f:
        dp = json.load(f)
    assert dp["name"] == "passerelle-demo-region" and "fictional" in dp["title"].lower()
    assert "FICTIONAL" in dp["description"] and dp["passerelle"]["demo"] is True
    assert dp["passerelle"]["timezone"] == "America/Toronto" and dp["passerelle"]["base_language"] == "en"
    assert dp["license"]["type"] == "CC-BY-SA-4.0"
    data = {}
    for res in dp["resources"]:
        path = os.path.join(out_dir, res["path"])
        with open(path, "rb") as fh:
            raw = fh.read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{res['path']}: BOM")
        if b"\r" in raw:
            err(f"{res['path']}: CR in file")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
        header, body = rows[0], rows[1:]
        fields = res["schema"]["fields"]
        if res["name"] != "translations" and (res["schema"] != official[res["name"]]["schema"]
                                              or res["path"] != official[res["name"]]["path"]):
            err(f"{res['name']}: schema/path differs from the official datapackage")
        if header != [f["name"] for f in fields]:
            err(f"{res['path']}: header {header} != schema fields")
        recs = [dict(zip(header, r, strict=False)) for r in body]  # a short row reads as empty cells
        data[res["name"]] = recs
        for f in fields:
            name, typ, fmt_, cons = f["name"], f["type"], f.get("format"), f.get("constraints", {})
            seen = set()
            for i, r in enumerate(recs):
                v = r.get(name, "")
                where = f"{res['path']} row {i + 2} {name}={v!r}"
                if v == "":
                    if cons.get("required"):
                        err(f"{where}: required")
                    continue
                if cons.get("unique"):
                    if v in seen:
                        err(f"{where}: not unique")
                    seen.add(v)
                if "enum" in cons and v not in cons["enum"]:
                    err(f"{where}: not in enum")
                if typ == "string" and fmt_ == "uuid" and not UUID_RE.match(v):
                    err(f"{where}: bad uuid")
                if typ == "string" and fmt_ == "email" and not EMAIL_RE.match(v):
                    err(f"{where}: bad or non-example email")
                if typ == "string" and fmt_ == "uri" and not URI_RE.match(v):
                    err(f"{where}: bad uri")
                if typ == "number":
                    try:
                        float(v)
                    except ValueError:
                        err(f"{where}: not a number")
                if typ == "date":
                    try:
                        dt.date.fromisoformat(v)
                        assert re.match(r"^\d{4}-\d{2}-\d{2}$", v)
                    except (ValueError, AssertionError):
                        err(f"{where}: bad date")
                if typ == "time" and not re.match(r"^([01]\d|2[0-3]):[0-5]\d$", v):
                    err(f"{where}: bad time (HH:MM)")
                if typ == "datetime" and not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", v):
                    err(f"{where}: bad datetime")
        pk = res["schema"].get("primaryKey")
        if isinstance(pk, list):
            keys = [tuple(r[k] for k in pk) for r in recs]
            if len(keys) != len(set(keys)):
                err(f"{res['path']}: duplicate primary key")
    ids = {name: {r["id"] for r in recs} for name, recs in data.items() if name != "translations"}
    for res in dp["resources"]:
        for fk in res["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"]
            for r in data[res["name"]]:
                v = r[fk["fields"]]
                if v and v not in ids.get(target, set()):
                    err(f"{res['path']}: {fk['fields']}={v} does not resolve to {target}")
    S_, T = data["service"], data["translations"]
    sids = ids["service"]
    for r in data["attribute"]:
        if r["link_entity"] != "service" or r["link_id"] not in sids:
            err(f"attribute {r['id']}: link does not resolve to a service")
    for r in data["organization"]:
        if r["parent_organization_id"] and r["parent_organization_id"] not in ids["organization"]:
            err("organization parent does not resolve")

    # translations: every translatable text has French; rows point at real records
    fields_of = {res["name"]: [f["name"] for f in res["schema"]["fields"]] for res in dp["resources"]}
    tr = {(t["entity"], t["id"], t["field"], t["language"]) for t in T}
    for t in T:
        if t["entity"] not in ids or t["id"] not in ids[t["entity"]] or t["field"] not in fields_of[t["entity"]]:
            err(f"translation {t['entity']}/{t['id']}/{t['field']} does not resolve")
        if not BCP47_RE.match(t["language"]):
            err(f"translation language {t['language']!r} is not a simple BCP 47 tag")
    for entity, flds in TRANSLATABLE.items():
        for r in data[entity]:
            for fld in flds:
                if r.get(fld) and (entity, r["id"], fld, "fr") not in tr:
                    err(f"missing French translation for {entity}.{fld} of {r['id']}")
    other = {(t["id"]) for t in T if t["entity"] == "service" and t["language"] not in ("fr",)}
    other_ok = {sid for sid in other if all(any(t["id"] == sid and t["field"] == f and t["language"] not in ("fr",)
                                                for t in T) for f in ("name", "description"))}

    # counts and content rules
    n_orgs, n_services, n_locs = len(data["organization"]), len(S_), len(data["location"])
    status = {}
    for r in S_:
        status[r["status"]] = status.get(r["status"], 0) + 1
    terms = {r["id"]: r for r in data["taxonomy_term"]}
    oe = load_oe_terms()
    per_service = {}
    for a in data["attribute"]:
        per_service.setdefault(a["link_id"], []).append(a["taxonomy_term_id"])

    def top_name(tid):
        while terms[tid]["parent_id"]:
            tid = terms[tid]["parent_id"]
        return terms[tid]["name"]
    per_top, subterms = {}, {}
    for tids in per_service.values():
        for top in {top_name(t) for t in tids}:
            per_top[top] = per_top.get(top, 0) + 1
        for t in tids:
            subterms.setdefault(top_name(t), set()).add(t)
    sal_count = {}
    for r in data["service_at_location"]:
        sal_count[r["service_id"]] = sal_count.get(r["service_id"], 0) + 1
    sched = data["schedule"]
    sched_services = {r["service_id"] for r in sched}
    bydays = {}
    for r in sched:
        bydays.setdefault((r["service_id"], r["service_at_location_id"], r["byday"]), []).append(r)

    def expect(cond, msg):
        if not cond:
            err(msg)
    expect(n_services >= MIN_SERVICES, f"only {n_services} services")
    expect(n_orgs >= MIN_ORGS, f"only {n_orgs} organizations")
    expect(95 <= n_locs <= 125, f"{n_locs} locations (expected about 110)")
    expect(status.get("inactive") == N_INACTIVE and status.get("defunct") == N_DEFUNCT,
           f"status counts {status}")
    expect(len(data["taxonomy"]) == 1 and data["taxonomy"][0]["name"] == "Open Eligibility"
           and data["taxonomy"][0]["version"] == "2.0", "taxonomy row")
    expect(len(terms) == 290 and {r["code"] for r in terms.values()} == {t["taxonomy_id"] for t in oe},
           "taxonomy terms do not match the 290 Open Eligibility codes")
    for r in terms.values():
        expect(r["id"] == uid("taxonomy_term", "open-eligibility", r["code"]), f"term id of {r['code']}")
    for top in TOP_CATEGORIES:
        expect(per_top.get(top, 0) >= MIN_PER_TOP_CATEGORY, f"category {top}: {per_top.get(top, 0)} services")
        expect(len(subterms.get(top, ())) >= 4, f"category {top}: few distinct terms")
    for sid in sids:
        expect(1 <= len(per_service.get(sid, [])) <= 3, f"service {sid}: {len(per_service.get(sid, []))} terms")
        expect(sal_count.get(sid, 0) >= 1, f"service {sid} has no location")
    expect(sum(1 for c in sal_count.values() if c >= 2) >= 15, "too few services at several locations")
    expect(max(sal_count.values()) <= 3, "a service is offered at more than 3 locations")
    orgs_multi = {}
    for r in S_:
        orgs_multi[r["organization_id"]] = orgs_multi.get(r["organization_id"], 0) + 1
    expect(sum(1 for c in orgs_multi.values() if c >= 3) >= 5, "too few organizations with several services")
    for r in data["phone"]:
        expect(PHONE_RE.match(r["number"]) is not None, f"phone {r['number']} is not a fictional 555-01xx number")
        expect(r["type"] in ("voice", "text", "fax", "cell", "video", "pager", "textphone"), f"phone type {r['type']}")
    ptypes = {r["type"] for r in data["phone"]}
    expect({"voice", "text", "fax"} <= ptypes, f"phone types {ptypes}")
    expect(any(r["extension"] for r in data["phone"]), "no phone extensions")
    for r in sched:
        expect(r["freq"] == "WEEKLY", "schedule freq")
        expect(all(d in DAY_EN for d in r["byday"].split(",")), f"byday {r['byday']}")
        expect(bool(r["description"]), "schedule without description")
    expect(any(r["byday"] == DAYS_ALL and r["opens_at"] == r["closes_at"] == "00:00" for r in sched), "no 24/7 schedule")
    expect(any(r["closes_at"] < r["opens_at"] and r["closes_at"] != "00:00" for r in sched), "no overnight schedule")
    expect(any(len(v) >= 2 for v in bydays.values()), "no day with two ranges")
    expect(any(r["byday"] == "SA,SU" for r in sched), "no weekend-only schedule")
    expect(any(r["opens_at"] >= "17:00" and r["closes_at"] > r["opens_at"] for r in sched), "no evening schedule")
    expect(len(sids - sched_services) >= 3, "fewer than 3 services without a schedule")
    expect(any(r["service_at_location_id"] for r in sched), "no location-specific hours")
    for r in data["location"]:
        if r["latitude"]:
            expect(45.25 <= float(r["latitude"]) <= 45.65 and -76.0 <= float(r["longitude"]) <= -75.3,
                   f"location {r['id']} outside the demo region")
        if r["location_type"] == "virtual":
            expect(not r["latitude"], "virtual location with coordinates")
    expect(sum(1 for r in data["location"] if r["location_type"] == "virtual") >= 2, "virtual locations")
    for r in data["address"]:
        expect(r["country"] == "CA" and r["state_province"] in ("ON", "QC"), "address province/country")
        expect(re.match(r"^[A-Z]\d[A-Z] \d[A-Z]\d$", r["postal_code"]) is not None, f"postal code {r['postal_code']}")
    for r in S_:
        expect(r["url"].startswith("https://") and ".example.org/" in r["url"], f"service url {r['url']}")
        for fld in ("description", "eligibility_description", "fees_description", "application_process"):
            expect(bool(r[fld]), f"service {r['name']} lacks {fld}")
    for r in data["cost_option"]:
        expect(r["currency"] == "CAD", "currency")
    codes = {r["code"] for r in data["language"]}
    expect(len(codes) >= 15, f"only {len(codes)} languages")
    expect(len(data["accessibility"]) >= 40, "few accessibility rows")
    expect(any("aînés" in r["name"] for r in S_), "no accented English service name")
    expect(len(other_ok) >= 18, f"only {len(other_ok)} services translated into other languages")

    if errors:
        for e in errors[:60]:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        return 1
    print(f"OK: {n_orgs} organizations, {n_services} services, {n_locs} locations, "
          f"{len(T)} translations, status {status}")
    for top in TOP_CATEGORIES:
        print(f"  {top:10s} {per_top.get(top, 0):3d} services, {len(subterms.get(top, ())):2d} distinct terms")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="validate the CSVs instead of writing them")
    ap.add_argument("--out", default=OUT_DIR, help="output directory (default: pwa_app/demo_data)")
    args = ap.parse_args()
    if args.check:
        sys.exit(check(args.out))
    generate(args.out)


if __name__ == "__main__":
    main()
