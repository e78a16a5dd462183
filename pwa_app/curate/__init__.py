"""What curators do to the directory (issue 19), with no web in sight: accounts, edits and their audit
trail, verification, report triage, the freshness figures. The screens are pwa_app/views/curate/."""
