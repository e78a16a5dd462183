"""Canadian French: names come from demo_data/translations.csv; synonyms here."""
from build_b import build

DATA = """
Emergency | aide d'urgence; crise; urgent; secours; 911
Disaster Response | sinistre; inondation; incendie; évacuation; feux de forêt
Emergency Cash | argent d'urgence; aide d'urgence; dépannage financier; prestation de crise
Help Pay for Food | aide alimentaire; argent pour l'épicerie; épicerie
Help Pay for Healthcare | frais médicaux; factures médicales; coûts de santé
Help Pay for Housing | aide au loyer; payer le loyer; allocation-logement; loyer
Help Pay for Gas | essence; carte d'essence; carburant
Help Pay for School | frais de scolarité; frais scolaires; droits de scolarité
Help Pay for Utilities | facture d'électricité; Hydro; chauffage; factures
Emergency Food | banque alimentaire; paniers de Noël; faim; panier d'épicerie
Emergency Shelter | refuge; itinérance; sans-abri; hébergement temporaire; dormir ce soir
Help Find Missing Persons | personne disparue; retrouver un proche; recherche de famille
Immediate Safety | sécurité; danger; violence; protection
Help Escape Violence | violence conjugale; violence familiale; maison d'hébergement
Safe Housing | maison d'hébergement; refuge pour femmes; maison de transition
Psychiatric Emergency Services | crise de santé mentale; suicide; ligne de crise; urgence psychiatrique
Food | nourriture; épicerie; faim; banque alimentaire; repas
Community Gardens | jardin communautaire; jardinage; potager
Food Delivery | popote roulante; livraison de repas; repas livrés
Food Pantry | comptoir alimentaire; dépannage alimentaire; panier alimentaire
Free Meals | soupe populaire; cuisine collective; repas communautaire
Food Benefits | bons alimentaires; cartes d'épicerie; coupons alimentaires
Nutrition | alimentation saine; diététiste; nutritionniste
Housing | logement abordable; appartement; loyer; habitation; se loger
Help Find Housing | chercher un logement; trouver un appartement; recherche d'appartement
Home & Renters Insurance | assurance locataire; assurance habitation
Housing Vouchers | subvention au loyer; allocation-logement; PSL
Maintenance & Repairs | réparations; rénovations; entretien du logement
Housing Advice | droits des locataires; bail; expulsion; Tribunal administratif du logement
Foreclosure Counseling | reprise de finance; hypothèque; saisie
Homebuyer Education | acheter une maison; premier achat; hypothèque
Residential Housing | résidence; logement permanent
Long-Term Housing | logement permanent; logement avec soutien
Assisted Living | résidence pour aînés; RPA; résidence privée pour aînés
Independent Living | logement autonome; appartement supervisé
Nursing Home | CHSLD; soins de longue durée; foyer pour aînés
Public Housing | HLM; logement subventionné; coopérative d'habitation
Short-Term Housing | logement de transition; hébergement temporaire
Sober Living | maison de thérapie; maison de transition
Goods | dons; articles gratuits; biens essentiels; objets; fournitures
Baby Supplies | articles de bébé; nouveau-né; layette
Baby Clothes | vêtements d'enfants; layette
Diapers & Formula | couches; lait maternisé; préparation lactée
Clothing | vêtements gratuits; manteau d'hiver; bottes; friperie
Clothes for School | uniforme scolaire; vêtements scolaires
Clothes for Work | tenue d'entrevue; bottes de travail; habits de travail
Clothing Vouchers | bons de vêtements; allocation vestimentaire
Home Goods | articles de maison; vaisselle; meubles
Blankets & Fans | couvertures; ventilateurs; literie
Books | livres gratuits; manuels scolaires
Furniture | meubles gratuits; lits; matelas
Personal Care Items | produits d'hygiène; savon; produits menstruels
Supplies for Work | outils; outils de travail; équipement de travail
Medical Supplies | équipement médical; fauteuil roulant; aides à la mobilité
Assistive Technology | aides techniques; appareils auditifs; aides à la mobilité
Toys & Gifts | jouets; cadeaux de Noël; paniers de Noël
Transit | autobus; transport en commun; déplacements; métro; se déplacer
Help Pay for Transit | tarif réduit; titre de transport; passe d'autobus
Bus Passes | passe d'autobus; carte OPUS; passe mensuelle
Transportation | transport adapté; accompagnement; déplacements
Transportation for Healthcare | transport médical; accompagnement médical; rendez-vous médical
Transportation for School | autobus scolaire; transport des élèves
Health | soins de santé; médecin; clinique; CLSC; santé physique
Addiction & Recovery | dépendance; toxicomanie; alcool; drogues; thérapie
12-Step | AA; Alcooliques anonymes; Narcotiques anonymes
Detox | sevrage; désintox
Outpatient Treatment | traitement externe; suivi externe
Residential Treatment | centre de thérapie; cure fermée; réadaptation
Dental Care | dentiste; dents; clinique dentaire; mal de dents
End-of-Life Care | soins palliatifs; fin de vie; maladie en phase terminale
Bereavement | perte d'un proche; endeuillé
Burial & Funeral Help | funérailles; frais funéraires; enterrement
Hospice | soins palliatifs; maison de fin de vie
Pain Management | douleur chronique; clinique de la douleur
Health Education | information santé; ateliers santé; prévention
Daily Life Skills | autonomie; vie quotidienne
Disease Management | maladies chroniques; diabète
Family Planning | contraception; santé sexuelle; grossesse
Parenting Education | ateliers parents; soutien aux parents; parentalité
Sex Education | santé sexuelle; éducation à la sexualité
Understand Disability | handicap; incapacité
Understand Mental Health | santé mentale; information en santé mentale
Disability Benefits | rente d'invalidité; soutien du revenu pour personnes handicapées; handicap
Discounted Healthcare | clinique gratuite; soins gratuits; soins à faible coût
Health Insurance | RAMQ; carte d'assurance maladie; carte soleil; assurance médicaments
Prescription Assistance | médicaments; ordonnance; pharmacie; assurance médicaments
Medical Care | médecin; clinique sans rendez-vous; infirmière; soins de santé
Alternative Medicine | médecine traditionnelle; acupuncture; naturopathie
Birth Control | pilule; condoms; contraceptifs
Checkup & Test | bilan de santé; examen médical; prise de sang
Disability Screening | évaluation du handicap; dépistage du développement
Disease Screening | dépistage; dépistage ITSS; dépistage du cancer
Hearing Tests | audiologiste; test auditif
Mental Health Evaluation | évaluation psychiatrique; évaluation psychologique
Pregnancy Tests | test de grossesse; enceinte
Vision Tests | examen de la vue; optométriste; lunettes
Maternity Care | suivi de grossesse; sage-femme; périnatalité
Personal Hygiene | douches; hygiène; buanderie
Prevent & Treat | prévention; traitement
Counseling | thérapie; psychologue; consultation; parler à quelqu'un
HIV Treatment | VIH; sida; PrEP
Physical Therapy | physio; réadaptation
Specialized Therapy | ergothérapie; orthophonie
Vaccinations | vaccins; immunisation; vaccin contre la grippe
In-Home Support | soins à domicile; maintien à domicile; préposé
Primary Care | médecin de famille; GMF; clinique sans rendez-vous
Money | aide financière; revenu; factures; budget; argent comptant
Financial Assistance | aide d'argent; subvention; aide sociale
Help Pay for Childcare | frais de garde; subvention de garde; garderie
Financial Aid & Loans | prêts et bourses; bourses d'études; prêt étudiant; AFE
Help Pay for Work Expenses | frais liés à l'emploi; dépenses de travail
Government Benefits | aide sociale; allocations; prestations; allocation canadienne pour enfants; bien-être social
Retirement Benefits | pension de vieillesse; RRQ; RPC; rente de retraite
Understand Government Programs | Service Canada; programmes sociaux; services gouvernementaux
Unemployment Benefits | chômage; assurance-emploi; AE; perte d'emploi
Financial Education | budget; gestion de l'argent; littératie financière
Credit Counseling | dettes; faillite; crédit; dossier de crédit
Savings Program | épargne; REEE; économiser
Insurance | couverture; assureur
Tax Preparation | impôts; rapport d'impôt; comptoir d'impôts; déclaration de revenus
Care | soutien; proches aidants; aide à domicile; famille; entraide
Adoption & Foster Care | adoption; famille d'accueil; DPJ
Adoption & Foster Placement | placement; famille d'accueil
Adoption & Foster Parenting | parent d'accueil; parent adoptif
Adoption Planning | confier un enfant à l'adoption; projet d'adoption
Post-Adoption Support | après l'adoption; familles adoptives
Animal Welfare | animaux; refuge pour animaux; SPCA; vétérinaire
Daytime Care | centre de jour; garderie; activités de jour
Adult Daycare | centre de jour; programme de jour pour aînés
Afterschool Care | service de garde scolaire; aide aux devoirs
Childcare | garderie; CPE; service de garde; gardienne
Help Find Childcare | place en garderie; trouver une garderie; La Place 0-5
Day Camp | camp d'été; camp de jour estival
Preschool | maternelle 4 ans; halte-garderie
Recreation | sports; activités; loisirs communautaires
Relief for Caregivers | répit; proches aidants; soutien aux aidants
Navigating the System | orientation; référence; accompagnement; où s'adresser
Help Fill out Forms | formulaires; remplir une demande; paperasse
Help Find School | inscription scolaire; trouver une école; inscription
Help Find Work | recherche d'emploi; chercher un travail; trouver un emploi
Residential Care | CHSLD; ressource intermédiaire; foyer de groupe
Overnight Camp | camp d'été; colonie de vacances
Support Network | soutien; entraide; quelqu'un à qui parler
Help Hotlines | ligne d'écoute; ligne d'aide; ligne de crise; 811
Home Visiting | visite à domicile; visites d'infirmière
Mentoring | mentor; parrainage; jumelage
One-on-One Support | accompagnement individuel; intervenant; suivi individuel
Peer Support | pair aidant; entraide
Spiritual Support | église; mosquée; aumônier; foi
Support Groups | groupe de soutien; groupe d'entraide
Virtual Support | soutien en ligne; clavardage; aide en ligne
Education | école; cours; études; formation; apprendre
More Education | éducation des adultes; formation des adultes; retour aux études
Alternative Education | école alternative; école pour adultes
Disaster Preparedness & Response | préparation aux urgences; premiers soins; trousse d'urgence
English as a Second Language (ESL) | cours d'anglais; apprendre l'anglais; ESL; ALS
Foreign Languages | cours de langue; francisation; cours de français
GED/High-School Equivalency | diplôme d'études secondaires; DES; GED; TENS
Nutrition Education | alimentation saine; cuisines collectives; cours de cuisine
Supported Employment | intégration à l'emploi; emploi adapté
Special Education | besoins particuliers; difficultés d'apprentissage; adaptation scolaire
Tutoring | aide aux devoirs; tuteur
Screening & Exams | examens; test de langue; évaluation
Citizenship & Immigration | citoyenneté; immigration; résidence permanente; réfugié; examen de citoyenneté
Skills & Training | formation professionnelle; ateliers; cours
Basic Literacy | apprendre à lire; lecture et écriture
Computer Class | informatique; cours d'ordinateur; compétences numériques
Interview Training | entrevue d'embauche; préparation à l'entrevue
Resume Development | CV; curriculum vitae; lettre de présentation
Skills Assessment | reconnaissance des acquis; évaluation des diplômes; équivalences
Specialized Training | métiers; apprentissage; certification
Work | travail; emploi; job; carrière; recherche d'emploi
Job Placement | stage; jumelage emploi
Workplace Rights | normes du travail; CNESST; salaire impayé; harcèlement au travail
Legal | avocat; aide juridique; droit; justice; tribunal
Advocacy & Legal Aid | aide juridique; avocat gratuit; clinique juridique; défense des droits
Discrimination & Civil Rights | droits de la personne; racisme; discrimination
Guardianship | tuteur; garde; procuration
Identification Recovery | carte perdue; remplacer ses papiers; acte de naissance; NAS
Mediation | médiation familiale; résolution de conflits
Notary | notaire; commissaire à l'assermentation
Representation | avocat; représentation au tribunal
Translation & Interpretation | interprète; traducteur; traduction; interprétariat
"""

if __name__ == "__main__":
    build("fr", DATA)
