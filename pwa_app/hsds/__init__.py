"""Open Referral HSDS 3.0 exchange: the shipped schema, validation and import."""
