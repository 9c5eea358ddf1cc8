#!/bin/bash
# The network worker records a partnership meeting: the program suggests
# the host, an attendee comes from the partner registry and is marked as
# attended, two decisions and a task are written; the meeting screen shows
# them, the task is in the tasks view and is closed there.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
partner=$(first_partner)
[ -n "$partner" ] || fail "the demo has no partner"
e2e_start
wait_for "Basket"

keys 5
wait_for "newest first"
keys a
wait_for "New meeting"
wait_for "Suggested host (hosting rotates)"
line_with "Host partner" | grep -q '[[:alpha:]]' || fail "no host suggested in the form"
# A bad time is refused in the form; nothing typed is lost.
type_text "Spotkanie kwartalne PZK"
keys Tab Tab
type_text "half past ten"
keys F2
wait_for "Not saved"
line_with "Title *" | grep -qF "Spotkanie kwartalne PZK" || fail "the title typed was lost"
keys C-u
keys BTab
line_with "Date *" | grep -qF "2026-05-04" || fail "the date is not today"
keys Tab
type_text "10:30"
keys F2
wait_for "Saved: Spotkanie kwartalne PZK"
wait_for "Decisions (0)"
wait_for "2026-05-04 10:30"

# An attendee from the registry, marked as attended.
keys t
wait_for "Attendee: a contact person"
type_text "$(prefix "$partner" 6)"
wait_for "Type to narrow"
keys Enter
wait_for "Attendee added"
wait_for "Attendees (1)"
wait_for "[ ] "
keys Space
wait_for "Marked as attended"
wait_for "[x] "

# Two decisions.
keys D
wait_for "New decision"
type_text "Przyjąć harmonogram spotkań na 2026"
keys F2
wait_for "1. Przyjąć harmonogram spotkań na 2026"
keys D
wait_for "New decision"
type_text "Zaktualizować koszyk usług do czerwca"
keys F2
wait_for "2. Zaktualizować koszyk usług do czerwca"
wait_for "Decisions (2)"

# A task: the owner partner picked from the list, a due date.
keys T
wait_for "New task"
type_text "Zebrać aktualne dane o usługach"
keys Tab
type_text "$(prefix "$partner" 6)"
wait_for "Type to narrow"
keys Enter
wait_gone "Type to narrow"
line_with "Owner partner" | grep -qF "$(prefix "$partner" 6)" ||
	fail "the owner partner is not the one chosen"
keys Tab Tab
type_text "2026-06-30"
keys F2
wait_for "Saved: Zebrać aktualne dane o usługach"
wait_for "Tasks (1)"
wait_for "2026-06-30  open  Zebrać aktualne dane"

# The task in the tasks view by partner, selected as the one saved last;
# Enter opens its form. (The user is the coordinator akowalska, a
# configured user, so the view starts on her own tasks; Tab Tab goes to
# the view by partner, where a made-up user used to start.)
keys 6
wait_line 1 "My tasks"
keys Tab
wait_line 1 "Overdue tasks"
keys Tab
wait_for "Tasks by partner"
wait_for "Zebrać aktualne dane"
keys Enter
wait_for "Edit task"
line_with "Task *" | grep -qF "Zebrać aktualne dane o usługach" ||
	fail "Enter did not open the task just written"
keys Escape
wait_for "Tasks by partner"
keys C
wait_for "Mark the task done?"
keys y
wait_for "Task done: Zebrać aktualne dane o usługach"
line_with "Zebrać aktualne dane" | grep -qF "done" || fail "the task is not shown done"

# Closing recorded when and by whom.
kz list tasks --json >"$E2E_DIR/tasks.json" 2>&1 || fail "koszyk list tasks failed"
python3 - "$E2E_DIR/tasks.json" "$(e2e_login)" <<'PY' || fail "the closed task does not record when and by whom"
import json, sys
tasks = json.load(open(sys.argv[1]))
tasks = tasks.get("tasks", tasks) if isinstance(tasks, dict) else tasks
t = [t for t in tasks if t.get("title") == "Zebrać aktualne dane o usługach"]
assert len(t) == 1, t
assert t[0]["status"] == "done", t
assert t[0]["closed_on"] == "2026-05-04", t
assert t[0]["closed_by"] == sys.argv[2], t
PY
e2e_pass
