#!/bin/bash
# Issue 12, item 8: a partner's screen lists its open tasks (SPEC 3.2) and
# Enter opens one; the case screen lists its team's meetings and their
# open tasks.
. "$(dirname "$0")/lib.sh"

E2E_USER=mnowak
e2e_demo_db
school="Szkoła Podstawowa im. Marii Konopnickiej"
task="Informacja o frekwencji córki"

e2e_start
wait_for "What needs attention"
keys 2
wait_line 1 "Partners"
search "konopnickiej"
wait_for "$school"
keys Enter
wait_for "/ Search"
keys Enter
wait_line 1 "Partner"
keys End
wait_for "Open tasks (1)"
wait_for "$task"
# End: the last line (who changed it); the task is three lines above
keys Up Up Up
keys Enter
wait_for "Task"
wait_for "$task"
keys Escape
wait_line 1 "Partner"

# The case of that meeting: its team's meeting and the open task.
keys 4
wait_for "R/2026/001"
search "R/2026/001"
keys Enter
keys Enter
wait_for "Case R/2026/001"
wait_for "Team (3)"
keys NPage
wait_for "Team meetings (1)"
wait_for "Zadaniowy Zespół Kooperacyjny"
wait_for "Open tasks of the team (1)"
wait_for "$task"
e2e_pass
