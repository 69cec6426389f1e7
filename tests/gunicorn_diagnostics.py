"""gunicorn configuration of the servers the suite starts (tests/servers.py): a worker writes the stack of
every thread to its log on STACK_SIGNAL, so that a test whose request gets no answer can say where it waits."""

import faulthandler
import signal

# Ignored by default: a worker still booting, without the handler yet, is not killed by it.
STACK_SIGNAL = signal.SIGURG


def post_worker_init(worker):
    faulthandler.register(STACK_SIGNAL, all_threads=True)
