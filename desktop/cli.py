"""The `pinshang` command line: the app, the demo, and checks used by people and scripts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from desktop.core.errors import UserError

Handler = Callable[[argparse.Namespace], int]


def _add_data_dir(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Subcommands suppress their default so `pinshang --data-dir X demo` keeps X.
    parser.add_argument("--data-dir", default=None if top else argparse.SUPPRESS,
                        help="folder of the store database (default: the user's data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pinshang", description="Pinshang Counter")
    _add_data_dir(parser, top=True)
    parser.add_argument("--lang", help="zh_CN or en (default: settings, then the system locale)")
    parser.set_defaults(handler=_run_app)
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="open the app on a fresh demo restaurant")
    _add_data_dir(demo)
    demo.add_argument("--lang", default=argparse.SUPPRESS, help="zh_CN or en")
    demo.add_argument("--screenshot", metavar="OUTDIR", help="render every screen to OUTDIR as PNG and exit")
    demo.set_defaults(handler=_run_demo)

    audit = sub.add_parser("audit", help="audit chain tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="check the audit hash chain")
    _add_data_dir(verify)
    verify.set_defaults(handler=_audit_verify)
    return parser


def _run_app(args: argparse.Namespace) -> int:
    from desktop.app import run_app

    return run_app(data_dir=args.data_dir, language=args.lang)


def _run_demo(args: argparse.Namespace) -> int:
    from desktop.app import run_demo

    return run_demo(data_dir=args.data_dir, screenshot_dir=args.screenshot, language=args.lang)


def _audit_verify(args: argparse.Namespace) -> int:
    from desktop.app import open_services

    services = open_services(args.data_dir)
    try:
        check = services.audit.verify()
    finally:
        services.close()
    if check.ok:
        print(f"audit chain intact: {check.length} rows")
        return 0
    print(f"audit chain broken at row {check.bad_row}: {check.problem} "
          f"({check.length} rows before it verify)")
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except UserError as exc:
        print(f"pinshang: {exc}", file=sys.stderr)
        return 2
