"""The view model: what a record shows in a language (names with their language, phones, hours, addresses, categories)."""
