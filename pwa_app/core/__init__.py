"""Pure helpers with no app and no database: text normalisation, slugs, phone numbers, hours, URLs, referral tokens."""
