"""Inuktitut (Eastern Canadian, Nunavut standard orthography) in syllabics.

Written here in romanized Inuktitut and converted with iu_syllabics.py so the
syllabic spelling is mechanically consistent.  Synonyms starting with "~" are
kept in Latin letters (romanized Inuktitut as many people type it, or English
words used in the North).  LOW CONFIDENCE: many labels are descriptive phrases
coined for this draft, not established terminology -- needs review by a fluent
speaker/translator (e.g. Inuit Uqausinginnik Taiguusiliuqtiit terminology).
"""
from build_b import build
from iu_syllabics import to_syllabics

DATA = """
Emergency = attanaqtumi ikajuqtuiniq | attanaqtuq; ~attanaqtuq; ~emergency; 911
Disaster Response = silakkut attanaqtuqaqtillugu ikajuqtuiniq | ikuallaniq; ~disaster; ~fire; ~flood
Emergency Cash = attanaqtumi kiinaujakkut ikajuqtuiniq | kiinaujaq; ~kiinaujaq; ~emergency money
Help Pay for Food = niqinut akiliqsuinirmut ikajuqtuiniq | niqi; ~niqi; ~food
Help Pay for Healthcare = aanniarnirmut akiliqsuinirmut ikajuqtuiniq | aanniarvik; ~aanniarvik; ~medical costs
Help Pay for Housing = illumut akiliqsuinirmut ikajuqtuiniq | illumut akiliksaq; ~illumut akiliksaq; ~rent
Help Pay for Gas = uqsualungmut akiliqsuinirmut ikajuqtuiniq | uqsualuk; ~gas
Help Pay for School = ilinniarnirmut akiliqsuinirmut ikajuqtuiniq | ilinniarniq; ~school fees
Help Pay for Utilities = ikumamut uunaqsiutimullu akiliqsuinirmut ikajuqtuiniq | ikuma; ~power bill; ~heating
Emergency Food = attanaqtumi niqinik ikajuqtuiniq | niqi; kaaktuq; ~food bank; ~niqi
Emergency Shelter = uquutaq illuittunut | uquutaq; illuittut; ~uquutaq; ~shelter
Help Find Missing Persons = tammaqsimajunik qiniqsiniq | tammaqsimajuq; ~missing person
Immediate Safety = attanannginnirmut ikajuqtuiniq | attanaqtuq; ~safety; ~violence
Help Escape Violence = annirsinirmit qimaanirmut ikajuqtuiniq | annirsiniq; ~family violence
Safe Housing = attananngittuq illu | uquutaq; ~safe house; ~women's shelter
Psychiatric Emergency Services = isumakkut attanaqtumi ikajuqtuiniq | imminiq; ~imminiq; ~mental health crisis; ~crisis line
Food = niqi | niqit; nirijaksat; kaaktuq; ~niqi; ~food; ~food bank
Community Gardens = nunalimmi nautiliurvik | ~garden; ~community garden
Food Delivery = niqinik illunut tikiutitsiniq | ~meals on wheels; ~food delivery
Food Pantry = niqinik tunisivik | akiqanngittut niqit; ~food bank
Free Meals = akiqanngittut niqit | nirijaksat; ~free meals; ~soup kitchen
Food Benefits = niqinut ikajuutit | ~food vouchers
Nutrition = niqitsiaqarniq | niqi; ~healthy eating
Housing = illuliriniq | illu; ~illu; illumut akiliksaq; ~housing; ~rent
Help Find Housing = illumik qiniqsinirmut ikajuqtuiniq | illu; ~apartment; ~house
Home & Renters Insurance = illumut sapujjijjuti | ~insurance; ~tenant insurance
Housing Vouchers = illumut akiliksamut ikajuutit | ~rent supplement
Maintenance & Repairs = illumik aaqqiksuiniq | aaqqiksuiniq; ~repairs
Housing Advice = illuliriniq pillugu uqaqatigiinniq | illumut akiliksaq; ~landlord; ~eviction
Foreclosure Counseling = illumik akiliqsuigunnaiqtunut uqaqatigiinniq | ~mortgage; ~foreclosure
Homebuyer Education = illumik niuvirnirmut ilinniarniq | ~mortgage; ~buying a house
Residential Housing = najugait | illu; ~illu; ~housing
Long-Term Housing = sivisuumik najugaq | najugaq
Assisted Living = ikajuqtaujunut najugaq | inutuqait; ~assisted living
Independent Living = nangminiq inuuniq | ~independent living
Nursing Home = inutuqait kamagijauvingat | inutuqait; ~long-term care; ~elders centre
Public Housing = gavamakkut illuit | ~public housing; ~social housing
Short-Term Housing = sivikittumik najugaq | najugaq; ~transitional housing
Sober Living = imialuqanngittunut najugaq | ~recovery house
Goods = piqutit | ~piqutit; akiqanngittut piqutit; tunijjutit; ~donations; ~free stuff
Baby Supplies = nutaralaanut piqutit | nutaralaaq; ~nutaralaaq; ~baby items
Baby Clothes = nutaralaanut annuraat | annuraat; ~baby clothes
Diapers & Formula = taipat nutaralaanullu immuk | taipat; ~diapers; ~formula
Clothing = annuraat | ~annuraat; atigi; ~clothes; ~winter clothing
Clothes for School = ilinniarvimmut annuraat | annuraat; ~school clothes
Clothes for Work = iqqanaijarnirmut annuraat | annuraat; ~work clothes
Clothing Vouchers = annuraanut akiliutiksat | ~clothing voucher
Home Goods = illumi piqutit | illu; ~household items; ~home goods
Blankets & Fans = ulit anuriliurutiillu | ~blankets; ~fans
Books = makpigaat | makpigaq; ~books
Furniture = igliit iksivautallu | iksivautaq; ~furniture; ~beds
Personal Care Items = salumarnirmut piqutit | ~soap; ~toiletries
Supplies for Work = iqqanaijarnirmut atuqtaksat | ~tools
Medical Supplies = aanniarnirmut atuqtaksat | ~medical supplies; ~wheelchair
Assistive Technology = timikkut ikajuutit | ikajuutit; ~hearing aid; ~wheelchair
Toys & Gifts = pinnguarutit tunijjutillu | quviasuvik; ~toys; ~gifts
Transit = ingirrajuliriniq | pasi; ingirraniq; ~ingirraniq; ~bus; ~transit
Help Pay for Transit = ingirranirmut akiliqsuinirmut ikajuqtuiniq | pasi; ~bus fare; ~travel costs
Bus Passes = pasimut atuqtaksaq | pasi; ~bus pass
Transportation = ingirratitsiniq | ~rides; ~transportation
Transportation for Healthcare = aanniarvimmut ingirratitsiniq | ~medical travel
Transportation for School = ilinniarvimmut ingirratitsiniq | ~school bus
Health = aanniaqarnanngittuliriniq | aanniarvik; ~aanniarvik; luktaaq; ~health; ~clinic
Addiction & Recovery = imialungmut aangajaarnirmullu ikajuqtuiniq | imialuk; ~imialuk; aangajaarniq; ~addiction; ~alcohol
12-Step = 12-nik alluriarniq | AA; ~12 steps
Detox = imialungmik aangajaarnirmillu timimit piiqsiniq | ~detox
Outpatient Treatment = ullukkut iluaqsainiq | ~outpatient
Residential Treatment = sinikvilik iluaqsaivik | ~treatment centre; ~rehab
Dental Care = kigutiliriniq | kigutit; ~kigutit; ~dentist; ~teeth
End-of-Life Care = inuusiup isuani kamagijauniq | inuusiup isua; ~palliative care; ~end of life
Bereavement = aliasunniq tuqusimajumik | aliasunniq; ~grief
Burial & Funeral Help = iluvirnirmut ikajuqtuiniq | iluviq; ~funeral
Hospice = inuusiup isuani kamagijauvik | ~hospice
Pain Management = anniarnirmik mikilliqsainiq | ~pain
Health Education = aanniaqarnanngittuliriniq pillugu ilinniarniq | ~health information; ~health education
Daily Life Skills = ullurmiutani inuusirmi pijunnarniit | ~life skills
Disease Management = sivisuumik aanniarnirmik aulatsiniq | ~diabetes; ~chronic disease
Family Planning = ilagiinnut parnaijarniq | najjitailijjutit; ~birth control
Parenting Education = angajuqqaanut ilinniarniq | angajuqqaat; ~parenting
Sex Education = kinguaqarnirmut ilinniarniq | ~sex education; ~sexual health
Understand Disability = ajuqsautiqarnirmik tukisiumaniq | ajuqsautiqarniq; ~disability
Understand Mental Health = isumakkut qanuinngittuunirmik tukisiumaniq | ~mental health
Disability Benefits = ajuqsautiqaqtunut ikajuutit | ~disability benefits
Discounted Healthcare = akikittumik aanniaqarnanngittuliriniq | ~free clinic
Health Insurance = aanniaqarnanngittulirinirmut sapujjijjuti | ~health card; ~health insurance
Prescription Assistance = iluaqsautinut ikajuqtuiniq | iluaqsautit; ~pharmacy; ~medication
Medical Care = luktaakkut kamagijauniq | luktaaq; aanniarvik; ~doctor; ~nurse
Alternative Medicine = iluaqsaijjutituqait | ~traditional medicine
Birth Control = najjitailijjutit | ~birth control; ~condoms
Checkup & Test = timimik qaujisarniq | qaujisarniq; ~checkup
Disability Screening = ajuqsautiqarnirmik qaujisarniq | ~disability assessment
Disease Screening = aanniarnirmik qaujisarniq | ~screening
Hearing Tests = tusaanirmik qaujisarniq | ~hearing test
Mental Health Evaluation = isumakkut qanuinngittuunirmik qaujisarniq | ~mental health assessment
Pregnancy Tests = najjinirmik qaujisarniq | najjijuq; ~pregnancy test
Vision Tests = takunnirmik qaujisarniq | ijik; ~eye exam
Maternity Care = najjijunut kamagijauniq | najjijuq; ~prenatal care
Personal Hygiene = nangminiq salumarniq | ~shower; ~laundry
Prevent & Treat = aanniaqtailiniq iluaqsainirlu | aanniaqtailiniq; ~prevention
Counseling = isumakkut ikajuqtuiniq | uqaqatigiinniq; ~counselling; ~counseling
HIV Treatment = HIV-mut iluaqsainiq | ~HIV; ~AIDS
Physical Therapy = timikkut aulanirmut iluaqsainiq | ~physio; ~physiotherapy
Specialized Therapy = immikkut iluaqsainiq | ~therapy
Vaccinations = kapujjauniq | kapujjuti; ~vaccine; ~flu shot
In-Home Support = illumi ikajuqtuiniq | ~home care
Primary Care = aanniarvimmi kamagijauniq | aanniarvik; luktaaq; ~family doctor; ~nurse
Money = kiinaujaliriniq | kiinaujaq; ~kiinaujaq; kiinaujat; ~money; ~income support
Financial Assistance = kiinaujakkut ikajuqtuiniq | kiinaujaq; ~income support; ~financial help
Help Pay for Childcare = nutaqqat kamagijauvinganut akiliqsuinirmut ikajuqtuiniq | ~daycare fees
Financial Aid & Loans = ilinniarnirmut kiinaujakkut ikajuqtuiniq atuqtitsinirlu | ~student loan; ~FANS
Help Pay for Work Expenses = iqqanaijarnirmut akiliqsuinirmut ikajuqtuiniq | iqqanaijarniq; ~work expenses
Government Benefits = gavamakkut ikajuutit | gavamakkut; ~income support; ~child benefit; ~benefits
Retirement Benefits = iqqanaijaiqsimanirmut kiinaujat | ~pension; ~CPP; ~OAS
Understand Government Programs = gavamakkut pilirianginnik tukisiumaniq | ~government programs
Unemployment Benefits = iqqanaijaaqanngittunut ikajuutit | ~EI; ~employment insurance
Financial Education = kiinaujanik aulatsinirmut ilinniarniq | ~budget; ~money management
Credit Counseling = akiitsunut uqaqatigiinniq | akiitsut; ~debt
Savings Program = kiinaujanik tuqquqsinirmut piliriaq | ~savings
Insurance = sapujjijjutit | ~insurance; ~coverage
Tax Preparation = taaksinut ikajuqtuiniq | taaksi; ~taxes; ~tax return
Care = kamagijauniq | kamaji; ~kamagijauniq; ~care; ~support
Adoption & Foster Care = tiguarniq asiani ilagiinni najurnirlu | tiguaq; ~adoption; ~foster care
Adoption & Foster Placement = asiani ilagiinni najuqtitsiniq | ~foster placement
Adoption & Foster Parenting = tiguaqtiuniq kamajiunirlu | ~foster parent
Adoption Planning = tiguarnirmut parnaijarniq | ~adoption
Post-Adoption Support = tiguarniup kingulliani ikajuqtuiniq | ~adoption support
Animal Welfare = uumajunik kamaniq | qimmiq; ~qimmiq; ~pets
Daytime Care = ullukkut kamagijauniq | ~daycare; ~day program
Adult Daycare = inirsimajunut ullukkut kamagijauniq | inutuqait; ~adult day program
Afterschool Care = ilinniarniup kingulliani kamagijauniq | ~after school program
Childcare = nutaqqanik kamaniq | nutaqqat kamagijauvingat; ~daycare; ~babysitter
Help Find Childcare = nutaqqat kamagijauvinganik qiniqsinirmut ikajuqtuiniq | ~daycare
Day Camp = ullukkut aullaarniq | ~day camp; ~summer camp
Preschool = ilinniarvimmut parnaijarniq | ~preschool; ~Head Start
Recreation = pinnguarniq | ~sports; ~recreation
Relief for Caregivers = kamajinut qasuiirsarniq | ~respite
Navigating the System = pijittirnirnik nalunaiqsiniq | pijittirniq; ~services; ~where to start
Help Fill out Forms = titiqqanik titiraqsinirmut ikajuqtuiniq | titiqqat; ~forms
Help Find School = ilinniarvimmik qiniqsinirmut ikajuqtuiniq | ilinniarvik; ~school registration
Help Find Work = iqqanaijaamik qiniqsinirmut ikajuqtuiniq | iqqanaijaaq; ~iqqanaijaaq; ~job search
Residential Care = sinikvilik kamagijauvik | inutuqait kamagijauvingat; ~long-term care; ~group home
Overnight Camp = unnuakkut aullaarniq | ~camp
Support Network = ikajuqtiqarniq | ikajuqtiit; ~support
Help Hotlines = uqaluutikkut ikajuqtuiniq | uqaluut; ~helpline; ~crisis line
Home Visiting = illunut pulaarniq | ~home visits
Mentoring = ilitturitsijimik piqatiqarniq | ~mentor
One-on-One Support = atausiq atausirmut ikajuqtuiniq | ~one-on-one
Peer Support = ajjiqatigiit ikajuqatigiinniq | ~peer support
Spiritual Support = anirnikkut ikajuqtuiniq | tuksiarvik; ~church
Support Groups = ikajuqatigiit katimaniq | ~support group
Virtual Support = qarasaujakkut ikajuqtuiniq | qarasaujaq; ~online support
Education = ilinniarniq | ilinniarvik; ~ilinniarvik; ~ilinniarniq; ~school; ~courses
More Education = ilinniaqqinniq | ~adult education; ~upgrading
Alternative Education = asiagut ilinniarniq | ~alternative school
Disaster Preparedness & Response = attanaqtumut parnaijarniq | ~emergency preparedness; ~first aid
English as a Second Language (ESL) = qallunaatitut ilinniarniq | qallunaatitut; ~ESL; ~English
Foreign Languages = asinginnik uqausinik ilinniarniq | uiviititut; ~French; ~languages
GED/High-School Equivalency = ilinniarvimmit aniguiniq inirsimajunut | ~GED; ~high school diploma
Nutrition Education = niqitsiaqarnirmut ilinniarniq | ~healthy eating
Supported Employment = ikajuqtaulluni iqqanaijarniq | iqqanaijarniq; ~supported employment; ~job coach
Special Education = immikkut ilinniartitsiniq | ~special needs
Tutoring = atausirmut ilinniartitsiniq | ~tutor; ~homework help
Screening & Exams = uuktuutit | uuktuuti; ~tests; ~exams
Citizenship & Immigration = kanatamiutauniq nuunnirlu | ~citizenship; ~immigration
Skills & Training = pijunnarnirnik ilinniarniq | ~training; ~skills
Basic Literacy = titiraqsinirmik taiguarnirmillu ilinniarniq | taiguarniq; ~literacy
Computer Class = qarasaujamik ilinniarniq | qarasaujaq; ~computer class
Interview Training = apiqsuqtaunirmut parnaijarniq | ~job interview
Resume Development = iqqanaijarsimaninnik titiraqsiniq | ~resume; ~CV
Skills Assessment = pijunnarnirnik uuktuiniq | ~skills assessment
Specialized Training = immikkut ilinniarniq | ~trades; ~certificate
Work = iqqanaijarniq | iqqanaijaaq; ~iqqanaijaaq; ~iqqanaijarniq; ~job; ~work
Job Placement = iqqanaijaaqaqtitsiniq | iqqanaijaaq; ~job placement
Workplace Rights = iqqanaijaqtiit pijunnautingit | pijunnautit; ~workers' rights; ~labour standards
Legal = maligaliriniq | maliga; ~maliga; iqqaqtuivik; ~lawyer; ~legal aid
Advocacy & Legal Aid = maligakkut ikajuqtuiniq | ~legal aid; ~lawyer
Discrimination & Civil Rights = immikkuurtitsiniq inuit pijunnautingillu | ~human rights; ~discrimination
Guardianship = maligakkut kamajiuniq | ~guardian
Identification Recovery = kinaunirmut nalunaijautinik nutaanik pijjiniq | ~ID; ~birth certificate
Mediation = aaqqiksuqatigiinniq | uqaqatigiinniq; ~mediation
Notary = nuutari | ~notary; ~notary public; ~commissioner of oaths
Representation = maligakkut uqaqtiuniq | ~lawyer; ~court
Translation & Interpretation = tusaajiliriniq | tusaaji; ~tusaaji; ~interpreter; ~translation
"""


def convert(text):
    lines = []
    for raw in text.splitlines():
        if " = " not in raw:
            lines.append(raw)
            continue
        en, _, rest = raw.partition(" = ")
        label, _, syns = rest.partition(" | ")
        out_syns = []
        for s in syns.split(";"):
            s = s.strip()
            if not s:
                continue
            out_syns.append(s[1:] if s.startswith("~") else to_syllabics(s))
        lines.append(f"{en} = {to_syllabics(label.strip())} | {'; '.join(out_syns)}")
    return "\n".join(lines)


if __name__ == "__main__":
    build("iu", convert(DATA))
