"""The child of the crash loop: edits a plan through ``PlanFile`` until it is killed.

``python -m tests.reliability.crash_child PLAN SEED FIRST`` opens PLAN for editing, prints
``S <json of the stale lock taken over, or null>``, then forever: prints ``B <n> <edit>``
before an edit and ``C <n>`` once it has committed (each line flushed). Edit ``n`` writes the
mark ``E<n>`` into two places at once (two rows or two fields), so a half-applied edit shows.

Edits: ``add`` an initiative E<n> with an option E<n> (two rows); ``upd <name>`` sets an
initiative's description and owner; ``many`` sets the descriptions of goals 1 and 2 (two rows,
one edit of two steps); ``biz`` sets the business's IT vision and mission; ``del <name>``
deletes an initiative (its option and links cascade); ``link <name> <goal> <c>`` /
``unlink <name> <goal>``.
"""

from __future__ import annotations

import json
import random
import sys

from smbplanner.domain.model import Goal, Initiative, Option
from smbplanner.storage.edits import perform
from smbplanner.storage.planfile import PlanFile


def say(*parts: object) -> None:
    """One line, in one write: a kill never leaves half a line but at the very end."""
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    path, seed, n = argv[0], int(argv[1]), int(argv[2])
    rng = random.Random(seed)
    plan_file = PlanFile.open(path)
    say("S", json.dumps(plan_file.stale_lock))
    ids: dict[str, int] = {}
    for i in plan_file.load(snapshots=False).initiatives:
        if i.name.startswith("E"):
            ids[i.name] = i.id  # type: ignore[assignment]
    while True:
        mark = f"E{n}"
        roll = rng.random()
        names = sorted(ids)
        if roll < 0.3 or not names:
            say("B", n, "add")
            new = Initiative(name=mark, start_year=2026, options=[Option(name=mark)])
            ids[mark] = plan_file.add(new)
        elif roll < 0.45:
            name = rng.choice(names)
            say("B", n, "upd", name)
            plan_file.update(Initiative, ids[name], description=mark, owner=mark)
        elif roll < 0.6:
            say("B", n, "many")
            perform(plan_file, lambda e, m=mark: [e.update(Goal, g, description=m) for g in (1, 2)])
        elif roll < 0.7:
            say("B", n, "biz")
            plan_file.update_business(it_vision=mark, it_mission=mark)
        elif roll < 0.8 and len(names) > 2:
            name = rng.choice(names)
            say("B", n, "del", name)
            plan_file.delete(Initiative, ids.pop(name))
        else:
            name, goal = rng.choice(names), rng.choice((1, 2))
            if rng.random() < 0.75:
                contribution = rng.choice((1, 2, 3))
                say("B", n, "link", name, goal, contribution)
                plan_file.set_goal_link(ids[name], goal, contribution)
            else:
                say("B", n, "unlink", name, goal)
                plan_file.set_goal_link(ids[name], goal, None)
        say("C", n)
        n += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
