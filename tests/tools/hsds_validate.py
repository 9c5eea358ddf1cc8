#!/usr/bin/python3
"""Validate an HSDS tabular export against its own datapackage.json.

For every resource: the file exists, its header is the schema's field
names in order, every value fits its type (string, number, integer,
boolean, date, time, datetime) and format (uuid, email, uri), required
fields have a value, enum constraints hold, unique fields and the primary
key are unique, foreign keys resolve. Standard library only. Prints each
problem and exits 1 when there is any, 0 otherwise.
Usage: hsds_validate.py DIR
"""
import csv
import datetime
import json
import os
import re
import sys

UUID = re.compile(r'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-'
                  r'[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')


def fits(value, field):
    kind = field.get('type', 'string')
    fmt = field.get('format')
    try:
        if kind == 'number':
            float(value)
        elif kind == 'integer':
            int(value)
        elif kind == 'boolean':
            return value in ('true', 'false', 'True', 'False', '1', '0')
        elif kind == 'date':
            return bool(re.match(r'^\d{4}-\d{2}-\d{2}$', value)) and \
                bool(datetime.date.fromisoformat(value))
        elif kind == 'time':
            return bool(re.match(r'^\d{2}:\d{2}:\d{2}$', value)) and \
                bool(datetime.time.fromisoformat(value))
        elif kind in ('datetime', 'date-time'):
            datetime.datetime.fromisoformat(value.replace('Z', '+00:00'))
        elif fmt == 'uuid':
            return bool(UUID.match(value))
        elif fmt == 'email':
            return bool(re.match(r'^[^@\s]+@[^@\s]+$', value))
        elif fmt == 'uri':
            return bool(re.match(r'^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$', value))
    except ValueError:
        return False
    return True


def as_list(x):
    return x if isinstance(x, list) else [x]


def read(path):
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    return rows[0] if rows else [], rows[1:]


def main():
    top = sys.argv[1]
    with open(os.path.join(top, 'datapackage.json'), encoding='utf-8') as f:
        package = json.load(f)
    problems = []
    tables = {}
    for res in package['resources']:
        path = os.path.join(top, res['path'])
        if not os.path.isfile(path):
            problems.append('%s: missing' % res['path'])
            continue
        header, rows = read(path)
        fields = res['schema']['fields']
        names = [f['name'] for f in fields]
        if header != names:
            problems.append('%s: header %s, schema %s' % (res['path'], header, names))
            continue
        table = [dict(zip(names, r)) for r in rows]
        tables[res['name']] = table
        for n, (raw, row) in enumerate(zip(rows, table), start=2):
            where = '%s: row %d' % (res['path'], n)
            if len(raw) != len(names):
                problems.append('%s: %d cells, %d columns' % (where, len(raw), len(names)))
                continue
            for f in fields:
                v = row[f['name']]
                c = f.get('constraints', {})
                if v == '':
                    if c.get('required'):
                        problems.append('%s: %s is required' % (where, f['name']))
                    continue
                if not fits(v, f):
                    problems.append('%s: %s "%s" is not a %s' % (
                        where, f['name'], v, f.get('format') or f.get('type')))
                if 'enum' in c and v not in c['enum']:
                    problems.append('%s: %s "%s" not in %s' % (where, f['name'], v, c['enum']))
        for f in fields:
            if f.get('constraints', {}).get('unique'):
                seen = [r[f['name']] for r in table if r[f['name']] != '']
                if len(seen) != len(set(seen)):
                    problems.append('%s: %s not unique' % (res['path'], f['name']))
        pk = as_list(res['schema'].get('primaryKey', []))
        if pk:
            keys = [tuple(r[k] for k in pk) for r in table]
            if len(keys) != len(set(keys)):
                problems.append('%s: primary key %s not unique' % (res['path'], pk))
    for res in package['resources']:
        table = tables.get(res['name'])
        if table is None:
            continue
        for fk in res['schema'].get('foreignKeys') or []:
            cols = as_list(fk['fields'])
            ref = fk['reference']
            target = tables.get(ref['resource'], [])
            tcols = as_list(ref['fields'])
            keys = {tuple(r[c] for c in tcols) for r in target}
            for n, r in enumerate(table, start=2):
                val = tuple(r[c] for c in cols)
                if all(v == '' for v in val):
                    continue
                if val not in keys:
                    problems.append('%s: row %d: %s %s not in %s' % (
                        res['path'], n, cols, val, ref['resource']))
    for p in problems[:50]:
        print(p)
    if len(problems) > 50:
        print('... %d problems in all' % len(problems))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
