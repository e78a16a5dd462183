"""English (official Open Eligibility names + everyday synonyms)."""
from build_b import build

DATA = """
Emergency | urgent help; crisis; emergency help; urgent; 911
Disaster Response | disaster relief; fire; flood; evacuation; wildfire
Emergency Cash | emergency money; cash assistance; emergency funds; crisis grant
Help Pay for Food | money for food; food assistance; grocery money
Help Pay for Healthcare | medical bills; health costs; medical costs
Help Pay for Housing | rent help; rent assistance; rent money; housing allowance
Help Pay for Gas | gas money; fuel; gas card
Help Pay for School | tuition; school fees; school costs
Help Pay for Utilities | hydro bill; electricity bill; heating bill; utility bill
Emergency Food | food hamper; hungry; food bank; emergency meals
Emergency Shelter | shelter; homeless shelter; nowhere to sleep; homeless
Help Find Missing Persons | missing person; lost family; family tracing
Immediate Safety | safety; danger; violence; abuse
Help Escape Violence | domestic violence; abuse; family violence
Safe Housing | women's shelter; transition house; safe house
Psychiatric Emergency Services | mental health crisis; crisis line; suicide; psychiatric emergency
Food | meal; groceries; hungry; food bank; pantry
Community Gardens | garden; gardening; community garden plot
Food Delivery | meals on wheels; meal delivery; grocery delivery
Food Pantry | food bank; food hamper; groceries
Free Meals | soup kitchen; free food; community meal; hot meal
Food Benefits | food vouchers; grocery card; food stamps
Nutrition | healthy eating; diet; dietitian
Housing | rent; apartment; home; place to live; housing help
Help Find Housing | apartment search; find an apartment; housing search
Home & Renters Insurance | tenant insurance; renters insurance; home insurance
Housing Vouchers | rent supplement; rent subsidy; housing benefit
Maintenance & Repairs | home repairs; repairs; landlord repairs
Housing Advice | tenant rights; landlord problems; eviction; lease
Foreclosure Counseling | mortgage help; foreclosure; power of sale
Homebuyer Education | buying a home; first-time homebuyer; mortgage
Residential Housing | housing; residence; long-term residence
Long-Term Housing | permanent housing; supportive housing
Assisted Living | retirement home; seniors residence
Independent Living | independent living program; supported living
Nursing Home | long-term care; care home; LTC
Public Housing | social housing; subsidized housing; community housing; low-income housing
Short-Term Housing | transitional housing; temporary housing
Sober Living | recovery home; halfway house
Goods | free stuff; donations; essentials; household items; supplies
Baby Supplies | baby items; baby stuff; newborn
Baby Clothes | infant clothing; baby clothing
Diapers & Formula | diapers; baby formula; baby food
Clothing | clothes; winter coat; boots; clothing bank
Clothes for School | school clothes; school uniform
Clothes for Work | work clothes; interview clothes; work boots
Clothing Vouchers | clothing voucher; clothing allowance
Home Goods | household items; kitchen items; housewares
Blankets & Fans | blankets; fans; bedding
Books | free books; textbooks
Furniture | beds; free furniture; mattress
Personal Care Items | toiletries; hygiene products; soap; menstrual products
Supplies for Work | tools; work tools; work supplies
Medical Supplies | medical equipment; wheelchair; mobility aids
Assistive Technology | mobility aids; hearing aids; wheelchair
Toys & Gifts | toys; holiday gifts; christmas hampers
Transit | transportation; bus; rides; travel; getting around
Help Pay for Transit | transit pass; bus fare; reduced fare
Bus Passes | bus pass; transit pass; monthly pass
Transportation | rides; driving; accessible transit; shuttle
Transportation for Healthcare | medical rides; ride to appointment; medical transportation
Transportation for School | school bus; ride to school
Health | healthcare; medical; doctor; clinic; wellness
Addiction & Recovery | addiction; substance use; alcohol; drugs; rehab
12-Step | AA; NA; alcoholics anonymous
Detox | withdrawal management; detoxification
Outpatient Treatment | day treatment; outpatient program
Residential Treatment | rehab; treatment centre; inpatient treatment
Dental Care | dentist; teeth; dental clinic; toothache
End-of-Life Care | palliative care; dying; terminal illness
Bereavement | grief; loss; mourning
Burial & Funeral Help | funeral costs; burial; funeral
Hospice | palliative care; hospice care
Pain Management | chronic pain; pain clinic
Health Education | health information; health workshop; health classes
Daily Life Skills | life skills; independent living skills
Disease Management | chronic disease; diabetes; diabetes education
Family Planning | pregnancy planning; contraception; sexual health
Parenting Education | parenting classes; parenting; parenting support
Sex Education | sexual health; sex ed
Understand Disability | disability information; disability
Understand Mental Health | mental health information; mental health
Disability Benefits | disability support; ODSP; disability pension
Discounted Healthcare | low-cost healthcare; free clinic; sliding scale
Health Insurance | health card; medical insurance; drug plan; extended health
Prescription Assistance | prescriptions; medication; drug coverage; pharmacy
Medical Care | doctor; clinic; walk-in clinic; nurse; medical
Alternative Medicine | traditional medicine; acupuncture; naturopath
Birth Control | contraception; condoms; the pill
Checkup & Test | checkup; physical exam; medical test
Disability Screening | disability assessment; developmental screening
Disease Screening | screening; cancer screening; STI testing
Hearing Tests | hearing test; audiologist
Mental Health Evaluation | psychiatric assessment; mental health assessment
Pregnancy Tests | pregnancy test; am I pregnant
Vision Tests | eye exam; eye test; optometrist
Maternity Care | prenatal care; pregnancy; midwife
Personal Hygiene | showers; hygiene; laundry
Prevent & Treat | treatment; prevention
Counseling | counselling; therapy; therapist; talk to someone
HIV Treatment | HIV; AIDS; PrEP
Physical Therapy | physiotherapy; physio; rehabilitation
Specialized Therapy | occupational therapy; speech therapy
Vaccinations | vaccines; immunization; shots; flu shot
In-Home Support | home care; personal support worker; PSW
Primary Care | family doctor; walk-in clinic; nurse practitioner
Money | financial help; cash; income; bills; budget
Financial Assistance | financial help; money help; grants
Help Pay for Childcare | childcare subsidy; daycare subsidy; daycare fees
Financial Aid & Loans | student loans; scholarships; bursaries; OSAP
Help Pay for Work Expenses | work expenses; employment costs; work costs
Government Benefits | benefits; social assistance; welfare; income support; child benefit
Retirement Benefits | pension; CPP; OAS; old age security
Understand Government Programs | government services; benefits information; Service Canada
Unemployment Benefits | EI; employment insurance; lost my job
Financial Education | money management; budgeting; financial literacy
Credit Counseling | debt help; credit counselling; debt; credit score
Savings Program | savings; RESP; matched savings
Insurance | insurance coverage; coverage; insurance help
Tax Preparation | taxes; tax clinic; income tax; tax return; free tax clinic
Care | support; caregiving; family support; help at home
Adoption & Foster Care | adoption; foster care; foster family
Adoption & Foster Placement | foster placement; adoption placement
Adoption & Foster Parenting | foster parent; adoptive parent
Adoption Planning | placing a child for adoption; adoption options
Post-Adoption Support | after adoption; adoptive family support
Animal Welfare | pets; animal shelter; pet food; vet
Daytime Care | day programs; daycare; day care
Adult Daycare | adult day program; seniors day program
Afterschool Care | after school program; before and after school
Childcare | daycare; babysitting; child care; nursery
Help Find Childcare | find daycare; daycare search
Day Camp | summer camp; day camp programs; march break camp
Preschool | pre-kindergarten; nursery school; early learning
Recreation | sports; activities; leisure; programs
Relief for Caregivers | respite; respite care; caregiver support
Navigating the System | navigation; settlement services; where to start; referrals
Help Fill out Forms | forms; application help; paperwork
Help Find School | school registration; enrol in school; find a school
Help Find Work | job search; jobs; employment services; find a job
Residential Care | long-term care; care home; group home
Overnight Camp | sleepaway camp; summer camp
Support Network | support; someone to talk to; community support
Help Hotlines | hotline; helpline; crisis line; distress line
Home Visiting | home visits; visiting nurse
Mentoring | mentor; mentorship; big brothers big sisters
One-on-One Support | individual support; case worker; case management
Peer Support | peer group; peer mentor
Spiritual Support | church; mosque; chaplain; faith
Support Groups | support group; group support
Virtual Support | online support; online counselling; chat
Education | school; classes; learning; courses; study
More Education | adult education; continuing education; upgrading
Alternative Education | alternative school; adult high school
Disaster Preparedness & Response | emergency preparedness; first aid; emergency kit
English as a Second Language (ESL) | ESL; English classes; LINC; learn English; English as a Second Language
Foreign Languages | language classes; French classes; learn French
GED/High-School Equivalency | GED; high school diploma; adult high school; upgrading
Nutrition Education | healthy eating; cooking classes
Supported Employment | job coach; disability employment
Special Education | special needs; IEP; learning disability
Tutoring | tutor; homework help
Screening & Exams | tests; exams; language test; assessment
Citizenship & Immigration | citizenship; immigration; citizenship test; permanent residence; refugee
Skills & Training | job training; training; courses; workshops
Basic Literacy | literacy; reading and writing; learn to read
Computer Class | computer classes; computer skills; digital literacy
Interview Training | job interview; interview skills
Resume Development | resume; CV; cover letter
Skills Assessment | credential assessment; foreign credentials
Specialized Training | trades training; certificate; apprenticeship
Work | jobs; employment; job; career; job search
Job Placement | job placement; job matching; internship
Workplace Rights | labour rights; employment standards; unpaid wages; workplace harassment
Legal | lawyer; legal help; law; legal aid; court
Advocacy & Legal Aid | legal aid; free lawyer; legal clinic; advocate
Discrimination & Civil Rights | discrimination; human rights; racism
Guardianship | guardian; custody; power of attorney
Identification Recovery | lost ID; replace ID; birth certificate; health card; SIN
Mediation | conflict resolution; dispute resolution
Notary | notary public; commissioner of oaths; notarize
Representation | lawyer; legal representation; court representation
Translation & Interpretation | interpreter; translator; translation; interpretation
"""

if __name__ == "__main__":
    build("en", DATA)
