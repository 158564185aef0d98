"""The `pinshang` command line: the app, the demo, and checks used by people and scripts."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.core.errors import UserError

Handler = Callable[[argparse.Namespace], int]
PROGRESS_FROM = 200_000  # audit rows from which `audit verify` shows its progress


def _add_data_dir(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Subcommands suppress their default so `pinshang --data-dir X demo` keeps X.
    parser.add_argument("--data-dir", default=None if top else argparse.SUPPRESS,
                        help="folder of the store database (default: the user's data folder)")


def _app_parser(*, add_help: bool = True) -> argparse.ArgumentParser:
    """The options of the app itself (no subcommand)."""
    from desktop import __version__

    parser = argparse.ArgumentParser(prog="pinshang", description="Pinshang Counter", add_help=add_help)
    parser.add_argument("--version", action="version", version=f"Pinshang Counter {__version__}")
    _add_data_dir(parser, top=True)
    parser.add_argument("--lang", help="zh_CN or en (default: settings, then the system locale)")
    parser.add_argument("--full-screen", action="store_true",
                        help="kiosk mode: the window takes the whole screen (F11 leaves it)")
    parser.set_defaults(handler=_run_app)
    return parser


def parse(arguments: list[str]) -> argparse.Namespace:
    """The app's own options alone (how the counter starts, every morning) are read without
    building the subcommands' parsers; anything else (a subcommand, -h, a typo) goes to the
    whole parser, which knows and explains them all."""
    quick, rest = _app_parser(add_help=False).parse_known_args(arguments)
    return quick if not rest else build_parser().parse_args(arguments)


def build_parser() -> argparse.ArgumentParser:
    parser = _app_parser()
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="open the app on a fresh demo restaurant")
    _add_data_dir(demo)
    demo.add_argument("--lang", default=argparse.SUPPRESS, help="zh_CN or en")
    demo.add_argument("--screenshot", metavar="OUTDIR", help="render every screen to OUTDIR as PNG and exit")
    demo.add_argument("--size", default="1024x768", metavar="WxH",
                      help="window size of the screenshots (default: 1024x768, the common counter screen)")
    demo.add_argument("--full-screen", action="store_true", default=argparse.SUPPRESS,
                      help="kiosk mode: the window takes the whole screen (F11 leaves it)")
    demo.set_defaults(handler=_run_demo)

    verify_draw = sub.add_parser("verify-draw", help="check a pinshang-draw-v1 or -v2 proof file")
    verify_draw.add_argument("proof", help="PROOF.json, or - for standard input")
    verify_draw.add_argument("--platform-key", metavar="HEX",
                             help="the platform's public key (64 lower-case hex digits): a v2 proof "
                                  "whose beacon is signed under any other key is refused")
    verify_draw.set_defaults(handler=_verify_draw)

    export_proof = sub.add_parser("export-proof", help="write a drawn group's draw proof (pinshang-draw-v1 or -v2)")
    export_proof.add_argument("group_id", metavar="GROUP_ID")
    _add_data_dir(export_proof)
    export_proof.add_argument("--out", help="FILE.json (default: standard output)")
    export_proof.set_defaults(handler=_export_proof)

    render = sub.add_parser("render", help="render a print template to .png, .pdf or .bin (ESC/POS)")
    render.add_argument("template", help="invite, voucher, draw-slip, redemption-receipt, sale-receipt, deposit-slip or refund-slip")
    render.add_argument("--demo", action="store_true", required=True, help="use the demo data")
    render.add_argument("--out", required=True, help="FILE.png, FILE.pdf or FILE.bin")
    render.add_argument("--paper", type=int, default=80, choices=(58, 80, 105), help="paper width in mm (105 = A6)")
    render.set_defaults(handler=_render)

    report = sub.add_parser("report", help="the X report (now) or a Z report of this terminal's shifts")
    report.add_argument("kind", choices=("x", "z"), help="x: the open shift now; z: a closed shift's Z report")
    _add_data_dir(report)
    report.add_argument("--shift", type=int, default=None, metavar="N",
                        help="the shift id (default: the open shift for x, the latest Z report for z)")
    report.add_argument("--out", default=None,
                        help="FILE.pdf, FILE.png, FILE.bin (ESC/POS) or FILE.csv (default: text on standard output)")
    report.add_argument("--paper", type=int, default=80, choices=(58, 80), help="paper width in mm")
    report.set_defaults(handler=_report)
    licences = sub.add_parser("licences", help="print the version and the licences of the bundled parts")
    licences.set_defaults(handler=_licences)

    sub.add_parser("central", help="run or administer the reference platform (see pinshang central -h)")

    audit = sub.add_parser("audit", help="audit chain tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="check the audit hash chain")
    _add_data_dir(verify)
    verify.set_defaults(handler=_audit_verify)
    return parser


def _run_app(args: argparse.Namespace) -> int:
    from desktop.app import run_app

    return run_app(data_dir=args.data_dir, language=args.lang, full_screen=args.full_screen)


def _run_demo(args: argparse.Namespace) -> int:
    from desktop.app import run_demo

    return run_demo(data_dir=args.data_dir, screenshot_dir=args.screenshot, language=args.lang,
                    size=args.size, full_screen=getattr(args, "full_screen", False))


def _licences(_args: argparse.Namespace) -> int:
    from desktop.licences import notice_text

    sys.stdout.write(notice_text())
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    from desktop.app import open_services

    services = open_services(args.data_dir)
    try:
        check = services.audit.verify(_progress(services.audit.count()))
    finally:
        services.close()
    if check.ok:
        print(f"audit chain intact: {check.length} rows")
        return 0
    print(f"audit chain broken at row {check.bad_row}: {check.problem} "
          f"({check.length} rows before it verify)")
    return 1


def _progress(total: int) -> Callable[[int], None] | None:
    """A long chain says how far the check is, on stderr (stdout is the verdict)."""
    if total < PROGRESS_FROM:
        return None

    def show(done: int) -> None:
        print(f"checked {done:,} of {total:,} rows ({min(100, done * 100 // total)}%)", file=sys.stderr, flush=True)
    return show


def _export_proof(args: argparse.Namespace) -> int:
    from desktop.app import open_services

    services = open_services(args.data_dir)
    try:
        proof = services.draws.export_proof(args.group_id)
    finally:
        services.close()
    if args.out:
        Path(args.out).write_text(proof, encoding="utf-8")
        print(args.out)
    else:
        print(proof)
    return 0


def _verify_draw(args: argparse.Namespace) -> int:
    from desktop.core.draw import verify_proof

    try:
        data = sys.stdin.buffer.read() if args.proof == "-" else Path(args.proof).read_bytes()
    except OSError as exc:
        print(f"cannot read {args.proof}: {exc.strerror}", file=sys.stderr)
        return 1
    key: bytes | None = None
    if args.platform_key is not None:
        text = args.platform_key.strip()
        if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
            print("--platform-key must be 64 lower-case hex digits (the 32 bytes of the key)", file=sys.stderr)
            return 2
        key = bytes.fromhex(text)
    result = verify_proof(data, key)
    print(result.sentence)
    if result.ok:
        print(_checked_what(data, key))
    return 0 if result.ok else 1


def _checked_what(data: bytes, key: bytes | None) -> str:
    """After "checks out": which version was checked, and whether the beacon's key was checked
    against a key the user gave (without one, a v2 proof only shows its own key signed it)."""
    import json

    proof = json.loads(data.decode("utf-8"))  # verify_proof has just read it as this
    if proof["v"] == "pinshang-draw-v1":
        used = " (--platform-key is not used: a v1 proof has no beacon)" if key is not None else ""
        return ("Checked as pinshang-draw-v1: merchant randomness only, the owner alone chose the "
                f"seed{used}")
    if key is not None:
        return ("Checked as pinshang-draw-v2: the beacon is signed under the platform key you gave "
                f"({key.hex()})")
    return ("Checked as pinshang-draw-v2, but the beacon's key was NOT checked: the beacon is signed "
            f"under the key the proof names ({proof['platform_key']}), which anyone can make; "
            "pass --platform-key with the platform's key (GET /v1/platform-key) to check it")


def _render(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # files only: never needs a display
    from desktop.printing.render import render_template

    quiet_migrations()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    if args.template == "sale-receipt" and Path(args.out).suffix.lower() in (".png", ".pdf", ".bin"):
        from desktop.app import render_demo_sale_receipt

        render_demo_sale_receipt(Path(args.out), paper_mm=args.paper)  # a real demo sale, coins and all
    else:
        render_template(args.template, Path(args.out), paper_mm=args.paper)
    print(args.out)
    return 0


def quiet_migrations() -> None:
    """Alembic's INFO lines ("Running upgrade …") are for the app's log, not a command's output."""
    import logging

    logging.getLogger("alembic").setLevel(logging.WARNING)


def _report(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # files only: never needs a display
    import csv

    from desktop import paths
    from desktop.app import open_services
    from desktop.core.settings_keys import STORE_NAME
    from desktop.documents.document import plain_text
    from desktop.documents.layouts import paper_for
    from desktop.documents.shift_report import CSV_HEADER, report_rows, shift_report_document

    folder = paths.data_dir(args.data_dir)
    if not paths.db_path(folder).exists():  # a report reads a store: never makes an empty one
        print(f"pinshang: there is no store in {folder}", file=sys.stderr)
        return 2
    quiet_migrations()
    services = open_services(args.data_dir)
    try:
        if args.kind == "x":
            totals = services.shifts.x_report(args.shift)
        else:
            totals = services.shifts.z_report(shift_id=args.shift).totals
        store = services.settings.get(STORE_NAME, "")
    finally:
        services.close()
    document = shift_report_document(totals, store)
    out = Path(args.out) if args.out else None
    if out is None:
        print(plain_text(document, paper_for(args.paper).columns))
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".csv":
        with out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            writer.writerows(report_rows(totals))
    else:
        from desktop.printing.render import render_document

        render_document(document, out, paper_mm=args.paper)
    print(out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["central"]:  # the platform has its own parser
        from central.cli import main as central_main

        return central_main(arguments[1:])
    args = parse(arguments)
    handler: Handler = args.handler
    try:
        return handler(args)
    except UserError as exc:
        print(f"pinshang: {exc}", file=sys.stderr)
        return 2
