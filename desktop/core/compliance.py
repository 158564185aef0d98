"""Compliance guard for lottery sales (docs/architecture.md, Domain rules; docs/deals.md).

China, Anti-Unfair Competition Law Art. 11 (as revised 2025) and SAMR 规范促销行为暂行规定
Arts. 13-15: the top prize may not exceed 50,000 CNY (market value of goods counts); before
launch the deal publishes prize, number of winners or odds, conditions, draw time and method,
redemption time and place; after the start these change only in the customer's favour;
records are kept at least two years.
"""

from __future__ import annotations

from dataclasses import fields

from desktop.core.deals import DealTerms, LeaderRule, check_structure
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import format_fen

MAX_TOP_PRIZE_FEN = 5_000_000  # 50,000 CNY, market value of the goods a winner receives
RETENTION_DAYS = 730  # keep deal, draw and redemption records at least two years


def check_launchable(terms: DealTerms) -> None:
    """Raise ValidationError if the deal may not be launched as it stands."""
    check_structure(terms)
    if terms.market_value_fen > MAX_TOP_PRIZE_FEN:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The prize is worth {value}; a lottery prize may not exceed {cap}"
            ),
            value=format_fen(terms.market_value_fen, "en"),
            cap=format_fen(MAX_TOP_PRIZE_FEN, "en"),
        )


def check_coin_cap(terms: DealTerms, coin_value_fen: int) -> None:
    """A loser's consolation coins may be worth at most the group price: the merchant pays for
    the coins its deals grant, and no group mints more than its seats paid in (the platform
    refuses such a deal too: docs/security.md). `coin_value_fen`: the schedule's, 1 without one."""
    worth = terms.consolation_coins * max(coin_value_fen, 1)
    if worth > terms.group_price_fen:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The consolation coins are worth {worth}, more than the group price {price}"
            ),
            worth=format_fen(worth, "en"), price=format_fen(terms.group_price_fen, "en"),
        )


# --- amendments: only in the customer's favour -------------------------------------------

# A field may grow, may shrink, or is free (internal to the merchant); every other field is frozen.
_MAY_GROW = frozenset(
    {
        "winners",
        "consolation_cash_fen",
        "consolation_coins",
        "redemption_days",
        "leader_reward_fen",
        "formation_reward_fen",
    }
)
_MAY_SHRINK = frozenset({"group_price_fen"})
_FREE = frozenset({"cost_fen", "promotion_budget_fen", "max_open_groups"})


def check_amendment(old: DealTerms, new: DealTerms) -> None:
    """Allow a change to a running deal only if it is in the customer's favour.

    More winners (same group size), more consolation cash or coins, a longer redemption window,
    a bigger leader or formation reward, a lower price are allowed; merchant-internal figures
    (cost, promotion budget, how many groups may be open) are free. Anything else is refused,
    naming the field. The new terms must also be launchable.
    """
    for spec in fields(DealTerms):
        name = spec.name
        before, after = getattr(old, name), getattr(new, name)
        if before == after or name in _FREE:
            continue
        if name in _MAY_GROW and after > before or name in _MAY_SHRINK and after < before:
            continue
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "“{field}” cannot change from {before} to {after} after launch: only changes in "
                "the customer's favour are allowed",
            ),
            field=name,
            before=_show(before),
            after=_show(after),
        )
    check_launchable(new)


def _show(value: object) -> str:
    return getattr(value, "value", str(value))


# --- the disclosure printed on the invite --------------------------------------------------


def odds_text(terms: DealTerms, locale: str) -> str:
    k, m = terms.winners, terms.eligible_seats
    if locale.startswith("zh"):
        return f"{m} 人中抽 {k} 人（中奖率 {k}/{m}）"
    return f"{k} winner{'s' if k != 1 else ''} among {m} people (odds {k} in {m})"


def disclosure(
    terms: DealTerms,
    store_name: str,
    contact: str,
    draw_time_text: str,
    redemption_place: str,
    locale: str = "zh_CN",
) -> str:
    """The public rules of the lottery, as printed on the invite and shown online."""
    check_launchable(terms)
    _require_filled(
        store=store_name, contact=contact, draw_time=draw_time_text, place=redemption_place
    )
    lines = _zh_lines if locale.startswith("zh") else _en_lines
    return "\n".join(lines(terms, store_name, contact, draw_time_text, redemption_place))


def _require_filled(**texts: str) -> None:
    for name, text in texts.items():
        if not text.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The disclosure needs the {what}"),
                what=_DISCLOSURE_LABELS[name],
            )


_DISCLOSURE_LABELS = {
    "store": QT_TRANSLATE_NOOP("errors", "store name"),
    "contact": QT_TRANSLATE_NOOP("errors", "organiser's contact"),
    "draw_time": QT_TRANSLATE_NOOP("errors", "draw time"),
    "place": QT_TRANSLATE_NOOP("errors", "redemption place"),
}


def _zh_lines(terms: DealTerms, store: str, contact: str, when: str, place: str) -> list[str]:
    price, value = format_fen(terms.group_price_fen), format_fen(terms.market_value_fen)
    lines = [
        f"【抽奖拼团活动规则】{store}",
        f"奖品：{terms.product_name}（市场价值 {value}），共 {terms.winners} 名",
        f"中奖人数及概率：{odds_text(terms, 'zh_CN')}",
        f"参与条件：每人支付拼团价 {price}，{terms.group_size} 人成团；"
        f"{_zh_hours(terms)}内未成团全额退款",
        f"未中奖者：全额退还 {price}{_zh_consolation(terms)}",
    ]
    if terms.leader_rule is LeaderRule.EXCLUDED:
        lines.append(f"团长不参与抽奖，获团长奖励 {format_fen(terms.leader_reward_fen)}")
    lines += [
        f"开奖时间：{when}",
        "开奖方式：开团时公布承诺值，开奖后公布种子，任何人可验证；门店联网开奖时另加平台信标"
        "（pinshang-draw-v2，商户和平台都无法单独左右结果），离线开奖时由商户单方随机（pinshang-draw-v1）；"
        "开奖凭条写明所用版本",
        f"兑奖地点：{place}；兑奖期限：开奖后 {terms.redemption_days} 天内",
        f"主办方：{store}，联系方式：{contact}",
    ]
    return lines


def _zh_hours(terms: DealTerms) -> str:
    hours = int(terms.fill_window.total_seconds()) // 3600
    return f"{hours} 小时" if hours else f"{int(terms.fill_window.total_seconds()) // 60} 分钟"


def _zh_consolation(terms: DealTerms) -> str:
    parts = []
    if terms.consolation_cash_fen:
        parts.append(f"另得 {format_fen(terms.consolation_cash_fen)} 现金")
    if terms.consolation_coins:
        parts.append(f"{terms.consolation_coins} 购物币")
    return "，" + "、".join(parts) if parts else ""


def _en_lines(terms: DealTerms, store: str, contact: str, when: str, place: str) -> list[str]:
    price, value = format_fen(terms.group_price_fen, "en"), format_fen(terms.market_value_fen, "en")
    lines = [
        f"Lottery group deal rules: {store}",
        f"Prize: {terms.product_name} (market value {value}), {terms.winners} to be won",
        f"Winners and odds: {odds_text(terms, 'en')}",
        f"Conditions: each person pays the group price {price}; the group forms with "
        f"{terms.group_size} people; if it is not full within {_en_window(terms)}, "
        "everyone is refunded in full",
        f"If you do not win: your {price} back in full{_en_consolation(terms)}",
    ]
    if terms.leader_rule is LeaderRule.EXCLUDED:
        reward = format_fen(terms.leader_reward_fen, "en")
        lines.append(
            f"The group leader is not in the draw and receives a leader reward of {reward}"
        )
    lines += [
        f"Draw time: {when}",
        "Draw method: commitment published when the group opens, seed revealed after the draw, "
        "anyone can check it; drawn online, a platform beacon is mixed in (pinshang-draw-v2: neither "
        "the store nor the platform can steer it alone); drawn offline, merchant randomness only "
        "(pinshang-draw-v1); the draw slip says which was used",
        f"Redemption: at {place}, within {terms.redemption_days} days after the draw",
        f"Organiser: {store}, contact {contact}",
    ]
    return lines


def _en_window(terms: DealTerms) -> str:
    hours = int(terms.fill_window.total_seconds()) // 3600
    return f"{hours} hours" if hours else f"{int(terms.fill_window.total_seconds()) // 60} minutes"


def _en_consolation(terms: DealTerms) -> str:
    parts = []
    if terms.consolation_cash_fen:
        parts.append(f"{format_fen(terms.consolation_cash_fen, 'en')} cash")
    if terms.consolation_coins:
        parts.append(f"{terms.consolation_coins} shopping coins")
    return " plus " + " and ".join(parts) if parts else ""
