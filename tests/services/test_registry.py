"""The services registry builds each service on first use, once, whichever threads ask first,
and keeps the shared instances shared."""

from __future__ import annotations

import threading

from desktop.services.checkout import CheckoutService
from desktop.services.registry import Services


def test_a_service_is_built_on_first_use_and_once_whichever_threads_ask(services: Services) -> None:
    assert "checkout" not in vars(services) and "signing_keys" not in vars(services)
    barrier = threading.Barrier(8)
    seen: list[CheckoutService] = []

    def ask() -> None:
        barrier.wait()
        seen.append(services.checkout)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8 and all(found is seen[0] for found in seen)
    assert isinstance(seen[0], CheckoutService) and services.checkout is seen[0]
    # building checkout built what it shares, and nothing else
    assert services.checkout.redemption is services.redemption
    assert "catalogue" not in vars(services) and "draws" not in vars(services)


def test_the_shared_services_stay_shared(services: Services) -> None:
    keys = services.signing_keys
    assert services.demo.keys is keys and services.groups.keys is keys
    assert services.draws.keys is keys and services.redemption.keys is keys
    assert services.demo.staff is services.staff
    jobs = services.print_jobs
    assert jobs.data is services.print_data and jobs.queue is services.print_queue
    assert jobs.printers is services.printers and jobs.settings is services.settings
    other = Services.build(services.db, services.clock)
    assert other.signing_keys is not keys  # one per Services
