"""Turn a folder of policy documents into a cited, searchable index.

policy-assistant ingest                 # the bundled library in data/policies
policy-assistant ingest PATH ... --json # other files or folders
"""
