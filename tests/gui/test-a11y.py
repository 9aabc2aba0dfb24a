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
# not name.
#
# Exit status: 0 passed, 1 failed, 77 skipped (no display, no session bus,
# no pyatspi, or an accessibility bus that cannot be reached).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import io
import os
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

    # Every control a person acts on has a name.
    unnamed = [f'{role(node)} {name(node)!r}' for node in nodes
               if role(node) in NAMED_ROLES and is_unnamed(node) and not internal_part(node)]
    check(not unnamed, 'every control has an accessible name' +
          ('' if not unnamed else '; without one: ' + ', '.join(unnamed)))

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
