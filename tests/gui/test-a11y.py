#!/usr/bin/python3
# test-a11y.py — AIMS Desk as a screen reader sees it, driven end to end
# through the accessibility tree (AT-SPI), as a person would.
#
# Run by meson (tests/gui/meson.build) under `xvfb-run -a dbus-run-session`:
# /usr/bin/python3 test-a11y.py, with AIMSDESK and AIMSCTL naming the built
# programs. It makes a demo database with aimsctl, starts the accessibility
# bus when there is none, starts aimsdesk on the database with its
# accessibility bridge on, and checks by role and accessible name: the
# sidebar's areas, the table of AI systems, the search entry, typing a
# search, and pressing "Add AI System" (the new system is then in the file,
# read back with aimsctl). It also lists the controls a screen reader could
# not name. Then it chooses "Risks" in the sidebar, reads the heatmap's
# cells as a screen reader announces them, presses one and sees the table
# of risks shrink to its count. Last, it chooses "Controls (SoA)", reads the
# tile of group A.6 and presses it to list that group's 9 controls.
#
# Exit status: 0 passed, 1 failed, 77 skipped (no display, no session bus,
# no pyatspi, or an accessibility bus that cannot be reached).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
WAIT_SECONDS = 30

# Roles a person acts on: each must have a name of its own.
NAMED_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button',
    'combo box', 'entry', 'text', 'tree table', 'table', 'list',
}


def log(message):
    print(f'test-a11y: {message}', flush=True)


def skip(reason):
    log(f'SKIP: {reason}')
    sys.exit(SKIP)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)
    log(f'ok: {message}')


def wait_for(what, probe, seconds=WAIT_SECONDS):
    """Calls probe until it returns something true; that value."""
    deadline = time.monotonic() + seconds
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure(f'timed out after {seconds} s waiting for {what}')
        time.sleep(0.1)


# ── The accessibility bus ──────────────────────────────────────────────

def a11y_bus_running():
    if shutil.which('gdbus') is None:
        skip('gdbus is missing (package libglib2.0-bin)')
    result = subprocess.run(
        ['gdbus', 'call', '--session',
         '--dest', 'org.freedesktop.DBus',
         '--object-path', '/org/freedesktop/DBus',
         '--method', 'org.freedesktop.DBus.NameHasOwner', 'org.a11y.Bus'],
        capture_output=True, text=True, timeout=10)
    if result.returncode != 0:
        skip(f'cannot ask the session bus about org.a11y.Bus: {result.stderr.strip()}')
    return 'true' in result.stdout


def start_a11y_bus():
    """Starts at-spi-bus-launcher unless the bus is there; the launcher or None."""
    if a11y_bus_running():
        log('the accessibility bus is already running')
        return None
    launcher_path = '/usr/libexec/at-spi-bus-launcher'
    if not os.access(launcher_path, os.X_OK):
        skip(f'{launcher_path} is missing (package at-spi2-core)')
    log(f'starting {launcher_path} --launch-immediately')
    # In a process group of its own: the bus and the registry it starts
    # hold our output open, so they end with it (stop_a11y_bus).
    launcher = subprocess.Popen([launcher_path, '--launch-immediately'],
                                start_new_session=True)
    try:
        wait_for('org.a11y.Bus on the session bus', a11y_bus_running, 10)
    except Failure:
        stop_a11y_bus(launcher)
        skip('at-spi-bus-launcher did not take org.a11y.Bus on the session bus')
    return launcher


def stop_a11y_bus(launcher):
    if launcher is None:
        return
    try:
        os.killpg(launcher.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        launcher.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(launcher.pid, signal.SIGKILL)
        launcher.wait()


# ── The tree ───────────────────────────────────────────────────────────

def children(node):
    try:
        return [child for child in node if child is not None]
    except Exception:   # a node that went away while it was read
        return []


def walk(node, depth=0):
    yield node
    if depth < 60:
        for child in children(node):
            yield from walk(child, depth + 1)


def role(node):
    try:
        return node.getRoleName()
    except Exception:
        return ''


def name(node):
    try:
        return node.name or ''
    except Exception:
        return ''


def find(nodes, role_names, accessible_name):
    """The first of nodes with one of role_names and that name, or None."""
    return next((node for node in nodes
                 if role(node) in role_names and name(node) == accessible_name), None)


def find_application(registry, pid):
    for app in children(registry.getDesktop(0)):
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            pass
        if name(app) == 'aimsdesk':
            return app
        if any('AIMS Desk' in name(window) for window in children(app)):
            return app
    return None


def is_unnamed(node):
    """A control whose name is empty, its type's name, or a raw mnemonic."""
    text = name(node).strip()
    return (text == ''
            or (text.startswith(('Gtk', 'Adw', 'Aims')) and ' ' not in text)
            or '_' in text)


def internal_part(node):
    """Parts of GTK's and libadwaita's own widgets that we cannot name: the
    button inside a drop-down, the list in a combo row's popover, the list
    of rows inside a table."""
    try:
        parent = node.parent
        if role(parent) in ('tree table', 'table'):
            return True
        for _ in range(8):
            if parent is None:
                return False
            if role(parent) == 'combo box':
                return True
            parent = parent.parent
    except Exception:
        pass
    return False


def table_rows(table):
    """The rows of the column view: the rows of its list, not its header."""
    rows = []
    for part in children(table):
        if role(part) == 'list':
            rows.extend(child for child in children(part) if role(child) == 'table row')
    return rows


# ── The checks ─────────────────────────────────────────────────────────

def list_systems(aimsctl, db):
    result = subprocess.run([aimsctl, 'list', 'systems', db, '--format', 'csv'],
                            capture_output=True, text=True, timeout=30)
    if result.returncode != 0:
        raise Failure(f'aimsctl list systems failed: {result.stderr.strip()}')
    return list(csv.DictReader(io.StringIO(result.stdout)))


def loaded_tree(window):
    """Every node of the window once the table of AI systems has its rows
    (reading the tree is slow: one D-Bus call a node), or None."""
    nodes = list(walk(window))
    table = find(nodes, {'tree table', 'table'}, 'AI Systems')
    return nodes if table is not None and table_rows(table) else None


def check_all_named(nodes, what):
    """Every control a person acts on has a name."""
    unnamed = [f'{role(node)} {name(node)!r}' for node in nodes
               if role(node) in NAMED_ROLES and is_unnamed(node) and not internal_part(node)]
    check(not unnamed, what + ('' if not unnamed else '; without one: ' + ', '.join(unnamed)))


# "Likelihood 4 Likely, impact 5 Severe: 3 risks, band Critical"
CELL_NAME = re.compile(r'Likelihood (\d) \S.*, impact (\d) \S.*: (\d+) (risk|risks), band \S.*')


def ancestors(node):
    chain = []
    while node is not None and len(chain) < 60:
        chain.append(node)
        try:
            node = node.parent
        except Exception:
            break
    return chain


def laid_out(node):
    """The node's widget has a size on screen: its page is shown. GTK 4.8
    reports no "showing" state, and a button of a page never shown yet
    ignores a press."""
    try:
        _, _, width, height = node.queryComponent().getExtents(0)
        return width > 0 and height > 0
    except Exception:
        return False


def check_risks_page(nodes, areas):
    """nodes: the window's tree read before; every page is in it (GTK 4.8
    tells no "showing" state apart), so it is not read whole again."""
    # Chosen in the sidebar as a person would.
    def risks_row():
        rows = [item for item in children(areas) if role(item) == 'list item']
        return next(((i,) for i, item in enumerate(rows) if name(item) == 'Risks'), None)

    # Read again until it answers: adding a system just reloaded the window.
    (index,) = wait_for('a row named "Risks" in the sidebar', risks_row)
    selection = areas.querySelection()
    check(selection.selectChild(index), 'chose "Risks" in the sidebar')
    wait_for('the row "Risks" to be selected', lambda: selection.isChildSelected(index))
    table = find(nodes, {'tree table', 'table'}, 'Risks')
    check(table is not None, 'there is a table named "Risks"')
    wait_for('the rows of the table "Risks"', lambda: table_rows(table))

    # Each cell is announced with its levels, its count and its band.
    cells = [node for node in nodes
             if role(node) == 'push button' and name(node).startswith('Likelihood ')]
    check(len(cells) >= 9, f'the heatmap offers {len(cells)} cells as push buttons')
    log(f'a cell: {name(cells[0])!r}')
    wrong = [name(cell) for cell in cells if not CELL_NAME.fullmatch(name(cell))]
    check(not wrong, 'every cell reads "Likelihood N Label, impact N Label: N risk(s), band Name"' +
          ('' if not wrong else f'; not: {wrong}'))
    matches = [(CELL_NAME.fullmatch(name(cell)), cell) for cell in cells]
    check(all((match.group(3) == '1') == (match.group(4) == 'risk') for match, _ in matches),
          'one risk is "1 risk", others are "N risks"')
    counted = [(int(match.group(3)), cell) for match, cell in matches]
    wait_for('the heatmap to be shown', lambda: laid_out(cells[0]))

    # Pressing a cell lists its risks: the fewest above none, so that every
    # row of the table is drawn.
    count, cell = min(((n, cell) for n, cell in counted if n > 0),
                      key=lambda pair: pair[0], default=(0, None))
    check(cell is not None, 'a cell counts some risks')
    before = len(table_rows(table))
    check(count < before, f'the table shows {before} rows before, more than the cell\'s {count}')
    action = cell.queryAction()
    check(action.doAction(0), f'pressed {name(cell)!r}')
    wait_for(f'the table "Risks" to show {count} rows', lambda: len(table_rows(table)) == count)
    log(f'rows after pressing the cell: {len(table_rows(table))}')

    # The page: where the table meets the page's own header bar.
    add = find(nodes, {'push button'}, 'Add Risk')
    check(add is not None, 'there is a button named "Add Risk"')
    page = next(node for node in ancestors(table) if node in ancestors(add))
    check_all_named(list(walk(page)), 'every control on the Risks page has an accessible name')

    check(action.doAction(0), 'pressed the cell again')
    wait_for('the table "Risks" to show every row again', lambda: len(table_rows(table)) == before)


def check_controls_page(nodes, areas):
    """The Statement of Applicability: a group's tile is a toggle button
    that says how far the group has come; pressing it lists the group."""
    def controls_row():
        rows = [item for item in children(areas) if role(item) == 'list item']
        return next(((i,) for i, item in enumerate(rows) if name(item) == 'Controls (SoA)'), None)

    (index,) = wait_for('a row named "Controls (SoA)" in the sidebar', controls_row)
    selection = areas.querySelection()
    check(selection.selectChild(index), 'chose "Controls (SoA)" in the sidebar')
    wait_for('the row "Controls (SoA)" to be selected', lambda: selection.isChildSelected(index))
    table = find(nodes, {'tree table', 'table'}, 'Controls')
    check(table is not None, 'there is a table named "Controls"')
    before = len(wait_for('the rows of the table "Controls"', lambda: table_rows(table)))

    # "A.6 AI system life cycle: 9 of 9 decided · 3 implemented"
    # GTK 4.8 gives a toggle button the role of a push button, "pressed" or not.
    tile = next((node for node in nodes if role(node) in ('push button', 'toggle button')
                 and name(node).startswith('A.6 AI system life cycle: ')), None)
    check(tile is not None, 'there is a button named "A.6 AI system life cycle: …"')
    check(re.fullmatch(r'A\.6 AI system life cycle: \d+ of 9 decided · \d+ implemented', name(tile)),
          f'the tile of A.6 reads {name(tile)!r}')
    action = tile.queryAction()
    check(action.doAction(0), 'pressed the tile of A.6')
    wait_for('the table "Controls" to show the 9 controls of A.6', lambda: len(table_rows(table)) == 9)

    page = next(node for node in ancestors(table) if node in ancestors(tile))
    check_all_named(list(walk(page)), 'every control on the Controls page has an accessible name')

    check(action.doAction(0), 'pressed the tile of A.6 again')
    wait_for('the table "Controls" to show every row again', lambda: len(table_rows(table)) == before)


def check_objectives_page(nodes, areas):
    """The objectives: each card is a push button that says where its
    objective stands, in words; its sparkline is an image with a
    description; pressing a card opens its chart, described too."""
    def objectives_row():
        rows = [item for item in children(areas) if role(item) == 'list item']
        return next(((i,) for i, item in enumerate(rows) if name(item) == 'Objectives'), None)

    (index,) = wait_for('a row named "Objectives" in the sidebar', objectives_row)
    selection = areas.querySelection()
    check(selection.selectChild(index), 'chose "Objectives" in the sidebar')
    wait_for('the row "Objectives" to be selected', lambda: selection.isChildSelected(index))

    # "OBJ-001 All high-risk …: At risk. Latest 89 %, target 100 %. …"
    card_name = re.compile(r'OBJ-\d+ .+: (On track|At risk|Off track|Overdue|Not measured yet|No target)\. .+')
    cards = [node for node in nodes if role(node) == 'push button' and name(node).startswith('OBJ-')]
    check(len(cards) >= 4, f'the page offers {len(cards)} objectives as push buttons')
    log(f'a card: {name(cards[0])!r}')
    wrong = [name(card) for card in cards if not card_name.fullmatch(name(card))]
    check(not wrong, 'every card names its status in words' + ('' if not wrong else f'; not: {wrong}'))
    sparklines = [node for node in nodes if role(node) == 'image' and name(node).startswith('Sparkline: ')]
    check(len(sparklines) == len(cards), f'{len(sparklines)} sparklines are described, one per card')

    card = next(card for card in cards if 'Not measured' not in name(card))
    wait_for('the cards to be shown', lambda: laid_out(card))
    check(card.queryAction().doAction(0), f'pressed {name(card)[:40]!r}…')
    chart = wait_for('the chart of the objective', lambda: next(
        (node for node in nodes if role(node) == 'image' and name(node).startswith('Chart: ')
         and laid_out(node)), None))
    check(re.fullmatch(r'Chart: \d+ measurements?, latest .+', name(chart)), f'the chart reads {name(chart)!r}')

    page = next(node for node in ancestors(chart) if node in ancestors(card))
    page_nodes = list(walk(page))
    check_all_named(page_nodes, 'every control on the Objectives page has an accessible name')
    # In the page's header, beside the views; shown only now: read again.
    back = find(list(walk(page.parent)), {'push button'}, 'All Objectives')
    check(back is not None and back.queryAction().doAction(0), 'pressed "All Objectives"')


def run_checks(app, aimsctl, db):
    window = wait_for('the main window showing the database',
                      lambda: next((frame for frame in children(app)
                                    if role(frame) == 'frame' and 'demo.aimsdb' in name(frame)), None))
    log(f'window: {name(window)!r}')
    nodes = wait_for('the table "AI Systems" and its rows', lambda: loaded_tree(window))

    # The sidebar names its areas.
    areas = find(nodes, {'list'}, 'Areas')
    check(areas is not None, 'there is a list named "Areas" (the sidebar)')
    area_names = [name(item) for item in children(areas) if role(item) == 'list item']
    log(f'sidebar rows: {area_names}')
    check('AI Systems' in area_names, 'the sidebar has a row named "AI Systems"')
    check('People' in area_names, 'the sidebar has a row named "People"')

    # The table of AI systems.
    table = find(nodes, {'tree table', 'table'}, 'AI Systems')
    all_rows = len(table_rows(table))
    check(all_rows >= 10, f'the table "AI Systems" shows {all_rows} rows (at least 10)')

    # Searching shrinks the table.
    search = find(nodes, {'entry'}, 'Search AI systems')
    check(search is not None, 'there is an entry named "Search AI systems"')
    editable = search.queryEditableText()
    check(editable.setTextContents('credit'), 'typed "credit" into the search entry')
    wait_for('the table to shrink', lambda: 0 < len(table_rows(table)) < all_rows)
    log(f'rows after searching: {len(table_rows(table))} of {all_rows}')
    editable.setTextContents('')
    wait_for('the table to show every row again', lambda: len(table_rows(table)) == all_rows)

    check_all_named(nodes, 'every control has an accessible name')

    # Pressing "Add AI System" adds one.
    before = list_systems(aimsctl, db)
    add = find(nodes, {'push button'}, 'Add AI System')
    check(add is not None, 'there is a button named "Add AI System"')
    action = add.queryAction()
    actions = [action.getName(i) for i in range(action.nActions)]
    check(actions, f'"Add AI System" has actions {actions}')
    check(action.doAction(0), f'pressed "Add AI System" ({actions[0]})')
    after = wait_for('a new system in the file',
                     lambda: (lambda rows: rows if len(rows) > len(before) else None)(
                         list_systems(aimsctl, db)))
    known = {row['id'] for row in before}
    added = [row for row in after if row['id'] not in known]
    check(len(added) == 1,
          f'aimsctl lists one new system: {[row.get("reference") for row in added]}')

    check_risks_page(nodes, areas)
    check_objectives_page(nodes, areas)
    check_controls_page(nodes, areas)


def main():
    aimsdesk = os.environ.get('AIMSDESK')
    aimsctl = os.environ.get('AIMSCTL')
    if not aimsdesk or not aimsctl:
        log('AIMSDESK and AIMSCTL must name the built aimsdesk and aimsctl')
        return 1
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        skip('no display (run under xvfb-run -a)')
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        skip('no session bus (run under dbus-run-session)')
    try:
        import pyatspi
    except ImportError as error:
        skip(f'pyatspi is not installed (python3-pyatspi): {error}')

    launcher = start_a11y_bus()
    try:
        pyatspi.Registry.getDesktop(0).childCount
    except Exception as error:
        stop_a11y_bus(launcher)
        skip(f'the AT-SPI registry cannot be reached: {error}')

    workdir = tempfile.mkdtemp(prefix='aims-test-a11y-')
    db = os.path.join(workdir, 'demo.aimsdb')
    app_process = None
    try:
        subprocess.run([aimsctl, 'init', db, '--demo'], check=True, timeout=60,
                       stdout=subprocess.DEVNULL)

        env = dict(os.environ)
        env.pop('NO_AT_BRIDGE', None)    # the bridge is what this test reads
        env['HOME'] = workdir
        env['XDG_DATA_HOME'] = os.path.join(workdir, 'data')
        env['XDG_CONFIG_HOME'] = os.path.join(workdir, 'config')
        env['XDG_CACHE_HOME'] = os.path.join(workdir, 'cache')
        log(f'starting {aimsdesk} {db}')
        # The AI systems first: the window would open on the dashboard.
        app_process = subprocess.Popen([aimsdesk, '--page', 'systems', db], env=env)

        def application():
            if app_process.poll() is not None:
                raise Failure(f'aimsdesk exited with status {app_process.returncode}')
            return find_application(pyatspi.Registry, app_process.pid)

        app = wait_for('aimsdesk on the AT-SPI desktop', application)
        log(f'found the application {name(app)!r}')
        run_checks(app, aimsctl, db)
        if app_process.poll() is not None:
            raise Failure(f'aimsdesk exited with status {app_process.returncode}')
        log('PASS')
        return 0
    except Failure as failure:
        log(f'FAIL: {failure}')
        return 1
    finally:
        if app_process is not None and app_process.poll() is None:
            app_process.send_signal(signal.SIGTERM)
            try:
                app_process.wait(10)
            except subprocess.TimeoutExpired:
                app_process.kill()
                app_process.wait()
        stop_a11y_bus(launcher)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
