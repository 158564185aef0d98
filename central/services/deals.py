"""Deals as the platform knows them: deal.launched and deal.amended store every version of the
terms and disclosure per store; an amendment must be in the customers' favour
(desktop.core.compliance.check_amendment). Group checks read the latest terms from here."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from central.errors import OpRejected
from central.models import Deal, DealVersion
from central.platform import TerminalContext
from central.services.schedules import in_force
from desktop.core import op_contracts as contracts
from desktop.core.compliance import check_amendment, check_launchable
from desktop.core.compliance import check_coin_cap as core_coin_cap
from desktop.core.deals import DealTerms, terms_from_dict
from desktop.core.errors import UserError


def terms_of(payload: contracts.DealTermsPayload | dict[str, Any]) -> DealTerms:
    return terms_from_dict(payload.model_dump() if isinstance(payload, contracts.DealTermsPayload) else payload)


def latest_terms(session: Session, store_id: str, deal_id: str) -> DealTerms | None:
    deal = session.get(Deal, (store_id, deal_id))
    return None if deal is None else stored_terms(deal)


def stored_terms(deal: Deal) -> DealTerms:
    """The deal's current terms; OpRejected when the stored ones cannot be read (a deal rebuilt
    by migration 0005 from a payload the old platform applied without checking it)."""
    try:
        return terms_of(contracts.DealTermsPayload.model_validate(json.loads(deal.terms)))
    except ValueError as exc:  # pydantic's ValidationError and JSON's errors are ValueErrors
        raise OpRejected(f"deal {deal.id}: the terms the platform holds for it are not valid deal "
                         "terms (recorded before the platform checked them); launch a new deal") from exc


def check_coin_cap(session: Session, merchant_id: str, deal_id: str, terms: DealTerms,
                   at: datetime) -> None:
    """desktop.core.compliance.check_coin_cap at the merchant's schedule in force (1 fen a coin
    without one): the granting merchant pays for the coins (central/services/draws.py)."""
    schedule = in_force(session, merchant_id, at)
    try:
        core_coin_cap(terms, schedule.coin_value_fen if schedule is not None else 1)
    except UserError as exc:
        raise OpRejected(f"deal {deal_id}: {exc.render()}") from exc


def publish(session: Session, terminal: TerminalContext, data: contracts.DealPublished,
            op_id: str, at: datetime, *, amendment: bool) -> None:
    deal = session.get(Deal, (terminal.store_id, data.deal_id))
    terms = terms_of(data.terms)
    try:
        if amendment:
            if deal is None:
                raise OpRejected(f"deal {data.deal_id} was never launched by this store")
            if data.version != deal.version + 1:
                raise OpRejected(f"deal {data.deal_id} is at version {deal.version}: "
                                 f"an amendment must be version {deal.version + 1}, not {data.version}")
            check_amendment(stored_terms(deal), terms)
        else:
            if deal is not None:
                raise OpRejected(f"deal {data.deal_id} was launched already by this store")
            if data.version != 1:
                raise OpRejected(f"a launched deal starts at version 1, not {data.version}")
            check_launchable(terms)
    except UserError as exc:
        raise OpRejected(f"deal {data.deal_id}: {exc.render()}") from exc
    check_coin_cap(session, terminal.merchant_id, data.deal_id, terms, at)
    text = json.dumps(data.terms.model_dump(), sort_keys=True, ensure_ascii=False)
    if deal is None:
        deal = Deal(store_id=terminal.store_id, id=data.deal_id, terminal_id=terminal.terminal_id,
                    version=data.version, terms=text, launched_at=at)
        session.add(deal)
        session.flush()
    else:
        deal.version, deal.terms = data.version, text
    session.add(DealVersion(store_id=terminal.store_id, deal_id=data.deal_id, version=data.version,
                            terms=text, disclosure=json.dumps(data.disclosure.model_dump(), ensure_ascii=False),
                            op_id=op_id, published_at=at))
