"""marsad.engines: executors that run the same pipeline locally or on a cluster.

``marsad.engines.local.run_local`` runs in this process or a process pool.
"""
