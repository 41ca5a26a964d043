"""Command line (DESIGN section 5). Exit 0 on success, 1 when ``check`` finds problems,
2 on bad input or a refused file, with one line on stderr (never a traceback)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from smbplanner import __version__

PROG = "smbplanner"


class CliError(Exception):
    """A clear one-line refusal: printed as "smbplanner: <message>", exit 2."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="SMB Planner: a business-aligned IT strategy for small businesses.",
        epilog="Run without a subcommand to start the desktop app, optionally on PLAN.",
    )
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation: window, sample plan and PDF export; prints OK",
    )
    p.add_argument(
        "--exit-when-shown",
        action="store_true",
        help="with PLAN: once the window is first drawn, print 'first paint: <seconds since "
        "the epoch>' and quit (the start-up benchmark)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("new", help="create an empty plan")
    s.add_argument("plan", metavar="PLAN")
    s.add_argument("--name", required=True, help="the business's name")
    s.add_argument("--currency", default="EUR", help="ISO 4217 code (default EUR)")
    s.add_argument("--start-year", type=int, default=None, help="first year (default: this year)")
    s.add_argument("--horizon", type=int, default=5, help="years the plan covers, 1-10")
    s.add_argument("--force", action="store_true", help="overwrite an existing file")

    s = sub.add_parser("demo", help="write a realistic sample plan")
    s.add_argument("plan", metavar="PLAN")
    s.add_argument(
        "--size",
        choices=("normal", "large"),
        default="normal",
        help="large: 300 initiatives over 10 years, for benchmarks",
    )
    s.add_argument("--force", action="store_true", help="overwrite an existing file")

    s = sub.add_parser("dump", help="the whole plan and its figures as JSON")
    s.add_argument("plan", metavar="PLAN")
    s.add_argument("-o", "--output", metavar="OUT.json", help="write to a file, not stdout")
    s.add_argument(
        "--force", action="store_true", help="overwrite an existing file (never a plan)"
    )

    s = sub.add_parser("load", help="create a plan file from JSON in the dump format")
    s.add_argument("json", metavar="JSON", help="the JSON file, or - for standard input")
    s.add_argument("plan", metavar="PLAN")
    s.add_argument("--force", action="store_true", help="overwrite an existing file")

    s = sub.add_parser("summary", help="the plan's goals, initiatives and totals as text")
    s.add_argument("plan", metavar="PLAN")

    s = sub.add_parser("check", help="integrity and consistency report")
    s.add_argument("plan", metavar="PLAN")
    s.add_argument("--strict", action="store_true", help="count warnings as problems too")

    s = sub.add_parser("export", help="the board-ready PDF, without a display")
    s.add_argument("plan", metavar="PLAN")
    s.add_argument("-o", "--output", metavar="OUT.pdf", required=True)
    s.add_argument(
        "--sections",
        metavar="LIST",
        help="comma-separated sections to include, in any order (default: all): cover, "
        "decision, contents, summary, goals, swot, current, grid, portfolio, roadmap, budget, "
        "finance, proposals, initiatives, delivery, risks, governance, appendix",
    )
    s.add_argument(
        "--detail",
        choices=("all", "ask", "none"),
        default="ask",
        help="initiatives with a page of their own: all, ask (default: the 12 largest "
        "proposed and the 12 largest funded ones, the rest in tables) or none (tables only)",
    )
    s.add_argument(
        "--detail-statuses",
        metavar="LIST",
        help="comma-separated statuses whose initiatives may have a page of their own "
        "(default: proposed,approved,in_progress,done)",
    )
    s.add_argument("--paper", choices=("a4", "letter"), default="a4", help="default a4")
    s.add_argument(
        "--scenario",
        choices=("optimistic", "likely", "pessimistic"),
        default="likely",
        help="the figures shown throughout (default likely)",
    )
    s.add_argument("--logo", metavar="IMAGE", help="a PNG or JPEG for the cover")
    s.add_argument("--footer", default="Confidential", help='footer text (default "Confidential")')
    s.add_argument(
        "--force", action="store_true", help="overwrite an existing file (never a plan)"
    )
    _spreadsheet_parsers(sub)
    return p


def _spreadsheet_parsers(sub: Any) -> None:
    from smbplanner.spreadsheets.targets import TARGETS

    s = sub.add_parser("import", help="rows of a CSV, XLSX or ODS sheet into a table")
    s.add_argument("plan", metavar="PLAN")
    s.add_argument("file", metavar="FILE", help="a .csv, .xlsx, .xls or .ods file")
    s.add_argument("--table", required=True, choices=list(TARGETS), help="the table to fill")
    s.add_argument("--sheet", metavar="NAME",
                   help="the sheet to read (default: the one named as the table, else the "
                        "first)")
    s.add_argument("--existing", choices=("update", "skip"), default="update",
                   help="rows whose name is already in the plan: update it (default) or skip")
    s.add_argument("--dry-run", action="store_true",
                   help="print what would be added or updated; change nothing")

    s = sub.add_parser("export-xlsx", help="the plan as a workbook, figures as live formulas")
    s.add_argument("plan", metavar="PLAN")
    s.add_argument("-o", "--output", metavar="OUT.xlsx", required=True)
    s.add_argument("--force", action="store_true",
                   help="overwrite an existing file (never a plan)")

    s = sub.add_parser("export-csv", help="the plan as one CSV file per table, in a folder")
    s.add_argument("plan", metavar="PLAN")
    s.add_argument("-o", "--output", metavar="FOLDER", required=True)
    s.add_argument("--force", action="store_true",
                   help="overwrite existing files (never a plan)")


def _open_readonly(path: str) -> Any:
    from smbplanner.storage.planfile import PlanFile

    return PlanFile.open(path, readonly=True)


def cmd_new(args: argparse.Namespace) -> int:
    from datetime import date

    from smbplanner.domain.model import Business
    from smbplanner.storage.planfile import PlanFile

    business = Business(
        name=args.name,
        currency=args.currency.upper(),
        start_year=args.start_year or date.today().year,
        horizon_years=args.horizon,
    )
    PlanFile.create(args.plan, business, force=args.force).close()
    print(f"Created {args.plan} for {args.name}.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from smbplanner.sample import large_plan, sample_plan
    from smbplanner.storage.planfile import PlanFile

    if args.size == "large":
        PlanFile.create(args.plan, large_plan(), force=args.force).close()
        print(f"Wrote a large sample plan (300 initiatives, 10 years) to {args.plan}.")
        return 0
    with PlanFile.create(args.plan, sample_plan(), force=args.force) as plan_file:
        _history_for_demo(plan_file)
        name = plan_file.business().name
    print(f"Wrote the sample plan of {name} to {args.plan}.")
    return 0


def _history_for_demo(plan_file: Any) -> None:
    """A baseline taken at the board's approval, then two changes since, so that the
    sample plan has something to compare."""
    from smbplanner.domain.model import Initiative

    plan_file.take_snapshot("Board approval, Q3 2026", taken_at="2026-09-30T16:00:00+00:00")
    initiatives = plan_file.load(snapshots=False).initiatives
    if initiatives:
        first = initiatives[-1]
        quarter = first.start_quarter % 4 + 1
        year = first.start_year + (1 if quarter == 1 else 0)
        plan_file.update(Initiative, first.id, start_year=year, start_quarter=quarter)


def cmd_dump(args: argparse.Namespace) -> int:
    from smbplanner.analysis.plan_figures import plan_figures
    from smbplanner.storage.jsonio import dump_document, to_json_text

    out = Path(args.output) if args.output else None
    if out is not None:
        _check_output(out, args.force, Path(args.plan))
    with _open_readonly(args.plan) as plan_file:
        plan = plan_file.load()
    text = to_json_text(dump_document(plan, plan_figures(plan)))
    if out is not None:
        _write_output(out, text.encode("utf-8"), args.force, Path(args.plan))
    else:
        sys.stdout.write(text)
    return 0


def _check_output(out: Path, force: bool, source: Path) -> None:
    """Refuse, before any work, an output that exists (without ``--force``), that is the
    input, or that is a plan file."""
    from smbplanner.storage.filecopy import check_output

    check_output(out, force=force, sources=[source])


def _write_output(out: Path, data: bytes, force: bool, source: Path) -> None:
    """Write an output file: checked again just before (the file system may have changed
    while the output was built), exclusively unless ``--force``."""
    from smbplanner.storage.filecopy import write_atomically

    _check_output(out, force, source)
    write_atomically(out, lambda tmp: tmp.write_bytes(data), replace=force)


def cmd_load(args: argparse.Namespace) -> int:
    from smbplanner.domain.validation import ValidationError
    from smbplanner.storage.errors import JsonFormatError
    from smbplanner.storage.jsonio import parse_document
    from smbplanner.storage.jsonload import MAX_JSON_BYTES
    from smbplanner.storage.planfile import PlanFile

    name = "standard input" if args.json == "-" else args.json
    try:
        if args.json == "-":
            data = _read_bounded(sys.stdin.buffer, MAX_JSON_BYTES, name)
        else:
            with open(args.json, "rb") as f:
                data = _read_bounded(f, MAX_JSON_BYTES, name)
    except OSError as e:
        raise CliError(f"{name}: cannot be read ({e.strerror or e})") from None
    try:
        plan = parse_document(data)
    except (JsonFormatError, ValidationError) as e:
        raise CliError(f"{name}: {e}") from None
    PlanFile.create(args.plan, plan, force=args.force).close()
    print(f"Created {args.plan} from {name}.")
    return 0


def _read_bounded(stream: Any, limit: int, name: str) -> bytes:
    """At most ``limit`` bytes of ``stream`` (a device or an endless pipe is refused, not
    read until memory runs out)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise CliError(f"{name}: too large for a plan (more than {limit // 2**20:,} MB)")


def cmd_check(args: argparse.Namespace) -> int:
    from smbplanner.analysis.checks import check_plan

    with _open_readonly(args.plan) as plan_file:
        integrity = plan_file.integrity_problems()
        findings = [] if integrity else check_plan(plan_file.load())
    errors = [("error", f"the file: {text}") for text in integrity]
    errors += [(f.severity, f.message) for f in findings]
    for severity, message in errors:
        print(f"{severity}: {message}")
    counted = [e for e in errors if e[0] == "error" or args.strict]
    if not errors:
        print(f"{args.plan}: no problems found.")
    else:
        n_err = sum(1 for e in errors if e[0] == "error")
        from smbplanner.domain.numbers import count

        print(f"{args.plan}: {count(n_err, 'error')}, {count(len(errors) - n_err, 'warning')}.")
    return 1 if counted else 0


def cmd_export(args: argparse.Namespace) -> int:
    from smbplanner.domain.enums import Scenario
    from smbplanner.report import ReportError, ReportOptions, build_board_pack, parse_sections
    from smbplanner.report.options import SECTION_KEYS, parse_statuses

    out = Path(args.output)
    if out.suffix.lower() != ".pdf":
        raise CliError(f"{out}: the output must be a .pdf file")
    _check_output(out, args.force, Path(args.plan))
    try:
        options = ReportOptions(
            sections=parse_sections(args.sections) if args.sections is not None else SECTION_KEYS,
            paper=args.paper,
            scenario=Scenario(args.scenario),
            logo_path=Path(args.logo) if args.logo else None,
            footer=args.footer,
            detail=args.detail,
            **({} if args.detail_statuses is None
               else {"detail_statuses": parse_statuses(args.detail_statuses)}),
        ).checked()
    except ReportError as e:
        raise CliError(f"export: {e}") from None
    with _open_readonly(args.plan) as plan_file:
        plan = plan_file.load(snapshots=False)
    try:
        pdf = build_board_pack(plan, options)
    except ReportError as e:
        raise CliError(f"export: {e}") from None
    _write_output(out, pdf, args.force, Path(args.plan))
    print(f"Wrote the board pack of {plan.business.name} to {out}.")
    return 0


def has_display() -> bool:
    """Whether a window can be shown (Linux needs X11 or Wayland, or an explicit platform)."""
    import os

    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(plan: str | None, *, exit_when_shown: bool = False) -> int:
    if not has_display():
        raise CliError("no display to show the window on; use the headless commands instead: "
                       "summary, dump, check, export (see smbplanner --help)")
    from smbplanner.ui.app import run

    return run(Path(plan) if plan else None, exit_when_shown=exit_when_shown)


def cmd_self_test() -> int:
    """Exit 0 and print "OK: ..." when the window, the sample plan and the PDF export work;
    exit 1 with one line on stderr otherwise."""
    try:
        from smbplanner.ui.selftest import run_self_test

        print(run_self_test(display=has_display()))
    except Exception as e:  # any failure is the answer, in one line
        import os
        import traceback

        if os.environ.get("SMBPLANNER_TRACEBACK"):
            traceback.print_exc()
        where = traceback.extract_tb(e.__traceback__)[-1]
        lines = [line.strip() for line in str(e).splitlines() if line.strip()] or [repr(e)]
        text = lines[0] if len(lines) == 1 else f"{lines[0]} … {lines[-1]}"
        print(f"{PROG}: self-test failed: {type(e).__name__}: {text} "
              f"({Path(where.filename).name}:{where.lineno})", file=sys.stderr)
        return 1
    return 0


def cmd_summary(path: str) -> int:
    from smbplanner.summary import plan_summary

    with _open_readonly(path) as plan_file:
        plan = plan_file.load(snapshots=False)
    sys.stdout.write(plan_summary(plan))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from smbplanner.spreadsheets.cli import run_import

    return run_import(args, CliError)


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from smbplanner.spreadsheets.workbook import workbook_bytes

    out = Path(args.output)
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"{out}: the output must be a .xlsx file")
    _check_output(out, args.force, Path(args.plan))
    with _open_readonly(args.plan) as plan_file:
        plan = plan_file.load(snapshots=False)
    _write_output(out, workbook_bytes(plan), args.force, Path(args.plan))
    print(f"Wrote the workbook of {plan.business.name} to {out}.")
    return 0


def cmd_export_csv(args: argparse.Namespace) -> int:
    from smbplanner.spreadsheets.csvout import write_csv_folder

    with _open_readonly(args.plan) as plan_file:
        plan = plan_file.load(snapshots=False)
    written = write_csv_folder(plan, Path(args.output), force=args.force,
                               sources=[Path(args.plan)])
    print(f"Wrote {len(written)} CSV files of {plan.business.name} to {args.output}.")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "new": cmd_new,
    "demo": cmd_demo,
    "dump": cmd_dump,
    "load": cmd_load,
    "check": cmd_check,
    "export": cmd_export,
    "summary": lambda args: cmd_summary(args.plan),
    "import": cmd_import,
    "export-xlsx": cmd_export_xlsx,
    "export-csv": cmd_export_csv,
}


def _say(message: object) -> None:
    """One line on stderr, whatever the message holds (a newline in a file name, an OS
    error's text): control characters are escaped."""
    from smbplanner.storage.filecopy import shown

    print(f"{PROG}: {shown(str(message))}", file=sys.stderr)


def _run(func: Callable[[], int]) -> int:
    from smbplanner.domain.validation import ValidationError
    from smbplanner.storage.errors import DATABASE_ERRORS, JsonFormatError, PlanFileError

    try:
        return func()
    except (CliError, PlanFileError, JsonFormatError, ValidationError) as e:
        _say(e)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as e:  # a full disk, a read-only file system, a name too long
        where = f"{e.filename}: " if e.filename else ""
        _say(f"{where}{e.strerror or e}")
        return 2
    except DATABASE_ERRORS as e:
        _say(f"the plan file: {e}")
        return 2
    except MemoryError:
        _say("not enough memory for this plan")
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    known = set(COMMANDS)
    if args_list and args_list[0] not in known:
        gui_args = [a for a in args_list if a != "--exit-when-shown"]
        exit_when_shown = len(gui_args) < len(args_list)
        if gui_args and not gui_args[0].startswith("-"):
            if len(gui_args) > 1:
                _parser().error(f"unknown command {gui_args[0]!r}")
            # the app on a plan: straight to the window, no command-line parser built
            return _run(lambda: cmd_gui(gui_args[0], exit_when_shown=exit_when_shown))
    parser = _parser()
    args = parser.parse_args(args_list)
    if args.self_test:
        if args.command is not None:
            parser.error("--self-test takes no command")
        return cmd_self_test()
    if args.command is None:
        return _run(lambda: cmd_gui(None, exit_when_shown=args.exit_when_shown))
    return _run(lambda: COMMANDS[args.command](args))


def gui_main() -> int:
    return main()


if __name__ == "__main__":
    sys.exit(main())
