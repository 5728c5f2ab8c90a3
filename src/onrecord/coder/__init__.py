"""PLOVER event coding: the parts of the events stage (:mod:`onrecord.stages.events`).

- :mod:`.resources` loads the field's dictionaries once per process (CAMEO verbs, Phoenix actors,
  agents, issues, discards, the CAMEO-to-PLOVER table);
- :mod:`.plover` converts CAMEO codes to PLOVER types, modes and contexts, with corrections;
- :mod:`.verbs` matches CAMEO verb patterns on spaCy's dependency parse;
- :mod:`.readings` reads what a word reports by itself; :mod:`.syntax` reads its frame;
- :mod:`.coder` turns readings and frames into acts; :mod:`.roles` and :mod:`.parties` find and
  name the actor and recipient; :mod:`.modes` gives modes and contexts;
- :mod:`.extract` codes a whole document, with dates from :mod:`onrecord.dates`.
"""
