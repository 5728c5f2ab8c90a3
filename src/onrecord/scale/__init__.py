"""Engines that spread onrecord's work beyond one process pool.

:mod:`onrecord.scale.ray` runs the readers and the per-document stages on Ray Data, and
:mod:`onrecord.scale.corpus` the corpus phase (copies, actors, statements) as Ray Data group-bys.
Both need the ``ray`` extra; nothing here is imported by the default, local engine.
"""
