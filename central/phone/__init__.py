"""The customer's phone pages and their API, served by the platform (docs/phone.md): sign-in by
SMS code, the join page, the deposit through a payment provider, the result and proof page with
the in-browser verifier, and the member page. Templates and scripts are package data
(central/phone/static): nothing is fetched from anyone else at run time."""
